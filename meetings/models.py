import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .appeal import appeal_period_end
from .querysets import AgendaItemQuerySet, BodyQuerySet, CaseQuerySet, MeetingQuerySet

# The text search configuration of the archive, always passed explicitly: to_tsvector() is IMMUTABLE
# (and so usable in a generated column) only with an explicit configuration.
SEARCH_CONFIG = "swedish"
# The schemes a link of a record may have.
WEB_URL_SCHEMES = ["http", "https"]


class Body(models.Model):
    """A board, committee, steering group, network or council whose meetings are recorded (organ)."""

    class Kind(models.TextChoices):
        BOARD = "board", _("board")
        COMMITTEE = "committee", _("committee")
        STEERING_GROUP = "steering_group", _("steering group")
        NETWORK = "network", _("network")
        JOINT_COUNCIL = "joint_council", _("joint council")
        MANAGEMENT_GROUP = "management_group", _("management group")
        COUNCIL = "council", _("council")
        SUBCOMMITTEE = "subcommittee", _("sub-committee")
        OTHER = "other", _("other")

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="bodies",
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Used in addresses: /organ/<slug>/.")
    )
    description = models.TextField(_("description"), blank=True)
    protocols_kept_at = models.CharField(
        _("where the protocols are kept"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the notice board, e.g. Göteborgsregionens kansli, Anders Personsgatan 8."),
    )
    secretaries = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretaries"),
        blank=True,
        related_name="assigned_bodies",
        help_text=_("Staff who enter this body's meetings and see its drafts (superusers see every body)."),
    )

    objects = BodyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="body_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:body_detail", kwargs={"slug": self.slug})


def meeting_body_copy() -> models.ForeignKey:
    """A row's copy of its meeting's body, written by the database's triggers (migrations 0016
    and 0025): no constraint and no index of its own; the indexes that read it name it."""
    return models.ForeignKey(
        Body,
        verbose_name=_("body"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )


class Meeting(models.Model):
    """One meeting of a body and its record: a formal protocol or notes."""

    class RecordKind(models.TextChoices):
        PROTOCOL = "protocol", _("protocol")
        NOTES = "notes", _("notes")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        # A protocol: adjusted (justerat), then published by posting it on the notice board.
        ADJUSTED = "adjusted", _("adjusted")
        # Notes: approved, then published.
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        DIGITAL = "digital", _("digital")
        HYBRID = "hybrid", _("hybrid")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, blank=True)
    record_kind = models.CharField(
        _("kind of record"), max_length=20, choices=RecordKind.choices, default=RecordKind.PROTOCOL
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    chair = models.ForeignKey(
        "members.Person",
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    secretary = models.ForeignKey(
        "members.Person",
        verbose_name=_("kept by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recorded_meetings",
        help_text=_("Who kept the record (Vid protokollet, Antecknat av)."),
    )
    secretary_title = models.CharField(_("title of the record keeper"), max_length=200, blank=True)
    adjusters = models.ManyToManyField(
        "members.Person",
        verbose_name=_("adjusters"),
        blank=True,
        related_name="adjusted_meetings",
        help_text=_("Who adjusts the protocol besides the chair (justerare)."),
    )
    adjustment_place = models.CharField(_("place of adjustment"), max_length=200, blank=True)
    adjusted_on = models.DateField(_("adjusted on"), null=True, blank=True)
    posted_on = models.DateField(
        _("posted on the notice board"),
        null=True,
        blank=True,
        help_text=_("A protocol is published when its adjustment is posted; the appeal period starts then."),
    )
    kept_at = models.CharField(
        _("where the protocol is kept"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the notice board; empty for the body's usual place."),
    )
    approved_on = models.DateField(
        _("notes approved on"), null=True, blank=True, help_text=_("Notes are published when approved.")
    )
    next_meeting_dates = ArrayField(
        models.DateField(),
        verbose_name=_("next meetings"),
        default=list,
        blank=True,
        help_text=_("Dates as YYYY-MM-DD, separated by commas."),
    )
    next_meeting_note = models.CharField(_("about the next meetings"), max_length=500, blank=True)
    source_fingerprint = models.CharField(
        _("fingerprint of the imported document"),
        max_length=64,
        blank=True,
        db_index=True,  # The importer's look-up for a document imported before.
        help_text=_("Set by the importer; the same document is not imported twice."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[adjusters])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "body__name"]
        get_latest_by = "date"
        indexes = [
            # Newest first across the archive: the home page, filter-only searches, and the walk
            # that takes the newest matches of a common word as ranking candidates.
            models.Index(fields=["date"], name="meeting_date_idx"),
            # The archive's version: the search filters' choice lists are cached per newest
            # ``updated_at`` (meetings.filter_choices), read in one step down this index.
            models.Index(fields=["updated_at"], name="meeting_updated_idx"),
            # The notice board: protocols posted in the last weeks, and the archive of notices
            # latest posted first, a page at a time, without sorting every posted protocol; the
            # public rule's columns in the index, so the archive's 70,000 notices are counted from
            # the index alone.
            models.Index(
                fields=["posted_on"],
                include=["status", "record_kind"],
                condition=Q(posted_on__isnull=False),
                name="meeting_posted_on_idx",
            ),
            # A body's public meetings by date (its page's years, count and pages): the public rule's
            # columns in the index, so 10,000 meetings are counted from the index alone.
            models.Index(
                fields=["body", "date"], include=["status", "posted_on"], name="meeting_body_date_idx"
            ),
            # A person's public meetings (the person page's attendance by year and by body, its
            # counts): thousands of attendances joined to their meetings by id, the public rule's
            # columns, body and date read from the index alone instead of the table.
            models.Index(
                fields=["id"],
                include=["body", "date", "status", "posted_on"],
                name="meeting_public_cover_idx",
            ),
        ]
        permissions = [
            # Separate from changing a draft: making a record a legal record is the responsible officer's act.
            ("adjust_meeting", _("Can adjust and post protocols, approve and publish notes")),
        ]
        constraints = [
            # A meeting's address is /organ/<body>/<date>/.
            models.UniqueConstraint(
                fields=["body", "date"],
                name="meeting_unique_body_date",
                violation_error_message=_("This body already has a meeting on this date."),
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="meeting_time_range_ordered",
                violation_error_message=_("A meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published", record_kind="protocol") | Q(posted_on__isnull=False),
                name="meeting_published_protocol_posted",
                violation_error_message=_("A protocol is published by posting it: give the posting date."),
            ),
            models.CheckConstraint(
                condition=Q(adjusted_on__isnull=True)
                | Q(posted_on__isnull=True)
                | Q(posted_on__gte=F("adjusted_on")),
                name="meeting_posted_after_adjusted",
                violation_error_message=_("A protocol cannot be posted before it is adjusted."),
            ),
        ]

    def __str__(self):
        return f"{self.body} {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return meeting_url(body_slug=self.body.slug, date=self.date)

    @property
    def is_draft(self) -> bool:
        """Only a draft may be edited; an adjusted protocol or approved notes are a record."""
        return self.status == self.Status.DRAFT

    @property
    def appeal_ends_on(self) -> datetime.date | None:
        """The last day of the appeal period of a posted protocol; None for notes and unposted protocols."""
        if self.record_kind != self.RecordKind.PROTOCOL or self.posted_on is None:
            return None
        return appeal_period_end(self.posted_on)

    @property
    def kept_where(self) -> str:
        """Where the adjusted protocol is kept, as the notice board says it."""
        return self.kept_at or self.body.protocols_kept_at

    @property
    def paragraph_range(self) -> tuple[int, int] | None:
        """The first and last § number of the record, or None when it has no numbered paragraphs."""
        numbers = [item.number for item in self.items.all() if item.number is not None]
        return (min(numbers), max(numbers)) if numbers else None


class Signature(models.Model):
    """A signature under the record, often electronic (BankID) with a time and a reference."""

    class Method(models.TextChoices):
        BANKID = "bankid", _("BankID")
        ELECTRONIC = "electronic", _("other electronic signature")
        HANDWRITTEN = "handwritten", _("handwritten")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="signatures"
    )
    person = models.ForeignKey(
        "members.Person",
        verbose_name=_("signer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
    )
    signed_as = models.CharField(
        _("signed as"),
        max_length=300,
        blank=True,
        help_text=_("The signer's capacity as printed, e.g. Ordförande Styrgruppen för social välfärd."),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices, default=Method.BANKID)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["meeting", "signed_at", "pk"]

    def __str__(self):
        return f"{self.person or '?'} {self.signed_at or ''}".strip()


class Attendance(models.Model):
    """One line of the attendance list, grouped as the record groups it."""

    class Group(models.TextChoices):
        MEMBER = "member", _("member")
        SERVING_SUBSTITUTE = "serving_substitute", _("serving substitute")
        SUBSTITUTE = "substitute", _("substitute")
        SECRETARY = "secretary", _("secretary")
        OFFICIAL = "official", _("official")
        GUEST = "guest", _("invited")

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        SECOND_VICE_CHAIR = "second_vice_chair", _("second vice chair")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        "members.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        help_text=_("Leave empty for a vacant seat."),
    )
    group = models.CharField(_("group"), max_length=20, choices=Group.choices, default=Group.MEMBER)
    present = models.BooleanField(_("present"), default=True)
    role = models.CharField(_("role in the body"), max_length=20, choices=Role.choices, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    party = models.ForeignKey(
        "members.Party",
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,  # attendance_party_person_idx leads with the party
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("municipality or organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    side = models.CharField(
        _("side"), max_length=100, blank=True, help_text=_("For a joint body, e.g. För VGR.")
    )
    substitute_for = models.ForeignKey(
        "members.Person",
        verbose_name=_("serving for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substituted_by",
        help_text=_("For a serving substitute: the member whose seat they took."),
    )
    paragraph_from = models.PositiveIntegerField(_("present from §"), null=True, blank=True)
    paragraph_to = models.PositiveIntegerField(_("present to §"), null=True, blank=True)
    agenda_position = models.PositiveSmallIntegerField(
        _("present for agenda item"),
        null=True,
        blank=True,
        help_text=_("In a record without § numbers: the agenda item the person attended for."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # The meeting's date, body and the day it became public, copied here by the database (the
    # triggers of migration 0016, on every insert, every change of the meeting and every move to
    # another meeting): a person's thousands of meetings are then listed, counted and summed by
    # year from the person's index entries alone, without joining the meetings. Read them in
    # queries; an instance's copy is what it was when loaded.
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True, editable=False)
    meeting_body = meeting_body_copy()
    # The first day the meeting is public (see meeting_public_from_q); empty while it is not published.
    meeting_public_from = models.DateField(_("public from"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["meeting_date", "meeting_body", "meeting_public_from"])

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "-present", "position", "pk"]
        indexes = [
            # A person's meetings, attended or missed, newest first: the person page's lists, counts
            # and years and the search's person filter read the person's entries alone (5,000 for
            # a long-serving member), never the table or the meetings.
            models.Index(
                fields=["person", "present", "-meeting_date"],
                include=["meeting_public_from", "meeting_body", "meeting", "party"],
                name="attendance_person_idx",
            ),
            # The people of a party or of a body, for the people index's filters: the entries of one
            # party or body alone, in person order, where probing each person's entries for it read
            # all 1.5 million at a million paragraphs.
            models.Index(
                fields=["party", "person"],
                include=["meeting_public_from"],
                condition=Q(party__isnull=False),
                name="attendance_party_person_idx",
            ),
            models.Index(
                fields=["meeting_body", "person"],
                include=["meeting_public_from"],
                name="attendance_body_person_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendance_unique_person_per_meeting",
                violation_error_message=_("This person is already listed for the meeting."),
            ),
            models.CheckConstraint(
                condition=Q(paragraph_to__isnull=True)
                | (Q(paragraph_from__isnull=False) & Q(paragraph_to__gte=F("paragraph_from"))),
                name="attendance_paragraph_range_ordered",
                violation_error_message=_("Partial presence must run from a § to the same or a later §."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(group__in=["member", "substitute"]),
                name="attendance_vacancy_is_a_seat",
                violation_error_message=_("Only a member's or substitute's seat can be vacant."),
            ),
        ]

    def __str__(self):
        return str(self.person) if self.person_id else str(_("Vacant"))

    @property
    def is_vacant(self) -> bool:
        return self.person_id is None

    @property
    def is_partial(self) -> bool:
        return self.paragraph_from is not None or self.agenda_position is not None

    @property
    def partial_presence(self) -> str:
        """Partial presence as records print it: "§ 171–176", "§ 175" or "punkt 2"; empty when present throughout."""
        return partial_presence(
            paragraph_from=self.paragraph_from,
            paragraph_to=self.paragraph_to,
            agenda_position=self.agenda_position,
        )


def partial_presence(
    *, paragraph_from: int | None, paragraph_to: int | None, agenda_position: int | None
) -> str:
    """See :attr:`Attendance.partial_presence`; for rows read as values."""
    if paragraph_from is not None:
        if paragraph_to is not None and paragraph_to != paragraph_from:
            return f"§ {paragraph_from}–{paragraph_to}"
        return f"§ {paragraph_from}"
    if agenda_position is not None:
        return gettext("item %(position)s") % {"position": agenda_position}
    return ""


class PersonPublicDay(models.Model):
    """The first day any of a person's attendance is public, kept by the database (migration 0022).

    The minimum of ``Attendance.meeting_public_from`` over the person's attendance, written by
    statement triggers on attendance (``meetings_person_public_day(ids)``); a person without such
    attendance has no row. Public attendance is the public rule's first and by far most common
    ground for a person (``PersonQuerySet.public``): the people index reads it for 20,000 people
    from this table at once, where asking each person's attendance took 64 ms at a million
    paragraphs. Never written by the application: a model's save would write back a value read
    before the triggers changed it.
    """

    person = models.OneToOneField(
        "members.Person",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="public_day",
        verbose_name=_("person"),
    )
    first_public_from = models.DateField(_("first public attendance"))

    class Meta:
        verbose_name = _("first public attendance")
        verbose_name_plural = _("first public attendances")

    def __str__(self):
        return f"{self.person_id}: {self.first_public_from}"


class Case(models.Model):
    """A case (ärende) of an organisation, known by its case number (diarienummer).

    Its history is the paragraphs, in any body of the organisation, that carry the number: a
    referral, the decision, a report back. Written only by ``services.agenda_items_link_cases()``
    from the paragraphs' case numbers; see ``meetings.cases`` for when two writings are one case.
    """

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="cases",
    )
    number = models.CharField(
        _("case number"), max_length=100, help_text=_("As first written in a record, e.g. KS 2019/0456.")
    )
    slug = models.CharField(
        _("key"),
        max_length=100,
        help_text=_(
            "The number's letters and digits, e.g. ks-2019-456: the same for every way of writing it."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Kept by the database on every write of a paragraph (migration 0020): the case's paragraphs of
    # published meetings that are not confidential, nor sub-points of a confidential one: their
    # number, the latest meeting date, and the day the last of them becomes public. Until that day
    # the case index counts the case's paragraphs itself (``selectors.organisation_cases``).
    published_paragraphs = models.PositiveIntegerField(
        _("published paragraphs"), db_default=0, editable=False
    )
    published_latest = models.DateField(_("latest published paragraph"), null=True, editable=False)
    published_public_from = models.DateField(
        _("all published paragraphs public from"), null=True, editable=False
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["organisation", "slug"]
        indexes = [
            # An organisation's case index, latest handled first, read from the index alone.
            models.Index(
                fields=["organisation", "-published_latest", "-id"],
                include=["published_paragraphs", "published_public_from"],
                condition=Q(published_paragraphs__gt=0),
                name="case_index_idx",
            ),
        ]
        constraints = [
            # One case per number and organisation; also the case page's address.
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="case_unique_number_per_organisation"
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return case_url(organisation_slug=self.organisation.slug, slug=self.slug)


class AgendaItem(models.Model):
    """A paragraph (§) of a protocol or a numbered item of notes, with its summary and decisions."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("sub-point of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_items",
    )
    number = models.PositiveIntegerField(
        _("§ number"), null=True, blank=True, help_text=_("Empty for records without § numbers.")
    )
    label = models.CharField(
        _("label"), max_length=10, blank=True, help_text=_("A sub-point's letter as printed, e.g. a.")
    )
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("Order on the agenda, from 1."))
    title = models.CharField(_("title"), max_length=500)
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    # Derived from case_number and the body's organisation by services.agenda_items_link_cases().
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="items",
    )
    presenters = models.ManyToManyField(
        "members.Person", verbose_name=_("presenters"), blank=True, related_name="presented_items"
    )
    summary = models.TextField(_("summary"), blank=True)
    discussion = models.TextField(_("discussion points"), blank=True)
    confidential = models.BooleanField(_("confidential"), default=False)
    confidentiality_ground = models.CharField(
        _("legal ground for confidentiality"),
        max_length=300,
        blank=True,
        help_text=_("For example OSL 26 kap. 1 §."),
    )
    # Text from other tables, for search: the decisions' texts and the presenters' names. Written by
    # meetings.services.agenda_items_refresh_search_document(), which signals on Decision and on
    # presenters call; bulk writers (the importer) call it themselves.
    search_document = models.TextField(
        _("search text from decisions and presenters"), blank=True, default="", editable=False
    )
    # The meeting's date, body and the first day it is public, copied here by the database (the
    # triggers of migrations 0016, 0019 and 0025): a search narrows the index's matches to a range
    # of dates, or to a body's range of dates, before it reads a row
    # (meetings.selectors.search_result_ids), and the public rule is read from the row itself
    # (AgendaItemQuerySet.public), not from a join to every match's meeting. Read them in queries;
    # an instance's copy may be stale.
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True, editable=False)
    meeting_body = meeting_body_copy()
    # Empty while the meeting is not published (see meeting_public_from_q).
    meeting_public_from = models.DateField(_("public from"), null=True, blank=True, editable=False)
    # Kept by the database on every write, update() and bulk_create() included.
    search_vector = models.GeneratedField(
        expression=SearchVector("title", config=SEARCH_CONFIG, weight="A")
        + SearchVector("search_document", config=SEARCH_CONFIG, weight="B")
        + SearchVector("summary", config=SEARCH_CONFIG, weight="C")
        + SearchVector("discussion", config=SEARCH_CONFIG, weight="D"),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector"),
    )

    objects = AgendaItemQuerySet.as_manager()
    # The search vector and text are derived from the other fields and tables, not entered.
    history = HistoricalRecords(
        m2m_fields=[presenters],
        excluded_fields=[
            "search_vector",
            "search_document",
            "case",
            "meeting_date",
            "meeting_body",
            "meeting_public_from",
        ],
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        indexes = [
            # Full-text search on the public site (/sok/).
            GinIndex(fields=["search_vector"], name="agendaitem_search_idx"),
            # A range of dates as a bitmap, combined with the search index's (BitmapAnd).
            models.Index(fields=["meeting_date"], name="agendaitem_meeting_date_idx"),
            # A body's paragraphs newest first, or a body's range of dates as a bitmap: the search's
            # body filter without a join to the meetings.
            models.Index(fields=["meeting_body", "meeting_date"], name="agendaitem_body_date_idx"),
            # Paragraph permalinks and "§ 175" look-ups.
            models.Index(fields=["number"], name="agendaitem_number_idx"),
            # The few confidential items: the public rule's "not a sub-point of a confidential item"
            # (NOT EXISTS) reads them here instead of scanning every item.
            models.Index(fields=["id"], condition=Q(confidential=True), name="agendaitem_confidential_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(number__isnull=False),
                name="agendaitem_unique_number_per_meeting",
                violation_error_message=_("This § number is already used in the meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agendaitem_unique_position_per_meeting",
                violation_error_message=_("Two items of the meeting have the same position."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="agendaitem_position_from_one"),
            models.CheckConstraint(
                condition=Q(confidential=False) | ~Q(confidentiality_ground=""),
                name="agendaitem_confidential_has_ground",
                violation_error_message=_("A confidential item needs its legal ground."),
            ),
        ]

    def __str__(self):
        if self.number is not None:
            return f"§ {self.number}. {self.title}"
        return f"{self.position}. {self.title}"

    def get_absolute_url(self):
        """The paragraph's permalink: body, year and § number, or meeting and position without a number."""
        meeting = self.meeting
        return item_url(
            body_slug=meeting.body.slug, date=meeting.date, number=self.number, position=self.position
        )

    def clean(self):
        if self.parent_id is not None:
            if self.parent_id == self.pk or self.parent.meeting_id != self.meeting_id:
                raise ValidationError(
                    {"parent": _("A sub-point belongs to another item of the same meeting.")}
                )
            if self.parent.parent_id is not None:
                raise ValidationError({"parent": _("Sub-points have one level only.")})

    @property
    def anchor(self) -> str:
        """The id of the item on its meeting page."""
        return f"p{self.number}" if self.number is not None else f"punkt-{self.position}"

    @property
    def case_url(self) -> str:
        """The address of the item's case page, or "" without a case. Reads the case and the
        meeting's body and organisation: select them with the item."""
        if self.case_id is None or self.case is None:
            return ""
        return case_url(organisation_slug=self.meeting.body.organisation.slug, slug=self.case.slug)

    @property
    def reference(self) -> str:
        """How the record refers to the item: § 175, or 3 (3 a for a sub-point)."""
        return item_reference(number=self.number, position=self.position, label=self.label)


# The addresses and reference of an item from its values alone, for lists read without model
# instances (the search results): the same as the methods above.


def meeting_url(*, body_slug: str, date: datetime.date) -> str:
    return reverse("meetings:meeting_detail", kwargs={"slug": body_slug, "date": date})


def item_url(*, body_slug: str, date: datetime.date, number: int | None, position: int) -> str:
    if number is not None:
        return reverse(
            "meetings:paragraph_detail", kwargs={"slug": body_slug, "year": date.year, "number": number}
        )
    return reverse("meetings:item_detail", kwargs={"slug": body_slug, "date": date, "position": position})


def item_reference(*, number: int | None, position: int, label: str) -> str:
    if number is not None:
        return f"§ {number}"
    return f"{position}{(' ' + label) if label else ''}".strip()


def case_url(*, organisation_slug: str, slug: str) -> str:
    return reverse("meetings:case_detail", kwargs={"organisation": organisation_slug, "slug": slug})


class AgendaItemLink(models.Model):
    """A link given in an agenda item: a report, a film, an invitation."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="links"
    )
    url = models.URLField(
        _("address"),
        max_length=1000,
        # Web addresses only: a javascript: or data: address in a public page would run or show
        # whatever its author wrote.
        validators=[URLValidator(schemes=WEB_URL_SCHEMES)],
        help_text=_("A web address beginning with https:// or http://."),
    )
    label = models.CharField(_("label"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["agenda_item", "position", "pk"]
        constraints = [
            # The same rule for writes that bypass validation (the ORM's save(), update(), bulk_create()).
            models.CheckConstraint(
                condition=Q(url__iregex=r"^https?://"),
                name="agendaitemlink_url_web_scheme",
                violation_error_message=_("A link must be a web address beginning with https:// or http://."),
            ),
        ]

    def __str__(self):
        return self.label or self.url


class Decision(models.Model):
    """The outcome of an agenda item (beslut, ställningstagande); an item can have several clauses."""

    class Kind(models.TextChoices):
        NOTED = "noted", _("information noted")
        ADOPTED = "adopted", _("adopted")
        PROPOSAL = "proposal", _("proposal to another body")
        ASSIGNMENT = "assignment", _("assignment")
        ELECTED = "elected", _("elected")
        OTHER = "other", _("other")

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="decisions",
        db_index=False,  # decision_item_kind_idx leads with it
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOTED)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["agenda_item", "position", "pk"]
        indexes = [
            # A search filtered by a kind of decision asks, for each paragraph it reads, whether it
            # has a decision of that kind: answered from the index alone, without reading the
            # decisions' rows (a tenth of such a search at a million paragraphs).
            models.Index(fields=["agenda_item", "kind"], name="decision_item_kind_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "position"],
                name="decision_unique_position_per_item",
                violation_error_message=_("Two decisions of the item have the same order."),
            ),
        ]

    def __str__(self):
        return self.text[:80]


class Correction(models.Model):
    """A correction (rättelse) of an adjusted or approved record: when, by whom, why and what changed.

    Written only by ``services.meeting_correct()``; the public page lists a record's corrections.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="corrections"
    )
    made_at = models.DateTimeField(_("corrected at"), auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        # Who corrected a legal record stays known: the account cannot be deleted, only deactivated.
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    reason = models.TextField(_("reason"))
    changes = models.TextField(_("what was changed"), blank=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["meeting", "made_at", "pk"]

    def __str__(self):
        return f"{self.meeting} {self.made_at:%Y-%m-%d}"


class ArchiveRevision(models.Model):
    """One row counting the writes that change public lists and pages without touching a meeting's
    ``updated_at``: a membership, a party, an organisation, a body or a person saved or deleted, a
    meeting deleted. With the newest ``updated_at`` it is the archive's version
    (:mod:`meetings.archive_version`)."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("archive revision")
        verbose_name_plural = _("archive revisions")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="archiverevision_one_row")]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M})"
