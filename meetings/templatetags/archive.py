import re
from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from meetings.excerpts import HIGHLIGHT_START, HIGHLIGHT_STOP, highlighted_html
from meetings.models import WEB_URL_SCHEMES

register = template.Library()

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


@register.filter
def highlight(value):
    """A SearchHeadline result as HTML: everything escaped, only the highlight marks become <mark>."""
    return highlighted_html(value)


@register.filter
def plain(value):
    """A SearchHeadline result without its highlight marks."""
    return (value or "").replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, "")


@register.filter
def web_url(value):
    """The address when it is a web address (http or https), else "": never a javascript: href."""
    value = (value or "").strip()
    return value if urlsplit(value).scheme.lower() in WEB_URL_SCHEMES else ""


def _label_key(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _bullet_keys(text: str) -> set[str]:
    return {_label_key(_BULLET.sub("", line)) for line in (text or "").splitlines() if _BULLET.match(line)}


@register.filter
def unlisted_links(item):
    """The item's links that its summary or discussion does not name as a bullet of its own (those
    bullets become the links, see :func:`richtext`), so that no report is listed twice."""
    named = _bullet_keys(item.summary) | _bullet_keys(item.discussion)
    return [link for link in item.links.all() if _label_key(link.label) not in named]


def _bullet_html(text: str, links: dict):
    href = links.get(_label_key(text))
    if href:
        return format_html('<li><a href="{}" rel="noopener">{}</a></li>', href, text)
    return format_html("<li>{}</li>", text)


@register.filter
def richtext(value, links=None):
    """Plain record text as paragraphs and bullet lists, escaped: lines starting with - or • are bullets.

    With ``links`` (an item's links), a bullet that is exactly a link's label becomes that link.
    """
    by_label = {_label_key(link.label): web_url(link.url) for link in links or () if link.label}
    blocks = []
    bullets: list[str] = []
    paragraph: list[str] = []

    def flush_paragraph():
        if paragraph:
            blocks.append(format_html("<p>{}</p>", " ".join(paragraph)))
            paragraph.clear()

    def flush_bullets():
        if bullets:
            items = mark_safe("".join(_bullet_html(b, by_label) for b in bullets))
            blocks.append(format_html("<ul>{}</ul>", items))
            bullets.clear()

    for line in (value or "").splitlines():
        if not line.strip():
            flush_paragraph()
            flush_bullets()
        elif _BULLET.match(line):
            flush_paragraph()
            bullets.append(_BULLET.sub("", line).strip())
        elif bullets and line.startswith(("  ", "\t")):
            bullets[-1] += " " + line.strip()
        else:
            flush_bullets()
            paragraph.append(line.strip())
    flush_paragraph()
    flush_bullets()
    return mark_safe("\n".join(blocks))  # every piece built with format_html
