"""The history of every change to an archive record: who, when and what, visible in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from meetings.services import meeting_adjust

from .factories import AgendaItemFactory, MeetingFactory, PersonFactory
from .forms import RenderedForm, browser_post
from .test_editor import editor_url


def test_an_editor_save_is_in_the_history_of_the_meeting_and_its_paragraph(client, secretary):
    meeting = MeetingFactory(location="Gothia Towers")
    item = AgendaItemFactory(meeting=meeting, number=1, title="Sammanträdet öppnas")
    client.force_login(secretary)
    form = RenderedForm(client.get(editor_url(meeting)).content.decode())
    form.set("location", "Stadshuset")
    form.set("items-0-title", "Mötet öppnas")
    assert browser_post(client, editor_url(meeting), form.data()).status_code == 302

    latest = meeting.history.latest()
    assert (latest.history_user, latest.location, latest.history_type) == (secretary, "Stadshuset", "~")
    assert latest.prev_record.location == "Gothia Towers"
    assert item.history.latest().history_user == secretary
    assert item.history.latest().title == "Mötet öppnas"
    page = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    assert "sekr" in page and "Stadshuset" in page


def test_the_life_cycle_and_a_deletion_are_in_the_history(db, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2026, 11, 24))
    meeting = MeetingFactory(date=datetime.date(2026, 11, 10), chair=PersonFactory())
    meeting.adjusters.add(PersonFactory())
    meeting_adjust(meeting=meeting, adjusted_on=datetime.date(2026, 11, 20))
    statuses = list(meeting.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == Meeting.Status.DRAFT and statuses[-1] == Meeting.Status.ADJUSTED
    item = AgendaItemFactory(meeting=MeetingFactory())
    pk = item.pk
    item.delete()
    assert item.history.model.objects.filter(id=pk, history_type="-").exists()


@pytest.mark.parametrize("name", ["meeting", "agendaitem", "decision", "attendance", "body"])
def test_every_archive_admin_has_a_history_page(admin_client, db, name):
    from .factories import AttendanceFactory, DecisionFactory

    decision = DecisionFactory()
    objects = {
        "meeting": decision.agenda_item.meeting,
        "agendaitem": decision.agenda_item,
        "decision": decision,
        "attendance": AttendanceFactory(),
        "body": decision.agenda_item.meeting.body,
    }
    response = admin_client.get(reverse(f"admin:meetings_{name}_history", args=[objects[name].pk]))
    assert response.status_code == 200
