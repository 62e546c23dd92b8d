"""Public meeting and paragraph pages: cached per version, served with ETag/Last-Modified and 304s,
and a new version whenever anything on the page is written."""

import datetime
import os
import socket

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Decision
from tests.factories import (
    AgendaItemFactory,
    AgendaItemLinkFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
    PartyFactory,
    PersonFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(published=True, date=datetime.date(2024, 3, 8))
    for position in range(1, 41):
        item = AgendaItemFactory(meeting=meeting, position=position, number=100 + position)
        DecisionFactory(agenda_item=item, text=f"Beslut {position}.")
    for _ in range(61):
        AttendanceFactory(meeting=meeting, party=PartyFactory())
    return meeting


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    return response, len(context.captured_queries)


def test_second_view_comes_from_the_cache(client, meeting):
    first, cold = _get(client, meeting.get_absolute_url())
    second, warm = _get(client, meeting.get_absolute_url())
    assert first.status_code == second.status_code == 200
    assert warm == 1 < cold  # the version of the meeting and its two neighbours
    assert "Beslut 40." in second.content.decode()
    assert first["ETag"] == second["ETag"] and first["Last-Modified"]
    assert "no-cache" in second["Cache-Control"]


def test_revalidation_answers_304(client, meeting):
    response, _ = _get(client, meeting.get_absolute_url())
    not_modified, queries = _get(client, meeting.get_absolute_url(), if_none_match=response["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b"" and queries == 1
    since = _get(client, meeting.get_absolute_url(), if_modified_since=response["Last-Modified"])[0]
    assert since.status_code == 304


def _rename_party(meeting):
    party = meeting.attendances.first().party
    party.abbreviation = "NYTT"
    party.save()
    return "(NYTT)"


def _rename_person(meeting):
    person = meeting.attendances.first().person
    person.name = "Omdöpt Person"
    person.save()
    return "Omdöpt Person"


def _edit_decision(meeting):
    decision = Decision.objects.filter(agenda_item__meeting=meeting).first()
    decision.text = "Rättat beslut."
    decision.save()
    return "Rättat beslut."


def _add_presenter(meeting):
    meeting.items.first().presenters.add(PersonFactory(name="Ny Föredragande"))
    return "Ny Föredragande"


def _add_link(meeting):
    AgendaItemLinkFactory(agenda_item=meeting.items.last(), label="Rapporten om allt")
    return "Rapporten om allt"


def _add_attendance(meeting):
    AttendanceFactory(meeting=meeting, person__name="Sent Anländ")
    return "Sent Anländ"


def _add_signature(meeting):
    SignatureFactory(meeting=meeting, person__name="Signerande Ordförande")
    return "Signerande Ordförande"


def _rename_body(meeting):
    meeting.body.name = "Nytt namn på organet"
    meeting.body.save()
    return "Nytt namn på organet"


def _publish_next_meeting(meeting):
    MeetingFactory(body=meeting.body, date=datetime.date(2024, 4, 12), published=True)
    return "2024-04-12"


def _adjuster(meeting):
    meeting.adjusters.add(PersonFactory(name="Justerande Ledamot"))
    return "Justerande Ledamot"


@pytest.mark.parametrize(
    "change",
    [
        _edit_decision,
        _add_presenter,
        _add_link,
        _add_attendance,
        _add_signature,
        _rename_person,
        _rename_party,
        _rename_body,
        _publish_next_meeting,
        _adjuster,
    ],
)
def test_a_change_on_the_page_makes_a_new_version(client, meeting, change):
    """Whatever a correction writes, the cached page and the browser's copy are replaced at once."""
    before, _ = _get(client, meeting.get_absolute_url())
    expected = change(meeting)
    after, _ = _get(client, meeting.get_absolute_url(), if_none_match=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert expected in after.content.decode()


def test_paragraph_page_is_cached_and_revalidated(client, meeting):
    item = meeting.items.get(position=5)
    _first, cold = _get(client, item.get_absolute_url())
    second, warm = _get(client, item.get_absolute_url())
    assert "Beslut 5." in second.content.decode() and warm == 1 < cold
    assert _get(client, item.get_absolute_url(), if_none_match=second["ETag"])[0].status_code == 304
    _edit_decision_of(item, "Nytt beslut i paragrafen.")
    third, _ = _get(client, item.get_absolute_url(), if_none_match=second["ETag"])
    assert third.status_code == 200 and "Nytt beslut i paragrafen." in third.content.decode()


def _edit_decision_of(item, text):
    decision = item.decisions.first()
    decision.text = text
    decision.save()


def test_signed_in_users_get_no_cached_page(client, meeting, secretary):
    client.force_login(secretary)
    _first, cold = _get(client, meeting.get_absolute_url())
    second, warm = _get(client, meeting.get_absolute_url())
    assert "ETag" not in second and warm == cold


def test_each_visitor_gets_their_own_csrf_token(client, meeting):
    """The cached part holds no token: the language switch works for every visitor."""
    from django.test import Client

    client.get(meeting.get_absolute_url())
    other = Client(enforce_csrf_checks=True)
    html = other.get(meeting.get_absolute_url()).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = other.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def test_pages_are_shared_through_redis(client, meeting, settings):
    """With CACHE_URL (Redis), a page rendered by one app server is served by the others."""
    if not _redis_reachable():
        if os.environ.get("CI"):
            pytest.fail("Redis is not reachable at 127.0.0.1:6379 in CI.")
        pytest.skip("Redis is not reachable at 127.0.0.1:6379.")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
    from django.core.cache import cache

    cache.clear()
    _, cold = _get(client, meeting.get_absolute_url())
    _, warm = _get(client, meeting.get_absolute_url())
    assert warm == 1 < cold
    assert any(
        key.startswith(b":1:page:") or b"page:meeting" in key
        for key in cache._cache.get_client().keys(f"test-{os.getpid()}*")
    )
    cache.clear()


def test_withdrawing_a_neighbour_makes_a_new_version(client, meeting):
    """The page links to the body's next meeting; when that is withdrawn, the link goes at once."""
    following = MeetingFactory(body=meeting.body, date=datetime.date(2024, 5, 3), published=True)
    before, _ = _get(client, meeting.get_absolute_url())
    assert following.get_absolute_url() in before.content.decode()
    following.status = "draft"
    following.save()
    after, _ = _get(client, meeting.get_absolute_url(), if_none_match=before["ETag"])
    assert after.status_code == 200 and following.get_absolute_url() not in after.content.decode()
