"""The meeting's date, body and public day copied onto its paragraphs and attendance by the
database (the triggers of migrations 0016, 0019 and 0025), and the public rule read from that copy."""

import datetime

import pytest
from django.db import transaction

from meetings.models import AgendaItem, Attendance, Meeting
from meetings.querysets import meeting_public_from_q, public_meeting_q
from tests.factories import AgendaItemFactory, AttendanceFactory, BodyFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db

NEVER = None  # the copy's public day while the meeting is not published
ALWAYS = datetime.date.min  # published without a posting day: public from the first day there is


def copied(row):
    """The copy as the database holds it now (an instance's own copy is what it was when loaded):
    the meeting's date, body and public day."""
    return type(row).objects.values_list("meeting_date", "meeting_body", "meeting_public_from").get(pk=row.pk)


def test_a_new_paragraph_and_attendance_copy_their_meeting():
    meeting = MeetingFactory(date=datetime.date(2022, 5, 12), published=True)
    item = AgendaItemFactory(meeting=meeting)
    attendance = AttendanceFactory(meeting=meeting)

    assert (
        copied(item) == copied(attendance) == (datetime.date(2022, 5, 12), meeting.body_id, meeting.posted_on)
    )


def test_a_draft_is_never_public_and_notes_without_a_posting_day_are_public_from_the_start():
    draft = MeetingFactory()
    notes = MeetingFactory(record_kind=Meeting.RecordKind.NOTES, status=Meeting.Status.PUBLISHED)

    for meeting, public_from in ((draft, NEVER), (notes, ALWAYS)):
        assert copied(AttendanceFactory(meeting=meeting))[2] == public_from
        assert copied(AgendaItemFactory(meeting=meeting))[2] == public_from


def test_a_change_of_the_meeting_is_copied_to_its_rows_and_to_no_other():
    meeting = MeetingFactory(date=datetime.date(2022, 5, 12))
    other = MeetingFactory(date=datetime.date(2022, 6, 1))
    item, attendance = AgendaItemFactory(meeting=meeting), AttendanceFactory(meeting=meeting)
    bystander = AttendanceFactory(meeting=other)
    elsewhere = BodyFactory()

    meeting.date = datetime.date(2022, 5, 19)
    meeting.body = elsewhere
    meeting.save()
    assert copied(item) == copied(attendance) == (datetime.date(2022, 5, 19), elsewhere.pk, NEVER)

    # Published through update(), as the life-cycle services write it: no save() is needed.
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.PUBLISHED,
        adjusted_on=datetime.date(2022, 5, 26),
        posted_on=datetime.date(2022, 5, 27),
    )
    assert copied(attendance)[2] == copied(item)[2] == datetime.date(2022, 5, 27)
    assert copied(bystander) == (datetime.date(2022, 6, 1), other.body_id, NEVER)


def test_a_row_moved_to_another_meeting_copies_that_meeting():
    first = MeetingFactory(date=datetime.date(2022, 5, 12))
    second = MeetingFactory(date=datetime.date(2023, 2, 2), published=True)
    item, attendance = AgendaItemFactory(meeting=first), AttendanceFactory(meeting=first)

    item.meeting = second
    item.save()
    Attendance.objects.filter(pk=attendance.pk).update(meeting=second)

    assert copied(item) == copied(attendance) == (datetime.date(2023, 2, 2), second.body_id, second.posted_on)


def test_a_stale_copy_saved_back_from_python_is_corrected():
    meeting = MeetingFactory(date=datetime.date(2022, 5, 12))
    attendance = AttendanceFactory(meeting=meeting)
    item = AgendaItemFactory(meeting=meeting)
    loaded = Attendance.objects.get(pk=attendance.pk)
    loaded_item = AgendaItem.objects.get(pk=item.pk)
    Meeting.objects.filter(pk=meeting.pk).update(
        date=datetime.date(2022, 9, 1), status=Meeting.Status.PUBLISHED, posted_on=datetime.date(2022, 9, 9)
    )

    loaded.title = "Ordförande"
    loaded.save()  # writes every column, the old copy included
    loaded_item.title = "Budget"
    loaded_item.save()

    assert copied(loaded)[0] == datetime.date(2022, 9, 1)
    assert copied(loaded_item) == (datetime.date(2022, 9, 1), meeting.body_id, datetime.date(2022, 9, 9))


def test_rows_loaded_before_their_meeting_copy_it_when_it_arrives():
    """As loaddata does: the foreign keys are checked at commit, so a row may come first."""
    body, person = BodyFactory(), PersonFactory()
    meeting_id = (Meeting.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    with transaction.atomic():
        attendance = Attendance.objects.create(meeting_id=meeting_id, person=person)
        item = AgendaItem.objects.create(meeting_id=meeting_id, position=1, title="Val av justerare")
        Meeting.objects.create(
            pk=meeting_id,
            body=body,
            date=datetime.date(2021, 3, 4),
            record_kind=Meeting.RecordKind.NOTES,
            status=Meeting.Status.PUBLISHED,
        )

    assert copied(item) == copied(attendance) == (datetime.date(2021, 3, 4), body.pk, ALWAYS)


def test_the_copied_public_rule_answers_as_the_meetings_rule_does():
    today = datetime.date(2024, 6, 10)
    meetings = [
        MeetingFactory(),  # a draft
        MeetingFactory(record_kind=Meeting.RecordKind.NOTES, status=Meeting.Status.PUBLISHED),
        MeetingFactory(status=Meeting.Status.ADJUSTED, adjusted_on=datetime.date(2024, 6, 1)),
    ]
    for posted_on in (datetime.date(2024, 5, 1), today, today + datetime.timedelta(days=1)):
        meetings.append(
            MeetingFactory(
                date=posted_on - datetime.timedelta(days=10),
                status=Meeting.Status.PUBLISHED,
                adjusted_on=posted_on - datetime.timedelta(days=2),
                posted_on=posted_on,
            )
        )
    for meeting in meetings:
        AttendanceFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)

    for model in (Attendance, AgendaItem):
        for day in (today - datetime.timedelta(days=400), today, today + datetime.timedelta(days=1)):
            by_copy = set(model.objects.filter(meeting_public_from_q(on=day)).values_list("pk", flat=True))
            public_meetings = Meeting.objects.filter(public_meeting_q(on=day))
            by_meeting = set(model.objects.filter(meeting__in=public_meetings).values_list("pk", flat=True))
            assert by_copy == by_meeting, (model, day)
        assert model.objects.filter(meeting_public_from_q(on=today)).count() == 3
