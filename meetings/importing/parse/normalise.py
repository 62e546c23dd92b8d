"""Normalisation: the raw text into clean lines (HTML remnants, odd spaces, doubled breaks)."""

from __future__ import annotations

import html
import re

_HTML_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h\d|/tr|p|div|h\d|tr)\b[^<>]*>", re.IGNORECASE)
_HTML_ITEM = re.compile(r"<\s*li\b[^<>]*>", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:[^()\s]{0,500})\)")
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_BULLET = re.compile(r"^(\s*)(?:[•●▪◦■□➢►\uf0b7\uf0a7*·]|[-–—](?=\s))\s*")


def text_prepare(text: str) -> list[str]:
    """Lines of the text with HTML remnants, odd spaces and doubled line breaks cleaned away."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if _HTML_TAG.search(text):
        text = _HTML_ITEM.sub("\n• ", text)
        text = _HTML_BREAK.sub("\n", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    # Markdown links from a web export, "[kort film](#)": the label is the text.
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = text.replace("\t", "    ")
    for char in "\u00a0\u2007\u202f\u2009":
        text = text.replace(char, " ")
    for char in "\u200b\ufeff\u00ad":
        text = text.replace(char, "")
    text = "".join(c for c in text if c == "\n" or c >= " " or c == "\t")
    lines = [line.rstrip() for line in text.split("\n")]
    lines = _undouble(lines)
    return [_BULLET.sub(r"\1• ", line) if line.strip() else "" for line in lines]


def _undouble(lines: list[str]) -> list[str]:
    """Undoes the empty line after every line that some PDF and web exports produce.

    Lines of spaces only are then the real paragraph breaks; single empty lines are not.
    """
    filled = sum(1 for line in lines if line.strip())
    if filled < 6:
        return [line if line.strip() else "" for line in lines]
    doubled = sum(
        1 for i in range(len(lines) - 2) if lines[i].strip() and lines[i + 1] == "" and lines[i + 2].strip()
    )
    # A wrapped sentence goes on after the empty line in lower case: the breaks are not paragraphs.
    wrapped = sum(
        1
        for i in range(len(lines) - 2)
        if lines[i].strip() and lines[i + 1] == "" and lines[i + 2].strip()[:1].islower()
    )
    if doubled < 0.6 * filled or wrapped < 0.1 * filled:
        return [line if line.strip() else "" for line in lines]
    lengths = sorted(len(line.strip()) for line in lines if line.strip() and not _URL_LINE.match(line))
    typical = lengths[len(lengths) * 3 // 4]
    result: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip():
            result.append(line)
            i += 1
            continue
        j = i
        hard = False
        while j < len(lines) and not lines[j].strip():
            hard = hard or lines[j] != ""
            j += 1
        following = lines[j].strip() if j < len(lines) else ""
        if hard or j - i >= 2:
            result.append("")
        elif (
            result
            and result[-1].rstrip().endswith((".", "!", "?", "”", '"'))
            and len(result[-1].strip()) < 0.8 * typical
            and (following[:1].isupper() or _URL_LINE.match(following))
        ):
            # A sentence ending on a short line, then a capital: the end of a paragraph.
            result.append("")
        i = j
    return result
