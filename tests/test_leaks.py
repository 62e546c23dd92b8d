"""Canary leak test: nothing that is not public appears anywhere on the public site.

Every state that is not public today — a draft, an adjusted but unposted protocol, a protocol
posted for a future date, a confidential paragraph and its sub-point — is filled with unique
canary strings, in every field the site could show: titles, texts, decisions, links, presenters,
attendance, chair, adjusters, signatures, and a body, an organisation, a party and people used
only there. The whole public site is then crawled from the home page, with seeds for what no link
reaches (searches for each canary, guessed paragraph addresses, person pages, feeds), and no page
may contain a canary or answer with a server error.

Pages and endpoints added later are covered by adding their addresses to ``_seeds``.
"""

import datetime
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from meetings.models import AgendaItem, Attendance, Case, Decision, Meeting
from members.models import Organisation
from tests.crawler import crawl
from tests.factories import (
    AgendaItemFactory,
    AgendaItemLinkFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    SignatureFactory,
)

# Every canary ends in this, so that "zq" + nothing in Swedish text marks a leak; searches type a
# canary without it, so that the echo of the search text is not mistaken for a leak.
CANARY_END = "zq"
# Conventional addresses of feeds, sitemaps and APIs: answered today by the 404 page, and checked
# as soon as any of them exists.
CONVENTIONAL_SEEDS = [
    "/sitemap.xml",
    "/robots.txt",
    "/feed/",
    "/rss/",
    "/atom/",
    "/api/",
    "/anslagstavla/",
    "/anslagstavla/?page=2",
    "/personer/",
    "/organ/",
]


# A case number carried by a public paragraph and by paragraphs that are not public.
SHARED_CASE_NUMBER = "KTN 2024/77"


class Canaries:
    def __init__(self):
        self.markers: list[str] = []
        self.meetings: list[Meeting] = []
        self.items: list[AgendaItem] = []
        self.people = []
        self.bodies = []
        self.parties = []
        self.organisations = []

    def word(self, stem: str) -> str:
        marker = f"{stem}{CANARY_END}"
        self.markers.append(marker)
        return marker

    def person(self, stem: str):
        word = self.word(stem)
        person = PersonFactory(name=f"Kanarie {word.capitalize()}", slug=f"kanarie-{word}")
        self.people.append(person)
        return person


def _fill(canaries: Canaries, meeting: Meeting, tag: str, *, party, organisation, numbered=True):
    """A meeting whose every shown field carries a canary of ``tag``."""
    meeting.location = canaries.word(f"plats{tag}")
    meeting.next_meeting_note = canaries.word(f"nasta{tag}")
    meeting.secretary_title = canaries.word(f"sekreterartitel{tag}")
    meeting.adjustment_place = canaries.word(f"justeringsplats{tag}")
    meeting.chair = canaries.person(f"ordforande{tag}")
    meeting.secretary = canaries.person(f"sekreterare{tag}")
    meeting.save()
    meeting.adjusters.add(canaries.person(f"justerare{tag}"))
    SignatureFactory(
        meeting=meeting, person=canaries.person(f"signerare{tag}"), signed_as=canaries.word(f"som{tag}")
    )
    AttendanceFactory(
        meeting=meeting,
        person=canaries.person(f"ledamot{tag}"),
        party=party,
        organisation=organisation,
        title=canaries.word(f"titel{tag}"),
        side=canaries.word(f"sida{tag}"),
    )
    for position in (1, 2):
        item = AgendaItemFactory(
            meeting=meeting,
            position=position,
            number=900 + position if numbered else None,
            title=canaries.word(f"rubrik{tag}{position}"),
            summary=f"Underlag om {canaries.word(f'sammanfattning{tag}{position}')}.",
            discussion=canaries.word(f"diskussion{tag}{position}"),
            # The first a case of its own; the second shares its number with a public paragraph
            # (whose case page must not show this one).
            case_number=f"{canaries.word(f'dnr{tag}{position}')} 2024/{position}"
            if position == 1
            else SHARED_CASE_NUMBER,
        )
        _fill_item(canaries, item, f"{tag}{position}")
    meeting.refresh_from_db()
    canaries.meetings.append(meeting)


def _fill_item(canaries: Canaries, item: AgendaItem, tag: str):
    DecisionFactory(agenda_item=item, text=f"Beslutet {canaries.word(f'beslut{tag}')} antas.")
    AgendaItemLinkFactory(
        agenda_item=item,
        url=f"https://example.org/{canaries.word(f'lank{tag}')}",
        label=canaries.word(f"etikett{tag}"),
    )
    item.presenters.add(canaries.person(f"foredragande{tag}"))
    canaries.items.append(item)


def _make_canaries(today: datetime.date) -> Canaries:
    canaries = Canaries()
    hidden_organisation = OrganisationFactory(
        name=f"Kanariekommun {canaries.word('kommun')}", slug=f"kanarie-{canaries.markers[-1]}"
    )
    # As long as an abbreviation may be (10), so that no random text on a page contains it by chance.
    hidden_party = PartyFactory(
        abbreviation=canaries.word("kanparti").upper(), name=canaries.word("partinamn")
    )
    canaries.organisations.append(hidden_organisation)
    canaries.parties.append(hidden_party)

    # A body, with its organisation, that has drafts only.
    draft_body = BodyFactory(
        name=f"Kanarieorgan {canaries.word('organ')}",
        slug=f"kanarie-{canaries.markers[-1]}",
        organisation=hidden_organisation,
    )
    canaries.bodies.append(draft_body)
    MembershipFactory(person=canaries.person("medlem"), body=draft_body, party=hidden_party)
    _fill(
        canaries,
        MeetingFactory(body=draft_body, date=today - datetime.timedelta(days=20)),
        "utkast",
        party=hidden_party,
        organisation=hidden_organisation,
    )
    notes = MeetingFactory(
        body=draft_body, date=today - datetime.timedelta(days=10), record_kind=Meeting.RecordKind.NOTES
    )
    _fill(canaries, notes, "anteckning", party=hidden_party, organisation=hidden_organisation, numbered=False)

    # A public body with an adjusted, unposted protocol, a protocol posted for a future date and a
    # published one with a confidential paragraph and its sub-point.
    public_body = BodyFactory(name="Kontrollnämnden", slug="kontrollnamnden")
    adjusted = MeetingFactory(
        body=public_body,
        date=today - datetime.timedelta(days=14),
        status=Meeting.Status.ADJUSTED,
        adjusted_on=today - datetime.timedelta(days=7),
    )
    _fill(canaries, adjusted, "justerat", party=hidden_party, organisation=hidden_organisation)
    future = MeetingFactory(
        body=public_body,
        date=today - datetime.timedelta(days=3),
        status=Meeting.Status.PUBLISHED,
        adjusted_on=today - datetime.timedelta(days=1),
        posted_on=today + datetime.timedelta(days=1),
    )
    _fill(canaries, future, "framtid", party=hidden_party, organisation=hidden_organisation)

    published = MeetingFactory(body=public_body, date=today - datetime.timedelta(days=40), published=True)
    AttendanceFactory(
        meeting=published, person=PersonFactory(name="Petra Kontrollperson", slug="petra-kontroll")
    )
    AgendaItemFactory(
        meeting=published,
        position=1,
        number=1,
        title="Kontrollärende om parkering",
        case_number=SHARED_CASE_NUMBER,
    )
    secret = AgendaItemFactory(
        meeting=published,
        position=2,
        number=2,
        title=canaries.word("sekretessrubrik"),
        summary=canaries.word("sekretesstext"),
        discussion=canaries.word("sekretessdiskussion"),
        case_number=f"{canaries.word('sekretessdnr')} 2024/3",
        confidential=True,
        confidentiality_ground="OSL 26 kap. 1 §",
    )
    _fill_item(canaries, secret, "sekretess")
    sub_point = AgendaItemFactory(
        meeting=published,
        parent=secret,
        position=3,
        number=None,
        label="a",
        title=canaries.word("underpunktrubrik"),
        summary=canaries.word("underpunkttext"),
        discussion=canaries.word("underpunktdiskussion"),
        case_number=f"{canaries.word('underpunktdnr')} 2024/4",
    )
    _fill_item(canaries, sub_point, "underpunkt")
    canaries.meetings.append(published)
    return canaries


def _searches_for(canaries: Canaries) -> list[str]:
    queries = [marker[: -len(CANARY_END)] for marker in canaries.markers]
    for item in canaries.items:
        if item.number is not None:
            year = item.meeting.date.year
            queries += [f"§ {item.number}", f"§ {item.number} {year}", f"{item.number} {year}"]
            queries.append(f"§ {item.number} {item.meeting.body.slug[: -len(CANARY_END)]}")
    return queries


def _seeds(canaries: Canaries) -> list[str]:
    seeds = list(CONVENTIONAL_SEEDS)
    search = reverse("meetings:search")
    seeds += [f"{search}?{urlencode({'q': query})}" for query in _searches_for(canaries)]
    seeds += [f"{search}?{urlencode({'person': person.slug})}" for person in canaries.people]
    seeds += [f"{search}?{urlencode({'body': body.slug})}" for body in canaries.bodies]
    seeds += [f"{search}?{urlencode({'party': party.abbreviation})}" for party in canaries.parties]
    for organisation in canaries.organisations:
        seeds += [
            f"{search}?{urlencode({name: organisation.slug})}" for name in ("organisation", "municipality")
        ]
    decisions = reverse("meetings:decisions")
    seeds.append(decisions)
    seeds += [f"{decisions}?{urlencode({'q': query})}" for query in _searches_for(canaries)]
    seeds += [f"{decisions}?{urlencode({'person': person.slug})}" for person in canaries.people]
    seeds += [f"{decisions}?{urlencode({'body': body.slug})}" for body in canaries.bodies]
    seeds += [f"{decisions}?{urlencode({'party': party.abbreviation})}" for party in canaries.parties]
    seeds += [f"{decisions}?{urlencode({'kind': kind})}" for kind in Decision.Kind.values]
    # Every case, those of paragraphs that are not public included, and a guessed one.
    seeds += [case.get_absolute_url() for case in Case.objects.select_related("organisation")]
    seeds += [
        reverse("meetings:case_index", kwargs={"organisation": slug})
        for slug in Organisation.objects.values_list("slug", flat=True)
    ]
    people = reverse("members:person_index")
    seeds += [f"{people}?{urlencode({'q': person.name})}" for person in canaries.people]
    seeds += [f"{people}?{urlencode({'body': body.slug})}" for body in canaries.bodies]
    seeds += [f"{people}?{urlencode({'party': party.abbreviation})}" for party in canaries.parties]
    seeds += [person.get_absolute_url() for person in canaries.people]
    seeds += [body.get_absolute_url() for body in canaries.bodies]
    for meeting in canaries.meetings:
        slug, date = meeting.body.slug, meeting.date
        seeds += [meeting.get_absolute_url(), meeting.body.get_absolute_url()]
        seeds.append(reverse("meetings:body_year", kwargs={"slug": slug, "year": date.year}))
        for item in meeting.items.all():
            seeds.append(
                reverse(
                    "meetings:item_detail", kwargs={"slug": slug, "date": date, "position": item.position}
                )
            )
            if item.number is not None:
                for name in ("meetings:paragraph_detail", "meetings:paragraph_short"):
                    seeds.append(
                        reverse(name, kwargs={"slug": slug, "year": date.year, "number": item.number})
                    )
    return seeds


# A CSRF token is 64 random letters and digits: it can hold a short canary by chance.
_CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _shown(visit) -> str:
    """The page's text, lower-cased, without the visitor's own address and query values (the
    language switch, for one, carries the address back) and CSRF tokens: what the visitor typed,
    or a random token, is no leak."""
    text = _CSRF_TOKEN.sub("", visit.text).lower()
    parts = urlsplit(visit.url)
    echoes = [visit.url, escape(visit.url), parts.path]
    echoes += [value for values in parse_qs(parts.query).values() for value in values]
    for echo in sorted(echoes, key=len, reverse=True):
        text = text.replace(echo.lower(), "")
    return text


@pytest.mark.django_db
def test_no_canary_anywhere_on_the_public_site(client, demo_archive):
    """No page of the public site shows anything of drafts, adjusted or future-posted protocols,
    confidential paragraphs or their sub-points, nor the people, bodies, organisations and parties
    used only there; and no page answers with a server error."""
    today = timezone.localdate()
    canaries = _make_canaries(today)

    visits = crawl(client, seeds=_seeds(canaries))

    server_errors = [(visit.url, visit.status) for visit in visits.values() if visit.status >= 500]
    assert server_errors == []
    leaks = [
        (visit.url, marker)
        for visit in visits.values()
        for marker in canaries.markers
        if marker in _shown(visit)
    ]
    assert leaks == []

    # The crawl did look: it followed links to the demo archive's and the public body's pages.
    ok = {url for url, visit in visits.items() if visit.status == 200}
    assert "/organ/kontrollnamnden/" in ok and "/personer/petra-kontroll/" in ok
    published = canaries.meetings[-1]
    assert published.get_absolute_url() in ok
    assert "Sekretessbelagd paragraf" in visits[published.get_absolute_url()].text
    assert any("kontrollärende om parkering" in visit.text.lower() for visit in visits.values())
    # The public paragraph's case page was reached through its link, and the cases of paragraphs
    # that are not public have no page.
    shared = Case.objects.get(slug="ktn-2024-77", organisation__bodies__slug="kontrollnamnden")
    assert visits[shared.get_absolute_url()].status == 200
    assert "Kontrollärende om parkering" in visits[shared.get_absolute_url()].text
    hidden_cases = Case.objects.filter(items__in=canaries.items).exclude(pk=shared.pk).distinct()
    assert hidden_cases.count() == 7
    for case in hidden_cases:
        assert visits[case.get_absolute_url()].status == 404
    assert sum(1 for url in ok if url.startswith("/personer/")) > 20
    assert len(ok) > 100
    for meeting in canaries.meetings[:-1]:
        assert visits[meeting.get_absolute_url()].status == 404


@pytest.mark.django_db
def test_future_posting_date_publishes_on_that_date(client, monkeypatch):
    """A protocol posted for tomorrow is not public today, and is public tomorrow with its people."""
    today = timezone.localdate()
    meeting = MeetingFactory(
        status=Meeting.Status.PUBLISHED,
        date=today - datetime.timedelta(days=5),
        adjusted_on=today,
        posted_on=today + datetime.timedelta(days=1),
    )
    AgendaItemFactory(meeting=meeting, title="Framtida beslut om cykelvägar")
    attendee = AttendanceFactory(meeting=meeting, group=Attendance.Group.MEMBER).person

    def pages():
        search = client.get(reverse("meetings:search"), {"q": "cykelvägar"}).content.decode()
        return (
            client.get(meeting.get_absolute_url()).status_code,
            client.get(attendee.get_absolute_url()).status_code,
            client.get(meeting.body.get_absolute_url()).status_code,
            "Framtida beslut" in search,
        )

    assert pages() == (404, 404, 404, False)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert pages() == (200, 200, 200, True)
