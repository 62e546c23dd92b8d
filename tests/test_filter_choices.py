"""The search filters' choice lists: cached per version of the archive, never stale, never more
than the public rule allows, and rendered as the same markup a browser posts back."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings import services
from meetings.filter_choices import FastSelect, filter_choices
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
)
from tests.forms import form_fields

pytestmark = pytest.mark.django_db


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select {name}"
    return re.findall(r'<option value="([^"]*)"', select[1])


def _search(client, **params) -> str:
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_search_reads_the_choices_from_the_cache(client):
    AttendanceFactory(meeting=MeetingFactory(published=True), party=PartyFactory(abbreviation="MP"))
    with CaptureQueriesContext(connection) as first:
        _search(client, q="zyxwvuq")
    with CaptureQueriesContext(connection) as second:
        html = _search(client, q="zyxwvuq")
    assert "MP" in _options(html, "party")
    # The four lists follow the public rule through attendance and memberships; cached (with the
    # panel they fill, for a search by words alone), only the archive's version is read for them.
    assert len(second.captured_queries) <= len(first.captured_queries) - 4
    assert not any("members_party" in query["sql"] for query in second.captured_queries)


def test_publishing_a_meeting_adds_its_body_party_and_municipality_at_once(client):
    municipality = OrganisationFactory(name="Lerums kommun", slug="lerum", kind="municipality")
    body = BodyFactory(name="Utkastnämnden", slug="utkastnamnden")
    draft = MeetingFactory(
        body=body, date=timezone.localdate() - datetime.timedelta(days=10), chair=PersonFactory()
    )
    draft.adjusters.add(PersonFactory())
    AttendanceFactory(meeting=draft, party=PartyFactory(abbreviation="UTK"), organisation=municipality)
    AgendaItemFactory(meeting=draft, title="Kompetens")
    html = _search(client, q="kompetens")
    assert "utkastnamnden" not in _options(html, "body")
    assert "UTK" not in _options(html, "party") and "lerum" not in _options(html, "municipality")

    services.meeting_adjust(meeting=draft, adjusted_on=draft.date)
    services.meeting_post(meeting=draft, posted_on=timezone.localdate())
    html = _search(client, q="kompetens")
    assert "utkastnamnden" in _options(html, "body")
    assert "UTK" in _options(html, "party") and "lerum" in _options(html, "municipality")
    assert "Kompetens" in _search(client, q="kompetens", body="utkastnamnden", party="UTK")


def test_a_protocol_posted_for_tomorrow_is_no_choice_today(client):
    today = timezone.localdate()
    MeetingFactory(published=True)  # the archive is not empty
    body = BodyFactory(slug="imorgon")
    MeetingFactory(
        body=body,
        status="published",
        date=today,
        adjusted_on=today,
        posted_on=today + datetime.timedelta(days=1),
    )
    assert "imorgon" not in _options(_search(client), "body")
    assert "imorgon" not in [choice.key for choice in filter_choices()["body"]]


def test_a_membership_or_a_renamed_body_shows_without_waiting(client):
    meeting = MeetingFactory(published=True, body__name="Gamla namnet")
    html = _search(client)
    assert "Gamla namnet" in html
    party = PartyFactory(abbreviation="NYA")
    assert "NYA" not in _options(html, "party")
    MembershipFactory(body=meeting.body, party=party)
    meeting.body.name = "Nya namnet"
    meeting.body.save()
    html = _search(client)
    assert "NYA" in _options(html, "party")
    assert "Nya namnet" in html and "Gamla namnet" not in html


def test_a_chosen_filter_is_posted_back_as_rendered(client):
    """The form as a browser submits it: the chosen body stays chosen, the others are not sent."""
    meeting = MeetingFactory(published=True, body__slug="styrgruppen", body__name="Styrgruppen")
    MeetingFactory(published=True, body__slug="andra", body__name="Andra <organet>")
    AgendaItemFactory(meeting=meeting, title="Kompetens")
    html = _search(client, q="kompetens", body="styrgruppen")
    assert "Andra &lt;organet&gt;" in html
    fields = dict(form_fields(html, "role"))
    assert fields["body"] == "styrgruppen" and fields["party"] == "" and fields["q"] == "kompetens"
    again = _search(client, **fields)
    assert "Kompetens" in again and 'class="notice"' not in again


def test_an_unknown_choice_is_explained_and_ignored(client):
    AgendaItemFactory(meeting=MeetingFactory(published=True), title="Kompetens")
    html = _search(client, q="kompetens", body="finns-inte", party="XYZ")
    assert 'class="notice"' in html or "field--error" in html
    assert "Kompetens" in html


def test_fast_select_writes_the_markup_of_djangos_select():
    from django import forms
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext_lazy

    choices = [
        ("", gettext_lazy("All bodies")),
        ("a&b", "A & B"),
        ("c", "C"),
        ('q"1', "<b>'Öckerö'</b>"),
        ("safe", mark_safe("<em>redan säker</em>")),
    ]
    ours = FastSelect(choices=choices).render("body", "a&b", attrs={"id": "id_body", "aria-invalid": True})
    django = forms.Select(choices=choices).render(
        "body", "a&b", attrs={"id": "id_body", "aria-invalid": True}
    )
    assert ours.split() == django.split()


def test_person_filter_is_the_meetings_attended_and_the_items_presented(client):
    person = PersonFactory(name="Ove Dröscher", slug="ove-droscher")
    attended, missed, visited = (MeetingFactory(published=True) for _ in range(3))
    AttendanceFactory(meeting=attended, person=person, present=True)
    AttendanceFactory(meeting=missed, person=person, present=False)
    AgendaItemFactory(meeting=attended, title="Närvarande punkt")
    AgendaItemFactory(meeting=missed, title="Frånvarande punkt")
    AgendaItemFactory(meeting=visited, title="Annan punkt")
    AgendaItemFactory(meeting=visited, title="Föredragen punkt").presenters.add(person)
    html = _search(client, person="ove-droscher")
    assert "Närvarande punkt" in html and "Föredragen punkt" in html
    assert "Frånvarande punkt" not in html and "Annan punkt" not in html
    assert "2 träffar" in html


def test_the_filters_of_a_search_by_words_alone_are_in_the_visitors_language(client, settings):
    MeetingFactory(published=True, body=BodyFactory(name="Styrgruppen", slug="styrgruppen"))
    swedish = _search(client, q="budget")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _search(client, q="budget")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    again = _search(client, q="budget")

    def panel(html):
        return re.search(r'<details class="filters".*?</details>', html, re.S)[0]

    assert panel(again) == panel(swedish) != panel(english)
    for html in (swedish, english):
        assert _options(html, "body") == ["", "styrgruppen"]
    assert '<option value="" selected>Alla organ</option>' in swedish
    assert '<option value="" selected>All bodies</option>' in english and "Alla organ" not in english


def test_a_search_is_posted_back_as_rendered_twice_for_a_council(client):
    """A council of 101 members of four parties and 80 paragraphs. The panel of a search by words
    alone comes from the cache; what a browser submits from it (every field, empty, and the first
    order) must search the same and render the same form, twice; then with a party, and with a
    body, chosen from the rendered lists, twice each (the bound form; a body is a filter read from
    the paragraph's own row, whose paragraphs may each be checked against the words)."""
    from meetings.models import Meeting

    from .factories import meeting_of_size

    meeting = meeting_of_size(attendees=101, items=80)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.PUBLISHED, adjusted_on=meeting.date, posted_on=meeting.date
    )
    AgendaItemFactory(meeting=meeting, position=81, number=500, title="Budget")
    html = _search(client, q="ärende")
    fields = dict(form_fields(html, "role"))
    assert fields.pop("q") == "ärende" and fields.pop("sort") == "relevance"
    assert set(fields) == {
        "body", "organisation", "date_from", "date_to", "year", "kind", "person", "party", "municipality"
    }  # fmt: skip
    assert set(fields.values()) == {""}
    assert _options(html, "party") == ["", "C", "M", "S", "SD"]

    def results(page: str) -> int:
        assert 'class="notice"' not in page and "Budget" not in page
        assert "80 träffar" in page
        return page.count('<li class="result">')

    body = _options(html, "body")[1]
    assert body == meeting.body.slug
    for chosen in ({}, {"party": "SD"}, {"body": body}):
        submitted = dict(form_fields(html, "role")) | chosen
        for _round in range(2):
            html = _search(client, **submitted)
            assert results(html) == 20
            assert dict(form_fields(html, "role")) == submitted
            assert ('class="chips"' in html) is bool(chosen)
