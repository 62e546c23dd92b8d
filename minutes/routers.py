"""Reads of the public site from a read replica, when ``DATABASE_REPLICA_URL`` configures one.

A replica lags the primary by a moment, so everything that may write — or read what it has just
written — stays on the primary: every request that is not a GET or HEAD, every request with a
session (a signed-in secretary, the admin, the language switch), and everything inside a
transaction. Anonymous page views, the bulk of the traffic, read from the replica.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_pinned = ContextVar("database_pinned_to_primary", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not replica_configured() or _pinned.get() or connections["default"].in_atomic_block:
            return "default"
        return REPLICA

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class pinned_to_primary:
    """A context in which every read goes to the primary."""

    def __enter__(self):
        self._token = _pinned.set(True)

    def __exit__(self, *exc):
        _pinned.reset(self._token)


class PrimaryPinMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        with pinned_to_primary():
            return self.get_response(request)
