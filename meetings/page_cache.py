"""Public meeting and paragraph pages: rendered once per version, revalidated with ETag/Last-Modified.

A page's version is the ``updated_at`` of its meeting (and of the neighbouring meetings it links
to). Everything shown on a meeting page bumps that time when it is written: the meeting's own
save, and the signals in :mod:`meetings.signals` for attendance, items, decisions, links,
presenters, adjusters, signatures and the names of people, parties, organisations and bodies.
So a correction makes a new cache key and a new ETag by construction: nothing is ever deleted
from the cache, old versions expire.

Only anonymous responses are cached and given validators: a signed-in secretary may see more on
the same address. The cached part is the page's content, not the whole response, which carries
the visitor's own CSRF token (the language switch).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# Rendered pages live a day unless pushed out sooner; a new version never reuses an old key.
PAGE_TIMEOUT = 24 * 3600


def is_cacheable(request) -> bool:
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated


def page_version_key(kind: str, parts: Iterable) -> str:
    """The cache key of one version of a page in the current language."""
    text = repr((kind, get_language(), *parts))
    return f"page:{kind}:{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def render_public_page(
    request,
    *,
    template: str,
    context: dict,
    kind: str,
    version: tuple,
    last_modified: datetime.datetime,
    content: Callable[[], str],
):
    """Renders ``template`` with ``content`` (the page's main HTML, from the cache when it can be).

    ``version`` must change whenever anything that ``content`` shows changes; ``last_modified`` is
    the newest ``updated_at`` among the rows the page shows.
    """
    if not is_cacheable(request):
        return render(request, template, {**context, "content": mark_safe(content())})
    key = page_version_key(kind, version)
    etag = quote_etag(key.rsplit(":", 1)[1])
    timestamp = int(last_modified.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        return not_modified
    html = cache.get(key)
    if html is None:
        html = content()
        cache.set(key, html, PAGE_TIMEOUT)
    response = render(request, template, {**context, "content": mark_safe(html)})
    response["ETag"] = etag
    response["Last-Modified"] = http_date(timestamp)
    # Stored by browsers but revalidated each time: a correction shows at once, a 304 costs little.
    patch_cache_control(response, no_cache=True)
    return response
