"""Public pages: what they show, what they never show, and how many queries they cost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Meeting
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_draft_and_adjusted_meetings_are_never_public(client):
    """Only published meetings have pages; drafts and adjusted-but-unposted protocols answer 404."""
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    adjusted = MeetingFactory(status=Meeting.Status.ADJUSTED, adjusted_on=datetime.date(2022, 3, 1))
    AgendaItemFactory(meeting=draft, title="Hemligt utkast")
    published = MeetingFactory(published=True)
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(adjusted.get_absolute_url()).status_code == 404
    home = client.get("/").content.decode()
    assert str(draft.date) not in home
    assert "Hemligt utkast" not in client.get("/sok/?q=utkast").content.decode()


def test_item_queryset_public_uses_the_meeting_rule():
    draft_item = AgendaItemFactory(meeting=MeetingFactory())
    public_item = AgendaItemFactory(meeting=MeetingFactory(published=True))
    secret = AgendaItemFactory(
        meeting=public_item.meeting, confidential=True, confidentiality_ground="OSL 26 kap. 1 §"
    )
    assert set(AgendaItem.objects.public()) == {public_item, secret}
    assert set(AgendaItem.objects.searchable()) == {public_item}
    assert draft_item not in AgendaItem.objects.public()


def test_confidential_paragraph_shows_number_and_ground_only(client):
    meeting = MeetingFactory(published=True)
    item = AgendaItemFactory(
        meeting=meeting,
        number=140,
        title="Placering av barn",
        summary="Känsliga uppgifter om en enskild",
        confidential=True,
        confidentiality_ground="OSL 26 kap. 1 §",
    )
    DecisionFactory(agenda_item=item, text="Beslut om enskild")
    for url in [meeting.get_absolute_url(), item.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "§ 140" in html and "OSL 26 kap. 1 §" in html
        for hidden in ["Placering av barn", "Känsliga uppgifter", "Beslut om enskild"]:
            assert hidden not in html
    for query in ["placering", "känsliga", "enskild"]:
        html = client.get("/sok/", {"q": query}).content.decode()
        assert "Placering av barn" not in html and "§ 140" not in html


def test_meeting_page_shows_attendance_as_recorded(client):
    meeting = MeetingFactory(published=True)
    öckerö = OrganisationFactory(name="Öckerö")
    AttendanceFactory(
        meeting=meeting,
        person__name="Kent Lagrell",
        party=PartyFactory(abbreviation="M"),
        organisation=öckerö,
        role=Attendance.Role.CHAIR,
    )
    AttendanceFactory(meeting=meeting, person__name="Kalle Påsse", paragraph_from=102, paragraph_to=107)
    AttendanceFactory(
        meeting=meeting, person=None, present=False, organisation=OrganisationFactory(name="Lilla Edet")
    )
    AttendanceFactory(meeting=meeting, person__name="Erling Alsin", present=False)
    item = AgendaItemFactory(meeting=meeting, number=105, title="Gemensamt utförarregister")
    item.presenters.add(PersonFactory(name="Lena Holmlund"))
    DecisionFactory(agenda_item=item, text="Att föreslå förbundsstyrelsen besluta")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Kent Lagrell" in html and "(M)" in html and "Öckerö" in html
    assert "§ 102–107" in html
    assert "Vakant" in html and "Lilla Edet" in html
    assert 'id="p105"' in html and "Lena Holmlund" in html and "Att föreslå förbundsstyrelsen" in html
    assert 'href="/static/css/print.css" media="print"' in html


def test_previous_and_next_meeting_skip_drafts(client):
    body = BodyFactory()
    first = MeetingFactory(body=body, date=datetime.date(2022, 1, 10), published=True)
    MeetingFactory(body=body, date=datetime.date(2022, 2, 10))  # draft
    last = MeetingFactory(body=body, date=datetime.date(2022, 3, 10), published=True)
    html = client.get(first.get_absolute_url()).content.decode()
    assert last.get_absolute_url() in html and "2022-02-10" not in html


def test_paragraph_permalinks(client):
    body = BodyFactory(slug="styrgruppen")
    meeting = MeetingFactory(body=body, date=datetime.date(2022, 4, 22), published=True)
    item = AgendaItemFactory(meeting=meeting, number=175, title="Mini-Maria")
    assert item.get_absolute_url() == "/organ/styrgruppen/2022/paragraf/175/"
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200 and "Mini-Maria" in response.content.decode()
    assert meeting.get_absolute_url() + "#p175" in response.content.decode()
    short = client.get("/organ/styrgruppen/2022/§175/")
    assert short.status_code == 301 and short["Location"] == item.get_absolute_url()
    assert client.get("/organ/styrgruppen/2021/paragraf/175/").status_code == 404
    assert client.get("/organ/styrgruppen/2022/paragraf/9999999999/").status_code == 404
    assert client.get("/organ/styrgruppen/2022-02-30/").status_code == 404


def test_item_without_number_has_a_position_permalink(client):
    meeting = MeetingFactory(
        published=True, record_kind=Meeting.RecordKind.NOTES, date=datetime.date(2021, 12, 10)
    )
    item = AgendaItemFactory(meeting=meeting, number=None, position=3, title="Kunskapsbaserad socialtjänst")
    url = item.get_absolute_url()
    assert url.endswith("/2021-12-10/punkt/3/")
    assert "Kunskapsbaserad" in client.get(url).content.decode()
    assert client.get(url.replace("/3/", "/4/")).status_code == 404


def test_body_page_members_from_memberships_or_latest_attendance(client):
    body = BodyFactory()
    meeting = MeetingFactory(body=body, published=True)
    AttendanceFactory(meeting=meeting, person__name="Närvarande Ledamot")
    html = client.get(body.get_absolute_url()).content.decode()
    assert "Närvarande Ledamot" in html
    MembershipFactory(
        body=body, person__name="Ordinarie Ordförande", role="chair", party=PartyFactory(abbreviation="S")
    )
    html = client.get(body.get_absolute_url()).content.decode()
    assert "Ordinarie Ordförande" in html and "Närvarande Ledamot" not in html


def test_person_page(client):
    person = PersonFactory(name="Lena Holmlund")
    meeting = MeetingFactory(published=True)
    absent_meeting = MeetingFactory(published=True)
    draft = MeetingFactory()
    AttendanceFactory(meeting=meeting, person=person, title="avdelningschef")
    AttendanceFactory(meeting=absent_meeting, person=person, present=False)
    AttendanceFactory(meeting=draft, person=person)
    item = AgendaItemFactory(meeting=meeting, number=106, title="Erfarenhetsutbyte Oslo")
    item.presenters.add(person)
    draft_item = AgendaItemFactory(meeting=draft, title="Utkastets punkt")
    draft_item.presenters.add(person)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Erfarenhetsutbyte Oslo" in html and "Utkastets punkt" not in html
    assert str(meeting.date) in html and str(absent_meeting.date) in html and str(draft.date) not in html
    only_in_drafts = PersonFactory()
    AttendanceFactory(meeting=draft, person=only_in_drafts)
    assert client.get(only_in_drafts.get_absolute_url()).status_code == 404


def _meeting_with(count: int) -> Meeting:
    meeting = MeetingFactory(published=True)
    for position in range(1, count + 1):
        item = AgendaItemFactory(meeting=meeting, position=position, number=position)
        DecisionFactory(agenda_item=item)
        item.presenters.add(PersonFactory())
        AttendanceFactory(meeting=meeting, party=PartyFactory(), organisation=OrganisationFactory())
    return meeting


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_meeting_page_queries_do_not_grow_with_the_record(client):
    """A meeting with 2 and with 200 paragraphs and attendees costs the same number of queries."""
    small, large = _meeting_with(2), _meeting_with(200)
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())
    small_item = small.items.first()
    large_item = large.items.last()
    assert _queries(client, small_item.get_absolute_url()) == _queries(client, large_item.get_absolute_url())


def test_person_and_body_pages_queries_do_not_grow(client):
    few, many = PersonFactory(), PersonFactory()
    for person, count in [(few, 2), (many, 60)]:
        for _ in range(count):
            meeting = MeetingFactory(published=True)
            AttendanceFactory(
                meeting=meeting, person=person, party=PartyFactory(), organisation=OrganisationFactory()
            )
            AgendaItemFactory(meeting=meeting).presenters.add(person)
    assert _queries(client, few.get_absolute_url()) == _queries(client, many.get_absolute_url())
    small, large = _meeting_with(2).body, _meeting_with(40).body
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())
    for _ in range(20):
        MeetingFactory(body=large, published=True)
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())


def test_home_lists_bodies_by_organisation(client):
    """Bodies with published meetings are listed under their organisation; a body with drafts only is not."""
    body = BodyFactory(
        name="Socialchefsnätverket", organisation=OrganisationFactory(name="Göteborgsregionen")
    )
    MeetingFactory(body=body, published=True)
    MeetingFactory(
        body=BodyFactory(name="Utkastgruppen", organisation=OrganisationFactory(name="Utkastkommun"))
    )
    html = client.get(reverse("meetings:home")).content.decode()
    assert "Göteborgsregionen" in html and "Socialchefsnätverket" in html and 'name="q"' in html
    assert "Utkastgruppen" not in html and "Utkastkommun" not in html


def test_demo_archive_one_step_from_home(client, demo_archive):
    """From the home page's search box, "Mini-Maria" and "§ 105" are one step away."""
    response = client.get("/sok/", {"q": "Mini-Maria"})
    assert "Mini-Maria" in response.content.decode()
    assert "§ 175" in response.content.decode()
    response = client.get("/sok/", {"q": "§ 105"})
    assert response.status_code == 302
    assert response["Location"] == "/organ/styrgruppen-for-social-valfard/2021/paragraf/105/"
    assert "förbundsstyrelsen" in client.get(response["Location"]).content.decode()


def test_pages_are_swedish_by_default_and_english_on_request(client):
    MeetingFactory(published=True)
    assert 'lang="sv"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert 'lang="en"' in html and "Latest published meetings" in html


def test_not_found_page_is_the_site_s_own(client, settings):
    settings.DEBUG = False
    response = client.get("/organ/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html and 'name="q"' in html


@pytest.mark.django_db
def test_membership_without_dates_says_the_period_is_not_recorded(client):
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    MeetingFactory(body=membership.body, published=True)  # memberships of public bodies are public
    MembershipFactory(person=membership.person, body=membership.body, start_date=datetime.date(2019, 1, 1))
    content = client.get(f"/personer/{membership.person.slug}/").content.decode()
    assert "Uppgift saknas" in content
    assert "2019-01-01 –" in content


def test_reports_named_in_the_text_are_listed_once_as_links(client, demo_archive):
    """Item 3 of the 2021-12-10 notes names its reports in a list and links them: each shows once, linked."""
    html = client.get("/organ/socialchefsnatverket/2021-12-10/punkt/3/").content.decode()
    title = "Patientenkät kommunal hälso- och sjukvård 2021"
    assert html.count(title) == 1
    assert f'rel="noopener">{title}</a>' in html


def test_next_meetings_and_their_note_are_separate_paragraphs(client, demo_archive):
    html = client.get("/organ/styrgruppen-for-social-valfard/2022-04-22/").content.decode()
    dates = html[html.index('class="next-meetings"') :]
    dates = dates[: dates.index("</p>")]
    assert "2022-11-03" in dates and "Fysiska möten" not in dates
    assert '<p class="next-meetings__note">Fysiska möten 19/5 och 3/11' in html


def test_meetings_and_paragraphs_have_a_link_preview(client, demo_archive):
    """Open Graph title and description, so that a shared link shows what it leads to."""
    paragraph = client.get("/organ/styrgruppen-for-social-valfard/2022/paragraf/175/").content.decode()
    assert '<meta property="og:title" content="§ 175 Utvecklingen av Mini-Maria' in paragraph
    assert '<meta property="og:description" content="Beslut: Informationen antecknas' in paragraph
    meeting = client.get("/organ/styrgruppen-for-social-valfard/2022-04-22/").content.decode()
    assert '<meta property="og:title" content="Styrgruppen för social välfärd 2022-04-22">' in meeting
    assert (
        '<meta property="og:description" content="Protokoll · Styrgruppen för social välfärd · 22 april 2022">'
        in meeting
    )


def test_every_page_links_a_favicon_that_exists(client, demo_archive):
    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    href = html.split('<link rel="icon" href="', 1)[1].split('"', 1)[0]
    assert href.endswith("favicon.svg")
    assert finders.find("img/favicon.svg")
