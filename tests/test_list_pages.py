"""Every list page is paginated: a body's meetings (with links to each year), a person's meetings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgendaItemFactory, AttendanceFactory, BodyFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _get(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def busy_body():
    """A body with 120 published meetings over three years (40 a year) and one draft."""
    body = BodyFactory(slug="kommunstyrelsen")
    for year in (2022, 2023, 2024):
        for n in range(40):
            meeting = MeetingFactory(
                body=body, date=datetime.date(year, 1, 1) + datetime.timedelta(days=7 * n), published=True
            )
            if n == 0:
                AgendaItemFactory(meeting=meeting, position=1)
                AgendaItemFactory(meeting=meeting, position=2)
    MeetingFactory(body=body, date=datetime.date(2025, 1, 1))
    return body


def test_body_meetings_are_paginated_newest_first(client, busy_body):
    html = _get(client, busy_body.get_absolute_url())
    assert html.count('class="card__link"') == 50
    assert "(120)" in html and 'rel="next"' in html and "Sida 1 av 3" in html
    assert "2025-01-01" not in html  # the draft
    assert html.index('id="ar-2024"') < html.index('id="ar-2023"')
    last = _get(client, busy_body.get_absolute_url(), page="3")
    assert last.count('class="card__link"') == 20 and 'rel="prev"' in last
    # The oldest meeting of the first year, with its items counted.
    assert "2022-01-01" in last and "2 punkter" in last


def test_body_year_navigation_links_to_the_page_of_each_year(client, busy_body):
    html = _get(client, busy_body.get_absolute_url())
    for year in (2022, 2023, 2024):
        assert f'href="{busy_body.get_absolute_url()}{year}/"' in html
    year_page = _get(client, f"{busy_body.get_absolute_url()}2022/")
    assert year_page.count('class="card__link"') == 40 and "2 punkter" in year_page


def test_body_page_out_of_range_shows_the_last_page_with_a_note(client, busy_body):
    html = _get(client, busy_body.get_absolute_url(), page="99")
    assert 'class="notice"' in html and "Sida 3 av 3" in html
    assert 'class="notice"' in _get(client, busy_body.get_absolute_url(), page="x")


def test_body_page_queries_do_not_depend_on_the_page(client, busy_body):
    def queries(**params):
        with CaptureQueriesContext(connection) as context:
            client.get(busy_body.get_absolute_url(), params)
        return len(context.captured_queries)

    assert queries() == queries(page="3")


def test_person_meetings_are_paginated(client, busy_body):
    person = PersonFactory(name="Stina Stressberg")
    for index, meeting in enumerate(busy_body.meetings.filter(status="published").order_by("date")):
        AttendanceFactory(meeting=meeting, person=person, present=index % 10 != 0)
    html = _get(client, person.get_absolute_url())
    assert "(108)" in html and "(12)" in html
    assert 'href="?page=2#attended-title"' in html
    page_three = _get(client, person.get_absolute_url(), page="3")
    assert page_three.count("<tr>") - html.count("<tr>") == 8 - 50
    # Each list pages on its own: turning the attended list keeps the absent list's page.
    assert 'href="?absent=1&amp;page=2#attended-title"' in _get(
        client, person.get_absolute_url(), absent="1", page="1"
    )
