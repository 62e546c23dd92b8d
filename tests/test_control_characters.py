"""Control characters (NUL among them) in an address are refused with a clear page, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import AgendaItemFactory, MeetingFactory

SEARCH_PATHS = [
    {"q": "§ 1 \x00x"},  # the paragraph reference path
    {"q": "§ 1 2022 styr\x00gruppen"},
    {"q": "kompetens\x00"},  # the text path
    {"q": "\x00"},
    {"q": "kompetens \x1b[31m"},
    {"q": "kompetens\x7f"},
    {"q": "kompetens\x85"},
    {"q": "kompetens", "body": "a\x00b"},  # every filter
    {"q": "kompetens", "organisation": "\x00"},
    {"q": "kompetens", "person": "\x00"},
    {"q": "kompetens", "party": "S\x00"},
    {"q": "kompetens", "municipality": "\x01"},
    {"q": "kompetens", "kind": "noted\x00"},
    {"q": "kompetens", "year": "2022\x00"},
    {"q": "kompetens", "date_from": "2022-01-01\x00"},
    {"q": "kompetens", "sort": "newest\x00"},
    {"q": "kompetens", "page": "1\x00"},
    {"q\x00": "kompetens"},
]


@pytest.fixture
def archive(db):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True), title="Kompetensförsörjning i regionen")
    return item


@pytest.mark.parametrize("params", SEARCH_PATHS)
def test_control_characters_in_any_search_parameter_are_refused(client, archive, params):
    response = client.get(reverse("meetings:search"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "styrtecken" in html and 'name="q"' in html  # the site's own page, in Swedish


def test_control_characters_in_other_addresses_are_refused(client, archive, admin_client):
    assert client.get("/", {"x": "\x00"}).status_code == 400
    assert client.get(archive.meeting.get_absolute_url() + "?next=%00").status_code == 400
    assert client.get("/organ/a%00b/").status_code == 400
    assert admin_client.get("/admin/meetings/meeting/", {"q": "\x00"}).status_code == 400


def test_whitespace_is_not_a_control_character(client, archive):
    """Tabs and line breaks pasted into the search box are whitespace, and searched as such."""
    response = client.get(reverse("meetings:search"), {"q": "kompetens\t\r\nregionen"})
    assert response.status_code == 200
    assert "Kompetensförsörjning" in response.content.decode()
