"""The one public rule for everything derived from the archive (meetings/querysets.py, members/querysets.py)."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Body, Meeting
from members.models import Organisation, Party, Person
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def confidential():
    """A published meeting with a confidential paragraph, its sub-point and a public paragraph."""
    meeting = MeetingFactory(published=True)
    secret = AgendaItemFactory(
        meeting=meeting,
        position=1,
        number=401,
        title="Personalärende",
        confidential=True,
        confidentiality_ground="OSL 39 kap. 3 §",
    )
    sub_point = AgendaItemFactory(
        meeting=meeting, parent=secret, position=2, number=None, label="a", title="Lönesättning för Anna"
    )
    DecisionFactory(agenda_item=sub_point, text="Lönen sätts till 50 000 kronor.")
    public = AgendaItemFactory(meeting=meeting, position=3, number=402, title="Budget för cykelvägar")
    return SimpleNamespace(meeting=meeting, secret=secret, sub_point=sub_point, public=public)


def test_a_sub_point_of_a_confidential_paragraph_is_confidential(client, confidential):
    meeting = confidential.meeting
    assert list(AgendaItem.objects.searchable()) == [confidential.public]
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Lönesättning" not in html and "50 000" not in html and "Personalärende" not in html
    assert html.count("OSL 39 kap. 3 §") == 2  # the paragraph and its sub-point show their ground
    item_page = client.get(
        reverse(
            "meetings:item_detail", kwargs={"slug": meeting.body.slug, "date": meeting.date, "position": 2}
        )
    ).content.decode()
    assert "Lönesättning" not in item_page and "50 000" not in item_page and "OSL 39 kap. 3 §" in item_page
    search = client.get(reverse("meetings:search"), {"q": "lönesättning"}).content.decode()
    assert "Lönesättning" not in search


def test_who_presented_only_confidential_paragraphs_is_not_public(client, confidential):
    only_secret, only_sub_point, presenter = PersonFactory(), PersonFactory(), PersonFactory()
    confidential.secret.presenters.add(only_secret)
    confidential.sub_point.presenters.add(only_sub_point)
    confidential.public.presenters.add(presenter)
    assert list(Person.objects.public()) == [presenter]
    assert client.get(only_secret.get_absolute_url()).status_code == 404
    assert client.get(only_sub_point.get_absolute_url()).status_code == 404
    page = client.get(presenter.get_absolute_url()).content.decode()
    assert "Budget för cykelvägar" in page and "§ 401" not in page
    # The search form's person filter suggests public people only.
    suggest = reverse("meetings:person_autocomplete")
    suggested = client.get(suggest, {"q": presenter.name}).json()["results"]
    assert presenter.slug in [row["slug"] for row in suggested]
    for hidden in (only_secret, only_sub_point):
        suggested = client.get(suggest, {"q": hidden.name}).json()["results"]
        assert hidden.slug not in [row["slug"] for row in suggested]


def test_the_people_a_public_meeting_names_have_pages(client):
    """Chair, record keeper, adjusters and signers link to their pages from the meeting page."""
    meeting = MeetingFactory(published=True, chair=PersonFactory(), secretary=PersonFactory())
    adjuster = PersonFactory()
    meeting.adjusters.add(adjuster)
    for person in (meeting.chair, meeting.secretary, adjuster):
        assert client.get(person.get_absolute_url()).status_code == 200


def test_bodies_parties_and_organisations_of_drafts_only_are_not_public(client):
    draft_organisation = OrganisationFactory(name="Utkastkommun")
    draft_body = MeetingFactory(body__organisation=draft_organisation).body
    draft_party = PartyFactory(abbreviation="UTK")
    AttendanceFactory(
        meeting=MeetingFactory(body=draft_body), party=draft_party, organisation=draft_organisation
    )
    MembershipFactory(body=draft_body, party=draft_party, organisation=draft_organisation)
    public = MeetingFactory(published=True)
    public_party = PartyFactory(abbreviation="PUB")
    AttendanceFactory(meeting=public, party=public_party)

    assert list(Body.objects.public()) == [public.body]
    assert list(Party.objects.public()) == [public_party]
    assert list(Organisation.objects.public()) == [public.body.organisation]
    assert client.get(draft_body.get_absolute_url()).status_code == 404
    search = client.get(reverse("meetings:search")).content.decode()
    assert "Utkastkommun" not in search and ">UTK<" not in search and ">PUB<" in search


def test_public_on_a_given_day():
    today = timezone.localdate()
    posted_tomorrow = MeetingFactory(
        status=Meeting.Status.PUBLISHED, adjusted_on=today, posted_on=today + datetime.timedelta(days=1)
    )
    assert posted_tomorrow not in Meeting.objects.public()
    assert posted_tomorrow in Meeting.objects.public(on=today + datetime.timedelta(days=1))
    assert posted_tomorrow.body in Body.objects.public(on=today + datetime.timedelta(days=1))
    assert posted_tomorrow.body not in Body.objects.public()
