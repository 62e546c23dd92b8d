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
