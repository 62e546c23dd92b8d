"""The public site in a real browser: search, filters, results to paragraphs, language, accessibility."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_from_home_and_follow_a_result_to_its_paragraph(page, site):
    page.goto(site + "/")
    page.get_by_role("searchbox").first.fill("Mini-Maria")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=Mini-Maria"))
    assert page.locator(".result mark").count() > 0
    page.locator(".result__title a").first.click()
    page.wait_for_url(re.compile(r"/organ/styrgruppen-for-social-valfard/2022/paragraf/175/$"))
    assert "Mini-Maria" in page.locator("h1").inner_text()


def test_paragraph_reference_goes_straight_to_the_paragraph(page, site):
    page.goto(site + "/")
    page.get_by_role("searchbox").first.fill("§ 105")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/2021/paragraf/105/$"))
    assert "§ 105" in page.locator("h1").inner_text()


def test_filter_and_remove_its_chip(page, site):
    page.goto(site + "/sok/?q=kompetens")
    all_hits = page.locator(".result").count()
    page.locator("summary", has_text="Filter").click()
    page.get_by_label("År").fill("2022")
    page.get_by_role("button", name="Använd filter").click()
    chip = page.locator(".chip")
    assert chip.count() == 1 and "2022" in chip.inner_text()
    assert page.locator(".result").count() < all_hits
    chip.click()
    assert page.locator(".chip").count() == 0
    assert page.locator(".result").count() == all_hits


def test_switch_language(page, site):
    page.goto(site + "/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", name="Senast publicerade sammanträden").is_visible()
    page.get_by_label("Språk").select_option("en")
    page.locator(".language-form button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Latest published meetings").is_visible()


def test_skip_link_is_the_first_stop_and_visible_on_focus(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


PAGES = [
    "/",
    "/organ/styrgruppen-for-social-valfard/",
    "/organ/styrgruppen-for-social-valfard/2022-04-22/",
    "/organ/styrgruppen-for-social-valfard/2021/paragraf/105/",
    "/organ/socialchefsnatverket/2021-12-10/",
    "/sok/?q=kompetens",
    "/sok/?q=kompetens&year=abc&body=styrgruppen-for-social-valfard",
    "/sok/?q=zzzzz",
    "/organ/",
    "/organ/styrgruppen-for-social-valfard/2022/",
    "/personer/",
    "/personer/?party=XYZ&q=ann",
    "/beslut/",
    "/beslut/?kind=assignment&year=abc",
    "/arenden/goteborgsregionen/gr-2019-456/",
    "/arenden/goteborgsregionen/",
    "/personer/lena-holmlund/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 390])
def test_no_accessibility_violations(page, site, path, width):
    """axe-core finds no WCAG 2.1 A/AA violations on the public pages, on desktop and phone widths."""
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site + path)
    assert response.status == 200
    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", [1280, 390])
def test_person_page_has_no_accessibility_violations(page, site, width):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/organ/styrgruppen-for-social-valfard/2022-04-22/")
    page.locator(".attendance a").first.click()
    page.wait_for_url(re.compile(r"/personer/"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_everything_works_without_javascript(browser, site):
    """Search, filters, paragraph references and the language switch are plain forms and links."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/")
        page.get_by_role("searchbox").first.fill("kompetens")
        page.get_by_role("button", name="Sök").first.click()
        page.wait_for_url(re.compile(r"/sok/\?q=kompetens"))
        assert page.locator(".result").count() > 0
        page.get_by_role("searchbox").first.fill("§ 175")
        page.get_by_role("button", name="Sök").first.click()
        page.wait_for_url(re.compile(r"/2022/paragraf/175/$"))
        page.get_by_label("Språk").select_option("en")
        page.locator(".language-form button").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert re.search(r"/2022/paragraf/175/$", page.url)
    finally:
        context.close()
