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


# Front matter of a Markdown export ("---\nkommun: …\n---") and HTML comments ("<!-- sida 3 -->").
_FRONT_MATTER = re.compile(r"\A\s*---\n(?:.*\n){0,80}?---\n")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# What a document viewer or web page puts around the protocol: never part of it.
_FURNITURE = re.compile(
    r"^\s*(?:save\s+this\s+pdf\s+as:?|word\s+png\s+txt\s+jpg|storlek:\s*px|starta\s+visningen\s+från\s+sidan:?"
    r"|transkript|full\s+text|copied!|loading\.*\s*\(view\s+fulltext\s+now\)|n/a|protected"
    r"|academic\s+year:\s*\d{4}|•?\s*no\s+results\s+found|\(\d{1,3}\)|i"
    r"|personliga\s+verktyg|hoppa\s+till\s+navigering.*|du\s+är\s+här:.*|din\s+position:.*"
    r"|expedierat/bestyrkt|sida\s+\d{1,3}\s*(?:\(\d{1,3}\)|av\s+\d{1,3})?)\s*$",
    re.IGNORECASE,
)
# A viewer's title of the document, 'Download "Protokoll 2011-09-20"': the title is kept.
_VIEWER_TITLE = re.compile(r'^\s*(?:download|share)\s+"(.*)"\s*$', re.IGNORECASE)
# Headings in a markup source: Markdown "## Titel", Typst "== Titel", LaTeX "\subsection{Titel}".
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
_TYPST_HEADING = re.compile(r"^(={1,6})\s+(\S.*?)\s*$")
_LATEX_HEADING = re.compile(r"^\s*\\((?:sub){0,2})section\*?\{(.+)\}\s*$")


# A page a PDF viewer flattened into one line: its labels and item headings start lines again.
_FLAT_LINE = 250
_FLAT_BREAK = re.compile(
    r"\s(?=(?:Plats och tid|Tid och plats|Beslutande|Övriga närvarande|Övriga deltagande|Övriga deltagare"
    r"|Närvarande, ej tjänstgörande ersättare|Ej tjänstgörande|Tjänstgörande ersättare|Utses att justera"
    r"|Utsedd att justera|Att jämte ordföranden justera|Justeringens plats|Justerade paragrafer|Paragrafer"
    r"|Underskrifter|ANSLAG/BEVIS|Bevis om anslag|BEVIS|Närvarande ledamöter|Frånvarande|Anmält förhinder"
    r"|Närvarande:|Ledamöter:|Ersättare:|Dessutom:|Övriga:|Tid:|Plats:"
    # The capitals of Finland-Swedish bilingual headers: "NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET".
    r"|NÄRVARANDE LEDAMÖTER|ÖVRIGA NÄRVARANDE|FRÅNVARANDE LEDAMÖTER)(?!\w)"
    # "… 2013 Närvarande Ledamöter av regeringen utsedda …": the label with a capital, mid-line.
    r"|Närvarande(?=\s+[A-ZÅÄÖ]))"
    r"|\s(?=§\s?\d{1,4}\s+[A-ZÅÄÖ])"
    r"|\s(?=\d{1,3}\.\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö])"
)
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=\S)")


# "… godkändes. 55 Val av sekreterare …": a paragraph number without "§" inside a flattened page.
_FLAT_NUMBER = re.compile(r"(?<!\.\.\s)(?<=\s)(\d{1,4})\s+(?=(?:Dnr\s+)?[A-ZÅÄÖ][a-zåäö]+[\s,])")


def consecutive_run(candidates: list, *, number) -> list:
    """The longest run of candidates, in reading order, whose numbers go up by one (54, 55, 56 …).

    Linear in the number of candidates: each extends the run that ends at the number before it.
    """
    runs: dict[int, list] = {}
    best: list = []
    for candidate in candidates:
        value = number(candidate)
        run = [*runs.pop(value - 1, []), candidate]
        runs[value] = run
        if len(run) > len(best):
            best = run
    return best


def _flat_number_breaks(lines: list[str]) -> set[tuple[int, int]]:
    """Where consecutive paragraph numbers (54, 55, 56 …) stand inside flattened lines: (line, offset)."""
    found = [
        (number, index, match.start())
        for index, line in enumerate(lines)
        if len(line) >= _FLAT_LINE
        for match in _FLAT_NUMBER.finditer(line)
        if (number := int(match.group(1))) >= 2
    ]
    best = consecutive_run(found, number=lambda candidate: candidate[0])
    return {(index, offset) for _number, index, offset in best} if len(best) >= 2 else set()


def _unflatten(lines: list[str]) -> list[str]:
    """Lines of a flattened page split again before labels and headings ("… Beslutande Anna Ek (S) …")."""
    result: list[str] = []
    numbers = _flat_number_breaks(lines)
    for index, line in enumerate(lines):
        if len(line) < _FLAT_LINE:
            result.append(line)
            continue
        line = _PAGE_NUMBER.sub("", line.strip())
        shift = len(lines[index].strip()) - len(line)
        cuts = sorted(offset - shift for i, offset in numbers if i == index and offset - shift > 0)
        if cuts:
            line = "".join(
                ("\n" if start in cuts else "") + line[start:end]
                for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)
            )
        pieces = [
            piece.strip() for part in line.split("\n") for piece in _FLAT_BREAK.split(part.strip()) if piece
        ]
        if len(pieces) < 3:
            # A long paragraph of prose, not a page of fields and headings.
            result.append(line)
            continue
        result.extend(piece for piece in pieces if piece)
        result.append("")
    return result


def text_prepare(text: str) -> list[str]:
    """Lines of the text with HTML remnants, odd spaces and doubled line breaks cleaned away."""
    return text_lines(text)[0]


def text_lines(text: str) -> tuple[list[str], dict[int, int]]:
    """The clean lines, and the markup headings among them: line index → level (1 is the top)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _FRONT_MATTER.sub("", text)
    text = _HTML_COMMENT.sub("\n", text)
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
    lines = ["" if _FURNITURE.match(line) else _VIEWER_TITLE.sub(r"\1", line) for line in lines]
    lines = _unflatten(_undouble(lines))
    levels: dict[int, int] = {}
    for index, line in enumerate(lines):
        for pattern in (_MARKDOWN_HEADING, _TYPST_HEADING):
            match = pattern.match(line)
            if match:
                levels[index] = len(match.group(1))
                lines[index] = match.group(2)
                break
        else:
            match = _LATEX_HEADING.match(line)
            if match:
                levels[index] = 1 + len(match.group(1)) // 3
                lines[index] = match.group(2)
    return [_BULLET.sub(r"\1• ", line) if line.strip() else "" for line in lines], levels


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
