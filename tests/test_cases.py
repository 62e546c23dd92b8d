"""Cases (ärenden): the paragraphs that carry one case number, followed across meetings and bodies."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.cases import case_number_key
from meetings.importing.save import meeting_import
from meetings.models import AgendaItem, Case, Meeting
from meetings.services import agenda_items_link_cases

from .case_summaries import case_summaries_counted, case_summaries_kept
from .factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    OrganisationFactory,
)
from .forms import RenderedForm, browser_post


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("KS 2022/123", "KS2022/123"),
        ("Dnr KS 2019/0456", "KS 2019/456"),
        ("KS-2023-00118", "ks 2023/118"),
        ("SN 2016/45", "Dnr. SN 2016/045"),
        ("KS 02-820 107", "Dnr: KS 02-820 107"),
        ("2011/KS 0206 001", "2011/KS 206 1"),
    ],
)
def test_ways_of_writing_one_case_number_are_one_key(first, second):
    """Records write one registry number with or without "Dnr", spaces, zeros and in either case."""
    assert case_number_key(first) == case_number_key(second) != ""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("KS 2022/123", "KS 2022/124"),
        ("KS 2022/123", "SN 2022/123"),
        ("KS 02-820 107", "KS 02-820107"),
        ("KS 2022/12 3", "KS 2022/123"),
    ],
)
def test_different_numbers_are_different_keys(first, second):
    assert case_number_key(first) != case_number_key(second)


@pytest.mark.parametrize("text", ["", "Dnr", "Dnr Justering", "Övrigt", "–"])
def test_a_text_without_a_digit_is_no_case(text):
    """What the importer may take for a number ("Dnr Justering") names no case."""
    assert case_number_key(text) == ""


def test_key_is_an_address():
    assert case_number_key("Dnr ÄN 2020/0007") == "an-2020-7"
    assert case_number_key("2011/KS 0206 001") == "2011-ks-206-1"


def _published(body, date, **kwargs):
    return MeetingFactory(body=body, date=date, published=True, **kwargs)


@pytest.fixture
def case_across_bodies(db):
    """A referral in the executive board, the council's decision and a report back, in one
    organisation; the number written three ways."""
    organisation = OrganisationFactory(name="Öckerö kommun", slug="ockero")
    board = BodyFactory(name="Kommunstyrelsen", slug="ks-ockero", organisation=organisation)
    council = BodyFactory(name="Kommunfullmäktige", slug="kf-ockero", organisation=organisation)
    referral = AgendaItemFactory(
        meeting=_published(board, datetime.date(2022, 3, 2)),
        number=41,
        title="Motion om cykelväg till färjeläget",
        case_number="KS 2022/0123",
    )
    DecisionFactory(agenda_item=referral, kind="other", text="Motionen remitteras till tekniska nämnden.")
    decision = AgendaItemFactory(
        meeting=_published(council, datetime.date(2022, 6, 16)),
        number=77,
        title="Svar på motion om cykelväg till färjeläget",
        case_number="Dnr KS 2022/123",
    )
    DecisionFactory(agenda_item=decision, kind="adopted", text="Motionen bifalls.")
    report = AgendaItemFactory(
        meeting=_published(board, datetime.date(2023, 2, 1)),
        number=12,
        title="Återrapport: cykelväg till färjeläget",
        case_number="KS2022/123",
    )
    return organisation, [referral, decision, report]


def test_paragraphs_with_one_number_in_one_organisation_share_a_case(case_across_bodies):
    organisation, items = case_across_bodies
    cases = {AgendaItem.objects.get(pk=item.pk).case_id for item in items}
    assert len(cases) == 1
    case = Case.objects.get(pk=cases.pop())
    assert (case.organisation, case.slug, case.number) == (organisation, "ks-2022-123", "KS 2022/0123")


def test_the_same_number_in_another_organisation_is_another_case(case_across_bodies):
    _organisation, items = case_across_bodies
    elsewhere = AgendaItemFactory(case_number="KS 2022/123")
    assert elsewhere.case_id is not None
    assert elsewhere.case_id != AgendaItem.objects.get(pk=items[0].pk).case_id


def test_case_page_shows_the_history_in_date_order_across_bodies(client, case_across_bodies):
    """/arenden/<organisation>/<number>/: each paragraph with date, body, §, title and decision."""
    _organisation, items = case_across_bodies
    response = client.get("/arenden/ockero/ks-2022-123/")
    assert response.status_code == 200
    page = response.content.decode()
    positions = [page.index(item.title) for item in items]
    assert positions == sorted(positions)
    for text in ("Kommunstyrelsen", "Kommunfullmäktige", "§ 41", "§ 77", "§ 12", "Motionen bifalls."):
        assert text in page
    assert "Motionen remitteras till tekniska nämnden." in page
    for item in items:
        assert f'href="{item.get_absolute_url()}"' in page
    # The number as the oldest public paragraph writes it.
    assert "KS 2022/0123" in page


def test_case_page_redirects_another_writing_of_the_number(client, case_across_bodies):
    response = client.get("/arenden/ockero/KS-2022-0123/")
    assert response.status_code == 301
    assert response["Location"] == "/arenden/ockero/ks-2022-123/"


def test_case_page_shows_public_paragraphs_only(client, case_across_bodies):
    """Drafts, unposted protocols and confidential paragraphs with the number are not on the page,
    nor is a sub-point of a confidential paragraph."""
    _organisation, items = case_across_bodies
    board = items[0].meeting.body
    draft = AgendaItemFactory(
        meeting=MeetingFactory(body=board, date=datetime.date(2023, 5, 3)),
        title="Utkast om cykelvägen",
        case_number="KS 2022/123",
    )
    adjusted = AgendaItemFactory(
        meeting=MeetingFactory(
            body=board,
            date=datetime.date(2023, 6, 7),
            status=Meeting.Status.ADJUSTED,
            adjusted_on=datetime.date(2023, 6, 9),
        ),
        title="Justerat men inte anslaget",
        case_number="KS 2022/123",
    )
    secret = AgendaItemFactory(
        meeting=items[2].meeting,
        position=20,
        number=30,
        title="Hemlig markaffär vid färjeläget",
        case_number="KS 2022/123",
        confidential=True,
        confidentiality_ground="OSL 19 kap. 1 §",
    )
    sub_point = AgendaItemFactory(
        meeting=items[2].meeting,
        parent=secret,
        position=21,
        number=None,
        label="a",
        title="Underpunkt om markaffären",
        case_number="KS 2022/123",
    )
    for item in (draft, adjusted, secret, sub_point):
        assert item.case_id == AgendaItem.objects.get(pk=items[0].pk).case_id
    page = client.get("/arenden/ockero/ks-2022-123/").content.decode()
    for hidden in (draft, adjusted, secret, sub_point):
        assert hidden.title not in page
    assert "3 paragrafer" in page or "3 paragraphs" in page


def test_a_case_without_a_public_paragraph_has_no_page(client, db):
    organisation = OrganisationFactory(slug="lerum")
    body = BodyFactory(organisation=organisation)
    AgendaItemFactory(meeting=MeetingFactory(body=body), case_number="KS 2024/1")
    AgendaItemFactory(
        meeting=_published(body, datetime.date(2024, 2, 2)),
        case_number="KS 2024/2",
        confidential=True,
        confidentiality_ground="OSL 26 kap. 1 §",
    )
    assert Case.objects.count() == 2
    assert client.get("/arenden/lerum/ks-2024-1/").status_code == 404
    assert client.get("/arenden/lerum/ks-2024-2/").status_code == 404
    assert client.get("/arenden/lerum/ks-2024-3/").status_code == 404
    assert client.get("/arenden/ockero/ks-2024-1/").status_code == 404


def test_paragraph_meeting_and_search_link_the_case(client, case_across_bodies):
    _organisation, items = case_across_bodies
    case_url = "/arenden/ockero/ks-2022-123/"
    decision = items[1]
    for url in (decision.get_absolute_url(), decision.meeting.get_absolute_url()):
        page = client.get(url).content.decode()
        assert f'href="{case_url}"' in page, url
        assert "Dnr KS 2022/123" in page
    results = client.get(reverse("meetings:search"), {"q": "färjeläget"}).content.decode()
    assert results.count(f'href="{case_url}"') == 3
    decisions = client.get(reverse("meetings:decisions"), {"q": "cykelväg"}).content.decode()
    assert decisions.count(f'href="{case_url}"') == 2  # the report back has no decision


def test_a_confidential_paragraph_does_not_link_its_case(client, case_across_bodies):
    _organisation, items = case_across_bodies
    AgendaItemFactory(
        meeting=items[0].meeting,
        position=9,
        number=49,
        case_number="KS 2022/123",
        confidential=True,
        confidentiality_ground="OSL 19 kap. 1 §",
    )
    page = client.get(items[0].meeting.get_absolute_url()).content.decode()
    assert page.count('href="/arenden/ockero/ks-2022-123/"') == 1


def _case_with_paragraphs(count: int) -> str:
    organisation = OrganisationFactory()
    bodies = [BodyFactory(organisation=organisation) for _ in range(3)]
    start = datetime.date(2020, 1, 1)
    for n in range(count):
        item = AgendaItemFactory(
            meeting=_published(bodies[n % 3], start + datetime.timedelta(days=n)),
            number=n + 1,
            case_number="BUN 2020/7",
        )
        DecisionFactory(agenda_item=item, text=f"Beslut {n}.")
        DecisionFactory(agenda_item=item, text=f"Uppdrag {n}.", position=2, kind="assignment")
    return reverse("meetings:case_detail", kwargs={"organisation": organisation.slug, "slug": "bun-2020-7"})


def test_case_page_queries_do_not_grow_with_its_paragraphs(client, db):
    """2 paragraphs or 200 (a page of 50), the case page costs the same number of queries."""
    small, large = _case_with_paragraphs(2), _case_with_paragraphs(200)
    counts = []
    for url in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    page = client.get(large).content.decode()
    assert page.count('class="case-history__step"') == 50
    assert "200 paragrafer" in page or "200 paragraphs" in page


def test_importer_links_the_paragraphs_to_their_cases(case_across_bodies):
    organisation, items = case_across_bodies
    board = items[0].meeting.body
    data = {
        "items": [
            {"number": 5, "title": "Cykelvägen, uppföljning", "case_number": "KS 2022/0123"},
            {"number": 6, "title": "Ny motion", "case_number": "KS 2023/9"},
            {"number": 7, "title": "Övrigt", "case_number": "Dnr Övrigt"},
        ]
    }
    meeting = meeting_import(data=data, body=board, date=datetime.date(2023, 9, 1))
    follow_up, new, other = meeting.items.order_by("number")
    assert follow_up.case_id == AgendaItem.objects.get(pk=items[0].pk).case_id
    assert new.case.slug == "ks-2023-9" and new.case.organisation == organisation
    assert other.case_id is None


def test_changing_a_number_moves_the_paragraph_and_drops_an_empty_case(case_across_bodies):
    _organisation, items = case_across_bodies
    lone = AgendaItemFactory(meeting=items[0].meeting, position=5, number=45, case_number="KS 2022/999")
    old_case = lone.case_id
    AgendaItem.objects.filter(pk=lone.pk).update(case_number="KS 2022/123")
    assert agenda_items_link_cases(item_ids=[lone.pk]) == 1
    lone.refresh_from_db()
    assert lone.case_id == AgendaItem.objects.get(pk=items[0].pk).case_id
    assert not Case.objects.filter(pk=old_case).exists()
    AgendaItem.objects.filter(pk=lone.pk).update(case_number="")
    agenda_items_link_cases(item_ids=[lone.pk])
    lone.refresh_from_db()
    assert lone.case_id is None
    assert agenda_items_link_cases(item_ids=[lone.pk]) == 0


def test_editor_fills_the_case_from_the_number(client, secretary, case_across_bodies):
    """A secretary types a case number in the editor: the paragraph joins the case; changing the
    number moves it."""
    _organisation, items = case_across_bodies
    client.force_login(secretary)
    board = items[0].meeting.body
    url = f"{reverse('admin:meetings_meeting_add')}?body={board.pk}&date=2023-10-04&start=empty"
    form = RenderedForm(client.get(url).content.decode())
    form.set("attendance-TOTAL_FORMS", 0)
    form.set("items-0-title", "Cykelvägen, slutrapport")
    form.set("items-0-case_number", "ks 2022/123")
    response = browser_post(client, url, form.data())
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=board, date="2023-10-04")
    item = meeting.items.get()
    assert item.case_id == AgendaItem.objects.get(pk=items[0].pk).case_id

    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = RenderedForm(client.get(change).content.decode())
    form.set("items-0-case_number", "KS 2023/55")
    assert browser_post(client, change, form.data()).status_code == 302
    item.refresh_from_db()
    assert item.case.slug == "ks-2023-55"

    # Deleting the case's only paragraph deletes the case; the others' case stays.
    form = RenderedForm(client.get(change).content.decode())
    form.set("items-0-DELETE", "on")
    assert browser_post(client, change, form.data()).status_code == 302
    assert not Case.objects.filter(slug="ks-2023-55").exists()
    assert Case.objects.filter(slug="ks-2022-123").exists()


def test_admin_item_page_fills_the_case(admin_client, case_across_bodies):
    _organisation, items = case_across_bodies
    draft = MeetingFactory(body=items[0].meeting.body, date=datetime.date(2023, 11, 8))
    item = AgendaItemFactory(meeting=draft, number=1, position=1, title="Cykelvägen igen")
    assert item.case_id is None
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    form = RenderedForm(admin_client.get(url).content.decode(), form_marker="novalidate")
    form.set("case_number", "Dnr KS 2022/123")
    assert browser_post(admin_client, url, form.data()).status_code == 302
    item.refresh_from_db()
    assert item.case_id == AgendaItem.objects.get(pk=items[0].pk).case_id
    assert admin_client.get(reverse("admin:meetings_case_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:meetings_case_add")).status_code == 403
    case_page = admin_client.get(reverse("admin:meetings_case_change", args=[item.case_id]))
    assert case_page.status_code == 200 and "KS 2022/0123" in case_page.content.decode()
    listed = admin_client.get(
        reverse("admin:meetings_agendaitem_changelist") + f"?case__id__exact={item.case_id}"
    )
    assert listed.status_code == 200
    assert "Cykelvägen igen" in listed.content.decode()


def test_migration_links_existing_paragraphs(case_across_bodies):
    """The data migration gives paragraphs written before cases existed their case."""
    _organisation, items = case_across_bodies
    AgendaItem.objects.update(case=None)
    Case.objects.all().delete()
    migration = importlib.import_module("meetings.migrations.0013_case")
    migration.link_existing_items(apps, None)
    cases = set(AgendaItem.objects.filter(pk__in=[i.pk for i in items]).values_list("case", flat=True))
    assert len(cases) == 1 and None not in cases
    assert Case.objects.get().number == "KS 2022/0123"


@pytest.mark.usefixtures("demo_archive")
def test_demo_archive_follows_a_case_across_two_meetings(client):
    """The demo's joint register of purchased care: the steering group's § 105 (April 2021) and the
    social directors' network's item 6 (December 2021)."""
    page = client.get("/arenden/goteborgsregionen/gr-2019-456/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Gemensamt utförrregister köpt vård och boende" in text
    assert "Teknisk förstudie om it-stöd för gemensamt utförarregister" in text
    assert "Styrgruppen för social välfärd" in text and "Socialchefsnätverket" in text
    # The fixture's links are what the service makes of the numbers.
    assert agenda_items_link_cases(item_ids=AgendaItem.objects.values_list("pk", flat=True)) == 0


def test_case_and_person_pages_are_swedish_and_english(client, case_across_bodies):
    _organisation, items = case_across_bodies
    presenter = items[1].presenters.create(name="Karin Föredragande", slug="karin-foredragande")
    AttendanceFactory(meeting=items[1].meeting, person=presenter)
    url = "/arenden/ockero/ks-2022-123/"
    swedish = client.get(url).content.decode()
    assert "Ärende KS 2022/0123" in swedish and "Ärendet genom mötena" in swedish
    assert "Fastställt:" in swedish
    person = client.get(presenter.get_absolute_url()).content.decode()
    assert "Närvaro per år" in person and "Föredragna paragrafer och deras beslut" in person
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(url).content.decode()
    assert "Case KS 2022/0123" in english and "The case across meetings" in english
    person = client.get(presenter.get_absolute_url()).content.decode()
    assert "Attendance by year" in person and "Paragraphs presented and their decisions" in person


def test_a_body_moved_to_another_organisation_takes_its_paragraphs_to_its_cases(
    admin_client, case_across_bodies
):
    organisation, items = case_across_bodies
    council = items[1].meeting.body
    other = OrganisationFactory(name="Kungälvs kommun", slug="kungalv")
    url = reverse("admin:meetings_body_change", args=[council.pk])
    form = RenderedForm(admin_client.get(url).content.decode(), form_marker="novalidate")
    form.set("organisation", other.pk)
    assert browser_post(admin_client, url, form.data()).status_code == 302
    moved = AgendaItem.objects.get(pk=items[1].pk)
    assert moved.case.organisation == other and moved.case.slug == "ks-2022-123"
    assert AgendaItem.objects.get(pk=items[0].pk).case.organisation == organisation


def test_organisation_case_index_lists_public_cases_latest_first(client, case_across_bodies):
    """/arenden/<organisation>/: each case with public paragraphs once, by its latest paragraph; a
    case of drafts or secret paragraphs only is not listed."""
    _organisation, items = case_across_bodies
    board = items[0].meeting.body
    AgendaItemFactory(
        meeting=_published(board, datetime.date(2022, 1, 12)),
        title="Detaljplan för hamnen",
        case_number="KS 2021/300",
    )
    AgendaItemFactory(meeting=MeetingFactory(body=board), title="Utkastärende", case_number="KS 2024/8")
    AgendaItemFactory(
        meeting=items[0].meeting,
        position=30,
        number=90,
        title="Hemligt ärende",
        case_number="KS 2024/9",
        confidential=True,
        confidentiality_ground="OSL 19 kap. 1 §",
    )
    response = client.get("/arenden/ockero/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("KS 2022/0123") < page.index("KS 2021/300")
    assert "Motion om cykelväg till färjeläget" in page and "Detaljplan för hamnen" in page
    assert "3 paragrafer" in page and "1 februari 2023" in page
    for hidden in ("KS 2024/8", "Utkastärende", "KS 2024/9", "Hemligt ärende"):
        assert hidden not in page
    assert 'href="/arenden/ockero/ks-2022-123/"' in page
    assert 'href="/arenden/ockero/"' in client.get("/arenden/ockero/ks-2022-123/").content.decode()


def test_case_index_is_rendered_once_per_version_of_the_archive(client, case_across_bodies):
    _organisation, items = case_across_bodies
    with CaptureQueriesContext(connection) as cold:
        first = client.get("/arenden/ockero/")
    # Read before the next request: each request empties the connection's log of queries.
    cold_queries = len(cold)
    with CaptureQueriesContext(connection) as warm:
        second = client.get("/arenden/ockero/")
    assert second["ETag"] == first["ETag"] and len(warm) < cold_queries
    assert client.get("/arenden/ockero/", headers={"if-none-match": second["ETag"]}).status_code == 304

    new = AgendaItemFactory(
        meeting=items[0].meeting,
        position=40,
        number=95,
        title="Ny motion om bryggor",
        case_number="KS 2022/7",
    )
    agenda_items_link_cases(item_ids=[new.pk])
    third = client.get("/arenden/ockero/")
    assert third["ETag"] != second["ETag"] and "Ny motion om bryggor" in third.content.decode()


def test_an_organisation_without_public_cases_has_no_case_index(client, db):
    organisation = OrganisationFactory(slug="tjorn")
    body = BodyFactory(organisation=organisation)
    AgendaItemFactory(meeting=_published(body, datetime.date(2024, 1, 1)), case_number="")
    AgendaItemFactory(meeting=MeetingFactory(body=body), case_number="KS 2024/1")
    assert client.get("/arenden/tjorn/").status_code == 404
    assert client.get("/arenden/finns-inte/").status_code == 404


def test_case_index_queries_do_not_grow_with_the_cases(client, db):
    """2 cases or 200 (a page of 50): the same number of queries."""
    counts = []
    for total in (2, 200):
        organisation = OrganisationFactory()
        body = BodyFactory(organisation=organisation)
        for n in range(total):
            AgendaItemFactory(
                meeting=_published(body, datetime.date(2000, 1, 1) + datetime.timedelta(days=n)),
                number=1,
                case_number=f"KS {2000 + n}/{n}",
            )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/arenden/{organisation.slug}/")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert response.content.decode().count('class="card case-card"') == 50


def test_each_case_keeps_the_summary_of_its_published_paragraphs_through_every_write(case_across_bodies):
    """The database rewrites a case's summary whenever a paragraph of it is written: linked,
    made or unmade confidential (its sub-points with it), its meeting unpublished or moved to
    another date, moved to another case, deleted."""
    _organisation, (_referral, decision, report) = case_across_bodies
    case = Case.objects.get(slug="ks-2022-123")
    assert case_summaries_kept()[case.pk][:2] == (3, datetime.date(2023, 2, 1))
    assert case_summaries_kept() == case_summaries_counted()

    secret_parent = AgendaItemFactory(meeting=report.meeting, position=20, number=13, title="Förhandling")
    sub_point = AgendaItemFactory(
        meeting=report.meeting, parent=secret_parent, position=21, number=14, case_number="KS 2022/123"
    )
    assert case_summaries_kept()[case.pk][0] == 4
    AgendaItem.objects.filter(pk=secret_parent.pk).update(
        confidential=True, confidentiality_ground="OSL 39 kap. 3 §"
    )
    assert case_summaries_kept()[case.pk][0] == 3 and case_summaries_kept() == case_summaries_counted()
    secret_parent.confidential = False
    secret_parent.save()
    assert case_summaries_kept()[case.pk][0] == 4

    AgendaItem.objects.filter(pk=sub_point.pk).update(
        confidential=True, confidentiality_ground="OSL 39 kap. 3 §"
    )
    assert case_summaries_kept()[case.pk][0] == 3 and case_summaries_kept() == case_summaries_counted()

    Meeting.objects.filter(pk=report.meeting_id).update(status=Meeting.Status.DRAFT)
    assert case_summaries_kept()[case.pk][:2] == (2, datetime.date(2022, 6, 16))
    assert case_summaries_kept() == case_summaries_counted()
    Meeting.objects.filter(pk=report.meeting_id).update(status=Meeting.Status.PUBLISHED)
    Meeting.objects.filter(pk=decision.meeting_id).update(date=datetime.date(2023, 5, 4))
    assert case_summaries_kept()[case.pk][:2] == (3, datetime.date(2023, 5, 4))

    AgendaItem.objects.filter(pk=decision.pk).update(case_number="KS 2023/5")
    agenda_items_link_cases(item_ids=[decision.pk])
    moved_to = Case.objects.get(slug="ks-2023-5")
    assert case_summaries_kept()[case.pk][:2] == (2, datetime.date(2023, 2, 1))
    assert case_summaries_kept()[moved_to.pk][:2] == (1, datetime.date(2023, 5, 4))
    report.delete()
    assert case_summaries_kept()[case.pk][:2] == (1, datetime.date(2022, 3, 2))
    assert case_summaries_kept() == case_summaries_counted()


def test_the_summary_function_writes_what_the_paragraphs_say(case_across_bodies):
    """``meetings_case_summarise``, which the migration ran over the cases already there and the
    synthetic archive runs after writing with the triggers off, rewrites a summary gone wrong."""
    expected = case_summaries_kept()
    Case.objects.update(published_paragraphs=0, published_latest=None, published_public_from=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT meetings_case_summarise(ARRAY(SELECT id FROM meetings_case))")
    assert case_summaries_kept() == expected == case_summaries_counted()


def test_case_index_counts_a_paragraph_posted_for_a_later_day_from_that_day(
    client, case_across_bodies, monkeypatch
):
    """A protocol posted for tomorrow: today its case is listed with the paragraphs public today
    and the latest of those; from tomorrow with the new one too."""
    _organisation, items = case_across_bodies
    today = timezone.localdate()
    posted = MeetingFactory(
        body=items[0].meeting.body,
        status=Meeting.Status.PUBLISHED,
        date=today - datetime.timedelta(days=5),
        adjusted_on=today,
        posted_on=today + datetime.timedelta(days=1),
    )
    AgendaItemFactory(meeting=posted, number=3, title="Slutrapport om cykelvägen", case_number="KS 2022/123")
    AgendaItemFactory(meeting=posted, number=4, title="Ny motion om färjan", case_number="KS 2024/77")

    page = client.get("/arenden/ockero/").content.decode()
    assert "3 paragrafer" in page and "1 februari 2023" in page
    assert "KS 2024/77" not in page and "Ny motion om färjan" not in page

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    page = client.get("/arenden/ockero/").content.decode()
    assert "4 paragrafer" in page and "KS 2024/77" in page
    assert page.index("KS 2024/77") < page.index("KS 2022/0123")
