"""The scale path: database session options, a read replica for the public site, a shared cache."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from meetings.models import Meeting
from minutes import routers
from minutes.routers import PrimaryPinMiddleware, ReplicaRouter, pinned_to_primary

BASE_DIR = Path(__file__).resolve().parent.parent


def _run_python(code: str, env: dict) -> str:
    """What ``code`` prints, run by a fresh interpreter in the project with the given environment."""
    environment = {**os.environ, "SECRET_KEY": "x", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _settings_from(env: dict) -> dict:
    """DATABASES and CACHES as settings build them from the given environment."""
    code = (
        "import json, minutes.settings as s; "
        "print(json.dumps({'databases': s.DATABASES, 'caches': s.CACHES, "
        "'routers': getattr(s, 'DATABASE_ROUTERS', [])}, default=str))"
    )
    return json.loads(_run_python(code, env))


def test_replica_and_cache_come_from_the_environment():
    config = _settings_from(
        {
            "DATABASE_URL": "postgres://app@primary.example:5432/archive",
            "DATABASE_REPLICA_URL": "postgres://app@replica.example:5432/archive",
            "CACHE_URL": "redis://cache.example:6379/0",
        }
    )
    assert config["databases"]["replica"]["HOST"] == "replica.example"
    assert config["databases"]["replica"]["TEST"] == {"MIRROR": "default"}
    assert config["routers"] == ["minutes.routers.ReplicaRouter"]
    assert "jit=off" in config["databases"]["replica"]["OPTIONS"]["options"]
    assert config["caches"]["default"]["BACKEND"].endswith("RedisCache")
    assert config["caches"]["default"]["LOCATION"] == "redis://cache.example:6379/0"
    plain = _settings_from({"DATABASE_URL": "postgres://app@primary.example:5432/archive"})
    assert set(plain["databases"]) == {"default"} and plain["routers"] == []
    assert plain["caches"]["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.django_db
def test_connections_run_without_jit_and_parallel_workers_with_work_mem():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(routers, "replica_configured", lambda: True)


def test_router_reads_from_the_replica_unless_pinned(with_replica):
    router = ReplicaRouter()
    assert router.db_for_read(Meeting) == "replica"
    assert router.db_for_write(Meeting) == "default"
    with pinned_to_primary():
        assert router.db_for_read(Meeting) == "default"
    assert router.db_for_read(Meeting) == "replica"
    assert router.allow_migrate("replica", "meetings") is False
    assert router.allow_migrate("default", "meetings") is True


def test_router_without_a_replica_reads_from_the_primary():
    assert ReplicaRouter().db_for_read(Meeting) == "default"


def test_requests_that_may_write_are_pinned_to_the_primary(rf, settings, with_replica):
    seen = []
    middleware = PrimaryPinMiddleware(lambda request: seen.append(ReplicaRouter().db_for_read(Meeting)))
    middleware(rf.get("/sok/?q=vård"))
    middleware(rf.post("/i18n/setlang/"))
    signed_in = rf.get("/admin/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    middleware(signed_in)
    assert seen == ["replica", "default", "default"]


def test_the_wsgi_application_freezes_what_it_loaded():
    """What the server loads at start lives as long as the process: a full collection need not walk it."""
    code = "import gc, minutes.wsgi; print(gc.get_freeze_count())"
    output = _run_python(code, {"DATABASE_URL": "postgres://unused@127.0.0.1:1/unused"})
    assert int(output) > 50_000  # Django and the apps: a few hundred thousand objects
