"""The life cycle of a record: protocols draft → adjusted → posted, notes draft → approved → published.

The status changes only through confirmed, permission-checked actions; the appeal period is computed.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.appeal import appeal_period_end
from meetings.models import Meeting
from meetings.services import meeting_adjust, meeting_approve, meeting_post, meeting_publish

from .factories import MeetingFactory, PersonFactory, SignatureFactory
from .forms import RenderedForm, browser_post

TODAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("posted_on", "last_day"),
    [
        # A Monday: three weeks later is a Monday.
        (datetime.date(2026, 11, 2), datetime.date(2026, 11, 23)),
        # Ends on a Saturday / Sunday: the next Monday.
        (datetime.date(2026, 10, 3), datetime.date(2026, 10, 26)),
        (datetime.date(2026, 10, 4), datetime.date(2026, 10, 26)),
        # Month end: ends on Saturday 28 February, runs to Monday 2 March.
        (datetime.date(2026, 2, 7), datetime.date(2026, 3, 2)),
        # Julafton (Thursday), juldagen, annandag jul, a weekend: Monday 28 December.
        (datetime.date(2026, 12, 3), datetime.date(2026, 12, 28)),
        # Year end: nyårsafton, then nyårsdagen: Friday 2 January.
        (datetime.date(2025, 12, 10), datetime.date(2026, 1, 2)),
        # Midsommarafton (Friday), then the weekend.
        (datetime.date(2026, 5, 29), datetime.date(2026, 6, 22)),
        # Långfredag, then the Easter weekend and annandag påsk: Tuesday 7 April.
        (datetime.date(2026, 3, 13), datetime.date(2026, 4, 7)),
        # Kristi himmelfärdsdag (Thursday 14 May 2026).
        (datetime.date(2026, 4, 23), datetime.date(2026, 5, 15)),
        # Nationaldagen on a Monday (2022): Tuesday 7 June.
        (datetime.date(2022, 5, 16), datetime.date(2022, 6, 7)),
    ],
)
def test_appeal_period_ends_three_weeks_after_posting_on_a_weekday(posted_on, last_day):
    """The appeal period is three weeks; a last day on a weekend or holiday moves to the next weekday."""
    assert appeal_period_end(posted_on) == last_day


def _protocol(**kwargs) -> Meeting:
    meeting = MeetingFactory(date=datetime.date(2026, 11, 10), chair=PersonFactory(), **kwargs)
    meeting.adjusters.add(PersonFactory())
    return meeting


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def test_protocol_is_adjusted_then_posted_and_public_from_the_posting_date(db, today):
    """Adjusting locks a draft; posting publishes it on the posting date and starts the appeal period."""
    meeting = _protocol()
    meeting = meeting_adjust(meeting=meeting, adjusted_on=datetime.date(2026, 11, 20))
    assert meeting.status == Meeting.Status.ADJUSTED
    assert not Meeting.objects.public().filter(pk=meeting.pk).exists()
    meeting = meeting_post(meeting=meeting, posted_on=today + datetime.timedelta(days=1))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED
    assert meeting.appeal_ends_on == datetime.date(2026, 12, 16)
    assert not Meeting.objects.public(on=today).filter(pk=meeting.pk).exists()
    assert Meeting.objects.public(on=today + datetime.timedelta(days=1)).filter(pk=meeting.pk).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda m: setattr(m, "chair", None) or m.save(), "chair"),
        (lambda m: m.adjusters.clear(), "adjusters"),
    ],
)
def test_adjusting_requires_chair_and_adjusters(db, today, change, field):
    meeting = _protocol()
    change(meeting)
    with pytest.raises(ValidationError) as error:
        meeting_adjust(meeting=meeting, adjusted_on=today)
    assert field in error.value.message_dict
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


@pytest.mark.parametrize("adjusted_on", [datetime.date(2026, 11, 9), TODAY + datetime.timedelta(days=1)])
def test_adjustment_date_is_not_before_the_meeting_nor_in_the_future(db, today, adjusted_on):
    meeting = _protocol()
    with pytest.raises(ValidationError) as error:
        meeting_adjust(meeting=meeting, adjusted_on=adjusted_on)
    assert "adjusted_on" in error.value.message_dict


def test_transitions_refuse_the_wrong_status_or_kind(db, today):
    """Each step applies to one kind of record in one status: no step back, none skipped."""
    draft = _protocol()
    with pytest.raises(ValidationError):
        meeting_post(meeting=draft, posted_on=today)
    with pytest.raises(ValidationError):
        meeting_approve(meeting=draft, approved_on=today)
    adjusted = meeting_adjust(meeting=draft, adjusted_on=today)
    with pytest.raises(ValidationError):
        meeting_adjust(meeting=adjusted, adjusted_on=today)
    with pytest.raises(ValidationError):
        meeting_post(meeting=adjusted, posted_on=today - datetime.timedelta(days=1))
    posted = meeting_post(meeting=adjusted, posted_on=today)
    with pytest.raises(ValidationError):
        meeting_post(meeting=posted, posted_on=today)
    with pytest.raises(ValidationError):
        meeting_publish(meeting=posted)
    notes = MeetingFactory(record_kind=Meeting.RecordKind.NOTES, date=datetime.date(2026, 11, 10))
    with pytest.raises(ValidationError):
        meeting_adjust(meeting=notes, adjusted_on=today)
    with pytest.raises(ValidationError):
        meeting_publish(meeting=notes)


def test_notes_are_approved_then_published(db, today):
    notes = MeetingFactory(record_kind=Meeting.RecordKind.NOTES, date=datetime.date(2026, 11, 10))
    notes = meeting_approve(meeting=notes, approved_on=today)
    assert notes.status == Meeting.Status.APPROVED
    assert not Meeting.objects.public().filter(pk=notes.pk).exists()
    notes = meeting_publish(meeting=notes)
    assert Meeting.objects.public().filter(pk=notes.pk).exists()
    assert notes.appeal_ends_on is None


# ---------------------------------------------------------------------------------------------------
# The admin's actions


def transition_url(meeting: Meeting, name: str) -> str:
    return reverse("admin:meetings_meeting_transition", args=[meeting.pk, name])


def confirm(client, url: str, **changes):
    """GETs a confirmation page and posts back what it rendered, with ``changes``."""
    page = client.get(url)
    assert page.status_code == 200
    form = RenderedForm(page.content.decode(), "data-transition")
    for name, value in changes.items():
        form.set(name, value)
    return browser_post(client, url, form.data())


def test_officer_adjusts_and_posts_through_confirmation_pages(client, officer, today):
    """The editor offers "Adjust"; the confirmation page proposes today; posting proposes today too
    (within two days of adjustment) and shows the appeal period's end."""
    meeting = _protocol()
    SignatureFactory(meeting=meeting, reference="BankID 1234")
    client.force_login(officer)
    editor = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert transition_url(meeting, "adjust") in editor
    assert transition_url(meeting, "post") not in editor
    page = client.get(transition_url(meeting, "adjust")).content.decode()
    assert "BankID 1234" in page
    response = confirm(client, transition_url(meeting, "adjust"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.adjusted_on) == (Meeting.Status.ADJUSTED, today)

    page = client.get(transition_url(meeting, "post")).content.decode()
    assert 'value="2026-11-24"' in page
    assert 'datetime="2026-12-15"' in page  # 24 Nov + 3 weeks = Tuesday 15 December
    assert confirm(client, transition_url(meeting, "post")).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.posted_on) == (Meeting.Status.PUBLISHED, today)


def test_posting_later_than_two_days_after_adjustment_asks_first(client, officer, today):
    meeting = _protocol()
    meeting_adjust(meeting=meeting, adjusted_on=datetime.date(2026, 11, 12))
    client.force_login(officer)
    page = client.get(transition_url(meeting, "post")).content.decode()
    assert 'value="2026-11-14"' in page  # the second day after adjustment, not today
    response = confirm(client, transition_url(meeting, "post"), posted_on="2026-11-24")
    assert response.status_code == 200
    assert "andra dagen efter justeringen" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ADJUSTED
    form = RenderedForm(response.content.decode(), "data-transition")
    form.set("post_late", True)
    url = transition_url(meeting, "post")
    response = browser_post(client, url, form.data())
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.posted_on == today


def test_a_secretary_without_the_permission_can_neither_see_nor_use_the_actions(client, secretary, today):
    meeting = _protocol()
    client.force_login(secretary)
    editor = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert transition_url(meeting, "adjust") not in editor
    assert client.get(transition_url(meeting, "adjust")).status_code == 403
    assert client.post(transition_url(meeting, "adjust"), {"adjusted_on": "2026-11-24"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_a_step_that_does_not_apply_is_refused_with_a_message(client, officer, today):
    meeting = _protocol()
    client.force_login(officer)
    response = client.post(transition_url(meeting, "post"), {"posted_on": "2026-11-24"}, follow=True)
    assert "gäller inte" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_adjusting_without_adjusters_shows_why(client, officer, today):
    meeting = _protocol()
    meeting.adjusters.clear()
    client.force_login(officer)
    response = confirm(client, transition_url(meeting, "adjust"))
    assert response.status_code == 200
    assert "minst en justerare" in response.content.decode()


def test_notes_are_approved_and_published_in_the_admin(client, officer, today):
    notes = MeetingFactory(record_kind=Meeting.RecordKind.NOTES, date=datetime.date(2026, 11, 10))
    client.force_login(officer)
    assert confirm(client, transition_url(notes, "approve")).status_code == 302
    notes.refresh_from_db()
    assert (notes.status, notes.approved_on) == (Meeting.Status.APPROVED, today)
    page = client.get(reverse("admin:meetings_meeting_change", args=[notes.pk])).content.decode()
    assert transition_url(notes, "publish") in page
    assert confirm(client, transition_url(notes, "publish")).status_code == 302
    notes.refresh_from_db()
    assert notes.status == Meeting.Status.PUBLISHED


def test_the_editor_has_no_status_or_date_fields_of_the_life_cycle(client, officer):
    meeting = _protocol()
    client.force_login(officer)
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    for name in ("status", "adjusted_on", "posted_on", "approved_on"):
        assert f'name="{name}"' not in page


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("date", ["2021-04-09", "2021-12-10", "2022-04-22"])
def test_a_published_record_is_read_only_in_the_admin(client, officer, date):
    """A published record's page shows it without an editor; a save posted anyway is refused and
    changes nothing; it has no delete page."""
    meeting = Meeting.objects.get(date=date)
    client.force_login(officer)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "data-editor" not in page.content.decode()
    assert "kan inte längre ändras" in page.content.decode()
    response = client.post(url, {"location": "Någon annanstans", "body": meeting.body_id, "date": date})
    assert response.status_code == 302
    assert client.get(reverse("admin:meetings_meeting_delete", args=[meeting.pk])).status_code == 403
    meeting.refresh_from_db()
    assert meeting.location != "Någon annanstans"


def test_the_editor_refuses_to_save_a_draft_adjusted_meanwhile(client, secretary, today):
    """A secretary whose page was open when the protocol was adjusted is told so; nothing is saved."""
    meeting = _protocol(location="Gothia Towers")
    client.force_login(secretary)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = RenderedForm(client.get(url).content.decode())
    meeting_adjust(meeting=meeting, adjusted_on=today)
    form.set("location", "Någon annanstans")
    response = browser_post(client, url, form.data())
    assert response.status_code == 302
    assert "Dina ändringar sparades inte" in client.get(response["Location"]).content.decode()
    meeting.refresh_from_db()
    assert meeting.location == "Gothia Towers"
