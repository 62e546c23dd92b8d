"""Public meeting and paragraph pages: rendered once per version, revalidated with ETag/Last-Modified.

A page's version is the ``updated_at`` of its meeting (and of the neighbouring meetings it links
to), read in one query. Everything shown on a meeting page bumps that time when it is written:
the meeting's own save, and the signals in :mod:`meetings.signals` for attendance, items,
decisions, links, presenters, adjusters, signatures and the names of people, parties,
organisations and bodies. So a correction makes a new cache key and a new ETag by construction:
nothing is deleted from the cache, old versions expire.

Only anonymous responses are cached and given validators: a signed-in secretary may see more on
the same address. The whole page is cached with a placeholder where the visitor's CSRF token
goes (the language switch posts a form), and each response gets the visitor's own token.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

# Rendered pages live a day unless pushed out sooner; a new version never reuses an old key.
PAGE_TIMEOUT = 24 * 3600
# Stands in for the visitor's CSRF token in a cached page; no page text contains it.
TOKEN_PLACEHOLDER = "\ue002csrf-token\ue003"


def is_cacheable(request) -> bool:
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_version_key(request, kind: str, version: tuple) -> str:
    """The cache key of one version of a page at this address in the current language.

    Today's date is part of it: what is public depends on the day (a protocol posted for a
    future date becomes public then, and a page links to its public neighbours).
    """
    # The parameters in any order are one address: a form sends its fields in the page's order,
    # a link may give them in another.
    address = (request.path, sorted(request.GET.lists()))
    text = repr((kind, address, get_language(), timezone.localdate(), *version))
    return f"page:{kind}:{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def render_public_page(
    request,
    *,
    template: str,
    context: Callable[[], dict],
    kind: str,
    version: tuple,
    last_modified: datetime.datetime,
):
    """Renders ``template`` with ``context()`` — for an anonymous visitor from the cache when it can.

    ``version`` must change whenever anything the page shows changes; ``last_modified`` is the
    newest ``updated_at`` among the rows the page shows. ``context`` is called on a cache miss only.
    """
    if not is_cacheable(request):
        return render(request, template, context())
    key = page_version_key(request, kind, version)
    etag = quote_etag(key.rsplit(":", 1)[1])
    timestamp = int(last_modified.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        return not_modified
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, {**context(), "csrf_token": TOKEN_PLACEHOLDER}, request)
        cache.set(key, html, PAGE_TIMEOUT)
    response = HttpResponse(html.replace(TOKEN_PLACEHOLDER, get_token(request)))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(timestamp)
    # Stored by browsers but revalidated each time: a correction shows at once, a 304 costs little.
    patch_cache_control(response, no_cache=True)
    return response


def render_archive_page(request, *, template: str, context: Callable[[], dict], kind: str):
    """:func:`render_public_page` for a page that lists across the archive (a body, a person, the
    people, an organisation's cases): cached per version of the whole archive
    (:mod:`meetings.archive_version`)."""
    from .archive_version import archive_version

    version = archive_version()
    return render_public_page(
        request,
        template=template,
        context=context,
        kind=kind,
        version=version.key,
        last_modified=version.last_modified,
    )
