"""A record cannot lose what it names: people who adjusted or presented in it cannot be deleted, nor
anything a posted protocol refers to."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from meetings.models import Correction
from members.models import Person

from .factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, PartyFactory, PersonFactory
from .forms import RenderedForm, browser_post


@pytest.fixture
def posted(db):
    meeting = MeetingFactory(published=True, chair=PersonFactory(name="Ordförande"))
    adjuster, presenter = PersonFactory(name="Jenny Justerare"), PersonFactory(name="Per Presentatör")
    meeting.adjusters.add(adjuster)
    AgendaItemFactory(meeting=meeting, number=1).presenters.add(presenter)
    return meeting, adjuster, presenter


def test_a_person_who_adjusted_or_presented_cannot_be_deleted(posted):
    meeting, adjuster, presenter = posted
    for person in (adjuster, presenter):
        with pytest.raises(ProtectedError), transaction.atomic():
            person.delete()
    assert list(meeting.adjusters.all()) == [adjuster]
    assert list(meeting.items.get().presenters.all()) == [presenter]


def test_the_admin_refuses_to_delete_them_and_says_why(admin_client, posted):
    meeting, adjuster, presenter = posted
    item = meeting.items.get()
    for person, record in ((adjuster, f"Sammanträde: {meeting}"), (presenter, f"Ärende: {item}")):
        url = reverse("admin:members_person_delete", args=[person.pk])
        page = admin_client.get(url).content.decode()
        assert record in page
        assert admin_client.post(url, {"post": "yes"}).status_code == 200
        assert Person.objects.filter(pk=person.pk).exists()


def test_a_person_in_no_record_can_be_deleted(admin_client, db):
    person = PersonFactory()
    response = admin_client.post(reverse("admin:members_person_delete", args=[person.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


def test_people_parties_organisations_and_bodies_of_a_posted_protocol_are_protected(posted):
    meeting, _adjuster, _presenter = posted
    line = AttendanceFactory(meeting=meeting, party=PartyFactory())
    for obj in (meeting.chair, line.person, line.party, meeting.body, meeting.body.organisation):
        with pytest.raises(ProtectedError), transaction.atomic():
            obj.delete()


# ---------------------------------------------------------------------------------------------------
# Corrections (rättelse)


def _officer_client(client, officer):
    client.force_login(officer)
    return client


def test_a_correction_needs_a_reason_is_recorded_and_shown_on_the_public_page(client, officer, posted):
    """The officer opens "Correct" on a posted protocol, changes a title and gives the reason; the
    record changes, the correction is recorded with who and why, and the public page says so."""

    meeting, _adjuster, _presenter = posted
    client.force_login(officer)
    read_only = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    url = reverse("admin:meetings_meeting_correct", args=[meeting.pk])
    assert url in read_only
    updated_before = meeting.updated_at
    form = RenderedForm(client.get(url).content.decode())
    form.set("items-0-title", "Rättad rubrik")

    def post(data):
        return browser_post(client, url, data)

    response = post(form.data())  # no reason
    assert response.status_code == 200
    assert meeting.items.get().title != "Rättad rubrik"
    form.set("correction-reason", "Felstavad rubrik i § 1.")
    response = post(form.data())
    assert response.status_code == 302, response.content.decode()[:2000]
    correction = Correction.objects.get(meeting=meeting)
    assert (correction.made_by, correction.reason) == (officer, "Felstavad rubrik i § 1.")
    assert "§ 1" in correction.changes
    meeting.refresh_from_db()
    assert meeting.items.get().title == "Rättad rubrik"
    assert meeting.updated_at > updated_before
    assert meeting.status == meeting.Status.PUBLISHED
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "Felstavad rubrik i § 1." in public and "rättades" in public
    listing = client.get(reverse("admin:meetings_correction_changelist")).content.decode()
    assert "Felstavad rubrik i § 1." in listing


def test_a_correction_that_changes_nothing_is_refused(client, officer, posted):

    meeting, _adjuster, _presenter = posted
    client.force_login(officer)
    url = reverse("admin:meetings_meeting_correct", args=[meeting.pk])
    form = RenderedForm(client.get(url).content.decode())
    form.set("correction-reason", "Ingenting")
    response = browser_post(client, url, form.data())
    assert response.status_code == 200
    assert not Correction.objects.exists()


def test_only_an_officer_may_correct(client, secretary, posted):
    meeting, _adjuster, _presenter = posted
    client.force_login(secretary)
    assert client.get(reverse("admin:meetings_meeting_correct", args=[meeting.pk])).status_code == 403
