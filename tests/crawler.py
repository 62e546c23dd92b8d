"""A crawler of the public site for leak tests: follows every link, and visits extra seed addresses.

Pages and endpoints that no link reaches (a JSON endpoint, a feed, an address guessed from a
draft's § number) are covered by passing them as seeds.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Not the public site: the admin has its own access rule, static files hold no records, and the
# language switch answers POST only.
EXCLUDED_PREFIXES = ("/admin/", "/static/", "/i18n/")


@dataclass
class Visit:
    url: str
    status: int
    text: str
    location: str = ""


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("a", "link", "area") and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        elif tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self.hrefs.append(attributes.get("action") or "")


def _local(url: str, base: str) -> str | None:
    """The path and query of a link on the site itself, or None for another site or a non-page link."""
    absolute = urljoin(f"http://testserver{base}", url.strip())
    parts = urlsplit(urldefrag(absolute).url)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    path = parts.path or "/"
    if path.startswith(EXCLUDED_PREFIXES):
        return None
    return f"{path}?{parts.query}" if parts.query else path


def crawl(client, *, seeds=(), start: str = "/", limit: int = 5000) -> dict[str, Visit]:
    """Every page reachable from ``start`` and the ``seeds`` by links and redirects, by address.

    Raises AssertionError when more than ``limit`` addresses are found: a leak test that stopped
    early would pass without having looked.
    """
    queue = deque([start, *seeds])
    seen = set(queue)
    visits: dict[str, Visit] = {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        streaming = getattr(response, "streaming", False)
        body = b"".join(response.streaming_content) if streaming else response.content
        text = body.decode(response.charset or "utf-8", errors="replace")
        visit = Visit(url=url, status=response.status_code, text=text, location=response.get("Location", ""))
        visits[url] = visit
        found = [visit.location] if visit.location else []
        if content_type.startswith("text/html"):
            parser = _Links()
            parser.feed(text)
            found += parser.hrefs
        for href in found:
            local = _local(href, url)
            if local is not None and local not in seen:
                seen.add(local)
                queue.append(local)
        assert len(seen) <= limit, f"The crawl found more than {limit} addresses; raise the limit."
    return visits
