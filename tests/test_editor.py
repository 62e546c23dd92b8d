"""The protocol editor: a whole meeting on one page, posted back as rendered."""

import pytest
from django.apps import apps
from django.core import serializers
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting
from members.models import Organisation, Party, Person

from .factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    meeting_of_size,
)
from .forms import RenderedForm, as_post, browser_post, form_fields


def editor_url(meeting: Meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def archive_rows() -> list[dict]:
    """Every row of the archive's tables, to compare before and after a save."""
    models = [*apps.get_app_config("meetings").get_models(), *apps.get_app_config("members").get_models()]
    return serializers.serialize(
        "python", [obj for model in models for obj in model.objects.order_by("pk")]
    ) + serializers.serialize("python", [], fields=[])  # a list of dicts: a failure names the row


def post_back(client, url: str):
    """GETs the editor and posts back exactly what it rendered; returns the POST's response."""
    page = client.get(url)
    assert page.status_code == 200
    return browser_post(client, url, as_post(form_fields(page.content.decode())))


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("date", ["2021-04-09", "2021-12-10", "2022-04-22"])
def test_demo_meeting_posted_back_twice_changes_nothing(secretary_client, date):
    """Saving a demo meeting's editor as rendered, twice, succeeds and changes no row (the demo's
    records are published, and only drafts are edited: here they are drafts again)."""
    Meeting.objects.filter(date=date).update(status=Meeting.Status.DRAFT)
    meeting = Meeting.objects.get(date=date)
    before = archive_rows()
    for _ in range(2):
        response = post_back(secretary_client, editor_url(meeting))
        assert response.status_code == 302, response.content.decode()[:3000]
        assert response["Location"] == editor_url(meeting)
    assert archive_rows() == before


@pytest.fixture
def body_with_roster(db):
    body = BodyFactory(name="Styrgruppen för social välfärd")
    kent = MembershipFactory(
        body=body, role="chair", person__name="Kent Lagrell", party=PartyFactory(abbreviation="M")
    )
    patrik = MembershipFactory(body=body, role="member", person__name="Patrik Linde", party=None)
    ersattare = MembershipFactory(body=body, role="substitute", person__name="Eva Ersättare", party=None)
    return body, kent, patrik, ersattare


def test_new_meeting_starts_from_the_roster(secretary_client, body_with_roster):
    """A new meeting lists the body's members, present, and its substitutes; party and role come along."""
    body, kent, patrik, ersattare = body_with_roster
    add = reverse("admin:meetings_meeting_add")
    start = secretary_client.get(add)
    assert start.status_code == 200
    assert b'name="body"' in start.content and b"data-editor" not in start.content

    url = f"{add}?body={body.pk}&date=2022-04-22&start=roster"
    form = RenderedForm(secretary_client.get(url).content.decode())
    assert [form.get(f"attendance-{i}-person") for i in range(3)] == [
        str(kent.person.pk),
        str(patrik.person.pk),
        str(ersattare.person.pk),
    ]
    # Patrik was absent; the substitute served for him.
    form.set("attendance-1-present", False)
    form.set("attendance-2-present", True)
    form.set("attendance-2-substitute_for", patrik.person.pk)
    form.set("items-0-title", "Sammanträdet öppnas")
    form.set("items-0-decisions-0-text", "Ordföranden öppnar sammanträdet.")
    response = browser_post(secretary_client, url, form.data())
    assert response.status_code == 302, errors_of(response)

    meeting = Meeting.objects.get(body=body)
    rows = list(
        meeting.attendances.order_by("position").values_list(
            "person__name",
            "present",
            "group",
            "role",
            "party__abbreviation",
            "substitute_for__name",
            "position",
        )
    )
    assert rows == [
        ("Kent Lagrell", True, "member", "chair", "M", None, 1),
        ("Patrik Linde", False, "member", "", None, None, 2),
        ("Eva Ersättare", True, "serving_substitute", "", None, "Patrik Linde", 3),
    ]
    item = meeting.items.get()
    assert (item.number, item.position) == (1, 1)
    assert [d.text for d in item.decisions.all()] == ["Ordföranden öppnar sammanträdet."]

    before = archive_rows()
    for _ in range(2):
        response = post_back(secretary_client, editor_url(meeting))
        assert response.status_code == 302, errors_of(response)
    assert archive_rows() == before


def errors_of(response) -> str:
    """The error messages of a re-rendered editor, for assertion messages."""
    if response.status_code != 200:
        return f"status {response.status_code}"
    html = response.content.decode()
    return " | ".join(part.split("</ul>")[0] for part in html.split('class="errorlist')[1:])[:3000]


def _attendance_content(meeting):
    return list(
        meeting.attendances.order_by("position").values_list(
            "person__name", "group", "present", "role", "party__abbreviation", "organisation__name",
            "title", "paragraph_from", "paragraph_to", "agenda_position", "substitute_for", "position",
        )
    )  # fmt: skip


def _items_content(meeting):
    return [
        (
            item.number, item.position, item.title, item.case_number, item.summary, item.discussion,
            sorted(p.name for p in item.presenters.all()),
            [(d.kind, d.text, d.position) for d in item.decisions.order_by("position")],
        )
        for item in meeting.items.order_by("position")
    ]  # fmt: skip


@pytest.mark.usefixtures("demo_archive")
def test_seed_protocol_is_entered_from_scratch(secretary_client):
    """The protocol of § 171–183 (13 paragraphs), entered anew through the editor, is the demo's record."""
    original = Meeting.objects.get(date="2022-04-22")
    attendance, items = _attendance_content(original), _items_content(original)
    people = {p.name: p.pk for p in Person.objects.all()}
    parties = {p.abbreviation: p.pk for p in Party.objects.all()}
    organisations = {o.name: o.pk for o in Organisation.objects.all()}
    meeting_values = {
        "start_time": original.start_time, "end_time": original.end_time, "location": original.location,
        "mode": original.mode, "chair": original.chair_id, "secretary": original.secretary_id,
        "secretary_title": original.secretary_title, "adjusters": [p.pk for p in original.adjusters.all()],
    }  # fmt: skip
    body = original.body
    original.delete()
    assert len(items) == 13 and len(attendance) == 20

    add = reverse("admin:meetings_meeting_add")
    url = f"{add}?body={body.pk}&date=2022-04-22&start=empty"
    form = RenderedForm(secretary_client.get(url).content.decode())
    for name, value in meeting_values.items():
        form.set(name, value.strftime("%H:%M") if hasattr(value, "strftime") else value)
    assert form.get("attendance-TOTAL_FORMS") == "1"
    form.set("attendance-TOTAL_FORMS", 0)  # the empty row is replaced by rows typed in order
    for name, group, present, role, party, organisation, title, first, last, _, _, _ in attendance:
        form.add_row(
            "attendance",
            {
                "person": people[name], "group": group, "present": present, "role": role,
                "party": parties.get(party), "organisation": organisations.get(organisation), "title": title,
                "presence": (f"§ {first}–{last}" if last else f"§ {first}") if first else "",
            },
        )  # fmt: skip
    form.set("items-TOTAL_FORMS", 0)
    for number, _, title, case_number, summary, discussion, presenters, decisions in items:
        index = form.add_row(
            "items",
            {
                "number": number, "title": title, "case_number": case_number, "summary": summary,
                "discussion": discussion, "presenters": [people[name] for name in presenters],
                "decisions-TOTAL_FORMS": 0, "decisions-INITIAL_FORMS": 0,
            },
        )  # fmt: skip
        for kind, text, position in decisions:
            form.add_row(f"items-{index}-decisions", {"kind": kind, "text": text, "position": position})
    response = browser_post(secretary_client, url, form.data())
    assert response.status_code == 302, errors_of(response)

    meeting = Meeting.objects.get(body=body, date="2022-04-22")
    assert _items_content(meeting) == items
    assert [row[:-2] for row in _attendance_content(meeting)] == [row[:-2] for row in attendance]
    assert [row[-1] for row in _attendance_content(meeting)] == list(range(1, 21))
    before = archive_rows()
    for _ in range(2):
        assert post_back(secretary_client, editor_url(meeting)).status_code == 302
    assert archive_rows() == before


def test_council_posted_back_twice_changes_nothing(secretary_client):
    """A council of 101 attendance lines and 80 paragraphs with 160 decisions saves as rendered, twice."""
    meeting = meeting_of_size(attendees=101, items=80)
    before = archive_rows()
    for _ in range(2):
        page = secretary_client.get(editor_url(meeting))
        fields = form_fields(page.content.decode())
        assert len(fields) > 1000  # more than Django's default limit of posted fields
        response = browser_post(secretary_client, editor_url(meeting), as_post(fields))
        assert response.status_code == 302, errors_of(response)
    assert archive_rows() == before


def test_the_field_limit_stays_for_everyone_else(secretary):
    """Only the protocol forms of logged-in staff may post more than 1,000 fields."""

    def post_many(client, url):
        client.get(reverse("admin:index"), follow=True)  # a visit sets the CSRF cookie
        token = client.cookies["csrftoken"].value
        return browser_post(
            client, url, {"csrfmiddlewaretoken": token, **{f"f{n}": "x" for n in range(1200)}}
        )

    anonymous = Client(enforce_csrf_checks=True)
    assert post_many(anonymous, reverse("admin:meetings_meeting_add")).status_code == 400
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(secretary)
    assert post_many(staff, reverse("admin:password_change")).status_code == 400
    assert post_many(staff, reverse("admin:meetings_meeting_add")).status_code == 200


def test_editor_queries_do_not_grow_with_the_meeting(secretary_client):
    """The editor of a meeting with 60 attendees and 60 paragraphs takes as many queries as one with 2."""
    counts = []
    for size in (2, 60):
        meeting = meeting_of_size(attendees=size, items=size)
        with CaptureQueriesContext(connection) as queries:
            assert secretary_client.get(editor_url(meeting)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def field_error(response, name: str) -> str:
    """The error shown next to field ``name`` of the re-rendered editor ("" when none)."""
    html = response.content.decode()
    marker = f'id="id_{name}_error"'
    if marker not in html:
        return ""
    return html.split(marker, 1)[1].split("</ul>", 1)[0].split("<li>", 1)[1].split("</li>", 1)[0]


def test_next_free_paragraph_number_is_proposed(secretary_client):
    """The empty card of a meeting proposes the number after the body's last §; untouched, it is no error."""
    earlier = MeetingFactory()
    AgendaItemFactory(meeting=earlier, number=112, position=1)
    later = MeetingFactory(body=earlier.body)
    form = RenderedForm(secretary_client.get(editor_url(later)).content.decode())
    assert form.get("items-0-number") == "113"
    AgendaItemFactory(meeting=later, number=113, position=1)
    form = RenderedForm(secretary_client.get(editor_url(later)).content.decode())
    assert form.get("items-1-number") == "114"
    assert browser_post(secretary_client, editor_url(later), form.data()).status_code == 302
    assert later.items.count() == 1

    url = reverse("admin:meetings_meeting_add") + f"?body={later.body.pk}&date=2030-01-01&start=empty"
    assert RenderedForm(secretary_client.get(url).content.decode()).get("items-0-number") == "114"


def test_mistakes_are_shown_in_swedish_next_to_the_field_and_nothing_is_lost(secretary_client):
    """Repeated § numbers, people and decision orders and a bad partial presence are refused in Swedish."""
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number=5, position=1, title="Första")
    DecisionFactory(agenda_item=item, position=1)
    person = AttendanceFactory(meeting=meeting).person
    form = RenderedForm(secretary_client.get(editor_url(meeting)).content.decode())
    form.set("items-1-number", "5")
    form.set("items-1-title", "Andra ärendet")
    form.set("items-0-decisions-1-text", "Beslutet igen")
    form.set("items-0-decisions-1-position", "1")
    form.set("attendance-1-person", person.pk)
    form.set("attendance-0-presence", "från början")
    response = browser_post(secretary_client, editor_url(meeting), form.data())
    assert response.status_code == 200
    assert field_error(response, "items-1-number") == "Paragrafnumret används redan i sammanträdet."
    assert field_error(response, "items-0-decisions-1-position") == "Två beslut i ärendet har samma ordning."
    assert field_error(response, "attendance-1-person") == "Personen finns redan med i närvarolistan."
    assert field_error(response, "attendance-0-presence").startswith("Skriv paragraferna som")
    assert "Var god rätta felen nedan." in response.content.decode()
    # Everything typed is still there.
    again = RenderedForm(response.content.decode())
    assert again.get("items-1-title") == "Andra ärendet"
    assert again.get("items-0-decisions-1-text") == "Beslutet igen"
    assert meeting.items.count() == 1


def test_draft_preview_only_for_staff_working_on_the_body(client, secretary, django_user_model):
    """A draft shows as it will be published, marked, to its secretaries only; others get a 404."""
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    kent = AttendanceFactory(meeting=meeting, person__name="Kent Lagrell").person
    AttendanceFactory(
        meeting=meeting, person__name="Eva Ersättare", group="serving_substitute", substitute_for=kent
    )
    AgendaItemFactory(meeting=meeting, number=171, title="Sammanträdet öppnas")
    url = meeting.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(django_user_model.objects.create_user("personal", is_staff=True))
    assert client.get(url).status_code == 404

    client.force_login(secretary)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="draft-banner"' in html and "Utkast — inte publicerat" in html
    assert "Sammanträdet öppnas" in html
    assert "tjänstgör för Kent Lagrell" in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    # The editor links to it.
    assert url in client.get(editor_url(meeting)).content.decode()


def test_published_meeting_has_no_draft_banner(client, secretary):
    meeting = MeetingFactory(published=True)
    client.force_login(secretary)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert "draft-banner" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_attendance_copied_from_the_previous_meeting(secretary_client):
    """One click starts the attendance list from the body's previous meeting, in its order."""
    previous = MeetingFactory(date="2022-03-01")
    first = AttendanceFactory(meeting=previous, position=1, role="chair")
    second = AttendanceFactory(meeting=previous, position=2, present=False)
    url = reverse("admin:meetings_meeting_add") + f"?body={previous.body.pk}&date=2022-04-22&start=previous"
    form = RenderedForm(secretary_client.get(url).content.decode())
    assert [form.get(f"attendance-{i}-person") for i in (0, 1)] == [
        str(first.person_id),
        str(second.person_id),
    ]
    assert browser_post(secretary_client, url, form.data()).status_code == 302
    copied = Meeting.objects.get(date="2022-04-22").attendances.order_by("position")
    assert list(copied.values_list("person", "present", "role")) == [
        (first.person_id, True, "chair"),
        (second.person_id, False, ""),
    ]

    # A saved meeting without attendance offers the same.
    empty = MeetingFactory(body=previous.body, date="2022-05-01")
    page = secretary_client.get(editor_url(empty)).content.decode()
    assert "?start=previous" in page
    form = RenderedForm(secretary_client.get(editor_url(empty) + "?start=previous").content.decode())
    assert form.get("attendance-0-person") == str(first.person_id)


def test_person_added_to_the_list_gets_party_and_municipality_from_the_body(secretary_client):
    """Choosing a person fills in what their membership of the body says: the page shows "(M)"."""
    membership = MembershipFactory(role="member", party=PartyFactory(abbreviation="M"))
    meeting = MeetingFactory(body=membership.body)
    form = RenderedForm(secretary_client.get(editor_url(meeting)).content.decode())
    form.set("attendance-0-person", membership.person_id)
    assert browser_post(secretary_client, editor_url(meeting), form.data()).status_code == 302
    row = meeting.attendances.get()
    assert (row.party.abbreviation, row.organisation, row.position) == ("M", membership.organisation, 1)


def test_signatures_are_entered_on_the_same_page(secretary_client):
    """A signature (BankID, with its time and reference) is entered with the rest of the protocol."""
    meeting = MeetingFactory()
    kent = PersonFactory(name="Kent Lagrell")
    form = RenderedForm(secretary_client.get(editor_url(meeting)).content.decode())
    form.set("signatures-0-person", kent.pk)
    form.set("signatures-0-signed_as", "Ordförande")
    form.set("signatures-0-signed_at", "2022-04-29 10:15:00")
    form.set("signatures-0-reference", "BankID 1234")
    assert browser_post(secretary_client, editor_url(meeting), form.data()).status_code == 302
    signature = meeting.signatures.get()
    assert (signature.person, signature.method, signature.reference) == (kent, "bankid", "BankID 1234")
    before = archive_rows()
    assert post_back(secretary_client, editor_url(meeting)).status_code == 302
    assert archive_rows() == before


def test_membership_endpoint_tells_the_page_what_a_person_is_in_the_body(client, secretary):
    """The editor's script asks for a chosen person's party, organisation and role in the body."""
    membership = MembershipFactory(role="chair", party=PartyFactory(abbreviation="M"))
    url = reverse("admin:meetings_meeting_membership")
    query = {"body": membership.body_id, "person": membership.person_id, "date": "2022-04-22"}
    assert client.get(url, query).status_code == 302  # to the login page
    client.force_login(secretary)
    assert client.get(url, query).json() == {
        "person": membership.person_id,
        "group": "member",
        "present": True,
        "role": "chair",
        "party": membership.party_id,
        "organisation": membership.organisation_id,
    }
    assert client.get(url, {**query, "person": PersonFactory().pk}).json() == {}
    assert client.get(url, {**query, "date": "not a date"}).status_code == 200
    assert client.get(url, {**query, "body": 999999}).status_code == 404


# ---------------------------------------------------------------------------------------------------
# Two secretaries at once


def _open(client, meeting) -> RenderedForm:
    return RenderedForm(client.get(editor_url(meeting)).content.decode())


def test_the_second_save_of_a_stale_page_is_refused_and_keeps_what_was_typed(client, secretary):
    """Two secretaries open the same meeting; the first saves; the second's save is refused with a
    message, their text is still on the page, and the first one's change stands."""
    meeting = MeetingFactory(location="Gothia Towers")
    AgendaItemFactory(meeting=meeting, number=1, title="Sammanträdet öppnas")
    client.force_login(secretary)
    first, second = _open(client, meeting), _open(client, meeting)
    first.set("location", "Stadshuset")
    assert browser_post(client, editor_url(meeting), first.data()).status_code == 302
    second.set("items-0-title", "Mötet öppnas")
    response = browser_post(client, editor_url(meeting), second.data())
    assert response.status_code == 200
    html = response.content.decode()
    assert "sparade sammanträdet" in html and "Dina ändringar sparades inte" in html
    assert RenderedForm(html).get("items-0-title") == "Mötet öppnas"
    meeting.refresh_from_db()
    assert meeting.location == "Stadshuset"
    assert meeting.items.get().title == "Sammanträdet öppnas"


def test_a_change_to_a_paragraph_alone_makes_other_open_pages_stale(client, secretary):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number=1, title="Sammanträdet öppnas")
    client.force_login(secretary)
    first, second = _open(client, meeting), _open(client, meeting)
    first.set("items-0-title", "Mötet öppnas")
    assert browser_post(client, editor_url(meeting), first.data()).status_code == 302
    second.set("location", "Stadshuset")
    assert browser_post(client, editor_url(meeting), second.data()).status_code == 200
    meeting.refresh_from_db()
    assert (meeting.location, meeting.items.get().title) == ("", "Mötet öppnas")


def test_two_new_paragraphs_with_the_same_number_at_once_are_a_form_error(client, secretary):
    """Both pages propose the next § number for a new paragraph; the second save is refused, no 500."""
    meeting = MeetingFactory()
    client.force_login(secretary)
    first, second = _open(client, meeting), _open(client, meeting)
    number = first.get("items-0-number")
    assert number and number == second.get("items-0-number")
    first.set("items-0-title", "Första")
    second.set("items-0-title", "Andra")
    assert browser_post(client, editor_url(meeting), first.data()).status_code == 302
    response = browser_post(client, editor_url(meeting), second.data())
    assert response.status_code == 200
    assert "Dina ändringar sparades inte" in response.content.decode()
    assert list(meeting.items.values_list("title", flat=True)) == ["Första"]


def _save_at_once(meeting, clients, forms) -> list:
    """Posts both forms from two threads (two database connections) released at the same moment."""
    import threading

    from django.db import connections

    start = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def save(index):
        try:
            start.wait()
            statuses[index] = browser_post(
                clients[index], editor_url(meeting), forms[index].data()
            ).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_one_wins_the_other_is_told(secretary):
    """Two connections post a new § 1 to the same meeting at once, five times over: every time one
    save wins and the other gets the form back with a message; never an error page, never two § 1."""
    for attempt in range(5):
        meeting = MeetingFactory()
        clients = [Client(), Client()]
        forms = []
        for index, client in enumerate(clients):
            client.force_login(secretary)
            form = _open(client, meeting)
            form.set("items-0-title", f"Försök {attempt} från {index}")
            forms.append(form)
        statuses = _save_at_once(meeting, clients, forms)
        assert sorted(statuses) == [200, 302], statuses
        assert meeting.items.count() == 1
