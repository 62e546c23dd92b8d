"""Invariants the database keeps, whatever path writes the data."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from meetings.models import AgendaItem, Attendance, Meeting
from meetings.selectors import body_next_paragraph_number, meeting_next_item_numbers
from members.models import Person
from members.services import person_add_spelling, person_create

from .factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def violates(constraint: str, make):
    """Asserts that ``make()`` is refused by the named database constraint."""
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        make()


def test_paragraph_number_is_unique_within_a_meeting():
    """Two paragraphs of one meeting cannot carry the same § number."""
    item = AgendaItemFactory(number=175, position=1)
    violates(
        "agendaitem_unique_number_per_meeting",
        lambda: AgendaItemFactory(meeting=item.meeting, number=175, position=2),
    )


def test_same_paragraph_number_in_another_meeting_is_allowed():
    """§ numbers repeat across meetings and bodies."""
    AgendaItemFactory(number=175, position=1)
    AgendaItemFactory(number=175, position=1)
    assert AgendaItem.objects.filter(number=175).count() == 2


def test_items_without_number_may_share_none():
    """Notes have no § numbers: several unnumbered items in one meeting are fine."""
    meeting = MeetingFactory(record_kind=Meeting.RecordKind.NOTES)
    AgendaItemFactory(meeting=meeting, number=None, position=1)
    AgendaItemFactory(meeting=meeting, number=None, position=2)
    assert meeting.items.count() == 2


def test_agenda_positions_are_unique_and_start_at_one():
    item = AgendaItemFactory(position=1)
    violates(
        "agendaitem_unique_position_per_meeting",
        lambda: AgendaItemFactory(meeting=item.meeting, number=None, position=1),
    )
    violates("agendaitem_position_from_one", lambda: AgendaItemFactory(number=None, position=0))


def test_confidential_item_needs_legal_ground():
    violates("agendaitem_confidential_has_ground", lambda: AgendaItemFactory(confidential=True))
    item = AgendaItemFactory(confidential=True, confidentiality_ground="OSL 26 kap. 1 §")
    assert item.confidential


def test_meeting_time_range_is_ordered():
    violates(
        "meeting_time_range_ordered",
        lambda: MeetingFactory(start_time=datetime.time(15), end_time=datetime.time(13)),
    )
    meeting = MeetingFactory(start_time=datetime.time(13), end_time=datetime.time(15))
    assert meeting.pk


def test_one_meeting_per_body_and_date():
    meeting = MeetingFactory()
    violates("meeting_unique_body_date", lambda: MeetingFactory(body=meeting.body, date=meeting.date))


def test_published_protocol_has_posting_date():
    """A protocol becomes public by being posted on the notice board."""
    violates("meeting_published_protocol_posted", lambda: MeetingFactory(status=Meeting.Status.PUBLISHED))
    notes = MeetingFactory(status=Meeting.Status.PUBLISHED, record_kind=Meeting.RecordKind.NOTES)
    assert notes.pk


def test_protocol_is_not_posted_before_adjustment():
    violates(
        "meeting_posted_after_adjusted",
        lambda: MeetingFactory(adjusted_on=datetime.date(2022, 5, 2), posted_on=datetime.date(2022, 5, 1)),
    )


def test_partial_presence_range_is_ordered():
    violates(
        "attendance_paragraph_range_ordered",
        lambda: AttendanceFactory(paragraph_from=176, paragraph_to=171),
    )
    violates("attendance_paragraph_range_ordered", lambda: AttendanceFactory(paragraph_to=171))
    attendance = AttendanceFactory(paragraph_from=171, paragraph_to=176)
    assert attendance.is_partial


def test_person_listed_once_per_meeting_but_vacancies_repeat():
    attendance = AttendanceFactory()
    violates(
        "attendance_unique_person_per_meeting",
        lambda: AttendanceFactory(meeting=attendance.meeting, person=attendance.person),
    )
    AttendanceFactory(meeting=attendance.meeting, person=None, present=False)
    AttendanceFactory(meeting=attendance.meeting, person=None, present=False)
    assert attendance.meeting.attendances.filter(person=None).count() == 2


def test_only_seats_can_be_vacant():
    violates(
        "attendance_vacancy_is_a_seat",
        lambda: AttendanceFactory(person=None, group=Attendance.Group.OFFICIAL),
    )


def test_decision_order_is_unique_within_item():
    decision = DecisionFactory(position=1)
    violates(
        "decision_unique_position_per_item",
        lambda: DecisionFactory(agenda_item=decision.agenda_item, position=1),
    )


def test_membership_cannot_end_before_it_starts():
    violates(
        "membership_period_ordered",
        lambda: MembershipFactory(start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2021, 1, 1)),
    )


def test_person_is_found_by_any_spelling():
    """ "Ove Dröscher" and "Ove Dröschler" are one person."""
    ove = person_create(name="Ove  Dröscher")
    person_add_spelling(person=ove, spelling="Ove Dröschler")
    person_add_spelling(person=ove, spelling="ove dröscher")
    ove.refresh_from_db()
    assert ove.name == "Ove Dröscher"
    assert ove.alternative_names == ["Ove Dröschler"]
    assert list(Person.objects.named("ove dröschler")) == [ove]
    assert list(Person.objects.named("Ove Dröscher")) == [ove]


def test_person_slugs_stay_unique():
    first = person_create(name="Anna Svensson")
    second = person_create(name="Anna Svensson")
    assert (first.slug, second.slug) == ("anna-svensson", "anna-svensson-2")


def test_next_paragraph_number_runs_on_through_the_body():
    """A body's § numbering continues from its previous meetings."""
    body = BodyFactory()
    earlier = MeetingFactory(body=body)
    for position, number in enumerate(range(102, 113), start=1):
        AgendaItemFactory(meeting=earlier, number=number, position=position)
    assert body_next_paragraph_number(body=body) == 113

    new = MeetingFactory(body=body)
    assert meeting_next_item_numbers(meeting=new, body=body, count=2) == [
        {"position": 1, "number": 113},
        {"position": 2, "number": 114},
    ]
    AgendaItemFactory(meeting=new, number=113, position=1)
    assert meeting_next_item_numbers(meeting=new, body=body, count=1) == [{"position": 2, "number": 114}]


def test_notes_get_positions_but_no_numbers():
    body = BodyFactory()
    AgendaItemFactory(meeting=MeetingFactory(body=body), number=50, position=1)
    notes = MeetingFactory(body=body, record_kind=Meeting.RecordKind.NOTES)
    assert meeting_next_item_numbers(meeting=notes, body=body, count=1) == [{"position": 1, "number": None}]


def test_public_meetings_are_only_the_published():
    published = MeetingFactory(published=True)
    MeetingFactory(status=Meeting.Status.DRAFT)
    MeetingFactory(status=Meeting.Status.ADJUSTED, adjusted_on=datetime.date(2022, 3, 1))
    assert list(Meeting.objects.public()) == [published]


def test_person_factory_makes_distinct_people():
    assert PersonFactory().pk != PersonFactory().pk


def test_sub_point_belongs_to_an_item_of_the_same_meeting():
    from django.core.exceptions import ValidationError

    item = AgendaItemFactory(number=None, position=1)
    sub = AgendaItemFactory(meeting=item.meeting, number=None, position=2, parent=item, label="a")
    sub.full_clean()
    stranger = AgendaItemFactory(number=None, position=1)
    stranger.parent = item
    with pytest.raises(ValidationError, match="same meeting"):
        stranger.full_clean()
    deeper = AgendaItemFactory(meeting=item.meeting, number=None, position=3, parent=sub)
    with pytest.raises(ValidationError, match="one level"):
        deeper.full_clean()


def test_partial_presence_reads_as_printed():
    assert AttendanceFactory(paragraph_from=171, paragraph_to=176).partial_presence == "§ 171–176"
    assert AttendanceFactory(paragraph_from=175, paragraph_to=175).partial_presence == "§ 175"
    assert AttendanceFactory(agenda_position=2).partial_presence == "item 2"
    assert AttendanceFactory().partial_presence == ""


def test_secretaries_group_is_one_whatever_the_language():
    from django.utils import translation

    from meetings.services import secretaries_group_ensure

    with translation.override("sv"):
        swedish = secretaries_group_ensure()
    with translation.override("en"):
        english = secretaries_group_ensure()
    assert swedish == english
