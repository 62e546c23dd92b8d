"""The decisions view (/beslut/): the decisions themselves, newest first, by kind, body, year,
person, party and words; searchable paragraphs only, bounded like the search."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import selectors
from meetings.models import Decision
from meetings.search import build_tsquery
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    PartyFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _get(client, **params) -> str:
    response = client.get("/beslut/", params)
    assert response.status_code == 200
    return response.content.decode()


def _decide(meeting, text, kind=Decision.Kind.ADOPTED, **item):
    agenda_item = AgendaItemFactory(meeting=meeting, **item)
    DecisionFactory(agenda_item=agenda_item, text=text, kind=kind)
    return agenda_item


@pytest.fixture
def archive():
    """Two bodies over two years; one confidential paragraph, one in a draft, one without a decision."""
    ks = BodyFactory(name="Kommunstyrelsen", slug="kommunstyrelsen")
    sn = BodyFactory(name="Socialnämnden", slug="socialnamnden")
    old = MeetingFactory(body=ks, date=datetime.date(2022, 3, 1), published=True)
    new = MeetingFactory(body=sn, date=datetime.date(2023, 5, 2), published=True)
    draft = MeetingFactory(body=ks, date=datetime.date(2023, 6, 1))
    anna = PersonFactory(name="Anna Andersson", slug="anna-andersson")
    AttendanceFactory(meeting=new, person=anna, party=PartyFactory(abbreviation="C"))
    _decide(
        old, "Kommunstyrelsen ger förvaltningen i uppdrag att utreda skolskjutsar.", Decision.Kind.ASSIGNMENT
    )
    _decide(old, "Budgeten för vägunderhåll fastställs.")
    _decide(
        new, "Socialnämnden ger förvaltningen i uppdrag att planera äldreboenden.", Decision.Kind.ASSIGNMENT
    )
    _decide(new, "Hemligt beslut om placering.", confidential=True, confidentiality_ground="OSL 26:1")
    _decide(draft, "Utkastbeslut om parkering.", Decision.Kind.ASSIGNMENT)
    AgendaItemFactory(meeting=new, title="Information utan beslut")
    return {"anna": anna}


def test_decisions_are_listed_newest_first_with_their_paragraph(client, archive):
    html = _get(client)
    assert html.index("planera äldreboenden") < html.index("utreda skolskjutsar")
    assert "3 paragrafer med beslut" in html
    assert "Hemligt" not in html and "Utkastbeslut" not in html
    assert "Information utan beslut" not in html
    assert "Uppdrag:" in html and "Fastställt:" in html  # each decision with its kind


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"kind": "assignment"}, ["planera äldreboenden", "utreda skolskjutsar"], ["vägunderhåll"]),
        ({"kind": "assignment", "year": "2022"}, ["utreda skolskjutsar"], ["planera äldreboenden"]),
        ({"body": "socialnamnden"}, ["planera äldreboenden"], ["skolskjutsar", "vägunderhåll"]),
        ({"person": "anna-andersson"}, ["planera äldreboenden"], ["skolskjutsar"]),
        ({"party": "C"}, ["planera äldreboenden"], ["skolskjutsar"]),
        ({"q": "vägunderhåll"}, ["vägunderhåll"], ["skolskjutsar", "äldreboenden"]),
        ({"q": "uppdrag", "year": "2023"}, ["planera äldreboenden"], ["skolskjutsar", "vägunderhåll"]),
    ],
)
def test_decisions_are_filtered(client, archive, params, shown, hidden):
    html = _get(client, **params)
    assert all(text in html for text in shown), params
    assert not any(text in html for text in hidden), params


def test_a_kind_shows_only_the_decisions_of_that_kind(client):
    meeting = MeetingFactory(published=True)
    item = AgendaItemFactory(meeting=meeting)
    DecisionFactory(agenda_item=item, position=1, text="Rapporten antecknas.", kind=Decision.Kind.NOTED)
    DecisionFactory(
        agenda_item=item, position=2, text="Förvaltningen får i uppdrag att återkomma.", kind="assignment"
    )
    assert "Rapporten antecknas." in _get(client)
    html = _get(client, kind="assignment")
    assert "återkomma" in html and "Rapporten antecknas." not in html


def test_a_filter_that_cannot_be_used_is_reported_at_its_input(client, archive):
    html = _get(client, year="abc")
    assert 'id="id_year_error"' in html and 'aria-describedby="id_year_error"' in html
    assert "planera äldreboenden" in html  # the other filters, none here, still apply


def test_decisions_are_paginated(client):
    meeting = MeetingFactory(published=True)
    for n in range(45):
        _decide(meeting, f"Beslut nummer {n:02}.", position=n + 1)
    first = _get(client)
    assert first.count('class="result decision-result"') == 20 and 'rel="next"' in first
    last = _get(client, page="3")
    assert last.count('class="result decision-result"') == 5


def test_decisions_queries_do_not_grow_with_the_rows(client):
    body = BodyFactory()

    def add(count, start):
        for n in range(count):
            meeting = MeetingFactory(
                body=body, date=datetime.date(2020, 1, 1) + datetime.timedelta(days=start + n), published=True
            )
            _decide(meeting, "Uppdraget ges.", Decision.Kind.ASSIGNMENT)

    def queries(**params):
        with CaptureQueriesContext(connection) as context:
            _get(client, **params)
        return len(context.captured_queries)

    add(2, 0)
    # The planner's estimate of the words is kept in the cache for an hour, whatever is written.
    selectors.query_estimate(build_tsquery("uppdrag"))
    few, few_filtered = queries(), queries(kind="assignment", body=body.slug, q="uppdrag")
    add(200, 10)
    assert queries() == few
    assert queries(kind="assignment", body=body.slug, q="uppdrag", page="3") == few_filtered


def test_search_results_show_the_decision_on_its_own_line_and_presenters_once(client):
    """A result reads: title, the decision, a short excerpt around the match; each name once."""
    meeting = MeetingFactory(published=True)
    presenter = PersonFactory(name="Theresa Larsen")
    item = AgendaItemFactory(
        meeting=meeting,
        title="Kompetensförsörjning i äldreomsorgen",
        summary=" ".join(["Inledande text om verksamheten."] * 20)
        + " Nämnden diskuterar rekryteringen av undersköterskor. "
        + " ".join(["Avslutande text om budgeten."] * 20),
    )
    item.presenters.add(presenter)
    DecisionFactory(agenda_item=item, text="Informationen antecknas.")
    html = client.get("/sok/", {"q": "rekryteringen"}).content.decode()
    result = html[html.index('class="result"') : html.index("</li>", html.index('class="result"'))]
    assert result.count("Theresa Larsen") == 1
    assert result.count("Informationen antecknas.") == 1
    assert 'class="result__decision"' in result
    excerpt = result[result.index('class="result__excerpt"') :]
    excerpt = excerpt[excerpt.index(">") + 1 : excerpt.index("</p>")]
    assert "<mark>rekryteringen</mark>" in excerpt
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "").split()) <= 30
