"""The demo archive holds exactly what the five seed documents hold."""

import datetime

import pytest
from django.utils.timezone import localtime

from meetings.models import AgendaItem, Attendance, Decision, Meeting
from members.models import Person

pytestmark = pytest.mark.usefixtures("demo_archive")

STYRGRUPP = "styrgruppen-for-social-valfard"


def meeting(slug: str, date: str) -> Meeting:
    return Meeting.objects.get(body__slug=slug, date=datetime.date.fromisoformat(date))


def names(attendances) -> list[str]:
    return [a.person.name if a.person else "Vakant" for a in attendances]


@pytest.mark.parametrize(
    ("slug", "date", "kind", "numbers", "present_members", "absent_members", "officials"),
    [
        (STYRGRUPP, "2021-04-09", "protocol", list(range(102, 113)), 13, 2, 5),
        (STYRGRUPP, "2022-04-22", "protocol", list(range(171, 184)), 13, 2, 4),
        ("socialchefsnatverket", "2021-12-10", "notes", [None] * 8, 17, 0, 3),
        ("samradsorgan-vastkom-vgr", "2021-02-26", "notes", [None] * 10, 9, 4, 10),
        ("ledningsgrupp-for-samverkan", "2026-06-04", "notes", [None] * 9, 17, 5, 0),
    ],
)
def test_each_meeting_has_the_seed_paragraphs_and_attendance(
    slug, date, kind, numbers, present_members, absent_members, officials
):
    m = meeting(slug, date)
    assert m.record_kind == kind
    assert m.status == Meeting.Status.PUBLISHED
    items = list(m.items.order_by("position"))
    assert [item.number for item in items] == numbers
    assert [item.position for item in items] == list(range(1, len(numbers) + 1))
    members = m.attendances.filter(group=Attendance.Group.MEMBER)
    assert members.filter(present=True).count() == present_members
    assert members.filter(present=False).count() == absent_members
    assert m.attendances.filter(group=Attendance.Group.OFFICIAL, present=True).count() == officials


def test_protocol_2022_attendance_as_printed():
    m = meeting(STYRGRUPP, "2022-04-22")
    present = m.attendances.filter(present=True, group=Attendance.Group.MEMBER).order_by("position")
    assert names(present)[:3] == ["Kent Lagrell", "Patrik Linde", "Marita Henriksson"]
    kent = present.get(person__name="Kent Lagrell")
    assert (kent.party.abbreviation, kent.organisation.name, kent.role) == ("M", "Öckerö", "chair")
    assert present.get(person__name="Patrik Linde").role == "vice_chair"
    nina = present.get(person__name="Nina Miskovsky")
    assert (nina.paragraph_from, nina.paragraph_to) == (171, 176)
    mona = present.get(person__name="Mona Burås Dieng")
    assert mona.party is None and mona.organisation.name == "Lilla Edet"

    isaksson = m.attendances.get(person__name="Ann-Sofie Isaksson")
    assert isaksson.title == "ansvarig tjänsteperson västra hälso- och sjukvårdsnämnd"
    assert isaksson.organisation.short_name == "VGR"
    assert (isaksson.paragraph_from, isaksson.paragraph_to) == (175, 175)
    assert m.attendances.get(person__name="Karl Fors").organisation.name == "VästKom"
    assert m.attendances.get(group=Attendance.Group.SECRETARY).person.name == "Sara Nordenhielm"

    absent = m.attendances.filter(present=False).order_by("position")
    assert names(absent) == ["Kalle Påsse Sundvall", "Ove Dröscher"]


def test_protocol_2021_has_a_vacant_seat_and_signatures():
    m = meeting(STYRGRUPP, "2021-04-09")
    absent = m.attendances.filter(present=False).order_by("position")
    assert names(absent) == ["Vakant", "Erling Alsin"]
    assert absent.first().organisation.name == "Lilla Edet"
    kalle = m.attendances.get(person__name="Kalle Påsse Sundvall")
    assert (kalle.paragraph_from, kalle.paragraph_to) == (102, 107)
    assert m.attendances.get(person__name="Theresa Larsen").organisation.parent.name == "Göteborgsregionen"

    assert m.chair.name == "Kent Lagrell"
    assert (m.secretary.name, m.secretary_title) == ("Sara Nordenhielm", "Beredningsansvarig")
    assert [p.name for p in m.adjusters.all()] == ["Patrik Linde"]
    signatures = list(m.signatures.order_by("signed_at"))
    assert [s.person.name for s in signatures] == ["Kent Lagrell", "Patrik Linde"]
    assert signatures[1].reference == "7526ae83-2300-4120-b0b4-967ecde62376"
    assert localtime(signatures[1].signed_at).isoformat() == "2021-04-15T12:38:02+02:00"


def test_ove_droscher_is_one_person_under_both_spellings():
    ove = Person.objects.get(name="Ove Dröscher")
    assert "Ove Dröschler" in ove.alternative_names
    assert ove.attendances.count() == 2
    assert not Person.objects.filter(name="Ove Dröschler").exists()


def test_paragraph_texts_and_decisions():
    mini_maria = AgendaItem.objects.get(meeting__date="2022-04-22", number=175)
    assert mini_maria.title == "Utvecklingen av Mini-Maria och motsvarande verksamheter"
    assert mini_maria.summary.startswith("Ann-Sofie Isaksson informerar om utvecklingen av Mini-Maria")
    assert mini_maria.summary.endswith("nå målgruppen.")
    assert [p.name for p in mini_maria.presenters.all()] == ["Ann-Sofie Isaksson"]
    assert [(d.kind, d.text) for d in mini_maria.decisions.all()] == [
        (Decision.Kind.NOTED, "Informationen antecknas")
    ]

    register = AgendaItem.objects.get(meeting__date="2021-04-09", number=105)
    assert register.decisions.get().kind == Decision.Kind.PROPOSAL
    assert "- Att inleda förstudie för att utreda tekniska och juridiska" in register.summary

    elected = AgendaItem.objects.get(meeting__date="2022-04-22", number=172)
    assert elected.decisions.get().text == "Patrik Linde väljs."
    assert elected.decisions.get().kind == Decision.Kind.ELECTED

    funds = AgendaItem.objects.get(meeting__date="2021-12-10", position=5)
    assert funds.number is None
    assert [d.text.split(":")[0] for d in funds.decisions.all()] == ["Nära Vård", "Digitalisering"]
    register_study = AgendaItem.objects.get(meeting__date="2021-12-10", position=6)
    assert register_study.decisions.get().kind == Decision.Kind.ASSIGNMENT
    assert AgendaItem.objects.get(meeting__date="2021-12-10", position=3).links.count() == 7


def test_notes_record_keeper_and_next_meeting():
    m = meeting("socialchefsnatverket", "2021-12-10")
    assert (m.secretary.name, m.secretary_title) == ("Cecilia Axelsson", "planeringsledare")
    assert m.next_meeting_dates == [datetime.date(2022, 1, 21)]
    goteborg = m.attendances.filter(organisation__name="Göteborg")
    assert goteborg.count() == 4
    assert m.attendances.get(person__name="Margareta Forsberg").organisation.name == "FoU i Väst"


def test_every_numbered_paragraph_with_a_summary_has_a_decision():
    """In the protocols only the opening (§ 171) has no decision."""
    undecided = AgendaItem.objects.filter(number__isnull=False, decisions__isnull=True)
    assert [item.number for item in undecided] == [171]


def test_joint_council_sides_absences_and_standpoints():
    """SRO: both sides of the joint council, the four absent members, and each standpoint."""
    m = meeting("samradsorgan-vastkom-vgr", "2021-02-26")
    assert (m.chair.name, m.secretary.name, m.mode) == ("Johnny Magnusson", "Josefin Zackrisson", "digital")
    members = m.attendances.filter(group=Attendance.Group.MEMBER)
    assert set(members.values_list("side", flat=True)) == {"VGK", "VGR"}
    assert sorted(names(members.filter(present=False))) == [
        "Anna-Karin Skatt",
        "Jonas Andersson",
        "Tony Johansson",
        "Ulf Olsson",
    ]
    kent = members.get(person__name="Kent Lagrell")
    assert (kent.role, kent.party.abbreviation, kent.organisation.name) == (
        "vice_chair",
        "M",
        "Göteborgsregionen",
    )
    assert m.next_meeting_dates == [
        datetime.date(2021, 5, 21),
        datetime.date(2021, 9, 24),
        datetime.date(2021, 11, 19),
    ]
    nara_vard = m.items.get(position=4)
    assert nara_vard.title == "Nära Vård"
    assert nara_vard.decisions.count() == 1
    assert "nytt delprojekt för gemensamt primärvårdsuppdrag" in nara_vard.decisions.get().text
    assert sorted(p.name for p in nara_vard.presenters.all()) == ["Anne-Marie Svensson", "Jeanette Andersson"]


def test_management_group_guests_absences_and_decisions():
    """LGS: members with their titles, guests for an item, the five absent, one decision per item."""
    m = meeting("ledningsgrupp-for-samverkan", "2026-06-04")
    assert (m.chair.name, m.secretary.name) == ("Katarina Mueller", "Isabelle Alknäs")
    camilla = m.attendances.get(person__name="Camilla Lundqvist")
    assert (camilla.group, camilla.agenda_position) == (Attendance.Group.GUEST, 2)
    assert m.attendances.get(person__name="Maria Taranger").title == "Områdeschef, område 6, SU"
    assert m.attendances.filter(present=False).count() == 5
    items = list(m.items.order_by("position"))
    assert [item.decisions.count() for item in items] == [1] * 9
    assert items[6].decisions.get().text == "LGS ställer sig bakom projekten."
