"""The secretaries' admin in a browser: § numbers follow the body and new rows."""

import pytest
from playwright.sync_api import expect

from tests.factories import AgendaItemFactory


@pytest.fixture
def admin_page(page, live_server, admin_user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_choosing_the_body_offers_its_next_paragraph_number(admin_page, live_server):
    item = AgendaItemFactory(number=183, position=1)
    body = item.meeting.body
    admin_page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    number = admin_page.locator("input[name='items-0-number']")
    assert number.input_value() == ""
    # The body field is an autocomplete (select2): choose the body as the widget does.
    admin_page.evaluate(
        "([id, name]) => django.jQuery('#id_body').append(new Option(name, id, true, true)).trigger('change')",
        [str(body.pk), body.name],
    )
    # A web-first assertion polls from outside the page: wait_for_function would evaluate a string
    # in it, which the Content-Security-Policy forbids (no 'unsafe-eval').
    expect(number).to_have_value("184")

    admin_page.locator("#items-group .add-row a").click()
    assert admin_page.locator("input[name='items-1-number']").input_value() == "185"
    assert admin_page.locator("input[name='items-1-position']").input_value() == "2"
