"""The protocol editor: a whole meeting on one page, posted back as rendered."""

import pytest
from django.apps import apps
from django.core import serializers
from django.urls import reverse

from meetings.models import Meeting
from members.models import Organisation, Party, Person

from .factories import BodyFactory, MembershipFactory, PartyFactory
from .forms import RenderedForm, as_post, form_fields


def editor_url(meeting: Meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def archive_rows() -> str:
    """Every row of the archive's tables, to compare before and after a save."""
    models = [*apps.get_app_config("meetings").get_models(), *apps.get_app_config("members").get_models()]
    return serializers.serialize("json", [obj for model in models for obj in model.objects.order_by("pk")])


def post_back(client, url: str):
    """GETs the editor and posts back exactly what it rendered; returns the POST's response."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, as_post(form_fields(page.content.decode())))


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("date", ["2021-04-09", "2021-12-10", "2022-04-22"])
def test_demo_meeting_posted_back_twice_changes_nothing(secretary_client, date):
    """Saving a demo meeting's editor as rendered, twice, succeeds and changes no row."""
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
    response = secretary_client.post(url, form.data())
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
    response = secretary_client.post(url, form.data())
    assert response.status_code == 302, errors_of(response)

    meeting = Meeting.objects.get(body=body, date="2022-04-22")
    assert _items_content(meeting) == items
    assert [row[:-2] for row in _attendance_content(meeting)] == [row[:-2] for row in attendance]
    assert [row[-1] for row in _attendance_content(meeting)] == list(range(1, 21))
    before = archive_rows()
    for _ in range(2):
        assert post_back(secretary_client, editor_url(meeting)).status_code == 302
    assert archive_rows() == before
