import datetime
import hashlib
import itertools
import json
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection, connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Concat, ExtractYear, Left, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from members.models import Membership, Organisation, Person

from .archive_version import cached_per_version
from .excerpts import (
    EXCERPT_WINDOW,
    FRAGMENT_WORDS,
    HIGHLIGHT_START,
    HIGHLIGHT_STOP,
    MAX_WORDS,
    fragment_excerpt,
    highlighted_html,
    sentence_excerpt,
    window_excerpt,
)
from .models import (
    SEARCH_CONFIG,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    case_url,
    item_reference,
    item_url,
    meeting_url,
    partial_presence,
)
from .models import Case as ArchiveCase  # Case is also Django's conditional expression
from .querysets import meeting_public_from_q
from .search import CompiledQuery, Reference

ATTENDANCE_GROUP_ORDER = [
    Attendance.Group.MEMBER,
    Attendance.Group.SERVING_SUBSTITUTE,
    Attendance.Group.SUBSTITUTE,
    Attendance.Group.SECRETARY,
    Attendance.Group.OFFICIAL,
    Attendance.Group.GUEST,
]
MEMBERSHIP_ROLE_ORDER = [
    Membership.Role.CHAIR,
    Membership.Role.VICE_CHAIR,
    Membership.Role.SECOND_VICE_CHAIR,
    Membership.Role.MEMBER,
    Membership.Role.SUBSTITUTE,
    Membership.Role.SECRETARY,
]


def _order_by_choice(field_name: str, order: list) -> Case:
    return Case(
        *[When(**{field_name: value}, then=Value(index)) for index, value in enumerate(order)],
        default=Value(len(order)),
        output_field=IntegerField(),
    )


def items_redact(items) -> list[AgendaItem]:
    """Blanks what the public may not read of confidential items: only number, position and ground stay.

    A sub-point of a confidential item is confidential too, on the same ground.
    """
    items = list(items)
    parent_ids = {item.parent_id for item in items if item.parent_id and not item.confidential}
    confidential_parents = (
        dict(
            AgendaItem.objects.filter(pk__in=parent_ids, confidential=True).values_list(
                "pk", "confidentiality_ground"
            )
        )
        if parent_ids
        else {}
    )
    for item in items:
        if not item.confidential and item.parent_id in confidential_parents:
            item.confidential = True
            item.confidentiality_ground = confidential_parents[item.parent_id]
        if item.confidential:
            item.title = item.summary = item.discussion = item.case_number = item.search_document = ""
            # Which case a secret paragraph belongs to is secret too.
            item.case = None
            cache = getattr(item, "_prefetched_objects_cache", None)
            if cache is not None:
                for name in ("decisions", "presenters", "links"):
                    if name in cache:
                        cache[name] = getattr(item, name).none()
    return items


def item_prefetches() -> list:
    return [
        Prefetch("decisions", queryset=Decision.objects.order_by("position", "pk")),
        Prefetch("presenters", queryset=Person.objects.order_by("name")),
        "links",
    ]


# ---------------------------------------------------------------------------------------------------
# Numbering (admin)


def body_next_paragraph_number(*, body: Body, exclude_meeting: Meeting | None = None) -> int:
    """The next free § number of a body: numbering runs on through the body's meetings."""
    items = AgendaItem.objects.filter(meeting__body=body)
    if exclude_meeting is not None and exclude_meeting.pk:
        items = items.exclude(meeting=exclude_meeting)
    highest = items.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def meeting_next_item_numbers(*, meeting: Meeting | None, body: Body | None, count: int) -> list[dict]:
    """Initial § numbers and positions for ``count`` new agenda items of a meeting.

    A record of notes gets positions only; a protocol continues from the highest § number of the
    meeting, or of the body when the meeting has none yet.
    """
    existing = (
        AgendaItem.objects.filter(meeting=meeting) if meeting and meeting.pk else AgendaItem.objects.none()
    )
    aggregate = existing.aggregate(number=Max("number"), position=Max("position"))
    next_position = (aggregate["position"] or 0) + 1
    numbered = not (meeting and meeting.record_kind == Meeting.RecordKind.NOTES)
    if aggregate["number"] is not None:
        next_number = aggregate["number"] + 1
    elif body is not None and numbered:
        next_number = body_next_paragraph_number(body=body, exclude_meeting=meeting)
    else:
        next_number = None
    return [
        {
            "position": next_position + offset,
            "number": next_number + offset if next_number is not None and numbered else None,
        }
        for offset in range(count)
    ]


# ---------------------------------------------------------------------------------------------------
# Home and bodies


def _item_count():
    """The number of a meeting's items as a correlated subquery: computed for the rows shown only,
    where ``Count("items")`` would join and group every meeting before the page is cut."""
    return Subquery(
        AgendaItem.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count"),
        output_field=IntegerField(),
    )


def home_latest_meetings(*, limit: int = 8) -> list[Meeting]:
    """The latest public meetings, newest first, through the meeting date index."""
    return list(
        Meeting.objects.public()
        .select_related("body__organisation")
        .annotate(item_count=Coalesce(_item_count(), 0))
        .order_by("-date", "body__name")[:limit]
    )


@dataclass
class DirectoryBody:
    name: str
    url: str
    public_meeting_count: int
    latest_meeting_date: datetime.date | None = None
    kind: str = ""


@dataclass
class DirectoryOrganisation:
    name: str
    bodies: list[DirectoryBody]


DIRECTORY_CACHE_SECONDS = 60


def organisations_with_bodies() -> list[DirectoryOrganisation]:
    """Organisations that have bodies, each with its bodies and their number of public meetings.

    Counting means reading every public meeting, so the list is kept for a minute: the home page
    shows it on every visit, and a count a minute old is right enough for a directory. Plain
    values, not model instances, so that the cache holds (and unpickles) only what is shown.
    """
    return cache.get_or_set("home:directory", _organisations_with_bodies, DIRECTORY_CACHE_SECONDS)


def _organisations_with_bodies() -> list[DirectoryOrganisation]:
    public_meetings = Q(meetings__in=Meeting.objects.public())
    bodies = (
        Body.objects.public()
        .annotate(
            public_meeting_count=Count("meetings", filter=public_meetings),
            latest_meeting_date=Max("meetings__date", filter=public_meetings),
        )
        .order_by("name")
    )
    organisations = (
        Organisation.objects.filter(Exists(bodies.filter(organisation=OuterRef("pk"))))
        .order_by("name")
        .prefetch_related(Prefetch("bodies", queryset=bodies))
    )
    return [
        DirectoryOrganisation(
            name=organisation.name,
            bodies=[
                DirectoryBody(
                    name=body.name,
                    url=body.get_absolute_url(),
                    public_meeting_count=body.public_meeting_count,
                    latest_meeting_date=body.latest_meeting_date,
                    kind=str(body.get_kind_display()),
                )
                for body in organisation.bodies.all()
            ],
        )
        for organisation in organisations
    ]


MEETINGS_PER_PAGE = 50


@dataclass
class YearLink:
    year: int
    count: int


def body_meetings(*, body: Body):
    """The body's public meetings, newest first (for pagination; count their items with
    :func:`meetings_with_item_counts` once the page is cut)."""
    return Meeting.objects.public().filter(body=body).select_related("body").order_by("-date")


def body_year_meetings(*, body: Body, year: int) -> list[Meeting]:
    """The body's public meetings of one year, oldest first (a year reads as it happened), with
    their item counts. A body meets at most a few hundred times a year, so the page is whole."""
    return meetings_with_item_counts(
        Meeting.objects.public().filter(body=body, date__year=year).select_related("body").order_by("date")
    )


def meetings_with_item_counts(meetings) -> list[Meeting]:
    """The given meetings, each with ``item_count``, in one query for all of them.

    After pagination, not as an annotation: PostgreSQL computes a select list's subquery for the
    rows an OFFSET skips too, so a deep page would count the items of every meeting before it.
    """
    meetings = list(meetings)
    counts = dict(
        AgendaItem.objects.filter(meeting__in=meetings)
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values_list("meeting", "count")
    )
    for meeting in meetings:
        meeting.item_count = counts.get(meeting.pk, 0)
    return meetings


def body_meeting_years(*, body: Body) -> list[YearLink]:
    """The years the body has public meetings in, newest first, with their number of meetings."""
    rows = (
        Meeting.objects.public()
        .filter(body=body)
        .annotate(year=ExtractYear("date"))
        .order_by("-year")
        .values("year")
        # COUNT(date), not COUNT(id): the same number (a meeting always has a date), read from
        # the index meeting_body_date_idx alone.
        .annotate(count=Count("date"))
        .values_list("year", "count")
    )
    return [YearLink(year=year, count=count) for year, count in rows]


def meetings_by_year(meetings) -> list[tuple[int, list[Meeting]]]:
    """Meetings (newest first) grouped by year, for headings."""
    return [(year, list(group)) for year, group in itertools.groupby(meetings, key=lambda m: m.date.year)]


@dataclass
class BodyMembers:
    """The members to show for a body, and where they come from."""

    rows: list = field(default_factory=list)
    source: str = "memberships"  # or "attendance"
    meeting: Meeting | None = None


def body_current_members(*, body: Body) -> BodyMembers:
    """Current members from the body's memberships; without any, the members of its latest public meeting."""
    memberships = list(
        Membership.objects.current()
        .filter(body=body)
        .select_related("person", "party", "organisation")
        .order_by(_order_by_choice("role", MEMBERSHIP_ROLE_ORDER), "person__name")
    )
    if memberships:
        return BodyMembers(rows=memberships)
    latest = Meeting.objects.public().filter(body=body).order_by("-date").first()
    if latest is None:
        return BodyMembers(rows=[], source="attendance")
    rows = list(
        Attendance.objects.filter(
            meeting=latest,
            group__in=[Attendance.Group.MEMBER, Attendance.Group.SERVING_SUBSTITUTE],
        )
        .select_related("person", "party", "organisation")
        .order_by("position", "pk")
    )
    return BodyMembers(rows=rows, source="attendance", meeting=latest)


# ---------------------------------------------------------------------------------------------------
# Meetings and paragraphs


@dataclass
class AttendanceGroup:
    group: str
    label: str
    rows: list


def _attendance_group_labels() -> dict:
    # Headings as records print them (Ledamöter, Övriga…): plural, unlike the model's choice labels.
    return {
        Attendance.Group.MEMBER: _("Members"),
        Attendance.Group.SERVING_SUBSTITUTE: _("Serving substitutes"),
        Attendance.Group.SUBSTITUTE: _("Substitutes"),
        Attendance.Group.SECRETARY: _("Secretary"),
        Attendance.Group.OFFICIAL: _("Others"),
        Attendance.Group.GUEST: _("Invited"),
    }


def attendance_grouped(attendances) -> tuple[list[AttendanceGroup], list[AttendanceGroup]]:
    """Present and absent attendance, each grouped as the record groups it."""
    labels = _attendance_group_labels()
    present: dict[str, list] = {}
    absent: dict[str, list] = {}
    for row in attendances:
        (present if row.present and not row.is_vacant else absent).setdefault(row.group, []).append(row)

    def ordered(groups: dict) -> list[AttendanceGroup]:
        keys = sorted(
            groups,
            key=lambda g: ATTENDANCE_GROUP_ORDER.index(g) if g in ATTENDANCE_GROUP_ORDER else 99,
        )
        return [AttendanceGroup(group=key, label=labels.get(key, key), rows=groups[key]) for key in keys]

    return ordered(present), ordered(absent)


def meeting_public_get(*, slug: str, date: datetime.date) -> Meeting | None:
    return (
        Meeting.objects.public()
        .select_related("body__organisation")
        .filter(body__slug=slug, date=date)
        .first()
    )


@dataclass
class MeetingPage:
    meeting: Meeting
    items: list
    present: list
    absent: list
    previous: Meeting | None
    next: Meeting | None


def meeting_draft_get(*, slug: str, date: datetime.date) -> Meeting | None:
    """A meeting that is not public yet, for the draft preview of those allowed to see it (see access)."""
    return (
        Meeting.objects.exclude(pk__in=Meeting.objects.public().values("pk"))
        .select_related("body__organisation")
        .filter(body__slug=slug, date=date)
        .first()
    )


def meeting_neighbours(*, meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The body's public meetings just before and after this one."""
    siblings = Meeting.objects.public().filter(body=meeting.body_id).select_related("body")
    previous = siblings.filter(date__lt=meeting.date).order_by("-date").first()
    following = siblings.filter(date__gt=meeting.date).order_by("date").first()
    return previous, following


@dataclass
class PageVersion:
    key: tuple
    updated_at: datetime.datetime


def meeting_public_version(*, slug: str, date: datetime.date) -> PageVersion | None:
    """The version of a public meeting's page (its ``updated_at``, which signals bump when the
    meeting, anything on its page or a neighbouring meeting changes), or None when it is not public."""
    row = Meeting.objects.public().filter(body__slug=slug, date=date).values_list("pk", "updated_at").first()
    return PageVersion(key=row, updated_at=row[1]) if row else None


def meeting_page(*, meeting: Meeting, draft: bool = False) -> MeetingPage:
    """Everything a meeting page shows, in a number of queries that does not grow with the record.

    ``draft`` builds the page of a meeting not yet public, exactly as it will be published; only the
    draft preview passes it, after asking ``meetings.access``.
    """
    items = AgendaItem.objects.filter(meeting=meeting) if draft else AgendaItem.objects.public()
    items = items_redact(
        items.filter(meeting=meeting)
        .select_related("case")
        .prefetch_related(*item_prefetches())
        .order_by("position")
    )
    for item in items:
        item.meeting = meeting  # links to items need the meeting and body: no query per item
    attendances = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "party", "organisation", "substitute_for")
        .order_by("position", "pk")
    )
    present, absent = attendance_grouped(attendances)
    previous, following = meeting_neighbours(meeting=meeting)
    return MeetingPage(meeting, items, present, absent, previous, following)


def meeting_signatures_and_adjusters(*, meeting: Meeting):
    signatures = list(meeting.signatures.select_related("person"))
    adjusters = list(meeting.adjusters.order_by("name"))
    return signatures, adjusters


def paragraphs_by_number(*, slug: str, year: int, number: int) -> list[AgendaItem]:
    """Public items of a body with this § number in this year: one, or several if numbering restarted.

    Without decisions, presenters and links: :func:`item_with_content` adds them when the page is
    rendered, which a cached page does not need.
    """
    return items_redact(
        AgendaItem.objects.public()
        .filter(meeting__body__slug=slug, meeting__date__year=year, number=number)
        .select_related("meeting__body__organisation", "case")
        .order_by("meeting__date", "position")
    )


def item_by_position(*, meeting: Meeting, position: int) -> AgendaItem | None:
    items = items_redact(
        AgendaItem.objects.public()
        .filter(meeting=meeting, position=position)
        .select_related("meeting__body__organisation", "case")
    )
    return items[0] if items else None


def item_with_content(*, item: AgendaItem) -> AgendaItem:
    """The item with its decisions, presenters and links loaded, confidential content blanked."""
    prefetch_related_objects([item], *item_prefetches())
    return items_redact([item])[0]


def meeting_item_outline(*, meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items for navigation, without their texts; confidential titles blanked."""
    items = items_redact(
        AgendaItem.objects.public()
        .filter(meeting=meeting)
        .only("pk", "meeting", "number", "position", "label", "title", "confidential", "parent")
        .order_by("position")
    )
    for item in items:
        item.meeting = meeting
    return items


def reference_candidates(*, reference: Reference, limit: int = 50) -> list[AgendaItem]:
    """Public items that a paragraph reference ("§ 175 2022 styrgruppen") may mean, newest first."""
    items = AgendaItem.objects.public().filter(number=reference.number)
    if reference.year:
        items = items.filter(meeting__date__year=reference.year)
    for word in reference.body_words.split()[:5]:
        items = items.filter(
            Q(meeting__body__name__icontains=word)
            | Q(meeting__body__short_name__iexact=word)
            | Q(meeting__body__slug__icontains=word)
            | Q(meeting__body__organisation__name__icontains=word)
            | Q(meeting__body__organisation__short_name__iexact=word)
        )
    return items_redact(
        items.select_related("meeting__body__organisation").order_by("-meeting__date", "position")[:limit]
    )


# ---------------------------------------------------------------------------------------------------
# Cases (ärenden)


CASE_PARAGRAPHS_PER_PAGE = 50


@dataclass
class CaseSummary:
    """What the case page says of the whole case: its number as the public records write it, how
    many paragraphs the public may read, and the dates of the first and the latest."""

    number: str
    count: int
    first: datetime.date
    latest: datetime.date
    title: str


def case_public_get(*, organisation_slug: str, slug: str) -> ArchiveCase | None:
    """A case with at least one paragraph the public may read (``Case.objects.public()``)."""
    return (
        ArchiveCase.objects.public()
        .select_related("organisation")
        .filter(organisation__slug=organisation_slug, slug=slug)
        .first()
    )


def case_summary(*, case: ArchiveCase) -> CaseSummary | None:
    """The case's number, count and period from its public paragraphs only, in two queries: the
    number as a draft or a secret paragraph wrote it is not shown."""
    paragraphs = AgendaItem.objects.searchable().filter(case=case)
    totals = paragraphs.aggregate(count=Count("pk"), first=Min("meeting__date"), latest=Max("meeting__date"))
    first = paragraphs.order_by("meeting__date", "position", "pk").values_list("case_number", "title").first()
    if first is None:
        return None  # its last public paragraph went since the case was looked up
    return CaseSummary(number=first[0], title=first[1], **totals)


def _public_items_listed():
    """Public paragraphs as the case and person pages list them: meeting, body, organisation and
    case joined, decisions in order in one more query."""
    return (
        AgendaItem.objects.searchable()
        .select_related("meeting__body__organisation", "case")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("position", "pk")))
    )


def case_paragraphs(*, case: ArchiveCase):
    """The case's paragraphs the public may read, in every body of its organisation, in the order
    they were handled, with their decisions (for pagination: a page costs two queries)."""
    return _public_items_listed().filter(case=case).order_by("meeting__date", "position", "pk")


CASES_PER_PAGE = 50


@dataclass
class CaseRow:
    """A case in an organisation's index: its number and first title as the public records write
    them, its number of public paragraphs and the date of the latest."""

    url: str
    number: str
    title: str
    count: int
    latest: datetime.date


def organisation_cases(*, organisation: Organisation, on: datetime.date | None = None):
    """The organisation's cases with public paragraphs, latest handled first, as rows of
    (case id, paragraph count, latest date) for pagination; then :func:`case_rows` on the page.

    Read from the summary each case keeps of its published paragraphs (``Case.published_*``,
    written by the database): a region's 40,000 cases are read alone, where aggregating their
    60,000 paragraphs took 170–230 ms at each version of the archive. A case with a paragraph that
    becomes public only after ``on`` (today; a protocol posted for a later date) counts its public
    paragraphs itself: a few cases, for a few days."""
    on = on or timezone.localdate()
    public = AgendaItem.objects.searchable(on=on).filter(case=OuterRef("pk")).order_by().values("case")
    settled = Q(published_public_from__lte=on)
    return (
        ArchiveCase.objects.filter(organisation=organisation, published_paragraphs__gt=0)
        .annotate(
            count=Case(
                When(settled, then=F("published_paragraphs")),
                default=Subquery(public.annotate(count=Count("pk")).values("count")),
            ),
            latest=Case(
                When(settled, then=F("published_latest")),
                default=Subquery(public.annotate(latest=Max("meeting_date")).values("latest")),
            ),
        )
        .filter(count__gt=0)
        .order_by("-latest", "-pk")
        .values_list("pk", "count", "latest")
    )


def case_rows(*, organisation: Organisation, rows) -> list[CaseRow]:
    """The page's cases with the number and title of each one's first public paragraph: one query."""
    rows = list(rows)
    firsts = {
        case_id: (number, title, slug)
        for case_id, number, title, slug in AgendaItem.objects.searchable()
        .filter(case__in=[case_id for case_id, _count, _latest in rows])
        .order_by("case", "meeting_date", "position", "pk")
        .distinct("case")
        .values_list("case", "case_number", "title", "case__slug")
    }
    return [
        CaseRow(
            url=reverse(
                "meetings:case_detail", kwargs={"organisation": organisation.slug, "slug": firsts[case_id][2]}
            ),
            number=firsts[case_id][0],
            title=firsts[case_id][1],
            count=count,
            latest=latest,
        )
        for case_id, count, latest in rows
        if case_id in firsts
    ]


# ---------------------------------------------------------------------------------------------------
# People


def people_public():
    """People with a page (the public rule, ``Person.objects.public()``)."""
    return Person.objects.public()


def person_is_public(*, person: Person) -> bool:
    """A person has a page when public, non-confidential content names them (``Person.objects.public()``).

    Attendance at a public meeting, the rule's first and by far most common ground, is asked first
    on its own: a look at the person's index entries, where the whole rule is six subqueries that
    take Django longer to write than PostgreSQL to answer."""
    if Attendance.objects.filter(meeting_public_from_q(), person=person).exists():
        return True
    return people_public().filter(pk=person.pk).exists()


def people_public_lookup(*, text: str, limit: int = 6) -> list[Person]:
    """The public person whose address slug is ``text``, else the public people so named (any spelling)."""
    text = " ".join(text.split())[:200]
    by_slug = Person.objects.filter(slug=text).first()
    if by_slug is not None and person_is_public(person=by_slug):
        return [by_slug]
    return list(people_public().named(text).order_by("name", "pk")[:limit])


def people_public_suggestions(*, term: str, limit: int = 10) -> list[Person]:
    """Public people with a word of their name or of a spelling of it starting with each word of
    ``term`` (``PersonQuerySet.name_words_start``: an index look-up, where a "contains" scanned
    every person), names starting with ``term`` first."""
    term = " ".join(term.split())[:100]
    if len(term) < 2:
        return []
    starts = Q(name__istartswith=term)
    return list(
        people_public()
        .name_words_start(term)
        .annotate(starts=Case(When(starts, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("starts", "name", "pk")
        .only("pk", "name", "slug")[:limit]
    )


class PeopleIndex:
    """People by id in a given order, read from the database a page at a time: the object list
    of the people index's Paginator (its length is the count, a slice one query)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: slice) -> list[Person]:
        ids = self.ids[index]
        people = Person.objects.only("pk", "name", "slug").in_bulk(ids)
        return [people[pk] for pk in ids if pk in people]


def people_public_ids() -> list[int]:
    """The ids of the public people (``Person.objects.public()``), A–Ö by name, then by id.

    Kept per version of the archive and day (:func:`~meetings.archive_version.cached_per_version`):
    asked in one query, the rule costs a second at a million paragraphs, because PostgreSQL
    answers its grounds other than attendance for the whole archive at once (hashed subplans)
    as soon as one person lacks a public attendance. Computed in two steps instead: every person
    in order with the first day of their public attendance (:class:`~meetings.models.PersonPublicDay`,
    kept by the database), then the full rule for those without public attendance only."""
    return cached_per_version("people-public-ids", _people_public_ids)


def _people_public_ids() -> list[int]:
    today = timezone.localdate()
    rows = [
        (pk, first is not None and first <= today)
        for pk, first in Person.objects.order_by(Lower("name"), "pk").values_list(
            "pk", "public_day__first_public_from"
        )
    ]
    others = [pk for pk, attended in rows if not attended]
    public_others = (
        set(people_public().filter(pk__in=others).values_list("pk", flat=True)) if others else set()
    )
    return [pk for pk, attended in rows if attended or pk in public_others]


def people_index(*, name: str = "", party=None, body=None) -> PeopleIndex:
    """Public people A–Ö (:func:`people_public_ids`), optionally by a part of their name (any
    spelling), a party they attended or sat for, or a body they attended or are a member of (for
    pagination; then :func:`people_with_parties_and_bodies` on the page).

    Each filter asks for its own people from its own index (the attendance of one party or body,
    ``attendance_party_person_idx`` and ``attendance_body_person_idx``), and the sets are
    intersected here: asked per person, the filters read every attendance row of the archive."""
    ids = people_public_ids()
    name = " ".join(name.split())[:100]
    if not (name or party or body):
        return PeopleIndex(ids)
    wanted = []
    if name:
        named = Person.objects.filter(Q(name__icontains=name) | Q(alternative_names__icontains=name))
        wanted.append(set(named.values_list("pk", flat=True)))
    if party is not None:
        wanted.append(_people_of(Q(party=party), Q(party=party)))
    if body is not None:
        wanted.append(_people_of(Q(meeting_body=body), Q(body=body)))
    kept = set.intersection(*wanted)
    return PeopleIndex([pk for pk in ids if pk in kept])


def _people_of(attendance: Q, membership: Q) -> set[int]:
    """The people with a public attendance or a public membership matching the conditions."""
    attended = (
        Attendance.objects.filter(meeting_public_from_q(), attendance)
        .order_by()
        .values_list("person", flat=True)
        .distinct()
    )
    members = Membership.objects.public().filter(membership).values_list("person", flat=True)
    return {*attended, *members} - {None}


@dataclass(frozen=True)
class BodyLink:
    name: str
    url: str

    @cached_property
    def html(self) -> SafeString:
        """The link, written once per body however many rows name it."""
        return format_html('<a href="{}">{}</a>', self.url, self.name)


@dataclass
class PersonRow:
    person: Person
    party: str  # the abbreviation last recorded, or ""
    bodies: list[BodyLink]  # by name

    @property
    def bodies_html(self) -> SafeString:
        """The bodies as links, comma-separated, as the people index prints them (a page of 100
        people names bodies a thousand times: a loop in the template costs more than the page's SQL)."""
        return mark_safe(", ".join(body.html for body in self.bodies))


def people_with_parties_and_bodies(people) -> list[PersonRow]:
    """Each person of a page with the party last recorded for them (the newest public meeting's
    attendance that records one, or a newer membership) and the public bodies they attended or
    are members of, in five queries whatever the page's size.

    The newest attendance that records a party is looked up per person, present and absent
    apart, each the first entry of the person's index that records one (two steps into the index
    a person): sorting all their attendance instead took 37 ms for 100 members of 700 meetings each."""
    people = list(people)
    attended = Attendance.objects.filter(meeting_public_from_q(), person__in=people)
    bodies = attended.values_list("person", "meeting_body").distinct().order_by()
    newest = {
        present: Subquery(
            Attendance.objects.filter(
                meeting_public_from_q(), person=OuterRef("pk"), present=present, party__isnull=False
            )
            .order_by("-meeting_date")
            .values("pk")[:1]
        )
        for present in (True, False)
    }
    newest_ids = (
        Person.objects.filter(pk__in=[person.pk for person in people])
        .annotate(present=newest[True], absent=newest[False])
        .values_list("present", "absent")
    )
    parties = Attendance.objects.filter(
        pk__in=[pk for pair in newest_ids for pk in pair if pk is not None]
    ).values_list("person", "meeting_body", "meeting_date", "party__abbreviation")
    memberships = (
        Membership.objects.public()
        .filter(person__in=people)
        .values_list("person", "body", "start_date", "party__abbreviation")
    )
    return _person_rows(
        people, [(person, body, None, "") for person, body in bodies], [*parties, *memberships]
    )


def person_summary(*, person: Person, years: list["AttendanceYear"], memberships: list) -> PersonRow:
    """The person page's row of :func:`people_with_parties_and_bodies`, from what the page reads
    anyway (the attendance by year and the memberships) and the newest attendance that records a
    party: the person's newest index entries, not all of their thousands."""
    attended = Attendance.objects.filter(meeting_public_from_q(), person=person, party__isnull=False)
    newest = [
        attended.filter(present=present)
        .order_by("-meeting_date")
        .values_list("person", "meeting_body", "meeting_date", "party__abbreviation")
        .first()
        for present in (True, False)
    ]
    held = [
        (person.pk, membership.body_id, membership.start_date, getattr(membership.party, "abbreviation", ""))
        for membership in memberships
    ]
    bodies = [(person.pk, year.body_id, None, "") for year in years]
    return _person_rows([person], bodies, [row for row in newest if row] + held)[0]


def _person_rows(people: list[Person], attended: list[tuple], recorded: list[tuple]) -> list[PersonRow]:
    """People with their bodies (from both lists of (person, body, date, party) rows) and the
    party of the newest row that records one (``recorded``; a row without a date is oldest)."""
    bodies_of: dict[int, set[int]] = {}
    latest_party: dict[int, tuple] = {}
    for person_id, body_id, date, party in [*attended, *recorded]:
        bodies_of.setdefault(person_id, set()).add(body_id)
        when = date or datetime.date.min
        if party and (person_id not in latest_party or when > latest_party[person_id][0]):
            latest_party[person_id] = (when, party)
    # Each body's address once: a page of 100 people names a hundred bodies a thousand times.
    bodies = {
        body.pk: BodyLink(name=body.name, url=body.get_absolute_url())
        for body in Body.objects.filter(pk__in={b for ids in bodies_of.values() for b in ids}).only(
            "pk", "name", "slug"
        )
    }
    return [
        PersonRow(
            person=person,
            party=latest_party.get(person.pk, (None, ""))[1],
            bodies=sorted((bodies[b] for b in bodies_of.get(person.pk, ())), key=lambda b: b.name),
        )
        for person in people
    ]


def person_memberships(*, person: Person) -> list:
    return list(
        person.memberships.public()
        .select_related("body", "party", "organisation")
        .order_by(F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True), "body__name")
    )


# What a row of a person's attendance shows (date, body, group or role, partial presence, party,
# organisation) and links with.
ATTENDANCE_ROW_COLUMNS = [
    "meeting__date",
    "meeting__body__name",
    "meeting__body__slug",
    "group",
    "present",
    "role",
    "title",
    "paragraph_from",
    "paragraph_to",
    "agenda_position",
    "party__abbreviation",
    "organisation__name",
]


def person_attendances(*, person: Person, present: bool):
    """The person's attendance (or absence) at public meetings, newest first (for pagination): the
    count and the page read the person's index entries (the meeting's copied date and public day),
    not the meetings; :func:`attendance_rows` reads a page's rows."""
    return Attendance.objects.filter(meeting_public_from_q(), person=person, present=present).order_by(
        "-meeting_date", "pk"
    )


@dataclass
class AttendanceRow:
    """A row of a person's attendance as the person page shows it."""

    meeting_url: str
    date: str  # as the row prints it: 2024-03-05
    body: str
    capacity: str  # the role in the body, else the group, with the title and partial presence
    party: str
    organisation: str


def attendance_rows(attendances) -> list[AttendanceRow]:
    """The rows of a page of :func:`person_attendances`, read as the values they show
    (:data:`ATTENDANCE_ROW_COLUMNS`) and written out here: the template then prints six plain
    values a row. As model instances with their meeting, body, party and organisation, walked by
    the template, a page of 50 rows took three times as long. (The page's count is of the
    attendance alone: with the columns' joins it would cost more.)"""
    roles, groups = dict(Attendance.Role.choices), dict(Attendance.Group.choices)
    rows = []
    for row in attendances.values(*ATTENDANCE_ROW_COLUMNS):
        if row["role"]:
            capacity = capfirst(roles.get(row["role"], row["role"]))
        else:
            capacity = capfirst(groups.get(row["group"], row["group"]))
        if row["title"]:
            capacity = f"{capacity}, {row['title']}"
        partial = partial_presence(
            paragraph_from=row["paragraph_from"],
            paragraph_to=row["paragraph_to"],
            agenda_position=row["agenda_position"],
        )
        if partial:
            capacity = f"{capacity} ({partial})"
        date = row["meeting__date"]
        rows.append(
            AttendanceRow(
                meeting_url=meeting_url(body_slug=row["meeting__body__slug"], date=date),
                date=date.isoformat(),
                body=row["meeting__body__name"],
                capacity=capacity,
                party=row["party__abbreviation"] or "",
                organisation=row["organisation__name"] or "",
            )
        )
    return rows


def person_presented_items(*, person: Person):
    """Public items the person presented, newest first, with their decisions and case (for
    pagination; redact each page). A page costs two queries whatever its length."""
    # Never a confidential paragraph: a presenter named there is part of what is secret.
    return _public_items_listed().filter(presenters=person).order_by("-meeting__date", "position", "pk")


@dataclass
class AttendanceYear:
    """One body in one year of a person's attendance: meetings attended and missed."""

    year: int
    body_id: int
    body_name: str
    body_slug: str
    attended: int
    absent: int


def person_attendance_by_year(*, person: Person) -> list[AttendanceYear]:
    """The person's attendance at public meetings per year and body, newest year first, bodies by
    name: one aggregate query over the person's index entries (the meeting's copied date, body and
    public day), however many meetings (a long-serving member attends thousands), then the names
    of the few bodies (grouping by the id alone, not sorting thousands of rows by a name)."""
    rows = list(
        Attendance.objects.filter(meeting_public_from_q(), person=person)
        .annotate(year=ExtractYear("meeting_date"))
        .values("year", "meeting_body")
        # Counting the meeting (in the attendance index), not the row id: read from the index alone.
        .annotate(
            attended=Count("meeting", filter=Q(present=True)),
            absent=Count("meeting", filter=Q(present=False)),
        )
        .order_by()
    )
    bodies = Body.objects.only("name", "slug").in_bulk({row["meeting_body"] for row in rows})
    years = [
        AttendanceYear(
            year=row["year"],
            body_id=row["meeting_body"],
            body_name=bodies[row["meeting_body"]].name,
            body_slug=bodies[row["meeting_body"]].slug,
            attended=row["attended"],
            absent=row["absent"],
        )
        for row in rows
    ]
    return sorted(years, key=lambda row: (-row.year, row.body_name))


# ---------------------------------------------------------------------------------------------------
# Search


# The most matches a search looks at. The hit count is exact up to this many and shown as "more
# than" beyond; relevance is ranked among the newest this many matches, found through the meeting
# date index, so a word in half the archive costs what a word in a few thousand paragraphs costs.
SEARCH_CANDIDATES = 2000
RESULTS_PER_PAGE = 20


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"


def searchable_items():
    """Every item the search can show, unordered: what a FilterSet narrows before
    :func:`search_result_ids` applies the words, orders and bounds the matches, and
    :func:`search_results_page` fetches one page of rows with their excerpts. Narrow on purpose
    (no joins, no excerpts)."""
    return AgendaItem.objects.searchable()


def search_items(*, compiled: CompiledQuery, items=None):
    """The ``items`` (all searchable items when not given) matching the compiled query, found by
    the search index; all of them without words; unordered."""
    if items is None:
        items = searchable_items()
    if compiled and _loose_index_query_pays(compiled):
        # The index is asked the looser query (each phrase's words but the last, whole) and every
        # row it gives is checked against the whole query by a function call, which no index
        # serves: the last word of a phrase is a prefix, and for a prefix the index collects every
        # word it starts (twice the cost of "psykisk hälsa" at a million paragraphs).
        items = items.filter(
            search_vector=SearchQuery(compiled.index_tsquery, search_type="raw", config=SEARCH_CONFIG)
        ).filter(_matches_without_index(compiled))
    elif compiled:
        items = items.filter(search_vector=compiled.search_query())
    return items


def _matches_without_index(compiled: CompiledQuery) -> Func:
    """Whether a row's search vector matches the query, as a function call: no index serves it, so
    PostgreSQL checks it on each row it reads for the other conditions."""
    return Func(
        F("search_vector"), compiled.search_query(), function="ts_match_vq", output_field=BooleanField()
    )


# The filtered paragraphs are checked against the words one by one only when the planner expects
# at most this many of them: a few milliseconds, and few enough that PostgreSQL reads them on the
# filter's index rather than walking the archive's dates in search of them.
PER_ROW_MAX_ITEMS = 20_000


def _words_checked_per_row(items, compiled: CompiledQuery) -> bool:
    """Whether the planner expects at most :data:`PER_ROW_MAX_ITEMS` of the filtered ``items``,
    and fewer than the paragraphs the search index would give for the words: then each of those
    items is read on the index that serves the filter and checked, and the search index is not
    asked at all. For a word common as a prefix that index collects every paragraph holding a word
    it starts ("vård" starts words in 303,000 paragraphs: 100 ms), where a body's year has 4,000
    paragraphs (4 ms); the planner's own costs do not tell the two apart. (Not for filters the
    items' indexes do not serve, such as a person: the paragraphs of 5,000 meetings are not
    together on any of them, and PostgreSQL would walk the archive's dates to find them.)"""
    rows = _planned_rows(items)
    return rows <= PER_ROW_MAX_ITEMS and rows < _matches_at_most(compiled)


# The looser index query is used when its rarest word is at most this much more common than the
# phrase's rarest word: otherwise the rows it gives to check would cost more than the prefix.
LOOSE_INDEX_QUERY_FACTOR = 2.0


# The planner's estimates of phrase words are kept this long: they change with the statistics
# (ANALYZE), not with each write, and only size the ranges of dates a phrase is read in.
ESTIMATES_TIMEOUT = 3600


def phrase_estimates(compiled: CompiledQuery) -> dict[str, float]:
    """The planner's estimate per phrase word (see :func:`_estimated_rows`), stop words left out;
    asked once per compiled query, and kept in the cache for the same words (three queries less
    for a phrase searched again)."""
    if compiled.estimates is None:
        terms = sorted(set(compiled.phrase_words))
        key = "phrase-estimates:" + hashlib.sha256(repr(terms).encode()).hexdigest()[:32]
        compiled.estimates = cache.get_or_set(
            key, lambda: {term: _estimated_rows(term) for term in _indexed_terms(terms)}, ESTIMATES_TIMEOUT
        )
    return compiled.estimates


def query_estimate(compiled: CompiledQuery) -> float:
    """The planner's estimate of the paragraphs matching the whole query (see
    :func:`_estimated_rows`), kept in the cache for the same query like :func:`phrase_estimates`."""
    key = "query-estimate:" + hashlib.sha256(compiled.tsquery.encode()).hexdigest()[:32]
    return cache.get_or_set(key, lambda: _estimated_rows(compiled.tsquery), ESTIMATES_TIMEOUT)


def paragraphs_estimate() -> float:
    """The planner's estimate of all the paragraphs (from the table's statistics), kept in the
    cache like the words' estimates."""
    return cache.get_or_set(
        "paragraphs-estimate", lambda: _planned_rows(AgendaItem.objects.all()), ESTIMATES_TIMEOUT
    )


def _matches_at_most(compiled: CompiledQuery) -> float:
    """How many paragraphs can match, by the planner's estimate: for a phrase, those holding its
    rarest word (the planner takes a phrase's words to go together no more than chance would have
    it, and "psykisk hälsa" would be estimated at a thirtieth of its matches); otherwise the
    whole query's."""
    if compiled.has_phrase:
        return min(phrase_estimates(compiled).values(), default=1)
    return query_estimate(compiled)


def _loose_index_query_pays(compiled: CompiledQuery) -> bool:
    """Whether each phrase keeps, without its last word, a word the index knows that is about as
    rare as the phrase's rarest: then the index can be asked the looser query."""
    if not compiled.has_phrase:
        return False
    estimates = phrase_estimates(compiled)
    for phrase in compiled.phrases:
        kept_rows = _estimates_but_last(estimates, phrase)
        if not kept_rows:
            return False  # only stop words before the last word ("och omsorg")
        phrase_rows = [estimates[term] for term in phrase if term in estimates]
        if min(kept_rows) > LOOSE_INDEX_QUERY_FACTOR * min(phrase_rows):
            return False
    return True


def decision_items():
    """Searchable items with at least one decision: the rows of the decisions view, narrowed by its
    filters and then by the words, ordered and bounded by :func:`search_result_ids` like the search."""
    return searchable_items().filter(Exists(Decision.objects.filter(agenda_item=OuterRef("pk"))))


def decision_items_page(*, ids: list[int], kind: str | None = None) -> list[AgendaItem]:
    """The items of one page of the decisions view, in the given order, each with its decisions
    (only those of ``kind`` when given) as ``shown_decisions``: two queries for any page."""
    decisions = Decision.objects.order_by("position", "pk")
    if kind:
        decisions = decisions.filter(kind=kind)
    items = (
        AgendaItem.objects.searchable()
        .filter(pk__in=ids)
        .select_related("meeting__body__organisation", "case")
        .prefetch_related(Prefetch("decisions", queryset=decisions, to_attr="shown_decisions"))
    )
    by_id = {item.pk: item for item in items}
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class SearchCount:
    """How many items match: exact up to the bound, a lower bound ("more than") beyond it."""

    value: int
    more: bool


class SearchResultIds:
    """The ids of ordered search results for Django's Paginator, within the bound.

    ``count()`` is capped at :data:`SEARCH_CANDIDATES` and ``count_info`` says whether there are
    more; only the slices the Paginator asks for are fetched.
    """

    def __init__(self, fetch, count: SearchCount):
        self._fetch = fetch  # (offset, limit) -> list of ids
        self.count_info = count

    def count(self) -> int:
        return self.count_info.value

    def __len__(self) -> int:
        return self.count_info.value

    def __getitem__(self, index: slice) -> list[int]:
        start = index.start or 0
        stop = len(self) if index.stop is None else min(index.stop, len(self))
        return self._fetch(start, max(0, stop - start))


def search_count(matches) -> SearchCount:
    """Counts the matches up to :data:`SEARCH_CANDIDATES` and says whether there are more."""
    found = matches.order_by()[: SEARCH_CANDIDATES + 1].count()
    return SearchCount(value=min(found, SEARCH_CANDIDATES), more=found > SEARCH_CANDIDATES)


def search_result_ids(
    *, items, compiled: CompiledQuery, sort: str, filtered: bool = False, filtered_by_row: bool = False
) -> SearchResultIds:
    """The ids of the ``items`` (searchable items, narrowed by the filters when ``filtered``)
    matching the words, in the order to show, for pagination, within the bound.

    The words are found by the search index, or checked on each item when a filter read from the
    item's own row (``filtered_by_row``: a body, a year, dates) leaves fewer items than the index
    would give (:func:`_words_checked_per_row`). By relevance (when there are words): one query
    takes the newest :data:`SEARCH_CANDIDATES` matches (all of them when there are no more) with
    their rank, and they are ordered here by rank: the count and every page come from those rows.
    The newest matches of a phrase, or of words in thousands of paragraphs, are taken a range of
    dates at a time (see :func:`_by_date_ranges`). Newest or oldest first: a capped count, then
    each page walks the paragraphs by date, so a deep page costs its offset and never a sort of
    every match.
    """
    per_row = bool(compiled) and filtered_by_row and _words_checked_per_row(items, compiled)
    if per_row:
        matches = items.filter(_matches_without_index(compiled))
    else:
        matches = search_items(compiled=compiled, items=items)
    if sort == Sort.OLDEST or sort == Sort.NEWEST or not compiled:
        direction = "" if sort == Sort.OLDEST else "-"
        ordered = matches.order_by(f"{direction}meeting_date", "position", "pk").values_list("pk", flat=True)
        return SearchResultIds(
            lambda offset, limit: list(ordered[offset : offset + limit]), search_count(matches)
        )
    ranked = matches.annotate(rank=SearchRank(F("search_vector"), compiled.search_query())).values_list(
        "pk", "rank", "meeting_date", "position"
    )
    if not per_row and _by_date_ranges(compiled, filtered=filtered):
        rows = _newest_by_windows(ranked, compiled=compiled, limit=SEARCH_CANDIDATES + 1, filtered=filtered)
        # Best rank first; among equals the newest meeting, then the order on the agenda.
        rows[:SEARCH_CANDIDATES] = sorted(
            rows[:SEARCH_CANDIDATES],
            key=lambda row: (-row[1], -(row[2] or datetime.date.min).toordinal(), row[3], row[0]),
        )
        ids = [row[0] for row in rows]
    else:
        ids = _ranked_newest_ids(ranked, limit=SEARCH_CANDIDATES)
    count = SearchCount(value=min(len(ids), SEARCH_CANDIDATES), more=len(ids) > SEARCH_CANDIDATES)
    del ids[SEARCH_CANDIDATES:]
    return SearchResultIds(lambda offset, limit: ids[offset : offset + limit], count)


# Words are read by ranges of dates when the planner expects them in more than this many times the
# paragraphs the bound holds: the first range then reads at most a quarter of their paragraphs,
# which pays for its two queries more. (A word missing from the statistics, rare or absent, is
# estimated at half the rarest word kept there: 3,252 paragraphs at a million.)
WORDS_BY_RANGES_FACTOR = 4
# Words in more than this share of the paragraphs are not read by ranges of dates: walking the
# date index finds 2,000 of them at once, and each range would add the search index's bitmap of
# every paragraph holding them ("vård", in 55 %).
WORDS_BY_RANGES_SHARE = 0.05


def _by_date_ranges(compiled: CompiledQuery, *, filtered: bool) -> bool:
    """Whether the newest matches are taken a range of dates at a time (:func:`_newest_by_windows`):
    those of a phrase, and of words the planner expects in several times the paragraphs the bound
    holds and in at most :data:`WORDS_BY_RANGES_SHARE` of them ("kompetensförsörjning": 16,354 matches,
    85 ms as one query, 25 ms by ranges); but not for words with filters, which make the matches
    fewer than the estimate."""
    if compiled.has_phrase:
        return True
    if filtered:
        return False
    estimate = query_estimate(compiled)
    return (
        SEARCH_CANDIDATES * WORDS_BY_RANGES_FACTOR < estimate <= WORDS_BY_RANGES_SHARE * paragraphs_estimate()
    )


def _ranked_newest_ids(ranked, *, limit: int) -> list[int]:
    """The ids of the newest ``limit`` rows of ``ranked`` (pk, rank, meeting date, position) by
    rank, best first, and then the id of the next newest row if there is one (the sign that there
    are more): ordered by the database, so that only ids travel, not 2,000 rows to sort here."""
    newest = ranked.order_by("-meeting_date", "-pk")[: limit + 1]
    sql, params = newest.query.get_compiler(using=newest.db).as_sql()
    with connections[newest.db].cursor() as cursor:
        cursor.execute(
            f"""
            SELECT id FROM (
                SELECT id, rank, meeting_date, position,
                       row_number() OVER (ORDER BY meeting_date DESC, id DESC) > %s AS beyond
                  FROM ({sql}) AS newest (id, rank, meeting_date, position)
            ) AS candidates
            -- As the matches are shown: best rank first; among equals the newest meeting, then
            -- the order on the agenda.
            ORDER BY beyond, rank DESC, meeting_date DESC NULLS LAST, position, id
            """,
            [limit, *params],
        )
        return [row[0] for row in cursor.fetchall()]


# A phrase search's first range of dates is sized to hold this many times the matches needed (by
# the planner's estimate), and never less than this many days; the second, from the matches
# found per day, with the same margin.
WINDOW_MARGIN = 1.2
MIN_WINDOW_DAYS = 30


def _estimated_rows(term: str) -> float:
    """The planner's estimate of the paragraphs holding a tsquery term (a prefix counts every word
    it starts), from the search vector's statistics kept by ANALYZE: planning only, no rows read."""
    return _planned_rows(
        AgendaItem.objects.filter(search_vector=SearchQuery(term, search_type="raw", config=SEARCH_CONFIG))
    )


def _planned_rows(queryset) -> float:
    """The rows the planner expects ``queryset`` to give (EXPLAIN: planned, not run)."""
    plan = json.loads(queryset.explain(format="json"))
    return float(plan[0]["Plan"]["Plan Rows"])


def _indexed_terms(terms: list[str]) -> list[str]:
    """The terms the search configuration keeps: a stop word ("och") is in no vector and no query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT term FROM unnest(%s::text[]) AS term WHERE numnode(to_tsquery(%s::regconfig, term)) > 0",
            [terms, SEARCH_CONFIG],
        )
        return [row[0] for row in cursor.fetchall()]


def _newest_by_windows(ranked, *, compiled: CompiledQuery, limit: int, filtered: bool = False) -> list[tuple]:
    """The newest ``limit`` rows of ``ranked`` (a search's matches), taken a range of meeting dates
    at a time, newest first: the same rows as one query over the archive, from fewer pages.

    For a phrase the search index can only say which paragraphs hold all its words; each of those
    must be read to check the order, and for words common together that is tens of thousands of
    rows. A word in tens of thousands of paragraphs is read the same way for its date and rank.
    Narrowed to a range of the paragraph's own ``meeting_date``, PostgreSQL combines the two
    indexes (BitmapAnd) and reads only the candidates in the range. Each range repeats the search
    index's part, so there are at most three:

    1. a range sized from the planner's estimate of the matches (:func:`_matches_at_most`), as a
       share of the archive's days: all of it for words this rare;
    2. if that found too few, a range sized from the matches it found per day;
    3. the rest.

    When the index is asked the looser query (:func:`search_items`) and the first range shows the
    phrase's words seldom together (:func:`_words_seldom_together`; without filters, whose
    matches are fewer for another reason), the next ranges ask it for the whole phrase.
    """
    dates = AgendaItem.objects.aggregate(oldest=Min("meeting_date"), newest=Max("meeting_date"))
    if dates["newest"] is None:
        return []
    oldest, newest = dates["oldest"], dates["newest"]
    archive_days = (newest - oldest).days + 1
    at_most = _matches_at_most(compiled)
    days = max(MIN_WINDOW_DAYS, int(archive_days * limit * WINDOW_MARGIN / max(at_most, 1)))
    # Whether the phrase's words seldom go together is told from the matches of a range against the
    # estimate of the archive's paragraphs: with filters (a body, a year) the matches are fewer
    # for another reason.
    loose = _loose_index_query_pays(compiled) and not filtered
    rows: list[tuple] = []
    upper = None
    for _round in range(2):
        if days >= ((upper or newest) - oldest).days:
            break  # the range reaches the first meeting: the rest at once
        lower = (upper or newest + datetime.timedelta(days=1)) - datetime.timedelta(days=days)
        window = ranked.filter(meeting_date__gte=lower)
        if upper is not None:
            window = window.filter(meeting_date__lt=upper)
        rows += _newest_rows(window, limit=limit - len(rows))
        if len(rows) >= limit:
            return rows
        covered = (newest - lower).days + 1
        if loose and _words_seldom_together(compiled, found=len(rows), share=covered / archive_days):
            # The index's looser query (the words but the last) gave many paragraphs to check for
            # few matches: the rest is asked of the index with the whole phrase, which reads only
            # the paragraphs holding all its words ("barn och unga": 4,182 where "barn" is in 65,149).
            ranked = ranked.filter(search_vector=compiled.search_query())
            loose = False
        days = int((limit - len(rows)) * covered / len(rows) * WINDOW_MARGIN) + 1 if rows else archive_days
        upper = lower
    # The rest, undated rows included (the database dates every row; this takes no chances).
    rest = ranked.exclude(meeting_date__gte=upper) if upper else ranked
    return rows + _newest_rows(rest, limit=limit - len(rows))


# A phrase whose matches are fewer than this share of the paragraphs the looser index query gave
# to check (the planner's estimate for the range read) has words that seldom go together.
SELDOM_TOGETHER = 0.2


def _words_seldom_together(compiled: CompiledQuery, *, found: int, share: float) -> bool:
    """Whether the matches ``found`` in a ``share`` of the archive's days are few against the
    paragraphs the looser index query gave to check there (:func:`search_items`): the phrase's words
    are each common but seldom in that order ("barn och unga"), unlike a set phrase ("psykisk
    hälsa", whose words nearly always go together), which the planner's estimates cannot tell apart.
    """
    estimates = phrase_estimates(compiled)
    kept = [rows for phrase in compiled.phrases for rows in _estimates_but_last(estimates, phrase)]
    return bool(kept) and found < SELDOM_TOGETHER * min(kept) * share


def _estimates_but_last(estimates: dict[str, float], phrase: list[str]) -> list[float]:
    """The estimates of a phrase's words but the last (the looser index query's), stop words left out."""
    return [estimates[term] for term in phrase[:-1] if term in estimates]


def _newest_rows(ranked, *, limit: int) -> list[tuple]:
    """The newest ``limit`` rows of ``ranked`` (the pk first, the meeting date among the others),
    newest meeting first, then the highest pk, as the database driver returns them (no conversion
    of each value by Django).

    The matches are taken whole and sorted after: ``OFFSET 0`` keeps PostgreSQL from planning the
    two together. Asked for the newest few, the planner may walk the date index backwards and check
    the phrase on every paragraph of the range, trusting an estimate of the matches several times
    too high ("vård och omsorg": 275,000 paragraphs read for 1,841 matches, 165 ms; from the search
    index and then sorted, 70 ms)."""
    sql, params = ranked.order_by().query.get_compiler(using=ranked.db).as_sql()
    with connections[ranked.db].cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM ({sql} OFFSET 0) AS matches ORDER BY meeting_date DESC NULLS LAST, 1 DESC LIMIT %s",
            [*params, limit],
        )
        return cursor.fetchall()


@dataclass(frozen=True)
class SearchResult:
    """A search result as the result list prints it (templates/meetings/search.html)."""

    url: str
    reference: str  # § 175, or 3 a
    title: SafeString  # escaped, the words searched for marked
    body: str
    date: datetime.date
    presenters: str  # their names, comma-separated
    case_url: str
    case_number: str
    decision: str  # the first decision, at most DECISION_WORDS words
    excerpt: SafeString  # escaped, the words searched for marked


# A result shows this many words of its first decision.
DECISION_WORDS = 40

# What a search result shows and links to: values, not model instances (an instance of the item,
# its meeting, body, organisation and case costs more than the query that reads them).
RESULT_COLUMNS = [
    "pk",
    "number",
    "label",
    "position",
    "title",
    "case_number",
    "summary",
    "discussion",
    "meeting__date",
    "meeting__body__name",
    "meeting__body__slug",
    "meeting__body__organisation__slug",
    "case__slug",
]


def search_results_page(*, ids: list[int], compiled: CompiledQuery) -> list[SearchResult]:
    """The results of one page, in the given order: three queries for any page (the items, their
    first decisions, their presenters), written out here with a highlighted title and an excerpt.

    The excerpt comes from the summary and discussion only: the decisions are shown on their own
    line and the presenters once, so ``search_document`` (which holds both) would repeat them.
    It is one or two whole sentences around the first match (the first sentences of the summary
    without words), at most about two lines: ``meetings.excerpts.sentence_excerpt``.
    """
    if not ids:
        return []
    # Unordered (the ids give the order): the model's ordering would join and sort for nothing.
    items = AgendaItem.objects.searchable().filter(pk__in=ids).order_by()
    highlights = []
    if compiled:
        query = compiled.search_query()
        highlights = ["title_headline", "highlighted"]
        items = items.annotate(
            title_headline=SearchHeadline(
                "title",
                query,
                config=SEARCH_CONFIG,
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                highlight_all=True,
            ),
            # The text's first EXCERPT_WINDOW characters highlighted whole, cut at sentences here
            # (meetings.excerpts): a fragment of ts_headline starts wherever its word count does,
            # mid-sentence, and ts_headline parses all it is given.
            highlighted=SearchHeadline(
                Left(_EXCERPT_TEXT, EXCERPT_WINDOW),
                query,
                config=SEARCH_CONFIG,
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                highlight_all=True,
            ),
        )
    rows = {row["pk"]: row for row in items.values(*RESULT_COLUMNS, *highlights)}
    if not rows:
        return []
    excerpts = _result_excerpts(rows, compiled=compiled)
    decisions = dict(
        Decision.objects.filter(agenda_item_id__in=rows)
        .order_by("agenda_item_id", "position", "pk")
        .distinct("agenda_item_id")
        .values_list("agenda_item_id", "text")
    )
    presenters: dict[int, list[str]] = {}
    for item_id, name in (
        AgendaItem.presenters.through.objects.filter(agendaitem_id__in=rows)
        .order_by("person__name", "person_id")
        .values_list("agendaitem_id", "person__name")
    ):
        presenters.setdefault(item_id, []).append(name)
    results = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:
            continue
        body_slug, date = row["meeting__body__slug"], row["meeting__date"]
        case_slug = row["case__slug"]
        results.append(
            SearchResult(
                url=item_url(body_slug=body_slug, date=date, number=row["number"], position=row["position"]),
                reference=item_reference(number=row["number"], position=row["position"], label=row["label"]),
                title=highlighted_html(row["title_headline"])
                if row.get("title_headline")
                else escape(row["title"]),
                body=row["meeting__body__name"],
                date=date,
                presenters=", ".join(presenters.get(pk, ())),
                case_url=case_url(organisation_slug=row["meeting__body__organisation__slug"], slug=case_slug)
                if case_slug
                else "",
                case_number=row["case_number"],
                decision=Truncator(decisions.get(pk, "")).words(DECISION_WORDS, truncate=" …"),
                excerpt=highlighted_html(excerpts[pk]),
            )
        )
    return results


def _result_excerpts(rows: dict[int, dict], *, compiled: CompiledQuery) -> dict[int, str]:
    """Each result's excerpt (highlighted text, or "" for none) from its row of
    :func:`search_results_page`."""
    excerpts, deep = {}, []
    for pk, row in rows.items():
        highlighted = row.get("highlighted")
        if highlighted is None:  # no words: the summary's first sentences
            excerpts[pk] = sentence_excerpt(row["summary"])
            continue
        truncated = len(row["summary"]) + 1 + len(row["discussion"]) > EXCERPT_WINDOW
        excerpts[pk] = window_excerpt(highlighted, truncated=truncated)
        if excerpts[pk] is None:
            deep.append(pk)
    if deep:
        # A match past the window (or in the title or decisions only): ts_headline picks the
        # fragment from the whole text, for these results alone; one more query, seldom run.
        fragments = dict(
            AgendaItem.objects.filter(pk__in=deep)
            .annotate(
                fragment=SearchHeadline(
                    _EXCERPT_TEXT,
                    compiled.search_query(),
                    config=SEARCH_CONFIG,
                    start_sel=HIGHLIGHT_START,
                    stop_sel=HIGHLIGHT_STOP,
                    max_words=FRAGMENT_WORDS,
                    min_words=MAX_WORDS,
                )
            )
            .values_list("pk", "fragment")
        )
        for pk in deep:
            fragment = fragments.get(pk) or ""
            text = f"{rows[pk]['summary']}\n{rows[pk]['discussion']}"
            if HIGHLIGHT_START in fragment:
                excerpts[pk] = fragment_excerpt(text, fragment)
            else:  # the words are in the title or decisions only: the text's first sentences
                excerpts[pk] = window_excerpt(text[:EXCERPT_WINDOW], truncated=True, need_match=False)
    return {pk: excerpt or "" for pk, excerpt in excerpts.items()}


# The text an excerpt is taken from: the summary, then the discussion.
_EXCERPT_TEXT = Concat("summary", Value("\n"), "discussion", output_field=TextField())


# ---------------------------------------------------------------------------------------------------
# The notice board (anslagstavla)


def notice_board(*, on: datetime.date | None = None) -> tuple[list[Meeting], QuerySet[Meeting]]:
    """The posted protocols whose appeal period runs ``on`` (today), soonest end first, and the
    queryset of earlier notices, latest first, for the archive.

    The last day of an appeal period depends on holidays, so it is computed in Python for the few
    protocols posted in the last weeks; everything older is in the archive.
    """
    from .appeal import APPEAL_PERIOD

    on = on or timezone.localdate()
    posted = (
        Meeting.objects.public(on=on)
        .filter(record_kind=Meeting.RecordKind.PROTOCOL, posted_on__isnull=False)
        .select_related("body")
    )
    # An appeal period is three weeks, lengthened by at most a few days off (Easter: four).
    recent = posted.filter(posted_on__gte=on - APPEAL_PERIOD - datetime.timedelta(days=7))
    current = sorted(
        (meeting for meeting in recent if meeting.appeal_ends_on >= on),
        key=lambda meeting: (meeting.appeal_ends_on, meeting.body.name),
    )
    archive = posted.exclude(pk__in=[meeting.pk for meeting in current]).order_by("-posted_on", "body__name")
    return current, archive
