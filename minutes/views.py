"""The project's own error views."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

# Seconds a client should wait before trying again while the database cannot be reached: a
# restart of PostgreSQL takes a few seconds.
RETRY_AFTER_SECONDS = 10


def server_error(request):
    """The site's 500 page; 503 with Retry-After when the database cannot be reached.

    Django calls this view while the exception is being handled, so ``sys.exc_info()`` holds it.
    Both pages render without the request's context: its context processors would ask the
    database for the user.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def login_locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows instead of logging in after too many failures: 429, in the site's style."""
    return render(
        request,
        "registration/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )
