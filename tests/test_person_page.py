"""A person's page: the decisions of the paragraphs they presented, and their attendance by year."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Attendance, Meeting
from meetings.selectors import person_attendance_by_year

from .factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _attend(person, body, date, *, present=True, published=True):
    meeting = MeetingFactory(body=body, date=date, published=published)
    AttendanceFactory(meeting=meeting, person=person, present=present)
    return meeting


def test_attendance_by_year_counts_each_body_and_year(client):
    """Meetings attended and absent per body and year, newest year first, drafts not counted; each
    row links to the body's page of that year."""
    person = PersonFactory(name="Maria Ljung")
    board = BodyFactory(name="Kommunstyrelsen", slug="ks")
    council = BodyFactory(name="Kommunfullmäktige", slug="kf")
    for day in (3, 10, 17):
        _attend(person, board, datetime.date(2021, 2, day))
    _attend(person, board, datetime.date(2021, 3, 3), present=False)
    _attend(person, council, datetime.date(2021, 6, 14))
    _attend(person, board, datetime.date(2022, 2, 2), present=False)
    _attend(person, board, datetime.date(2022, 3, 2))
    _attend(person, board, datetime.date(2022, 4, 6), published=False)

    rows = [(r.year, r.body_name, r.attended, r.absent) for r in person_attendance_by_year(person=person)]
    assert rows == [
        (2022, "Kommunstyrelsen", 1, 1),
        (2021, "Kommunfullmäktige", 1, 0),
        (2021, "Kommunstyrelsen", 3, 1),
    ]
    page = client.get(person.get_absolute_url()).content.decode()
    section = page[page.index('id="years-title"') : page.index('id="attended-title"')]
    assert 'href="/organ/ks/2022/"' in section and 'href="/organ/kf/2021/"' in section
    assert "/organ/ks/2023/" not in section


def test_attendance_by_year_is_two_queries_for_thousands_of_meetings():
    """A long-serving member's 3,000 meetings are summed by the database, in one query (and one for names)."""
    person = PersonFactory()
    bodies = [BodyFactory() for _ in range(3)]
    start = datetime.date(2000, 1, 1)
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                body=bodies[n % 3],
                date=start + datetime.timedelta(days=3 * n),
                status=Meeting.Status.PUBLISHED,
                record_kind=Meeting.RecordKind.NOTES,
            )
            for n in range(3000)
        ]
    )
    Attendance.objects.bulk_create(
        [Attendance(meeting=m, person=person, present=n % 10 != 0) for n, m in enumerate(meetings)]
    )
    with CaptureQueriesContext(connection) as queries:
        rows = person_attendance_by_year(person=person)
    assert len(queries) == 2  # the counts, then the names of the bodies
    assert sum(r.attended for r in rows) == 2700 and sum(r.absent for r in rows) == 300
    assert len({r.year for r in rows}) == 25


def test_paragraphs_presented_show_their_decisions(client):
    """What the person presented, with what was decided, and the case it belongs to; a confidential
    paragraph presented is not listed."""
    person = PersonFactory(name="Lena Holmlund")
    meeting = MeetingFactory(published=True)
    AttendanceFactory(meeting=meeting, person=person)
    item = AgendaItemFactory(meeting=meeting, title="Gemensamt utförarregister", case_number="GR 2019/456")
    item.presenters.add(person)
    DecisionFactory(
        agenda_item=item, kind="assignment", text="Styrgruppen ger GR i uppdrag att utreda frågan."
    )
    secret = AgendaItemFactory(
        meeting=meeting,
        title="Hemlig upphandling",
        confidential=True,
        confidentiality_ground="OSL 19 kap. 3 §",
    )
    secret.presenters.add(person)
    page = client.get(person.get_absolute_url()).content.decode()
    section = page[page.index('id="presented-title"') :]
    assert "Gemensamt utförarregister" in section
    assert "Styrgruppen ger GR i uppdrag att utreda frågan." in section
    assert f'href="{item.case_url}"' in section and item.case_url
    assert "Hemlig upphandling" not in page


def _person_with(count: int):
    person = PersonFactory()
    bodies = [BodyFactory() for _ in range(4)]
    for n in range(count):
        meeting = _attend(
            person, bodies[n % 4], datetime.date(2000 + n % 25, 1 + n % 12, 1 + n // 300), present=n % 7 != 0
        )
        item = AgendaItemFactory(meeting=meeting, case_number=f"KS {2000 + n}/{n}")
        item.presenters.add(person)
        DecisionFactory(agenda_item=item)
        DecisionFactory(agenda_item=item, position=2, kind="assignment", text="Uppdrag.")
    return person


def test_person_page_queries_do_not_grow_with_the_person(client):
    """2 meetings and paragraphs presented, or 200 over 25 years and 4 bodies: the same queries."""
    counts = []
    for person in (_person_with(2), _person_with(200)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(person.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def _attend_for(person, body, date, party, *, present=True, published=True):
    attendance = AttendanceFactory(
        meeting=MeetingFactory(body=body, date=date, published=published), person=person, present=present
    )
    Attendance.objects.filter(pk=attendance.pk).update(party=party)


@pytest.mark.parametrize("membership_start", [datetime.date(2022, 6, 1), datetime.date(2023, 6, 1)])
def test_the_page_summary_is_the_person_lists(client, membership_start):
    """The page's party and bodies are those /personer/ lists: the party of the newest public record
    that names one (attended or absent, or a membership by its start), every public body."""
    from meetings import selectors

    from .factories import MembershipFactory, PartyFactory

    person = PersonFactory(name="Ulla Parti", slug="ulla-parti")
    social, board = BodyFactory(name="Socialnämnden"), BodyFactory(name="Kommunstyrelsen")
    _attend_for(person, social, datetime.date(2022, 1, 10), PartyFactory(abbreviation="S"))
    _attend_for(person, board, datetime.date(2023, 1, 10), PartyFactory(abbreviation="M"), present=False)
    _attend_for(person, board, datetime.date(2023, 3, 10), None)  # newest, but names no party
    # A draft names no party and no body yet.
    _attend_for(
        person, BodyFactory(), datetime.date(2024, 1, 10), PartyFactory(abbreviation="V"), published=False
    )
    MembershipFactory(
        person=person, body=social, party=PartyFactory(abbreviation="KD"), start_date=membership_start
    )

    listed = selectors.people_with_parties_and_bodies([person])[0]
    page = selectors.person_summary(
        person=person,
        years=selectors.person_attendance_by_year(person=person),
        memberships=selectors.person_memberships(person=person),
    )
    expected_party = "M" if membership_start.year == 2022 else "KD"
    assert (page.party, page.bodies) == (listed.party, listed.bodies)
    assert page.party == expected_party
    assert [body.name for body in page.bodies] == ["Kommunstyrelsen", "Socialnämnden"]
    assert f"<dd>{expected_party}</dd>" in client.get(person.get_absolute_url()).content.decode()


def test_attendance_rows_say_when_where_as_what_for_whom(client):
    """Each row of the attendance lists: the meeting's date linking to it, the body, the role in the
    body (else the group) with the title and partial presence, the party and the organisation
    represented, "–" where the record names none; in Swedish and in English."""
    from .factories import OrganisationFactory, PartyFactory

    person = PersonFactory(name="Ove Dröscher")
    board = BodyFactory(name="Kommunstyrelsen", slug="ks")
    chaired = MeetingFactory(body=board, date=datetime.date(2022, 10, 27), published=True)
    AttendanceFactory(
        meeting=chaired,
        person=person,
        role=Attendance.Role.CHAIR,
        party=PartyFactory(abbreviation="S"),
        organisation=OrganisationFactory(name="Öckerö kommun"),
    )
    AttendanceFactory(
        meeting=MeetingFactory(body=board, date=datetime.date(2022, 9, 1), published=True),
        person=person,
        group=Attendance.Group.OFFICIAL,
        title="kommundirektör",
        paragraph_from=171,
        paragraph_to=176,
    )
    AttendanceFactory(
        meeting=MeetingFactory(body=board, date=datetime.date(2022, 5, 5), published=True),
        person=person,
        group=Attendance.Group.SUBSTITUTE,
        present=False,
    )

    def rows(language, title):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        page = client.get(person.get_absolute_url()).content.decode()
        section = page[page.index(f'id="{title}"') :]
        return [" ".join(cells.split()) for cells in section.split("<tr>")[2:4]]

    attended = rows("sv", "attended-title")
    assert f'href="{chaired.get_absolute_url()}"' in attended[0] and ">2022-10-27</time>" in attended[0]
    assert ">Kommunstyrelsen</td>" in attended[0] and ">Ordförande</td>" in attended[0]
    assert ">S</td>" in attended[0] and ">Öckerö kommun</td>" in attended[0]
    assert ">Tjänsteperson, kommundirektör (§ 171–176)</td>" in attended[1]
    assert attended[1].count(">–</td>") == 2
    absent = rows("sv", "absent-title")
    assert ">2022-05-05</time>" in absent[0] and ">Ersättare</td>" in absent[0]
    assert ">Chair</td>" in rows("en", "attended-title")[0]
