"""Each person's first day of public attendance, kept by the database (migration meetings/0022)
through every write of attendance and meetings, and what the people index reads from it."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, Meeting, PersonPublicDay

from .factories import AttendanceFactory, BodyFactory, MeetingFactory, PersonFactory
from .person_public_days import person_public_days_found, person_public_days_kept

pytestmark = pytest.mark.django_db


def _public_day(meeting: Meeting) -> datetime.date:
    """The day a published protocol is public: its posting day (the public rule's, migration 0016)."""
    return meeting.posted_on


def test_the_first_public_day_follows_every_write():
    """Attendance added at a published meeting and at a draft, the draft published, an earlier
    meeting unpublished and published again, a row moved to another person, rows deleted one by
    one and with their meeting."""
    ove, stina = PersonFactory(name="Ove Dröscher"), PersonFactory(name="Stina Berg")
    body = BodyFactory()
    later = MeetingFactory(body=body, date=datetime.date(2023, 5, 4), published=True)
    AttendanceFactory(meeting=later, person=ove)
    assert person_public_days_kept() == {ove.pk: _public_day(later)} == person_public_days_found()

    draft = MeetingFactory(body=body, date=datetime.date(2022, 3, 2), chair=PersonFactory())
    draft.adjusters.add(PersonFactory())
    AttendanceFactory(meeting=draft, person=ove)
    AttendanceFactory(meeting=draft, person=stina, present=False)
    assert person_public_days_kept() == {ove.pk: _public_day(later)}

    services.meeting_adjust(meeting=draft, adjusted_on=datetime.date(2022, 3, 9))
    services.meeting_post(meeting=draft, posted_on=datetime.date(2022, 3, 10))
    assert person_public_days_kept() == {
        ove.pk: datetime.date(2022, 3, 10),
        stina.pk: datetime.date(2022, 3, 10),
    }
    assert person_public_days_kept() == person_public_days_found()

    Meeting.objects.filter(pk=draft.pk).update(status=Meeting.Status.DRAFT)
    assert person_public_days_kept() == {ove.pk: _public_day(later)} == person_public_days_found()
    Meeting.objects.filter(pk=draft.pk).update(status=Meeting.Status.PUBLISHED)
    assert person_public_days_kept()[stina.pk] == datetime.date(2022, 3, 10)

    Attendance.objects.filter(meeting=draft, person=stina).update(person=PersonFactory(name="Ny"))
    assert stina.pk not in person_public_days_kept()
    assert person_public_days_kept() == person_public_days_found()

    Attendance.objects.filter(meeting=draft, person=ove).delete()
    assert person_public_days_kept()[ove.pk] == _public_day(later)
    later.delete()
    assert ove.pk not in person_public_days_kept()
    assert person_public_days_kept() == person_public_days_found()


def test_the_function_writes_what_the_attendance_says():
    """``meetings_person_public_day``, which the migration ran over the people already there and
    the synthetic archive runs after writing with the triggers off, rewrites days gone wrong."""
    for _ in range(3):
        AttendanceFactory(meeting=MeetingFactory(published=True))
    expected = person_public_days_kept()
    assert len(expected) == 3
    PersonPublicDay.objects.all().delete()
    PersonPublicDay.objects.create(person=PersonFactory(), first_public_from=datetime.date(2020, 1, 1))
    with connection.cursor() as cursor:
        cursor.execute("SELECT meetings_person_public_day(ARRAY(SELECT id FROM members_person))")
    assert person_public_days_kept() == expected == person_public_days_found()


def test_the_people_index_lists_someone_from_the_day_their_attendance_is_public(client):
    today = timezone.localdate()
    early = PersonFactory(name="Anna Tidig")
    ahead = PersonFactory(name="Bertil Framtid")
    AttendanceFactory(
        meeting=MeetingFactory(published=True, date=today - datetime.timedelta(days=30)), person=early
    )
    posted_ahead = MeetingFactory(
        date=today - datetime.timedelta(days=3),
        status=Meeting.Status.PUBLISHED,
        adjusted_on=today - datetime.timedelta(days=2),
        posted_on=today + datetime.timedelta(days=1),
    )
    AttendanceFactory(meeting=posted_ahead, person=ahead)
    assert person_public_days_kept()[ahead.pk] == today + datetime.timedelta(days=1)
    html = client.get("/personer/").content.decode()
    assert "Anna Tidig" in html and "Bertil Framtid" not in html
