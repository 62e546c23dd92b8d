"""The indexes in a real browser: from the navigation to a body, a year of it and a meeting; people
filtered by party and body; and no public page wider than a phone."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_the_navigation_to_a_body_a_year_and_a_meeting(page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Organ").click()
    page.wait_for_url(re.compile(r"/organ/$"))
    page.get_by_role("link", name="Styrgruppen för social välfärd").click()
    page.wait_for_url(re.compile(r"/organ/styrgruppen-for-social-valfard/$"))
    page.get_by_role("navigation", name="År").get_by_role("link", name="2022").click()
    page.wait_for_url(re.compile(r"/organ/styrgruppen-for-social-valfard/2022/$"))
    assert page.locator("h1").inner_text() == "Styrgruppen för social välfärd 2022"
    assert page.locator(".card").count() == 1
    page.locator(".card__link").click()
    page.wait_for_url(re.compile(r"/2022-04-22/$"))
    page.get_by_role("navigation", name="Brödsmulor").get_by_role("link", name="Organ").click()
    page.wait_for_url(re.compile(r"/organ/$"))


def test_people_filtered_by_party_and_body(page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Personer").click()
    page.wait_for_url(re.compile(r"/personer/$"))
    everyone = page.locator("tbody tr").count()
    page.get_by_label("Parti").select_option("SD")
    page.get_by_label("Organ").select_option(label="Styrgruppen för social välfärd")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"party=SD"))
    rows = page.locator("tbody tr")
    assert 0 < rows.count() < everyone
    for index in range(rows.count()):
        row = rows.nth(index)
        assert row.locator("td").nth(1).inner_text() == "SD"
        assert "Styrgruppen för social välfärd" in row.locator("td").nth(2).inner_text()
    rows.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/personer/[a-z0-9-]+/$"))
    assert page.get_by_role("navigation", name="Brödsmulor").get_by_role("link", name="Personer").is_visible()


PUBLIC_PAGES = [
    "/",
    "/organ/",
    "/organ/styrgruppen-for-social-valfard/",
    "/organ/styrgruppen-for-social-valfard/2022/",
    "/organ/styrgruppen-for-social-valfard/2022-04-22/",
    "/organ/styrgruppen-for-social-valfard/2022/paragraf/175/",
    "/organ/socialchefsnatverket/",
    "/organ/socialchefsnatverket/2021-12-10/",
    "/organ/socialchefsnatverket/2021-12-10/punkt/3/",
    "/organ/samradsorgan-vastkom-vgr/2021-02-26/",
    "/organ/ledningsgrupp-for-samverkan/2026-06-04/",
    "/personer/",
    "/personer/ove-droscher/",
    "/sok/?q=kompetens",
    "/sok/?kind=assignment",
    "/sok/?q=kompetens&year=abc",
    "/beslut/",
    "/beslut/?kind=assignment",
    "/anslagstavla/",
    "/arenden/goteborgsregionen/gr-2019-456/",
    "/arenden/goteborgsregionen/",
    "/personer/lena-holmlund/",
    "/finns-inte/",
]


def test_no_public_page_scrolls_sideways_on_a_phone(page, site):
    """At 390 px every public page fits the viewport: no sideways scrolling."""
    page.set_viewport_size({"width": 390, "height": 844})
    people = []
    page.goto(site + "/personer/")
    people = [page.locator("tbody td:first-child a").nth(n).get_attribute("href") for n in range(5)]
    too_wide = {}
    for path in PUBLIC_PAGES + people:
        page.goto(site + path)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            too_wide[path] = width[0]
    assert too_wide == {}


def test_decisions_by_kind_and_year_then_to_the_paragraph(page, site):
    """Every assignment of 2021, from the navigation: the decisions, newest first, and their paragraphs."""
    page.goto(site + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Beslut").click()
    page.wait_for_url(re.compile(r"/beslut/$"))
    everything = page.locator(".decision-result").count()
    page.locator("summary", has_text="Filter").click()
    page.get_by_label("Typ av beslut").select_option("assignment")
    page.get_by_label("År").fill("2021")
    page.get_by_role("button", name="Använd filter").click()
    page.wait_for_url(re.compile(r"kind=assignment"))
    results = page.locator(".decision-result")
    assert 0 < results.count() < everything
    kinds = page.locator(".decision-kind").all_inner_texts()
    assert kinds and set(kinds) == {"Uppdrag:"}
    assert all("2021" in text for text in page.locator(".decision-result time").all_inner_texts())
    assert page.locator(".chip").count() == 2
    results.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/organ/[a-z0-9-]+/(2021/paragraf/\d+|2021-\d\d-\d\d/punkt/\d+)/$"))


def test_search_by_filters_alone_lists_paragraphs_newest_first(page, site):
    """No words, one filter: the matching paragraphs, newest first."""
    page.goto(site + "/sok/")
    page.locator("summary", has_text="Filter").click()
    page.get_by_label("Organ", exact=True).select_option(label="Styrgruppen för social välfärd")
    page.get_by_role("button", name="Använd filter").click()
    page.wait_for_url(re.compile(r"body=styrgruppen-for-social-valfard"))
    dates = page.locator(".result time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")
    assert len(dates) == 20
    assert dates == sorted(dates, reverse=True)
