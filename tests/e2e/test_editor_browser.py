"""The protocol editor in a browser: a secretary enters a meeting from the roster, with and without JavaScript."""

import datetime

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.factories import BodyFactory, MembershipFactory, OrganisationFactory, PartyFactory


@pytest.fixture
def roster(transactional_db):
    """A steering group of three members (Kent Lagrell (M) chairs) and one substitute."""
    body = BodyFactory(name="Styrgruppen för social välfärd")
    MembershipFactory(
        body=body,
        role="chair",
        person__name="Kent Lagrell",
        party=PartyFactory(abbreviation="M"),
        organisation=OrganisationFactory(name="Öckerö"),
    )
    MembershipFactory(body=body, person__name="Patrik Linde", party=PartyFactory(abbreviation="S"))
    MembershipFactory(body=body, person__name="Marita Henriksson", party=None)
    MembershipFactory(body=body, role="substitute", person__name="Eva Ersättare", party=None)
    return body


def log_in(page, base: str, secretary) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", secretary.username)
    page.fill("#id_password", "x-secret-pass")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def start_meeting(page, base: str, body, date: str) -> None:
    page.goto(f"{base}/admin/meetings/meeting/add/")
    page.select_option("#id_body", str(body.pk))
    page.fill("#id_date", date)
    page.get_by_role("button", name="Fortsätt").click()
    page.wait_for_selector("form[data-editor]")


def roster_row(page, name: str):
    return page.locator("tr[data-row]", has=page.locator(f"option[selected]:text-is('{name}')"))


def mark_absence_and_substitute(page) -> None:
    roster_row(page, "Patrik Linde").locator("input[name$='-present']").uncheck()
    substitute = roster_row(page, "Eva Ersättare")
    substitute.locator("input[name$='-present']").check()
    substitute.locator("select[name$='-substitute_for']").select_option(label="Patrik Linde")


def begin_first_paragraph(page, base: str, secretary, body):
    """Logs in, starts a meeting from the roster, marks the absence and the substitute, and fills in
    the first paragraph's title and first decision; returns the paragraph's card."""
    log_in(page, base, secretary)
    start_meeting(page, base, body, "2022-04-22")
    mark_absence_and_substitute(page)
    first = page.locator("[data-item]").nth(0)
    first.locator("input[name$='-title']").fill("Sammanträdet öppnas")
    first.locator("textarea[name$='-decisions-0-text']").fill("Ordföranden öppnar mötet.")
    return first


def save(page) -> None:
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_selector(".messagelist .success")


def meeting_rows(meeting: Meeting) -> list:
    """What a save may change, to see that saving an untouched page changes nothing."""
    return [
        list(Meeting.objects.filter(pk=meeting.pk).values()),
        list(meeting.attendances.order_by("pk").values()),
        list(meeting.items.order_by("pk").values("pk", "number", "position", "title", "summary")),
        [list(item.decisions.order_by("pk").values()) for item in meeting.items.order_by("pk")],
    ]


def assert_entered(body) -> Meeting:
    meeting = Meeting.objects.get(body=body)
    attendance = list(
        meeting.attendances.order_by("position").values_list(
            "person__name", "present", "group", "party__abbreviation", "substitute_for__name"
        )
    )
    assert attendance == [
        ("Kent Lagrell", True, "member", "M", None),
        ("Marita Henriksson", True, "member", None, None),
        ("Patrik Linde", False, "member", "S", None),
        ("Eva Ersättare", True, "serving_substitute", None, "Patrik Linde"),
    ]
    items = [
        (item.number, item.title, [d.text for d in item.decisions.order_by("position")])
        for item in meeting.items.order_by("position")
    ]
    assert items == [
        (1, "Sammanträdet öppnas", ["Ordföranden öppnar mötet.", "Dagordningen fastställs."]),
        (2, "Mini-Maria", ["Informationen antecknas."]),
    ]
    return meeting


def test_secretary_enters_a_meeting_with_javascript(page, live_server, secretary, roster):
    """Roster, absence, substitute, two paragraphs with three decisions; saved, edited, previewed, published."""
    base = live_server.url
    first = begin_first_paragraph(page, base, secretary, roster)
    first.get_by_role("button", name="Lägg till ett beslut").click()
    first.locator("textarea[name$='-decisions-1-text']").fill("Dagordningen fastställs.")
    assert first.locator("input[name$='-decisions-1-position']").input_value() == "2"
    page.get_by_role("button", name="Lägg till en paragraf").click()
    second = page.locator("[data-item]").nth(1)
    assert second.locator("input[name$='-number']").input_value() == "2"
    second.locator("input[name$='-title']").fill("Mini-Maria")
    second.locator("textarea[name$='-decisions-0-text']").fill("Informationen antecknas.")
    assert page.locator("[data-toc-items] li").count() == 2
    save(page)
    meeting = assert_entered(roster)

    # Edit and save again, then save twice without touching anything: nothing changes.
    page.locator("[data-item]").nth(1).locator("textarea[name$='-summary']").fill(
        "Ann-Sofie Isaksson informerar."
    )
    save(page)
    assert meeting.items.get(number=2).summary == "Ann-Sofie Isaksson informerar."
    before = meeting_rows(meeting)
    save(page)
    save(page)
    assert meeting_rows(meeting) == before

    # Decisions are reordered with their up and down buttons.
    page.locator("[data-item]").nth(0).locator(".decision-row").nth(1).get_by_role(
        "button", name="Flytta upp"
    ).click()
    save(page)
    item = meeting.items.get(number=1)
    assert [d.text for d in item.decisions.order_by("position")] == [
        "Dagordningen fastställs.",
        "Ordföranden öppnar mötet.",
    ]

    # Leaving with unsaved changes asks first.
    page.locator("[data-item]").nth(0).locator("input[name$='-title']").fill("Ändrad rubrik")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Hem").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    page.reload()  # the dismissed navigation left the page as it was; start from the saved state

    # The draft preview, from the editor.
    page.get_by_role("link", name="Förhandsgranska utkastet").first.click()
    page.wait_for_selector(".draft-banner")
    assert "tjänstgör för Patrik Linde" in page.content()

    # Publishing: a records officer adjusts the protocol, then posts it on the notice board, each
    # step confirmed on its own page.
    from meetings.services import officers_group_ensure

    secretary.groups.add(officers_group_ensure())
    kent = roster.memberships.get(role="chair").person
    Meeting.objects.filter(pk=meeting.pk).update(chair=kent)
    meeting.adjusters.add(roster.memberships.exclude(person=kent).first().person)
    page.go_back()
    page.reload()
    page.get_by_role("link", name="Justera", exact=True).click()
    page.fill("#id_adjusted_on", "2022-04-28")
    page.get_by_role("button", name="Ja, justera").click()
    page.wait_for_selector(".messagelist .success")
    page.get_by_role("link", name="Anslå på anslagstavlan").click()
    page.fill("#id_posted_on", "2022-04-29")
    page.get_by_role("button", name="Ja, anslå på anslagstavlan").click()
    page.wait_for_selector(".messagelist .success")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.posted_on) == (Meeting.Status.PUBLISHED, datetime.date(2022, 4, 29))
    public = page.context.browser.new_context().new_page()
    public.goto(base + meeting.get_absolute_url())
    assert public.locator(".draft-banner").count() == 0
    assert "Kent Lagrell" in public.content() and "(M)" in public.content()
    assert "Dagordningen fastställs." in public.content()
    public.context.close()


def test_secretary_enters_a_meeting_without_javascript(browser, live_server, secretary, roster):
    """The same meeting without JavaScript: each save offers a fresh card and decision row."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    try:
        begin_first_paragraph(page, base, secretary, roster)
        save(page)

        first = page.locator("[data-item]").nth(0)
        first.locator("textarea[name$='-decisions-1-text']").fill("Dagordningen fastställs.")
        second = page.locator("[data-item]").nth(1)
        assert second.locator("input[name$='-number']").input_value() == "2"
        second.locator("input[name$='-title']").fill("Mini-Maria")
        second.locator("textarea[name$='-decisions-0-text']").fill("Informationen antecknas.")
        save(page)
        meeting = assert_entered(roster)

        before = meeting_rows(meeting)
        save(page)
        save(page)
        assert meeting_rows(meeting) == before
    finally:
        context.close()


def test_choosing_a_person_fills_in_party_and_organisation(page, live_server, secretary, roster):
    """A person added to the list gets their party and municipality from the body at once."""
    from tests.factories import MeetingFactory

    kent = roster.memberships.get(role="chair")
    meeting = MeetingFactory(body=roster, date=datetime.date(2022, 4, 22))
    log_in(page, live_server.url, secretary)
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    # The person field is an autocomplete (select2): choose as the widget does.
    page.evaluate(
        "([id, name]) => django.jQuery('#id_attendance-0-person').append(new Option(name, id, true, true)).trigger('change')",
        [str(kent.person_id), kent.person.name],
    )
    # Web-first assertions poll from outside the page, which a Content-Security-Policy allows.
    expect(page.locator("#id_attendance-0-party")).to_have_value(str(kent.party_id))
    expect(page.locator("#id_attendance-0-organisation")).to_have_value(str(kent.organisation_id))
    expect(page.locator("#id_attendance-0-role")).to_have_value("chair")


@pytest.mark.parametrize("width", [1280, 1024])
def test_editor_fits_the_screen_and_has_no_serious_accessibility_violations(
    page, live_server, secretary, width
):
    """No horizontal scrolling at 1280 and 1024 px; axe-core finds nothing serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.factories import meeting_of_size

    meeting = meeting_of_size(attendees=30, items=10)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, secretary)
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


def test_meeting_date_is_kept_on_a_failed_save(page, live_server, secretary, roster):
    """A failed save shows the error next to the field and keeps everything typed."""
    log_in(page, live_server.url, secretary)
    start_meeting(page, live_server.url, roster, datetime.date(2022, 4, 22).isoformat())
    first = page.locator("[data-item]").nth(0)
    first.locator("textarea[name$='-decisions-0-text']").fill("Beslut utan ärende.")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_selector(".errornote")
    assert first.locator(".errorlist").first.inner_text() == "Detta fält måste fyllas i."
    assert first.locator("textarea[name$='-decisions-0-text']").input_value() == "Beslut utan ärende."
    assert not Meeting.objects.exists()
