"""The archive's version (the newest meeting ``updated_at`` and the revision), and the person and
body pages cached under it: a second view from the cache, and every change on the page shown at
once."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import services
from meetings.archive_version import archive_changed, archive_version
from meetings.models import ArchiveRevision
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """A person who attended twelve published meetings of one body."""
    body = BodyFactory(name="Styrgruppen för vård", slug="styrgruppen")
    person = PersonFactory(name="Stina Berg", slug="stina-berg")
    meetings = [
        MeetingFactory(body=body, date=datetime.date(2023, month, 10), published=True)
        for month in range(1, 13)
    ]
    for meeting in meetings:
        AttendanceFactory(meeting=meeting, person=person)
        AgendaItemFactory(meeting=meeting, position=1, number=meeting.date.month, title="Kompetens")
    return body, person, meetings


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), response.status_code
    return response, len(context.captured_queries)


def _without_token(response) -> str:
    """The page without the visitor's CSRF token (masked anew in every response)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


@pytest.mark.parametrize("page", ["person", "body", "year", "people", "people by body", "notice board"])
def test_a_second_view_comes_from_the_cache_and_revalidates_with_304(client, archive, page):
    body, person, _meetings = archive
    url, shown = {
        "person": (person.get_absolute_url(), "2023-12-10"),
        "body": (body.get_absolute_url(), "2023-12-10"),
        "year": (f"{body.get_absolute_url()}2023/", "2023-12-10"),
        "people": ("/personer/", "Stina Berg"),
        "people by body": (f"/personer/?body={body.slug}&page=1", "Stina Berg"),
        "notice board": ("/anslagstavla/", "2023-12-18"),
    }[page]
    first, cold = _get(client, url)
    second, warm = _get(client, url)
    assert _without_token(second) == _without_token(first) and shown in _without_token(second)
    # The page's own look-up (and public rule) and the archive's version; nothing rendered.
    assert warm <= 3 < cold
    assert first["ETag"] == second["ETag"] and second["Last-Modified"]
    not_modified, _ = _get(client, url, if_none_match=second["ETag"])
    assert not_modified.status_code == 304


def test_a_membership_shows_on_the_person_and_the_body_page_at_once(client, archive):
    body, person, _meetings = archive
    member = PersonFactory(name="Nils Nyvald")
    AttendanceFactory(meeting=_meetings[0], person=member)
    before_person = client.get(person.get_absolute_url())
    before_body = client.get(body.get_absolute_url()).content.decode()
    assert "Ordförande" not in before_person.content.decode()

    MembershipFactory(person=person, body=body, role="chair", start_date=datetime.date(2023, 1, 1))
    after_person, _ = _get(client, person.get_absolute_url())
    assert "Ordförande" in after_person.content.decode()
    assert after_person["ETag"] != before_person["ETag"]
    assert client.get(body.get_absolute_url()).content.decode() != before_body


def test_a_correction_of_a_meeting_shows_on_the_person_page_at_once(client, archive):
    _body, person, meetings = archive
    client.get(person.get_absolute_url())
    newest = meetings[-1]
    newest.date = datetime.date(2023, 12, 11)
    newest.save()
    html = client.get(person.get_absolute_url()).content.decode()
    assert "2023-12-11" in html and "2023-12-10" not in html


def test_a_new_published_meeting_shows_on_the_body_page_at_once(client, archive):
    body, _person, _meetings = archive
    client.get(body.get_absolute_url())
    draft = MeetingFactory(body=body, date=datetime.date(2024, 2, 1), chair=PersonFactory())
    draft.adjusters.add(PersonFactory())
    assert "2024" not in client.get(body.get_absolute_url()).content.decode()
    services.meeting_adjust(meeting=draft, adjusted_on=draft.date)
    services.meeting_post(meeting=draft, posted_on=draft.date)
    assert "2024" in client.get(body.get_absolute_url()).content.decode()


def test_a_deleted_meeting_leaves_the_body_page_and_its_year_at_once(client, archive):
    body, _person, meetings = archive
    oldest = meetings[0]
    year = f"{body.get_absolute_url()}2023/"
    for url in (body.get_absolute_url(), year):
        assert "2023-01-10" in client.get(url).content.decode()
    oldest.items.all().delete()
    oldest.attendances.all().delete()
    oldest.delete()
    for url in (body.get_absolute_url(), year):
        assert "2023-01-10" not in client.get(url).content.decode()


def test_a_renamed_person_is_a_new_version_even_without_meetings():
    person = PersonFactory(name="Utan Möten")
    before = archive_version()
    person.name = "Fortfarande Utan Möten"
    person.save()
    after = archive_version()
    assert after.key != before.key and after.last_modified >= before.last_modified


def test_the_revision_is_one_row_counting_up_and_made_again_if_missing():
    before = ArchiveRevision.objects.get().number
    archive_changed()
    archive_changed()
    assert ArchiveRevision.objects.get().number == before + 2
    ArchiveRevision.objects.all().delete()
    assert archive_version().key[1] == 0
    archive_changed()
    assert ArchiveRevision.objects.get().number == 1


def test_a_signed_in_visitor_gets_the_page_rendered(client, archive, django_user_model):
    _body, person, _meetings = archive
    client.get(person.get_absolute_url())
    client.force_login(django_user_model.objects.create_user("sekreterare", password="x"))
    response, queries = _get(client, person.get_absolute_url())
    assert "ETag" not in response and queries > 3
