"""Normalisation: the raw text into clean lines (HTML remnants, odd spaces, doubled breaks)."""

from __future__ import annotations

import html
import re

from .markup import bilingual_labels, latex_preamble_fields, markup_settings

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
    # The opening, often the one point without a number: "… drifttekniker Mötets öppnande Ordföranden …".
    r"|(?<![\d.§])\s(?=(?:Mötets|Sammanträdets|Årsmötets|Stämmans)\s+öppnande\b|Mötet\s+öppnas\b)"
    r"|\s(?=\d{1,3}\.\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö])"
    # "… protokollet. 6. Adjungeringar Mötet väljer …": a numbered point after a finished sentence.
    r"|(?<=[.!?])\s(?=\d{1,3}\.\s+[A-ZÅÄÖ][a-zåäö]+\s)"
)
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=\S)")


# "… godkändes. 55 Val av sekreterare …": a paragraph number without "§" inside a flattened page.
# A short label of the body may stand before the number ("Sn 49 Sammanträdets öppnande"): the line
# breaks before it.
_FLAT_NUMBER = re.compile(
    r"(?<!\.\.\s)(?<=\s)(?:[A-ZÅÄÖ][A-Za-zåäö]{0,2}\s)?(\d{1,4})\s+(?=(?:Dnr\s+)?[A-ZÅÄÖ][a-zåäö]+[\s,])"
)


def consecutive_run(candidates: list, *, number, latest: bool = False) -> list:
    """The longest run of candidates, in reading order, whose numbers go up by one (54, 55, 56 …).

    Of runs equally long, the first; with ``latest``, the last. Linear in the number of
    candidates: each extends the run that ends at the number before it.
    """
    runs: dict[int, list] = {}
    best: list = []
    for candidate in candidates:
        value = number(candidate)
        run = [*runs.pop(value - 1, []), candidate]
        runs[value] = run
        if len(run) > len(best) or (latest and len(run) == len(best)):
            best = run
    return best


def _flat_number_breaks(lines: list[str]) -> set[tuple[int, int]]:
    """Where consecutive paragraph numbers (54, 55, 56 …) stand inside flattened lines: (line, offset)."""
    found = []
    for index, line in enumerate(lines):
        if len(line) < _FLAT_LINE:
            continue
        # The page's own number, at its start and again in its running head, is no paragraph's.
        page = re.match(r"\s*(\d{1,3})\s", line)
        for match in _FLAT_NUMBER.finditer(line):
            number = int(match.group(1))
            if number >= 2 and not (page and number == int(page.group(1))):
                found.append((number, index, match.start()))
    # The header's presence lists ("VD Malungshem AB 132 Lars Bälter … 133") may run as long as the
    # paragraphs after them: both are split.
    first = consecutive_run(found, number=lambda candidate: candidate[0])
    last = consecutive_run(found, number=lambda candidate: candidate[0], latest=True)
    best = [*first, *last] if len(first) == len(last) else first
    return {(index, offset) for _number, index, offset in best} if len(first) >= 2 else set()


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
            # A long paragraph of prose, not a page of fields and headings; split only before
            # its paragraph numbers.
            result.extend(line.split("\n"))
            continue
        result.extend(piece for piece in pieces if piece)
        result.append("")
    return result


# A row of a Markdown table, "§ 1 | Justering av protokoll … | |": the cells, without the rules.
_TABLE_ROW = re.compile(r"^\s*\||\|\s*$|\s\|\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _table_row(line: str) -> str:
    """A Markdown table row as its cells separated by spaces; a rule line ("|---|---|") as nothing."""
    if "|" not in line:
        return line
    if _TABLE_RULE.match(line):
        return ""
    if not _TABLE_ROW.search(line):
        return line
    return " ".join(cell.strip() for cell in line.split("|") if cell.strip())


# A LaTeX source, often with its line breaks lost: its macros, its sections and the points of its
# lists ("\begin{enumerate} \item Mötet öppnades. \item …").
_LATEX_SOURCE = re.compile(r"\\begin\{document\}|\\documentclass|\\newcommand")
_LATEX_MACRO = re.compile(r"\\(?:re)?newcommand\s*\{?\\([a-zA-Z]+)\}?\s*\{([^{}]*)\}")
_LATEX_TOKEN = re.compile(
    r"\\begin\{(?P<begin>[a-zA-Z]+\*?)\}(?:\[[^\]]*\])?(?:\{[^{}]*\})?"
    r"|\\end\{(?P<end>[a-zA-Z]+\*?)\}"
    r"|\\item\b(?:\[[^\]]*\])?"
    r"|\\(?P<section>(?:sub){0,2})section\*?\{(?P<title>[^{}]*)\}"
)
_LATEX_LAYOUT = re.compile(
    r"\\(?:vspace|hspace|setlength|settowidth|addtolength|newlength|input|rhead|lhead|chead|rfoot|lfoot"
    r"|cfoot|selectlanguage|label|thispagestyle|pagestyle|usepackage|documentclass)\*?"
    r"(?:[ \t]*(?:\[[^\]]*\]|\{[^{}]*\}|\\(?!begin|end|item|(?:sub)*section|parbox|makebox|framebox)[a-zA-Z]+(?![a-zA-Z])))*"
    # A box's width and position, not its content: "\parbox[t]{\tempOne}{Tid och plats:}".
    r"|\\(?:parbox|makebox|framebox)(?:\[[^\]]*\])*\{[^{}]*\}"
)
_LATEX_ITEM = "\x00"
# A source whose line breaks were lost (a line this long) is read as below; one with its lines is
# read by its section headings alone.
_FLAT_LATEX = 1000


def _latex_text(text: str) -> str:
    """A LaTeX source as lines: its macros without arguments expanded, a section as a heading line,
    a point of an outermost numbered list as a heading (its first sentence) with its text beneath,
    other points as bullets, and the remaining commands and braces removed."""
    macros = {name: value.strip() for name, value in _LATEX_MACRO.findall(text)}
    text = _LATEX_MACRO.sub(" ", text)
    for _round in range(3):
        for name, value in macros.items():
            text = re.sub(rf"\\{name}(?![a-zA-Z])(?:\\ )?", lambda _m, v=value: v + " ", text)
    # A comment cannot be told from the text that follows it once the line breaks are lost.
    text = text.replace("%", " ")
    # Each box of a layout in boxes ("\parbox{…}{Deltagare:}", "\parbox{…}{names}") starts a line.
    text = re.sub(r"\\(?:parbox|makebox|framebox)(?:\[[^\]]*\])*\{[^{}]*\}", "\n", text)
    text = _LATEX_LAYOUT.sub(" ", text)
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _LATEX_TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        if match.group("begin"):
            stack.append(match.group("begin"))
            out.append("\n")
        elif match.group("end"):
            if match.group("end") in stack:
                del stack[len(stack) - 1 - stack[::-1].index(match.group("end")) :]
            out.append("\n")
        elif match.group("title") is not None:
            title = " ".join(match.group("title").replace("\\\\", " ").split())
            out.append(f"\n\\{match.group('section')}section*{{{title}}}\n")
        else:
            lists = [env for env in stack if env in ("enumerate", "itemize", "description")]
            outermost = lists == ["enumerate"]
            out.append(f"\n{_LATEX_ITEM}" if outermost else "\n• ")
    out.append(text[position:])
    text = "".join(out).replace("\\\\", "\n").replace("``", "“").replace("''", "”")
    text = re.sub(r"\\([&%$#_])", r"\1", text)
    text = re.sub(r"\\[a-zA-Z]+\*?|\\(?=\s)|[{}$~]", " ", text)
    lines = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line.startswith(_LATEX_ITEM):
            line = line[1:].strip()
            stop = re.search(r"[.!?](?=\s+[A-ZÅÄÖ])", line)
            head, rest = (line[: stop.end()], line[stop.end() :].strip()) if stop else (line, "")
            lines.extend(["", f"\\subsection*{{{head}}}", rest, ""])
        else:
            lines.append(line)
    return "\n".join(lines)


# A function call of a Typst source: "#pagebreak()", "#attSatser([ stämman fastställer … ], [ … ])".
_TYPST_CALL = re.compile(
    r"^[ \t]*#[a-zA-Z][\w-]*\((?P<arguments>(?:[^()]|\([^()]*\))*)\)[ \t]*$", re.MULTILINE
)


def _typst_calls(text: str) -> str:
    """Typst calls on lines of their own as their content: each [content] argument a bullet point."""

    def content(match: re.Match) -> str:
        rows = match.group("arguments").split("\n")
        if len(rows) > 2 and any(len(re.findall(r"\[[^\[\]]*\]", row)) >= 2 for row in rows):
            # A table, one row a line ("[Tekla Siesjö], [Nej],"): its rows stay as they are, for
            # the attendance to read name and mark together.
            return match.group(0)
        parts = re.findall(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]", match.group("arguments"))
        return "\n".join("• " + " ".join(part.split()) for part in parts if part.strip())

    return _TYPST_CALL.sub(content, text)


# A page of a PDF viewer's transcript that starts with a paragraph: after the page's running head
# and number ("Sammanträdesprotokoll Sida 3 (24) 25 Ändring av dagordningen …", "4 10 Dnr Justering
# av protokoll …"), the paragraph's number and title.
_PAGE_START_PARAGRAPH = re.compile(
    r"^(?P<head>.{0,80}?\b\d{1,3}\s?\(\d{1,3}\)|\d{1,3})\s+"
    r"(?=\d{1,4}\s+(?:Dnr\b[\s\S]{0,20}?\s)?[A-ZÅÄÖ][a-zåäö]+\s)"
)
_PAGE_LINE = re.compile(r"^(\d{1,3})\s+\S")


def _transcript(lines: list[str]) -> bool:
    """Whether the text is a PDF viewer's transcript: its pages are lines numbered 1, 2, 3 …"""
    numbers = [int(m.group(1)) for line in lines if (m := _PAGE_LINE.match(line))]
    return len(numbers) >= 2 and numbers[0] == 1 and numbers[1] > 1


def _page_start_paragraphs(lines: list[str], *, transcript: bool) -> list[str]:
    """Lines of transcript pages split after the running head when a paragraph starts the page."""
    if not transcript:
        return lines
    result = []
    for line in lines:
        # The page's number at its foot, "… justera protokollet. 4 (20)".
        line = re.sub(r"(?<=[.!?])\s+\d{1,3}\s?\(\d{1,3}\)$", "", line)
        match = _PAGE_START_PARAGRAPH.match(line)
        if match:
            # A page's number alone is furniture.
            head = "" if match.group("head").isdigit() else match.group("head")
            result.extend([head, line[match.end() :]])
        else:
            result.append(line)
    return result


def text_prepare(text: str) -> list[str]:
    """Lines of the text with HTML remnants, odd spaces and doubled line breaks cleaned away."""
    return text_lines(text)[0]


def text_lines(text: str) -> tuple[list[str], dict[int, int]]:
    """The clean lines, and the markup headings among them: line index → level (1 is the top)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if "#" in text:
        text = _typst_calls(text)
    if _LATEX_SOURCE.search(text) and max(len(line) for line in text.split("\n")) > _FLAT_LATEX:
        fields = latex_preamble_fields(text)
        text = _latex_text(text)
        if fields:
            # The preamble's fields ("Tid och plats: …") lead the running text as the header.
            text = "\n".join(fields) + "\n\n" + text
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
    text = markup_settings(text)
    text = bilingual_labels(text)
    text = text.replace("\t", "    ")
    for char in "\u00a0\u2007\u202f\u2009":
        text = text.replace(char, " ")
    for char in "\u200b\ufeff\u00ad":
        text = text.replace(char, "")
    text = "".join(c for c in text if c == "\n" or c >= " " or c == "\t")
    lines = [_table_row(line.rstrip()) for line in text.split("\n")]
    lines = ["" if _FURNITURE.match(line) else _VIEWER_TITLE.sub(r"\1", line) for line in lines]
    lines = _undouble(lines)
    lines = _page_start_paragraphs(_unflatten(lines), transcript=_transcript(lines))
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
