"""A case followed across meetings in a real browser, and a person's attendance by year."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_a_paragraph_to_its_case_and_on_to_the_next_meeting(page, site):
    """The steering group's § 105 (2021) names its case; the case page lists it and the network's
    follow-up in December, oldest first, and leads to that paragraph."""
    page.goto(site + "/organ/styrgruppen-for-social-valfard/2021/paragraf/105/")
    page.locator(".item__case a").click()
    page.wait_for_url(re.compile(r"/arenden/goteborgsregionen/gr-2019-456/$"))
    assert page.locator("h1").inner_text() == "Ärende GR 2019/0456"
    steps = page.locator(".case-history__step")
    assert steps.count() == 2
    assert steps.locator("time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))") == [
        "2021-04-09",
        "2021-12-10",
    ]
    assert "Styrgruppen för social välfärd" in steps.nth(0).inner_text()
    assert "§ 105" in steps.nth(0).inner_text()
    assert "Förslag" in steps.nth(0).inner_text()
    assert "Socialchefsnätverket" in steps.nth(1).inner_text()
    assert "ger GR i uppdrag" in steps.nth(1).inner_text()
    page.get_by_role("navigation", name="Brödsmulor").get_by_role(
        "link", name="Ärenden hos Göteborgsregionen"
    ).click()
    page.wait_for_url(re.compile(r"/arenden/goteborgsregionen/$"))
    assert page.locator(".case-card").count() == 1
    page.locator(".case-card a").click()
    page.wait_for_url(re.compile(r"/arenden/goteborgsregionen/gr-2019-456/$"))
    steps.nth(1).locator(".case-history__title a").click()
    page.wait_for_url(re.compile(r"/organ/socialchefsnatverket/2021-12-10/punkt/6/$"))
    page.locator(".item__case a").click()
    page.wait_for_url(re.compile(r"/arenden/goteborgsregionen/gr-2019-456/$"))


def test_search_result_leads_to_the_case(page, site):
    page.goto(site + "/sok/?q=utförarregister")
    page.locator(".result__meta a", has_text="GR 2019").first.click()
    page.wait_for_url(re.compile(r"/arenden/goteborgsregionen/gr-2019-456/$"))


def test_person_page_attendance_by_year_and_decisions_presented(page, site):
    """Lena Holmlund: her meetings per body and year, linked to that year of the body, and the
    paragraphs she presented with what was decided."""
    page.goto(site + "/personer/lena-holmlund/")
    years = page.locator(".attendance-years tbody tr")
    assert years.count() >= 1
    first = years.first
    year = first.locator("td").nth(0).inner_text()
    assert re.fullmatch(r"20\d\d", year)
    assert int(first.locator("td").nth(2).inner_text()) >= 1
    presented = page.locator(".presented")
    assert presented.count() >= 1
    assert "ger GR i uppdrag" in page.locator("section", has=page.locator("#presented-title")).inner_text()
    first.locator("a").click()
    page.wait_for_url(re.compile(rf"/organ/[a-z0-9-]+/{year}/$"))
    assert year in page.locator("h1").inner_text()
