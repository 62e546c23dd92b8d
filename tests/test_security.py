"""Hardening: login throttling, Content-Security-Policy, HTTPS and HSTS, `check --deploy`, and the
site's own pages for server errors and database outages."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import MeetingFactory

LOGIN = "/admin/login/"
ROOT = Path(__file__).resolve().parent.parent


def _login_form(client) -> dict:
    """The admin login form's fields as the page renders them."""
    response = client.get(LOGIN, {"next": "/admin/"})
    assert response.status_code == 200
    return {"next": "/admin/", "csrfmiddlewaretoken": response.context["csrf_token"]}


def _log_in(client, username, password):
    return client.post(LOGIN, {**_login_form(client), "username": username, "password": password})


def _logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("sekreterare", password="rätt-lösenord-42", is_staff=True)


def test_repeated_wrong_passwords_lock_the_login_even_with_the_right_one(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _log_in(client, "sekreterare", "fel-lösenord")
        assert response.status_code == 200 and not _logged_in(client)
    assert _log_in(client, "sekreterare", "fel-lösenord").status_code == 429
    response = _log_in(client, "sekreterare", "rätt-lösenord-42")
    assert response.status_code == 429
    html = response.content.decode()
    assert "För många misslyckade inloggningar" in html and "15 minuter" in html
    assert not _logged_in(client)


def test_the_lock_is_for_that_user_name_from_that_address(client, staff, settings):
    """Someone guessing a colleague's password from elsewhere does not lock a secretary out."""
    get_user_model().objects.create_user("kollega", password="kollegans-lösenord-7", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "kollega", "fel-lösenord")
    assert _log_in(client, "sekreterare", "rätt-lösenord-42").status_code == 302
    assert _logged_in(client)
    other_address = Client(REMOTE_ADDR="192.0.2.7")
    assert _log_in(other_address, "kollega", "kollegans-lösenord-7").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "sekreterare", "fel-lösenord")
    assert _log_in(client, "sekreterare", "rätt-lösenord-42").status_code == 302
    client.post(reverse("admin:logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "sekreterare", "fel-lösenord")
    assert _log_in(client, "sekreterare", "rätt-lösenord-42").status_code == 302


@pytest.mark.parametrize("path", ["/", "/sok/?q=budget", LOGIN])
def test_pages_have_a_content_security_policy_without_inline_code(client, db, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in policy


def test_https_is_required_and_remembered(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/sok/?q=budget")
    assert response.status_code == 301 and response["Location"] == "https://testserver/sok/?q=budget"
    response = client.get("/sok/?q=budget", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_check_deploy_is_clean_with_production_settings():
    """`manage.py check --deploy` warns about nothing with the production settings (no DEBUG)."""
    # The browser tests allow async-unsafe calls in this process; production never does.
    development = ("DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in development}
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_a_server_error_is_the_sites_own_page(db, monkeypatch):
    from meetings import selectors

    def fail(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "home_latest_meetings", fail)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Något gick fel" in html and "css/site.css" in html and "style=" not in html


@pytest.fixture
def database_down(transactional_db):
    """The database server cannot be reached, as while PostgreSQL restarts; calling the fixture's
    value brings it back."""
    MeetingFactory(published=True)
    original = dict(connection.settings_dict)

    def restore():
        connection.close()
        connection.settings_dict.update(original)

    connection.close()
    connection.settings_dict["HOST"] = str(ROOT / "var" / "no-such-server")
    connection.settings_dict["PORT"] = "1"
    yield restore
    restore()


@pytest.mark.parametrize("path", ["/", "/sok/?q=budget", "/personer/nagon/", "/organ/nagot/"])
def test_a_database_outage_answers_503_with_retry_after(database_down, path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Arkivet är inte tillgängligt just nu" in html and "css/site.css" in html


def test_the_site_recovers_by_itself_after_the_outage(database_down):
    client = Client(raise_request_exception=False)
    assert client.get("/").status_code == 503
    database_down()
    assert client.get("/").status_code == 200
