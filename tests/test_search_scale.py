"""Search that costs what the user sees: bounded counts and ranking, filter-only lists, the person filter."""

import datetime
import re

import pytest

from meetings import selectors
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _html(client, **params) -> str:
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def year_of_meetings():
    """Twelve monthly meetings of one body, each with a paragraph about kompetens, oldest first."""
    body = BodyFactory(slug="styrgruppen")
    meetings = [
        MeetingFactory(body=body, date=datetime.date(2022, month, 10), published=True)
        for month in range(1, 13)
    ]
    items = [
        AgendaItemFactory(
            meeting=meeting, number=100 + n, position=1, title=f"Punkt {n}", summary="Om kompetens."
        )
        for n, meeting in enumerate(meetings, start=1)
    ]
    return meetings, items


def test_count_is_capped_and_ranking_is_among_the_newest(client, year_of_meetings, monkeypatch):
    """Beyond the bound the page says "more than", and ranks the newest matches by relevance."""
    meetings, _items = year_of_meetings
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    # The best match (the word in the title) in one of the five newest meetings comes first.
    AgendaItemFactory(meeting=meetings[9], number=500, position=2, title="Kompetens i titeln", summary="")
    html = _html(client, q="kompetens")
    assert "Fler än 5 träffar" in html
    assert html.index("i titeln") < html.index("Punkt 12")
    # Older matches are outside the bound: searching with more words or a filter finds them.
    assert "Punkt 1</a>" not in html
    assert "Punkt 1</a>" in _html(client, q="kompetens", year="2022", date_to="2022-01-31")


def test_equal_ranks_show_the_newest_meeting_first_then_the_agenda_order(
    client, year_of_meetings, monkeypatch
):
    meetings, _items = year_of_meetings
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    AgendaItemFactory(
        meeting=meetings[11], number=600, position=2, title="Andra punkten", summary="Om kompetens."
    )
    AgendaItemFactory(meeting=meetings[7], number=700, position=2, title="Titelns kompetens", summary="")
    html = _html(client, q="kompetens")
    # The best rank first, then the same rank newest first and in the agenda's order; the newest
    # five matches only (the title match is the sixth newest: outside the bound).
    shown = ["Punkt 12<", "Andra punkten", "Punkt 11<", "Punkt 10<", "Punkt 9<"]
    assert [html.index(title) for title in shown] == sorted(html.index(title) for title in shown)
    assert "Titelns" not in html and "Fler än 5 träffar" in html


def test_deep_pages_are_bounded_with_a_note(client, year_of_meetings, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    monkeypatch.setattr(selectors, "RESULTS_PER_PAGE", 2)
    html = _html(client, q="kompetens", page="50")
    assert 'class="notice"' in html and "sista sidan, 3, visas" in html
    assert "lägg till ett ord eller ett filter" in html


def test_exact_count_below_the_bound(client, year_of_meetings):
    assert "12 träffar" in _html(client, q="kompetens")


def test_filters_alone_list_newest_first(client, year_of_meetings):
    """/sok/?person=… (the person page's own link) and /sok/?kind=… list paragraphs without a word."""
    meetings, items = year_of_meetings
    person = PersonFactory(name="Ove Dröscher", slug="ove-droscher")
    AttendanceFactory(meeting=meetings[2], person=person)
    AttendanceFactory(meeting=meetings[7], person=person)
    html = _html(client, person="ove-droscher")
    assert "2 träffar" in html
    assert html.index("Punkt 8") < html.index("Punkt 3")
    DecisionFactory(agenda_item=items[4], kind="assignment", text="GR får i uppdrag att utreda.")
    html = _html(client, kind="assignment")
    assert "1 träff" in html and "Punkt 5" in html
    # The person page links to exactly this search.
    assert "/sok/?person=ove-droscher" in client.get(person.get_absolute_url()).content.decode()


def test_person_filter_takes_meetings_attended_and_paragraphs_presented(client, year_of_meetings):
    meetings, items = year_of_meetings
    official = PersonFactory(name="Lena Tjänsteman", slug="lena-tjansteman")
    AttendanceFactory(meeting=meetings[1], person=official)
    AttendanceFactory(meeting=meetings[3], person=official, present=False)
    html = _html(client, person="lena-tjansteman")
    assert "1 träff" in html and "Punkt 2<" in html and "Punkt 4<" not in html

    items[9].presenters.add(official)  # presented at a meeting she is not listed for
    html = _html(client, person="lena-tjansteman")
    assert "2 träffar" in html and "Punkt 2<" in html and "Punkt 10<" in html and "Punkt 4<" not in html

    guest = PersonFactory(name="Gäst Föredragande", slug="gast")  # presented only
    items[5].presenters.add(guest)
    html = _html(client, person="gast")
    assert "1 träff" in html and "Punkt 6<" in html


def test_person_filter_takes_a_typed_name_without_javascript(client, year_of_meetings):
    meetings, _items = year_of_meetings
    person = PersonFactory(name="Sara Nordenhielm", alternative_names=["Sara Nordenhjelm"])
    AttendanceFactory(meeting=meetings[0], person=person)
    for typed in ["Sara Nordenhielm", "sara nordenhjelm", person.slug]:
        html = _html(client, q="kompetens", person=typed)
        assert "1 träff" in html and "Punkt 1" in html
    html = _html(client, q="kompetens", person="Ingen Alls")
    assert 'class="notice"' in html and "Ingen Alls" in html and "12 träffar" in html


def test_person_filter_asks_when_a_name_is_shared(client, year_of_meetings):
    meetings, _items = year_of_meetings
    first = PersonFactory(name="Anna Berg", slug="anna-berg")
    second = PersonFactory(name="Anna Berg", slug="anna-berg-2")
    AttendanceFactory(meeting=meetings[0], person=first)
    AttendanceFactory(meeting=meetings[1], person=second)
    html = _html(client, person="Anna Berg")
    assert 'class="notice"' in html and "anna-berg-2" in html
    assert "1 träff" in _html(client, person="anna-berg-2")


def test_search_form_has_no_list_of_every_person(client, year_of_meetings):
    """The filter is a text field with suggestions, so the page does not grow with the archive's people."""
    meetings, _items = year_of_meetings
    for _ in range(30):
        AttendanceFactory(meeting=meetings[0])
    html = _html(client, q="kompetens")
    assert '<select name="person"' not in html
    assert 'data-autocomplete-url="/sok/personer/"' in html and 'list="person-suggestions"' in html
    assert "js/person_autocomplete.js" in html


def test_person_suggestions_list_public_people_only(client):
    public = PersonFactory(name="Lena Holmlund")
    AttendanceFactory(meeting=MeetingFactory(published=True), person=public)
    member = PersonFactory(name="Lena Lindberg")
    MembershipFactory(person=member, body=MeetingFactory(published=True).body)
    draft_only = PersonFactory(name="Lena Hemlig")
    AttendanceFactory(meeting=MeetingFactory(), person=draft_only)
    PersonFactory(name="Lena Ingenstans")
    response = client.get("/sok/personer/", {"q": "lena"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    names = [row["name"] for row in response.json()["results"]]
    assert names == ["Lena Holmlund", "Lena Lindberg"]
    assert response.json()["results"][0]["slug"] == public.slug
    assert client.get("/sok/personer/", {"q": "l"}).json() == {"results": []}
    assert client.get("/sok/personer/", {"q": "x" * 5000}).status_code == 200


def test_person_suggestions_put_names_starting_with_the_term_first(client):
    meeting = MeetingFactory(published=True)
    for name in ["Karin Ek", "Ek Andersson", "Maria Ekberg"]:
        AttendanceFactory(meeting=meeting, person=PersonFactory(name=name))
    names = [row["name"] for row in client.get("/sok/personer/", {"q": "ek"}).json()["results"]]
    assert names[0] == "Ek Andersson" and set(names) == {"Karin Ek", "Ek Andersson", "Maria Ekberg"}


def _suggested(client, term: str) -> list[str]:
    response = client.get("/sok/personer/", {"q": term})
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


def test_person_suggestions_match_the_beginnings_of_words_of_every_spelling(client):
    """Each typed word starts a word of the name or of a recorded spelling, in any order and case."""
    meeting = MeetingFactory(published=True)
    for name, spellings in [
        ("Anna-Karin Öberg", []),
        ("Ove Dröscher", ["Ove Dröschler"]),
        ("Karin Bergström", []),
    ]:
        AttendanceFactory(meeting=meeting, person=PersonFactory(name=name, alternative_names=spellings))
    assert _suggested(client, "öb") == ["Anna-Karin Öberg"]
    assert _suggested(client, "ÖBERG anna") == ["Anna-Karin Öberg"]
    assert _suggested(client, "Anna-Kar") == ["Anna-Karin Öberg"]
    assert _suggested(client, "kar") == ["Karin Bergström", "Anna-Karin Öberg"]  # starts first
    assert _suggested(client, "dröschl") == ["Ove Dröscher"]  # only a spelling has it
    # Inside a word is not the beginning of one: "berg" starts Bergström, not Öberg.
    assert _suggested(client, "berg") == ["Karin Bergström"]
    # Text search syntax typed by the user is text, never an error.
    for term in ["':* & !", "o'", "a & b | !c", "((", "\\"]:
        assert client.get("/sok/personer/", {"q": term}).status_code == 200


def test_person_suggestions_look_up_the_names_index(client):
    """The suggestions read the index on the names' words, not every person."""
    from django.db import connection

    from members.models import Person

    PersonFactory(name="Stina Stressberg")
    query = Person.objects.name_words_start("stina").values("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "person_names_search_idx" in plan


@pytest.fixture
def phrases_over_the_years():
    """Paragraphs with "psykisk hälsa" from 2005 to 2024, thick in the last years and thin before, and
    decoys holding both words in another order, newest of all."""
    body = BodyFactory(slug="socialnamnden")
    dates = [datetime.date(2005, 3, 1), datetime.date(2011, 9, 1)]
    dates += [datetime.date(2020, month, 1) for month in (2, 6)]
    dates += [datetime.date(2023, month, day) for month in range(1, 13) for day in (3, 17)]
    dates += [datetime.date(2024, month, 5) for month in range(1, 7)]
    for n, date in enumerate(dates):
        meeting = MeetingFactory(body=body, date=date, published=True)
        AgendaItemFactory(
            meeting=meeting, position=1, title=f"Insats {n}", summary="Om psykisk hälsa hos unga."
        )
    decoy = MeetingFactory(body=body, date=datetime.date(2024, 8, 1), published=True)
    AgendaItemFactory(
        meeting=decoy, position=1, title="Lokaler", summary="Hälsa på i den psykisk stödenheten."
    )
    return dates


@pytest.mark.parametrize("limit", [1, 5, 20, 31, 33, 100])
@pytest.mark.parametrize("estimate", [1, 40, 400, 40_000])
def test_a_phrase_takes_the_newest_matches_a_range_of_dates_at_a_time(
    phrases_over_the_years, monkeypatch, limit, estimate
):
    """Whatever the estimate and so the ranges, the rows are the newest matches, as one query over
    the archive would give."""
    from meetings.search import build_tsquery

    monkeypatch.setattr(selectors, "_estimated_rows", lambda term: estimate)
    compiled = build_tsquery('"psykisk hälsa"')
    assert compiled.phrase_words == ["'psykisk'", "'hälsa':*"]
    ranked = selectors.search_items(compiled=compiled).values_list("pk", "meeting_date")
    expected = list(ranked.order_by("-meeting_date", "-pk")[:limit])

    assert selectors._newest_by_windows(ranked, compiled=compiled, limit=limit) == expected
    assert len(expected) == min(limit, len(phrases_over_the_years))


def test_a_phrase_search_counts_and_ranks_within_the_bound(client, phrases_over_the_years, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    html = _html(client, q='"psykisk hälsa"')
    assert "Fler än 5 träffar" in html
    assert "Insats 31" in html and "Lokaler" not in html  # the newest match; the decoy is no match
    assert "Insats 0<" not in html  # 2005: outside the bound
    assert "Insats 0<" in _html(client, q='"psykisk hälsa"', year="2005")


def test_the_estimate_of_a_word_is_the_planners(phrases_over_the_years):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")
    common, absent = selectors._estimated_rows("'psykisk'"), selectors._estimated_rows("'zyxwvuq'")
    assert 25 <= common <= 40 and absent < common  # 32 of the 33 paragraphs hold it


def test_the_estimate_of_all_paragraphs_is_the_planners(phrases_over_the_years):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")
    assert selectors.paragraphs_estimate() == 35


def test_a_phrase_searched_again_takes_its_estimates_from_the_cache(client, phrases_over_the_years):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def search(text):
        with CaptureQueriesContext(connection) as context:
            html = _html(client, q=text)
        return html, [query["sql"] for query in context.captured_queries]

    first_html, first = search('"psykisk hälsa"')
    again_html, again = search('"psykisk hälsa"')
    assert again_html.count("Insats") == first_html.count("Insats") > 0
    # Two estimates and the stop-word check the first time; none of them again.
    assert sum("EXPLAIN" in sql for sql in first) == 2 and sum("numnode" in sql for sql in first) == 1
    assert not any("EXPLAIN" in sql or "numnode" in sql for sql in again)
    _other_html, other = search('"hälsa hos"')  # other words: asked anew
    assert sum("EXPLAIN" in sql for sql in other) >= 1


def test_a_stop_word_of_a_phrase_is_not_estimated():
    assert selectors._indexed_terms(["'vård'", "'och'", "'omsorg':*"]) == ["'vård'", "'omsorg':*"]


@pytest.mark.parametrize(
    "text, loose, hits",
    [
        ('"psykisk hälsa"', True, 34),
        ('"psykisk häls"', True, 34),
        ('"hälsa psykisk"', True, 0),
        ('"psykisk hälsa" unga', True, 34),
        ('"psykisk hälsa" -unga', True, 0),
        ('"om psykisk hälsa" or lokaler', True, 35),
        ('"psykisk stödenheten"', True, 1),
        # Only stop words before the last word: the index is asked the whole query, which is the
        # last word alone (PostgreSQL drops a stop word that starts a phrase).
        ('"den psykisk"', False, 35),
        ('"och psykisk"', False, 35),
    ],
)
def test_the_looser_index_query_finds_what_the_whole_query_finds(
    phrases_over_the_years, monkeypatch, text, loose, hits
):
    from meetings.search import build_tsquery

    def found(factor: float) -> set[int]:
        monkeypatch.setattr(selectors, "LOOSE_INDEX_QUERY_FACTOR", factor)
        compiled = build_tsquery(text)
        assert selectors._loose_index_query_pays(compiled) is (loose and factor > 1)
        return set(selectors.search_items(compiled=compiled).values_list("pk", flat=True))

    assert found(1e9) == found(0.0)
    assert len(found(1e9)) == hits


@pytest.mark.parametrize(
    "text, estimate, asks_whole_phrase",
    [
        # "psykisk" is in 32 paragraphs, "psykisk stödenheten" in one: said to be common (40,000),
        # the first word's matches in the first range are far fewer than it should give.
        ('"psykisk stödenheten"', 40_000, True),
        # Said to be as rare as it is, the words are taken to go together: the looser query stays.
        ('"psykisk stödenheten"', 33, False),
    ],
)
@pytest.mark.parametrize("filtered", [False, True], ids=["words-alone", "filtered"])
def test_a_phrase_whose_words_seldom_go_together_asks_the_index_for_the_whole_phrase(
    phrases_over_the_years, monkeypatch, text, estimate, asks_whole_phrase, filtered
):
    """After the first range of dates, if the looser index query (the words but the last) gave
    many more paragraphs than matches, the rest is asked with the whole phrase; not with filters,
    which make the matches fewer for another reason. The rows are the same newest matches."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.search import build_tsquery

    monkeypatch.setattr(selectors, "_estimated_rows", lambda term: estimate)
    monkeypatch.setattr(selectors, "LOOSE_INDEX_QUERY_FACTOR", 1e9)  # the looser query, always
    compiled = build_tsquery(text)
    assert selectors._loose_index_query_pays(compiled)
    ranked = selectors.search_items(compiled=compiled).values_list("pk", "meeting_date")
    expected = list(ranked.order_by("-meeting_date", "-pk")[:40])
    with CaptureQueriesContext(connection) as context:
        rows = selectors._newest_by_windows(ranked, compiled=compiled, limit=40, filtered=filtered)
    assert rows == expected and len(rows) == (1 if "stödenheten" in text else 34)
    whole_phrase = re.compile(r'"search_vector" @@ \(?to_tsquery\([^)]*<->')
    asked = [bool(whole_phrase.search(query["sql"])) for query in context.captured_queries]
    assert any(asked) is (asks_whole_phrase and not filtered)


@pytest.mark.parametrize(
    "found, seldom", [(0, True), (700, True), (799, True), (800, False), (1_000, False), (3_000, False)]
)
def test_words_seldom_go_together_when_the_matches_are_under_a_fifth_of_what_the_index_gave(found, seldom):
    """A tenth of the archive read, "barn" said to be in 40,000 paragraphs: about 4,000 of them
    checked. Under a fifth of those matching, the words seldom go together."""
    from meetings.search import build_tsquery

    compiled = build_tsquery('"barn och unga"')
    compiled.estimates = {"'barn'": 40_000.0, "'unga':*": 30_000.0}
    assert selectors._words_seldom_together(compiled, found=found, share=0.1) is seldom


@pytest.mark.parametrize("filtered", [False, True], ids=["words-alone", "filtered"])
def test_a_word_found_in_more_paragraphs_than_the_bound_is_read_a_range_of_dates_at_a_time(
    phrases_over_the_years, monkeypatch, filtered
):
    """Estimated in several times the paragraphs the bound holds, a word's newest matches are taken
    a range of dates at a time (not with filters, which make them fewer, nor when the word is in
    more than a twentieth of the paragraphs, which the date index finds at once): the same page,
    order and count as one query over the archive."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.search import build_tsquery

    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    monkeypatch.setattr(selectors, "paragraphs_estimate", lambda: 1_000_000)
    compiled = build_tsquery("psykisk")

    def search(estimate: float):
        monkeypatch.setattr(selectors, "_estimated_rows", lambda term: estimate)
        cache.clear()  # the estimate is kept per query
        with CaptureQueriesContext(connection) as context:
            ids = selectors.search_result_ids(
                items=selectors.searchable_items(),
                compiled=compiled,
                sort=selectors.Sort.RELEVANCE,
                filtered=filtered,
            )
            page = ids[0:5]
        ranges = sum('"meeting_date" >=' in query["sql"] for query in context.captured_queries)
        return page, ids.count_info, ranges

    one_query, few, by_ranges, common = search(4), search(20), search(40_000), search(60_000)
    assert one_query[2] == few[2] == common[2] == 0 and (by_ranges[2] > 0) is not filtered
    assert by_ranges[:2] == one_query[:2] == few[:2] == common[:2]
    assert one_query[1] == selectors.SearchCount(value=5, more=True)
    assert len(set(one_query[0])) == 5


@pytest.mark.parametrize(
    "filters, found",
    [
        ({"body": "socialnamnden"}, 35),
        ({"body": "other"}, 1),
        ({"organisation": "region"}, 35),
        ({"year": "2023"}, 24),
        ({"date_from": "2023-06-01", "date_to": "2023-12-31"}, 14),
    ],
)
def test_the_body_and_date_filters_read_the_paragraphs_own_copy_of_the_meeting(
    phrases_over_the_years, filters, found
):
    """A body, an organisation, a year or dates narrow the paragraphs by their copy of the meeting's
    body and date, without joining the meetings, and keep what the meeting itself says."""
    from django.http import QueryDict

    from meetings.filters import SearchFilterSet
    from meetings.models import AgendaItem, Meeting
    from members.models import Organisation

    Organisation.objects.filter(bodies__slug="socialnamnden").update(slug="region")
    other = BodyFactory(slug="other", organisation__name="Annan kommun")
    AgendaItemFactory(
        meeting=MeetingFactory(body=other, date=datetime.date(2019, 5, 5), published=True), title="Budget"
    )
    data = QueryDict(mutable=True)
    data.update(filters)
    filterset = SearchFilterSet(SearchFilterSet.data_of(data), queryset=selectors.searchable_items())
    assert filterset.narrows_by_row
    joined = {join.table_name for join in filterset.qs.query.alias_map.values()}
    assert Meeting._meta.db_table not in joined

    by_meeting = AgendaItem.objects.all()
    if "body" in filters:
        by_meeting = by_meeting.filter(meeting__body__slug=filters["body"])
    if "organisation" in filters:
        by_meeting = by_meeting.filter(meeting__body__organisation__slug=filters["organisation"])
    if "year" in filters:
        by_meeting = by_meeting.filter(meeting__date__year=int(filters["year"]))
    if "date_from" in filters:
        by_meeting = by_meeting.filter(meeting__date__range=(filters["date_from"], filters["date_to"]))
    assert set(filterset.qs.values_list("pk", flat=True)) == set(by_meeting.values_list("pk", flat=True))
    assert len(by_meeting) == found


def test_the_body_filter_reads_the_index_on_body_and_date(phrases_over_the_years):
    """A body's paragraphs newest first are on agendaitem_body_date_idx."""
    from django.db import connection
    from django.http import QueryDict

    from meetings.filters import SearchFilterSet

    other = MeetingFactory(body=BodyFactory(), date=datetime.date(2024, 9, 1), published=True)
    AgendaItemFactory.create_batch(200, meeting=other)

    filterset = SearchFilterSet(QueryDict("body=socialnamnden"), queryset=selectors.searchable_items())
    newest = filterset.qs.order_by("-meeting_date", "-pk")[:10]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = newest.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "agendaitem_body_date_idx" in plan, plan


@pytest.mark.parametrize(
    "filters, estimate, per_row, by_ranges",
    [
        ({}, 40_000, False, True),
        ({"kind": "assignment"}, 40_000, False, True),
        ({"body": "socialnamnden"}, 40_000, True, False),
        ({"year": "2023"}, 40_000, True, False),
        ({"year": "2023"}, 1, False, True),  # the index gives fewer paragraphs than the year holds
    ],
)
def test_a_phrase_filtered_by_a_body_or_a_year_is_checked_on_their_paragraphs(
    client, phrases_over_the_years, monkeypatch, filters, estimate, per_row, by_ranges
):
    """A phrase is read from the search index a range of dates at a time, unless a body or a year
    leaves fewer paragraphs than the index would give: then each of them is checked in one query,
    and the index is not asked. Either way the page shows the newest matches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    monkeypatch.setattr(selectors, "_estimated_rows", lambda term: estimate)
    with CaptureQueriesContext(connection) as context:
        html = _html(client, q='"psykisk hälsa"', **filters)
    searches = [query["sql"] for query in context.captured_queries if "ts_rank" in query["sql"]]
    assert searches
    ranges = [sql for sql in searches if "AS matches" in sql]  # see selectors._newest_rows
    assert bool(ranges) is by_ranges
    assert all(("@@" in sql) is not per_row for sql in searches)
    if "kind" in filters:  # no paragraph has a decision
        assert "Insats" not in html
        return
    shown = re.findall(r"Insats (\d+)<", html)
    newest = 33 if "year" not in filters else 27  # the last of 2024, of 2023
    assert shown == [str(n) for n in range(newest, newest - 5, -1)] and "Fler än 5 träffar" in html


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("words", ["psykisk", "hälsa unga", '"psykisk hälsa"', "insats"])
def test_words_checked_on_each_filtered_paragraph_find_what_the_index_finds(
    phrases_over_the_years, monkeypatch, words, sort
):
    """The same ids in the same order, and the same count, whether a body's paragraphs are each
    checked against the words or the search index is asked for them."""
    from django.http import QueryDict

    from meetings.filters import SearchFilterSet
    from meetings.search import build_tsquery

    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 7)
    compiled = build_tsquery(words)
    filterset = SearchFilterSet(
        QueryDict(f"body=socialnamnden&sort={sort}"), queryset=selectors.searchable_items()
    )

    def search(per_row: bool):
        monkeypatch.setattr(selectors, "_words_checked_per_row", lambda items, compiled: per_row)
        ids = selectors.search_result_ids(
            items=filterset.qs, compiled=compiled, sort=sort, filtered=True, filtered_by_row=True
        )
        return ids[0:7], ids.count_info

    checked, indexed = search(True), search(False)
    assert checked == indexed
    assert len(checked[0]) == min(7, 35 if words == "insats" else 33)


def test_a_body_of_many_paragraphs_asks_the_search_index(client, phrases_over_the_years, monkeypatch):
    """Beyond :data:`selectors.PER_ROW_MAX_ITEMS` paragraphs a body's are not checked one by one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(selectors, "_estimated_rows", lambda term: 40_000)
    monkeypatch.setattr(selectors, "PER_ROW_MAX_ITEMS", 20)  # the body has 35
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")  # the planner's estimate of the body's 35
    with CaptureQueriesContext(connection) as context:
        html = _html(client, q="psykisk", body="socialnamnden")
    searches = [query["sql"] for query in context.captured_queries if "ts_rank" in query["sql"]]
    assert searches and all("@@" in sql for sql in searches)
    shown = [int(n) for n in re.findall(r"Insats (\d+)<", html)]
    assert sorted(shown, reverse=True)[:2] == [33, 32], shown  # the newest matches


def test_the_person_filter_asks_the_search_index(client, phrases_over_the_years, monkeypatch):
    """A person's paragraphs are not together on any index of the paragraphs: the words are asked of
    the search index however few the person's paragraphs are."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Meeting

    person = PersonFactory(slug="ada-svensson", name="Ada Svensson")
    for meeting in Meeting.objects.order_by("-date")[:3]:
        AttendanceFactory(meeting=meeting, person=person, present=True)
    monkeypatch.setattr(selectors, "_estimated_rows", lambda term: 40_000)
    with CaptureQueriesContext(connection) as context:
        html = _html(client, q="psykisk", person="ada-svensson")
    searches = [query["sql"] for query in context.captured_queries if "ts_rank" in query["sql"]]
    assert searches and all("@@" in sql for sql in searches)
    assert html.count("Insats") == 2  # the two newest paragraphs with the word; the decoy is third


def test_the_kind_filter_asks_the_index_on_paragraph_and_kind(phrases_over_the_years):
    """Whether a paragraph has a decision of the kind is read from decision_item_kind_idx, which
    holds both, for each paragraph the search reads."""
    from django.db import connection
    from django.http import QueryDict

    from meetings.filters import SearchFilterSet
    from meetings.models import AgendaItem, Decision
    from meetings.search import build_tsquery

    for item in AgendaItem.objects.all():
        DecisionFactory(agenda_item=item, kind=Decision.Kind.NOTED)
        DecisionFactory(agenda_item=item, kind=Decision.Kind.ASSIGNMENT, position=2)
    data = QueryDict("q=psykisk&kind=assignment")
    filterset = SearchFilterSet(data, queryset=selectors.search_items(compiled=build_tsquery("psykisk")))
    assert filterset.qs.count() == 35
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_decision")
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = filterset.qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "decision_item_kind_idx" in plan, plan
