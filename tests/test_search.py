"""Swedish full-text search on /sok/: matching, ranking, highlights, references, filters, bad input."""

import datetime
import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import selectors
from meetings.models import AgendaItem, Decision
from meetings.search import build_tsquery, parse_reference
from meetings.services import agenda_items_refresh_search_document
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _hits(client, **params) -> str:
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def archive():
    body = BodyFactory(name="Styrgruppen för social välfärd", slug="styrgruppen")
    m2021 = MeetingFactory(body=body, date=datetime.date(2021, 4, 9), published=True)
    m2022 = MeetingFactory(body=body, date=datetime.date(2022, 4, 22), published=True)
    kompetens = AgendaItemFactory(
        meeting=m2021,
        number=110,
        position=1,
        title="Kompetensförsörjning vård och omsorg",
        summary="Branschråd.",
    )
    DecisionFactory(agenda_item=kompetens, kind=Decision.Kind.NOTED, text="Informationen antecknas.")
    mini = AgendaItemFactory(
        meeting=m2022,
        number=175,
        position=1,
        title="Utvecklingen av Mini-Maria och motsvarande verksamheter",
        summary="Mini-Maria är en samverkan för unga med missbruk.",
    )
    DecisionFactory(
        agenda_item=mini, kind=Decision.Kind.ADOPTED, text="Styrgruppen ställer sig bakom förslaget."
    )
    return {"body": body, "m2021": m2021, "m2022": m2022, "kompetens": kompetens, "mini": mini}


def test_prefix_finds_swedish_compounds(client, archive):
    """ "kompetens" finds "Kompetensförsörjning"."""
    assert "Kompetensförsörjning" in _hits(client, q="kompetens")


def test_hyphenated_name_and_highlight(client, archive):
    html = _hits(client, q="Mini-Maria")
    assert "<mark>" in html and "Mini-Maria" in html and "1 träff" in html


def test_weights_rank_title_above_summary(archive):
    AgendaItemFactory(
        meeting=archive["m2022"], position=2, number=176, title="Annat", summary="Om kompetens."
    )
    from meetings.selectors import Sort, search_result_ids, searchable_items

    compiled = build_tsquery("kompetens")
    ids = search_result_ids(items=searchable_items(), compiled=compiled, sort=Sort.RELEVANCE)
    assert ids[0:1] == [archive["kompetens"].pk]


def test_websearch_syntax(client, archive):
    assert "Mini-Maria" not in _hits(client, q="samverkan -missbruk")
    assert "Mini-Maria" in _hits(client, q='"samverkan för unga"')
    both = _hits(client, q="branschråd or samverkan")
    assert "Mini-Maria" in both and "Kompetensförsörjning" in both


def test_new_decision_is_findable_at_once(client, archive):
    """A decision saved through the ORM (as the admin inline does) is searchable immediately."""
    DecisionFactory(
        agenda_item=archive["kompetens"],
        position=2,
        text="Styrgruppen ger GR i uppdrag att utreda lärplattformen.",
    )
    assert "Kompetensförsörjning" in _hits(client, q="lärplattform")
    Decision.objects.filter(agenda_item=archive["kompetens"], position=2).delete()
    assert "Kompetensförsörjning" not in _hits(client, q="lärplattform")


def test_bulk_created_decisions_are_findable_after_the_service(client, archive):
    item = archive["mini"]
    Decision.objects.bulk_create([Decision(agenda_item=item, position=5, text="Särskild utredningsinsats")])
    agenda_items_refresh_search_document(item_ids=[item.pk])
    assert "Mini-Maria" in _hits(client, q="utredningsinsats")


def test_presenters_are_searchable(client, archive):
    archive["mini"].presenters.add(PersonFactory(name="Ann-Sofie Isaksson"))
    assert "Mini-Maria" in _hits(client, q="Isaksson")


def test_title_edit_via_update_is_searchable(client, archive):
    AgendaItem.objects.filter(pk=archive["mini"].pk).update(title="Ungdomsmottagning")
    assert "Ungdomsmottagning" in _hits(client, q="ungdomsmottagning")


@pytest.mark.parametrize("query", ["§ 175", "§175", "175 2022", "§ 175 styrgruppen", "paragraf 175"])
def test_paragraph_reference_redirects(client, archive, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == archive["mini"].get_absolute_url()


def test_ambiguous_reference_shows_candidates(client, archive):
    other = BodyFactory(name="Annat organ", slug="annat")
    AgendaItemFactory(
        meeting=MeetingFactory(body=other, published=True), number=175, title="Andra paragrafen"
    )
    html = _hits(client, q="§ 175")
    assert "Andra paragrafen" in html and "Utvecklingen av Mini-Maria" in html
    assert client.get("/sok/", {"q": "§ 175 annat"}).status_code == 302


def test_reference_parser():
    assert parse_reference("175") is None
    assert parse_reference("kompetens") is None
    assert parse_reference("§ 175 styrgruppen 2022").year == 2022


def test_filters_combine_and_show_chips(client, archive):
    person = PersonFactory(name="Sara Nordenhielm", slug="sara")
    party = PartyFactory(abbreviation="MP")
    alingsås = OrganisationFactory(name="Alingsås", slug="alingsas")
    AttendanceFactory(meeting=archive["m2021"], person=person, party=party, organisation=alingsås)
    base = {"q": "kompetens or mini"}
    assert "Mini-Maria" not in _hits(client, **base, year="2021")
    assert "Kompetensförsörjning" not in _hits(client, **base, date_from="2022-01-01")
    assert "Kompetensförsörjning" not in _hits(client, **base, kind="adopted")
    for params in [{"person": "sara"}, {"party": "MP"}, {"municipality": "alingsas"}]:
        html = _hits(client, **base, **params)
        assert "Kompetensförsörjning" in html and "Mini-Maria" not in html
    html = _hits(client, **base, body="styrgruppen", year="2021", sort="oldest")
    assert html.count('class="chip"') == 2
    assert "?q=kompetens+or+mini&amp;year=2021&amp;sort=oldest" in html  # the body chip removes the body only
    assert "Styrgruppen för social välfärd" in html


def test_sorting(client, archive):
    html = _hits(client, q="kompetens or mini", sort="oldest")
    assert html.index("Kompetensförsörjning") < html.index("Utvecklingen av")
    html = _hits(client, q="kompetens or mini", sort="newest")
    assert html.index("Utvecklingen av") < html.index("Kompetensförsörjning")


def test_headline_escapes_html(client, archive):
    AgendaItemFactory(
        meeting=archive["m2022"],
        position=3,
        number=177,
        title="Skript",
        summary='<script>alert("x")</script> kompetens',
    )
    html = _hits(client, q="kompetens")
    assert "<script>alert" not in html


BAD_INPUTS = [
    '"',
    '"unbalanced',
    "-",
    "or",
    "or or",
    '-"',
    "&",
    "|",
    "!",
    ":*",
    "(",
    ")",
    "'",
    "\\",
    "<->",
    "§",
    "§ ",
    "§ abc",
    "kompetens & | ! ( ) :* <->",
    "'; DROP TABLE x; --",
    "ä" * 5000,
    "x " * 5000,
    "a" * 10000,
    "🙂",
    "NOT",
    "-kompetens",
    '""',
    "och",
]


@pytest.mark.parametrize("query", BAD_INPUTS)
def test_bad_queries_never_fail(client, archive, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code in (200, 302)


def test_random_input_always_compiles_to_a_valid_tsquery():
    rng = random.Random(1234)
    alphabet = "ab kompetens§\"'-!&|():*<>\\ åäö 12"
    with connection.cursor() as cursor:
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            compiled = build_tsquery(text)
            if compiled:
                cursor.execute("SELECT to_tsquery('swedish'::regconfig, %s)", [compiled.tsquery])


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2022-02-30"},
        {"date_to": "igår"},
        {"year": "abc"},
        {"year": "99999999999"},
        {"year": "2021.5"},
        {"body": "finns-inte"},
        {"person": "999999"},
        {"party": "XYZ"},
        {"municipality": "0"},
        {"kind": "nonsense"},
        {"person": "x" * 5000},
        {"sort": "sideways"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"page": "1e9"},
    ],
)
def test_bad_parameters_are_explained(client, archive, params):
    response = client.get("/sok/", {"q": "kompetens", **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice"' in html
    assert "Kompetensförsörjning" in html


def test_long_query_is_shortened_with_a_note(client, archive):
    html = _hits(client, q="kompetens " + "x" * 10000)
    assert 'class="notice"' in html


def test_empty_state_suggests_what_to_try(client, archive):
    html = _hits(client, q="zzzyyyxxx")
    assert 'class="empty"' in html and "kompetens" in html


def test_pagination(client, archive):
    for position in range(10, 60):
        AgendaItemFactory(
            meeting=archive["m2022"], position=position, number=200 + position, title=f"Kompetens {position}"
        )
    html = _hits(client, q="kompetens")
    assert 'rel="next"' in html
    assert 'rel="prev"' in _hits(client, q="kompetens", page="2")


def test_search_queries_do_not_grow_with_results(client, archive):
    def count():
        with CaptureQueriesContext(connection) as context:
            client.get("/sok/", {"q": "kompetens", "body": "styrgruppen", "sort": "newest"})
        return len(context.captured_queries)

    # The planner's estimate of the words is kept in the cache for an hour, whatever is written.
    selectors.query_estimate(build_tsquery("kompetens"))
    before = count()
    for position in range(10, 40):
        item = AgendaItemFactory(
            meeting=archive["m2022"],
            position=position,
            number=200 + position,
            title="Kompetens",
            case_number=f"KS 2022/{position}",  # a case: its link reads the case and organisation
        )
        item.presenters.add(PersonFactory())
        DecisionFactory(agenda_item=item)
    assert count() == before
    html = client.get("/sok/", {"q": "kompetens", "body": "styrgruppen", "sort": "newest"}).content.decode()
    assert "KS 2022/10</a>" in html


def test_a_result_shows_its_reference_body_date_presenters_case_and_first_decision(client, archive):
    item = AgendaItemFactory(
        meeting=archive["m2022"],
        position=2,
        number=176,
        title="Ekonomisk uppföljning <b>",
        summary="Uppföljningen av budgeten redovisas.",
        case_number="KS 2022/17",
    )
    item.presenters.add(PersonFactory(name="Örjan Ek"), PersonFactory(name="Anna Berg"))
    DecisionFactory(agenda_item=item, position=2, text="Det andra beslutet.")
    DecisionFactory(agenda_item=item, position=1, text=" ".join(f"ord{n}" for n in range(50)))

    html = _hits(client, q="uppföljning")
    results = re.findall(r'<li class="result">(.*?)</li>', html, re.S)
    assert len(results) == 1
    result = " ".join(results[0].split())
    assert (
        f'<a href="{item.get_absolute_url()}"><span class="item__ref">§ 176</span> '
        "Ekonomisk <mark>uppföljning</mark> &lt;b&gt;</a>"
    ) in result
    assert (
        'Styrgruppen för social välfärd · <time datetime="2022-04-22">22 april 2022</time>'
        " · Föredragande: Anna Berg, Örjan Ek"
        f' · Ärende <a href="{item.case_url}">KS 2022/17</a>'
    ) in result
    first_decision = " ".join(f"ord{n}" for n in range(40))
    assert f'<span class="decision-kind">Beslut:</span> {first_decision} …</p>' in result
    assert "andra beslutet" not in result
    assert '<p class="result__excerpt"><mark>Uppföljningen</mark> av budgeten redovisas.</p>' in result
