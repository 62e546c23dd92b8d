"""The indexes of the public site: every body (/organ/), one year of a body (/organ/<slug>/<yyyy>/)
and every person (/personer/), public content only, in a number of queries that does not grow."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.functions import Lower
from django.test.utils import CaptureQueriesContext

from meetings import selectors
from meetings.models import Attendance, Body, Meeting
from meetings.querysets import meeting_public_from_q
from members.models import Party, Person
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db


def _get(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context.captured_queries)


def _bodies(count: int, *, organisation: str = "Göteborgsregionen"):
    """``count`` bodies of one organisation, each with two published meetings and a draft."""
    owner = OrganisationFactory(name=organisation)
    bodies = []
    for n in range(count):
        body = BodyFactory(organisation=owner, name=f"{organisation} nämnd {n:03}")
        MeetingFactory(body=body, date=datetime.date(2023, 3, 1), published=True)
        MeetingFactory(body=body, date=datetime.date(2024, 5, 1) + datetime.timedelta(days=n), published=True)
        MeetingFactory(body=body, date=datetime.date(2025, 1, 1))
        bodies.append(body)
    return bodies


def test_body_index_lists_public_bodies_by_organisation_with_counts_and_latest_meeting(client):
    body = _bodies(1)[0]
    _bodies(1, organisation="Öckerö")
    BodyFactory(name="Bara utkast")  # no public meeting: no entry
    MeetingFactory(body=BodyFactory(name="Bara utkast 2"))
    html = _get(client, "/organ/")
    assert html.index("Göteborgsregionen") < html.index("Öckerö")
    assert f'href="{body.get_absolute_url()}"' in html
    assert ">2</td>" in html  # the draft is not counted
    assert 'datetime="2024-05-01"' in html and "2025-01-01" not in html
    assert "Bara utkast" not in html


def test_body_index_queries_do_not_grow_with_the_bodies(client):
    _bodies(2)
    few = _queries(client, "/organ/")
    _bodies(200, organisation="Kungsbacka")
    cache.clear()  # the directory is kept a minute
    assert _queries(client, "/organ/") == few
    assert "Kungsbacka nämnd 199" in _get(client, "/organ/")


def test_a_year_of_a_body_lists_that_years_meetings_oldest_first(client):
    body = BodyFactory(slug="kommunstyrelsen")
    for day in (20, 3, 11):
        MeetingFactory(body=body, date=datetime.date(2023, 2, day), published=True)
    MeetingFactory(body=body, date=datetime.date(2024, 1, 9), published=True)
    MeetingFactory(body=body, date=datetime.date(2023, 6, 1))  # a draft
    html = _get(client, "/organ/kommunstyrelsen/2023/")
    assert html.index("2023-02-03") < html.index("2023-02-11") < html.index("2023-02-20")
    assert "2023-06-01" not in html and "2024-01-09" not in html
    assert 'href="/organ/kommunstyrelsen/2024/"' in html  # the other years
    assert 'aria-current="page">2023<' in html
    # The breadcrumbs lead back to the body and the index of bodies.
    assert 'href="/organ/"' in html and 'href="/organ/kommunstyrelsen/"' in html


def test_a_year_without_public_meetings_is_not_found(client):
    body = BodyFactory(slug="kommunstyrelsen")
    MeetingFactory(body=body, date=datetime.date(2023, 2, 3), published=True)
    MeetingFactory(body=body, date=datetime.date(2022, 2, 3))
    assert client.get("/organ/kommunstyrelsen/2022/").status_code == 404
    assert client.get("/organ/kommunstyrelsen/2021/").status_code == 404
    assert client.get("/organ/okant/2023/").status_code == 404


def test_body_page_links_each_year_to_its_page(client):
    body = BodyFactory(slug="kommunstyrelsen")
    MeetingFactory(body=body, date=datetime.date(2023, 2, 3), published=True)
    MeetingFactory(body=body, date=datetime.date(2024, 2, 3), published=True)
    html = _get(client, "/organ/kommunstyrelsen/")
    assert 'href="/organ/kommunstyrelsen/2023/"' in html and 'href="/organ/kommunstyrelsen/2024/"' in html


def test_body_year_queries_do_not_grow_with_the_meetings(client):
    body = BodyFactory(slug="kommunstyrelsen")
    for n in range(2):
        MeetingFactory(body=body, date=datetime.date(2023, 1, 2) + datetime.timedelta(days=n), published=True)
    few = _queries(client, "/organ/kommunstyrelsen/2023/")
    for n in range(200):
        MeetingFactory(body=body, date=datetime.date(2023, 2, 1) + datetime.timedelta(days=n), published=True)
    assert _queries(client, "/organ/kommunstyrelsen/2023/") == few


@pytest.fixture
def council():
    """People of two bodies: members with parties, one only in a draft."""
    ks = BodyFactory(name="Kommunstyrelsen", slug="kommunstyrelsen")
    sn = BodyFactory(name="Socialnämnden", slug="socialnamnden")
    m, s = PartyFactory(abbreviation="M"), PartyFactory(abbreviation="S")
    ks_meeting = MeetingFactory(body=ks, date=datetime.date(2023, 2, 3), published=True)
    sn_meeting = MeetingFactory(body=sn, date=datetime.date(2023, 3, 3), published=True)
    people = {
        "Örjan Öberg": PersonFactory(name="Örjan Öberg", slug="orjan-oberg"),
        "Anna Andersson": PersonFactory(name="Anna Andersson", slug="anna-andersson"),
        "Åsa Åkesson": PersonFactory(name="Åsa Åkesson", slug="asa-akesson"),
    }
    AttendanceFactory(meeting=ks_meeting, person=people["Örjan Öberg"], party=m)
    AttendanceFactory(meeting=ks_meeting, person=people["Anna Andersson"], party=s)
    AttendanceFactory(meeting=sn_meeting, person=people["Anna Andersson"], party=s)
    MembershipFactory(person=people["Åsa Åkesson"], body=sn, party=s)
    AttendanceFactory(meeting=MeetingFactory(body=ks), person=PersonFactory(name="Utkast Utkastsson"))
    return people


def test_people_index_lists_public_people_a_to_o_with_party_and_bodies(client, council):
    html = _get(client, "/personer/")
    assert html.index("Anna Andersson") < html.index("Åsa Åkesson") < html.index("Örjan Öberg")
    assert "Utkast Utkastsson" not in html
    row = html[html.index("Anna Andersson") :].split("</tr>")[0]
    assert 'Parti">S</td>' in row and "Kommunstyrelsen" in row and "Socialnämnden" in row
    row = html[html.index("Åsa Åkesson") :].split("</tr>")[0]
    assert 'Parti">S</td>' in row and "Socialnämnden" in row and "Kommunstyrelsen" not in row


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"party": "M"}, ["Örjan Öberg"], ["Anna Andersson", "Åsa Åkesson"]),
        ({"body": "socialnamnden"}, ["Anna Andersson", "Åsa Åkesson"], ["Örjan Öberg"]),
        ({"q": "öber"}, ["Örjan Öberg"], ["Anna Andersson"]),
        ({"q": "anna", "party": "S", "body": "kommunstyrelsen"}, ["Anna Andersson"], ["Åsa Åkesson"]),
    ],
)
def test_people_index_filters(client, council, params, shown, hidden):
    html = _get(client, "/personer/", **params)
    table = html[html.index("<table") :] if "<table" in html else ""
    assert all(name in table for name in shown)
    assert not any(name in table for name in hidden)


def test_people_index_filters_count_public_attendance_and_memberships_only(client, council):
    """Attendance at a draft, or a membership of a body with drafts only, puts no one under a
    party or a body."""
    socialnamnden = Body.objects.get(slug="socialnamnden")
    hidden_body = BodyFactory(name="Beredningen", slug="beredningen")
    MeetingFactory(body=hidden_body)
    s = Party.objects.get(abbreviation="S")
    AttendanceFactory(meeting=MeetingFactory(body=socialnamnden), person=council["Örjan Öberg"], party=s)
    MembershipFactory(person=council["Örjan Öberg"], body=hidden_body, party=s)
    for params in ({"party": "S"}, {"body": "socialnamnden"}):
        html = _get(client, "/personer/", **params)
        table = html[html.index("<table") :]
        assert "Anna Andersson" in table and "Örjan Öberg" not in table


def test_people_index_filters_read_the_attendance_of_one_party_or_body(db, council):
    """A party's or a body's people come from ``attendance_party_person_idx`` and
    ``attendance_body_person_idx``: probing every person's entries read all 1.5 million rows of
    attendance at a million paragraphs (145 ms). The planner is told to avoid a scan and a sort where
    it can."""
    plans = []
    party = Party.objects.get(abbreviation="S")
    body = Body.objects.get(slug="socialnamnden")
    # Enough rows that reading one party's or body's share beats reading everyone's in order.
    parties = [PartyFactory() for _ in range(8)]
    meetings = [MeetingFactory(body=BodyFactory(), published=True) for _ in range(40)]
    people = PersonFactory.create_batch(50)
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, party=parties[(n + m) % 8])
        for m, meeting in enumerate(meetings)
        for n, person in enumerate(people)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_attendance")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        for condition in ({"party": party}, {"meeting_body": body}):
            query = (
                Attendance.objects.filter(meeting_public_from_q(), **condition)
                .order_by()
                .values_list("person", flat=True)
                .distinct()
            )
            sql, params = query.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert "attendance_party_person_idx" in plans[0] and "attendance_body_person_idx" in plans[1], plans
    # Anna attended the social services board for S; Åsa sits on it for S.
    both = [council["Anna Andersson"].pk, council["Åsa Åkesson"].pk]
    assert selectors.people_index(party=party, body=body).ids == both
    assert selectors.people_index(party=Party.objects.get(abbreviation="M"), body=body).ids == []


def test_people_index_reports_a_filter_it_cannot_use_and_lists_everyone(client, council):
    html = _get(client, "/personer/", party="XYZ", body="utkast")
    assert 'id="id_party_error"' in html and 'aria-describedby="id_party_error"' in html
    assert "Anna Andersson" in html and "Örjan Öberg" in html


def test_people_index_lists_whom_the_public_rule_names_and_follows_every_change(client):
    """Attendance at a public meeting is asked of everyone, the other grounds of the rule of those
    without it only; the list is kept per version of the archive, and a change shows at once."""
    meeting = MeetingFactory(
        published=True,
        chair=PersonFactory(name="Carl Chair"),
        secretary=PersonFactory(name="Siri Sekreterare"),
    )
    meeting.adjusters.add(PersonFactory(name="Jonna Justerare"))
    SignatureFactory(meeting=meeting, person=PersonFactory(name="Signe Signerare"))
    AgendaItemFactory(meeting=meeting, position=1).presenters.add(PersonFactory(name="Per Föredragande"))
    secret = AgendaItemFactory(
        meeting=meeting, position=2, confidential=True, confidentiality_ground="OSL 39 kap. 3 §"
    )
    secret.presenters.add(PersonFactory(name="Hemlig Föredragande"))
    MembershipFactory(person=PersonFactory(name="Mona Medlem"), body=meeting.body)
    AttendanceFactory(meeting=meeting, person=PersonFactory(name="Nils Närvarande"))
    draft = MeetingFactory(body=meeting.body)
    AttendanceFactory(meeting=draft, person=PersonFactory(name="Ulla Utkast"))

    public = ["Carl Chair", "Jonna Justerare", "Mona Medlem", "Nils Närvarande", "Per Föredragande"]
    public += ["Signe Signerare", "Siri Sekreterare"]
    expected = list(Person.objects.public().order_by(Lower("name"), "pk").values_list("pk", flat=True))
    assert selectors.people_public_ids() == expected and len(expected) == len(public)
    html = _get(client, "/personer/")
    assert [name for name in public if name in html] == public
    assert sorted(public, key=html.index) == public
    assert "Hemlig Föredragande" not in html and "Ulla Utkast" not in html

    draft.status, draft.adjusted_on, draft.posted_on = Meeting.Status.PUBLISHED, draft.date, draft.date
    draft.save()
    assert "Ulla Utkast" in _get(client, "/personer/")
    nils = Person.objects.get(name="Nils Närvarande")
    nils.name = "Anders Närvarande"
    nils.save()
    html = _get(client, "/personer/")
    assert html.index("Anders Närvarande") < html.index("Carl Chair") and "Nils Närvarande" not in html
    nils.attendances.get().delete()  # named nowhere public any more
    assert "Anders Närvarande" not in _get(client, "/personer/")


def test_people_index_filter_form_submitted_as_rendered_twice_for_a_council(client):
    """A council of 101 members of three parties: the filter form read from the page and sent back
    as a browser sends it, with a party chosen; then the page it gives sent back unchanged (the
    second answer from the cache): the same 34 or 33 members both times, the choice kept."""
    from tests.forms import RenderedForm

    parties = [PartyFactory(abbreviation=abbreviation) for abbreviation in ("S", "M", "C")]
    meeting = MeetingFactory(published=True, body__slug="kommunfullmaktige")
    for n in range(101):
        AttendanceFactory(
            meeting=meeting,
            person=PersonFactory(name=f"Ledamot {n:03}", slug=f"ledamot-{n:03}"),
            party=parties[n % 3],
        )
    listing = _get(client, "/personer/")
    assert listing.count('href="/personer/ledamot-') == 100 and 'rel="next"' in listing

    form = RenderedForm(listing, form_marker="aria-label")
    assert {name for name, _value in form.fields} == {"q", "party", "body"}
    form.set("party", "M")
    first = client.get("/personer/", form.data())
    assert first.status_code == 200
    again = RenderedForm(first.content.decode(), form_marker="aria-label")
    assert again.get("party") == "M" and again.get("body") == ""
    second = client.get("/personer/", again.data())
    assert second.status_code == 200 and second["ETag"] == first["ETag"]
    for response in (first, second):
        html = response.content.decode()
        assert html.count('href="/personer/ledamot-') == 34
        assert "Ledamot 001" in html and "Ledamot 000" not in html


def test_people_index_is_paginated(client):
    meeting = MeetingFactory(published=True)
    for n in range(130):
        AttendanceFactory(meeting=meeting, person=PersonFactory(name=f"Person {n:03}"))
    first = _get(client, "/personer/")
    assert first.count("/personer/person-") == 100 and 'rel="next"' in first
    second = _get(client, "/personer/", page="2")
    assert second.count("/personer/person-") == 30 and "Person 129" in second


def test_people_index_queries_do_not_grow_with_the_people(client):
    party = PartyFactory(abbreviation="S")
    meeting = MeetingFactory(published=True)

    def add(count):
        for _n in range(count):
            person = PersonFactory()
            AttendanceFactory(meeting=meeting, person=person, party=party)
            MembershipFactory(person=person, body=meeting.body, party=party)

    add(2)
    few = _queries(client, "/personer/")
    few_filtered = _queries(client, "/personer/", party="S", body=meeting.body.slug)
    add(200)
    assert _queries(client, "/personer/") == few
    assert _queries(client, "/personer/", party="S", body=meeting.body.slug, page="2") == few_filtered


def test_navigation_links_the_indexes(client, council):
    html = _get(client, "/")
    assert 'href="/organ/"' in html and 'href="/personer/"' in html
    person = _get(client, "/personer/anna-andersson/")
    assert 'href="/personer/"' in person


def test_person_page_shows_party_and_current_assignments_with_their_period(client, council):
    asa = council["Åsa Åkesson"]
    membership = asa.memberships.get()
    membership.start_date = datetime.date(2023, 1, 1)
    membership.save()
    MembershipFactory(
        person=asa,
        body=membership.body,
        party=membership.party,
        role="chair",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    html = _get(client, asa.get_absolute_url())
    facts = html[html.index('class="facts"') : html.index("</dl>")]
    assert "<dd>S</dd>" in facts
    assert "Socialnämnden</a>, ledamot (2023-01-01 – )" in facts
    assert "2019-01-01" not in facts  # an ended assignment is under roles over time only
    assert "2019-01-01" in html
    anna = _get(client, council["Anna Andersson"].get_absolute_url())
    facts = anna[anna.index('class="facts"') : anna.index("</dl>")]
    assert "Närvarat i" in facts and "Kommunstyrelsen" in facts and "Socialnämnden" in facts


def test_people_index_shows_the_party_of_the_newest_attendance_that_records_one(client, council):
    """Present or absent, the newest public attendance with a party gives it; one without a party,
    or at a draft, does not."""
    person = council["Örjan Öberg"]
    ks = Body.objects.get(slug="kommunstyrelsen")
    s = Party.objects.get(abbreviation="S")
    AttendanceFactory(
        meeting=MeetingFactory(body=ks, date=datetime.date(2023, 9, 1), published=True),
        person=person,
        party=s,
        present=False,
    )
    AttendanceFactory(
        meeting=MeetingFactory(body=ks, date=datetime.date(2023, 10, 1), published=True), person=person
    )
    AttendanceFactory(
        meeting=MeetingFactory(body=ks, date=datetime.date(2023, 11, 1)),
        person=person,
        party=Party.objects.get(abbreviation="M"),
    )
    row = _get(client, "/personer/").split("Örjan Öberg", 1)[1].split("</tr>")[0]
    assert 'Parti">S</td>' in row
