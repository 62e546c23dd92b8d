"""The digital notice board /anslagstavla/: posted protocols whose appeal period runs, and an archive."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from meetings import selectors, services
from meetings.models import Meeting

from .factories import BodyFactory, MeetingFactory, PersonFactory

TODAY = datetime.date(2026, 12, 18)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def _posted(body, posted_on, **kwargs) -> Meeting:
    return MeetingFactory(
        body=body,
        date=posted_on - datetime.timedelta(days=7),
        status=Meeting.Status.PUBLISHED,
        adjusted_on=posted_on,
        posted_on=posted_on,
        **kwargs,
    )


def test_the_board_lists_running_appeal_periods_and_archives_the_rest(client, db, today):
    body = BodyFactory(name="Styrgruppen", protocols_kept_at="Göteborgsregionens kansli")
    # Posted 3 December: three weeks end on julafton, so the period runs to Monday 28 December.
    running = _posted(body, datetime.date(2026, 12, 3))
    kept_elsewhere = _posted(body, datetime.date(2026, 12, 10), kept_at="Stadshuset, Mölndal")
    ended = _posted(body, datetime.date(2026, 11, 20))  # ended Friday 11 December
    future = _posted(body, datetime.date(2026, 12, 21))  # not public before 21 December
    draft = MeetingFactory(body=body, date=datetime.date(2026, 12, 1))
    response = client.get(reverse("meetings:notice_board"))
    assert response.status_code == 200
    html = response.content.decode()
    current, archive = html.split('id="archive-title"')
    assert running.get_absolute_url() in current and kept_elsewhere.get_absolute_url() in current
    assert 'datetime="2026-12-28"' in current  # not 24 December
    assert "Göteborgsregionens kansli" in current and "Stadshuset, Mölndal" in current
    assert ended.get_absolute_url() in archive and ended.get_absolute_url() not in current
    for hidden in (future, draft):
        assert hidden.get_absolute_url() not in html
    # Soonest end first.
    assert current.index(running.get_absolute_url()) < current.index(kept_elsewhere.get_absolute_url())


def test_the_archive_is_paginated(client, db, today):
    body = BodyFactory()
    for week in range(60):
        _posted(body, datetime.date(2025, 1, 6) + datetime.timedelta(weeks=week))
    first = client.get(reverse("meetings:notice_board")).content.decode()
    assert first.count("<tr>") == 51  # the archive's heading row and 50 notices
    assert 'rel="next" href="?page=2#archive-title"' in first
    second = client.get(reverse("meetings:notice_board"), {"page": 2}).content.decode()
    assert second.count("<tr>") == 11
    assert client.get(reverse("meetings:notice_board"), {"page": "x"}).status_code == 200


def test_a_protocol_posted_after_a_view_is_on_the_board_at_once(client, db, today):
    """The board is kept per version of the archive: posting makes a new version."""
    body = BodyFactory()
    _posted(body, datetime.date(2026, 12, 1))
    client.get(reverse("meetings:notice_board"))
    meeting = MeetingFactory(body=body, date=datetime.date(2026, 12, 10), chair=PersonFactory())
    meeting.adjusters.add(PersonFactory())
    assert meeting.get_absolute_url() not in client.get(reverse("meetings:notice_board")).content.decode()
    services.meeting_adjust(meeting=meeting, adjusted_on=datetime.date(2026, 12, 14))
    services.meeting_post(meeting=meeting, posted_on=datetime.date(2026, 12, 15))
    current = client.get(reverse("meetings:notice_board")).content.decode().split('id="archive-title"')[0]
    assert meeting.get_absolute_url() in current


def test_the_board_is_linked_from_every_page(client, db):
    assert reverse("meetings:notice_board") in client.get(reverse("meetings:home")).content.decode()


def test_a_posted_protocols_page_shows_the_end_of_its_appeal_period(client, db, today):
    meeting = _posted(BodyFactory(), datetime.date(2026, 12, 3))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert '<time datetime="2026-12-28">28 december 2026</time>' in html


def test_the_board_reads_the_posted_protocols_latest_first_from_their_index(db, today):
    """The archive's pages and the running periods read ``meeting_posted_on_idx``: at 80,000 posted
    protocols a sort of all of them cost 50 ms a page. On a table this small a scan or a sort is
    cheaper, so the planner is told to avoid both where it can: what is left is the index."""
    body = BodyFactory()
    for days in range(0, 60, 3):
        _posted(body, TODAY - datetime.timedelta(days=days))
    _current, archive = selectors.notice_board()
    recent = Meeting.objects.filter(posted_on__gte=TODAY - datetime.timedelta(days=28)).order_by()
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_meeting")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        for query in (archive[:20], archive[40:60], recent):
            sql, params = query.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert all("meeting_posted_on_idx" in plan for plan in plans), plans
