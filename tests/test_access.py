"""Per-body access: a secretary works on the bodies assigned to them, a superuser on every body.

Two secretaries of different bodies: each sees, edits, previews and moves through the life cycle
only their own body's meetings, in every list, form, action and endpoint of the admin.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Decision, Meeting
from meetings.services import officers_group_ensure, secretaries_group_ensure

from .factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)
from .forms import RenderedForm, browser_post


def _secretary(username: str, body):
    user = get_user_model().objects.create_user(username, password="x-secret-pass", is_staff=True)
    user.groups.add(secretaries_group_ensure(), officers_group_ensure())
    body.secretaries.add(user)
    return user


@pytest.fixture
def two_bodies(db):
    """Anna works on the steering group, Bertil on the network; each body has a draft."""
    group, network = BodyFactory(name="Styrgruppen"), BodyFactory(name="Nätverket")
    anna, bertil = _secretary("anna", group), _secretary("bertil", network)
    drafts = {}
    for body in (group, network):
        meeting = MeetingFactory(body=body, date=datetime.date(2026, 3, 6), chair=PersonFactory())
        meeting.adjusters.add(PersonFactory())
        item = AgendaItemFactory(meeting=meeting, number=1, title=f"Hemligt utkast i {body.name}")
        DecisionFactory(agenda_item=item)
        AttendanceFactory(meeting=meeting)
        drafts[body.name] = meeting
    return anna, bertil, drafts["Styrgruppen"], drafts["Nätverket"]


def test_each_secretary_lists_only_their_own_bodies_meetings(client, two_bodies):
    anna, _bertil, own, other = two_bodies
    client.force_login(anna)
    listing = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    assert reverse("admin:meetings_meeting_change", args=[own.pk]) in listing
    assert reverse("admin:meetings_meeting_change", args=[other.pk]) not in listing
    bodies = client.get(reverse("admin:meetings_body_changelist")).content.decode()
    assert "Styrgruppen" in bodies and "Nätverket" not in bodies
    for model, row in [
        (AgendaItem, own.items.get()),
        (Decision, Decision.objects.get(agenda_item__meeting=own)),
        (Attendance, own.attendances.get()),
    ]:
        page = client.get(reverse(f"admin:meetings_{model._meta.model_name}_changelist")).content.decode()
        assert "Nätverket" not in page, model
        other_row = model.objects.exclude(pk=row.pk).get()
        url = reverse(f"admin:meetings_{model._meta.model_name}_change", args=[other_row.pk])
        assert client.get(url).status_code == 302, model  # "does not exist", back to the list


def test_another_bodys_editor_preview_and_actions_are_not_found(client, two_bodies):
    anna, _bertil, own, other = two_bodies
    client.force_login(anna)
    assert client.get(reverse("admin:meetings_meeting_change", args=[own.pk])).status_code == 200
    assert client.get(own.get_absolute_url()).status_code == 200  # her draft, previewed
    editor = reverse("admin:meetings_meeting_change", args=[other.pk])
    assert client.get(editor).status_code == 302  # the admin's "does not exist"
    assert client.post(editor, {"location": "Här"}).status_code == 302
    assert client.get(other.get_absolute_url()).status_code == 404
    adjust = reverse("admin:meetings_meeting_transition", args=[other.pk, "adjust"])
    assert client.get(adjust).status_code == 404
    assert client.post(adjust, {"adjusted_on": "2026-03-10"}).status_code == 404
    assert client.get(reverse("admin:meetings_meeting_delete", args=[other.pk])).status_code == 302
    other.refresh_from_db()
    assert (other.status, other.location) == (Meeting.Status.DRAFT, "")


def test_the_new_meeting_form_offers_only_the_secretarys_bodies(client, two_bodies):
    anna, _bertil, _own, other = two_bodies
    client.force_login(anna)
    start = client.get(reverse("admin:meetings_meeting_add")).content.decode()
    assert "Styrgruppen" in start and "Nätverket" not in start
    response = client.get(
        reverse("admin:meetings_meeting_add"), {"body": other.body_id, "date": "2026-04-01", "start": "empty"}
    )
    assert "data-editor" not in response.content.decode()  # refused at the first step
    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "meetings", "model_name": "meeting", "field_name": "body", "term": ""},
    ).json()
    assert [row["text"] for row in autocomplete["results"]] == ["Styrgruppen"]


def test_the_membership_endpoint_answers_for_own_bodies_only(client, two_bodies):
    anna, _bertil, own, other = two_bodies
    member = MembershipFactory(body=other.body).person
    client.force_login(anna)
    url = reverse("admin:meetings_meeting_membership")
    query = {"body": other.body_id, "date": "2026-03-06", "person": member.pk}
    assert client.get(url, query).status_code == 404
    MembershipFactory(body=own.body, person=member)
    assert client.get(url, {**query, "body": own.body_id}).status_code == 200


def test_each_secretary_saves_their_own_draft_and_not_the_others(client, two_bodies):
    """The editor posted back as rendered saves for the body's secretary; the other one cannot."""
    anna, bertil, own, other = two_bodies
    client.force_login(bertil)
    url = reverse("admin:meetings_meeting_change", args=[other.pk])
    form = RenderedForm(client.get(url).content.decode())
    form.set("location", "Nätverksrummet")
    response = browser_post(client, url, form.data())
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.location == "Nätverksrummet"
    client.force_login(anna)
    response = browser_post(client, url, form.data())
    assert response.status_code == 302 and response["Location"] != url
    own.refresh_from_db()
    assert own.location == ""


def test_a_superuser_works_on_every_body(admin_client, two_bodies):
    _anna, _bertil, own, other = two_bodies
    listing = admin_client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    for meeting in (own, other):
        assert reverse("admin:meetings_meeting_change", args=[meeting.pk]) in listing


def test_only_a_superuser_assigns_secretaries_to_a_body(client, admin_client, two_bodies):
    anna, _bertil, own, _other = two_bodies
    url = reverse("admin:meetings_body_change", args=[own.body_id])
    assert 'name="secretaries"' in admin_client.get(url).content.decode()
    client.force_login(anna)
    assert 'name="secretaries"' not in client.get(url).content.decode()


def test_the_importer_offers_only_the_secretarys_bodies(client, two_bodies):
    anna, _bertil, _own, other = two_bodies
    client.force_login(anna)
    url = reverse("admin:meetings_meeting_import")
    page = client.get(url).content.decode()
    assert "Styrgruppen" in page and "Nätverket" not in page
    response = client.post(
        url, {"text": "Protokoll\n§ 1 Mötet öppnas", "body": other.body_id, "date": "2026-04-01"}
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
