"""Segmentation: where the agenda items start and where the closing (signatures) begins."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .attendance import _PARTY, PARAGRAPH_DIGITS
from .contents import CONTENTS_LEADER, contents_entries, listed_matters, matters_listed
from .normalise import consecutive_run
from .shapes import _UPPER
from .titles import title_split

_PARAGRAPH_HEADING = re.compile(rf"^\s*(?:[{_UPPER}]{{1,6}}\s+)?§\s*(\d+)(?!\s*[-–]\s*\d)\s*[.:]?\s*(.*)$")
_CONTENTS_BLOCK_LINES = 10
_NUMBERED_HEADING = re.compile(r"^\s*(?:(?:Punkt|Ärende)\s+)?(\d{1,2})\s*[.:]?\s+(\S.*)$")
_CASE_NUMBER = re.compile(r"\b(?:Dnr|Diarienummer|Dnr\.|Dnr:)\s*[:.]?\s*([\w][\w .:/-]*\w)", re.IGNORECASE)
_TITLE_CONTINUES = re.compile(
    r"(?:\b(?:och|samt|eller|om|för|av|till|i|på|med|inför|från|mellan|kring|gällande|avseende)|[-–,])$",
    re.IGNORECASE,
)


def _heading_title(lines: list[str], index: int, title: str) -> tuple[str, int]:
    """The title and the index of its last line, following a title wrapped after "inför" or "och"."""
    title = " ".join(title.split())
    last = index
    for _attempt in range(3):
        # A wrapped entry of a table of contents ends in its leader and page number.
        following = CONTENTS_LEADER.sub("", lines[last + 1]).strip() if last + 1 < len(lines) else ""
        wraps = following[:1].islower() or re.match(r"\d{1,4}\s+[a-zåäö]", following)
        if title and wraps and len(following) <= 80 and not following.endswith("."):
            # A title wrapped mid-phrase goes on in lower case on the very next line ("… analys /
            # 2024 för Eksta Bostads AB").
            title = f"{title} {following}"
            last += 1
            continue
        if (
            title
            and following
            and len(following) <= 80
            and not CONTENTS_LEADER.search(lines[last])
            and CONTENTS_LEADER.search(lines[last + 1])
        ):
            # An entry of a table of contents goes on to its leader.
            title = f"{title} {following}"
            last += 1
            continue
        if not (title and _TITLE_CONTINUES.search(title)):
            break
        j = last + 1
        while j < len(lines) and not lines[j].strip() and j - last < 3:
            j += 1
        wrapped = CONTENTS_LEADER.sub("", lines[j]).strip() if j < len(lines) else ""
        if not wrapped or len(wrapped) > 80:
            break
        title = f"{title} {wrapped}"
        last = j
    return title, last


_APPEAL_INSTRUCTIONS = re.compile(
    r"^\s*(?:besvärsanvisning|anvisning\s+för\s+rättelseyrkande|anvisning\s+om\s+rättelseyrkande"
    r"|överklagandeanvisning|hur\s+man\s+överklagar)\b",
    re.IGNORECASE,
)


def _paragraph_headings(lines: list[str], problems: list[str]) -> list[dict]:
    """The § headings in reading order, without the table of contents when the paragraphs follow it."""
    found = []
    for index, line in enumerate(lines):
        match = _PARAGRAPH_HEADING.match(line)
        if not match or line.lstrip().startswith("§§"):
            continue
        if _APPEAL_INSTRUCTIONS.match(match.group(2)):
            continue  # "§ 9998 Besvärsanvisning": how to appeal, printed with every record.
        digits = match.group(1)
        number = int(digits) if len(digits) <= PARAGRAPH_DIGITS else None
        if number is None:
            problems.append(
                _(
                    "“§ %(number)s” is no paragraph number (a § number has at most %(digits)d digits): "
                    "the item is read without one."
                )
                % {"number": digits, "digits": PARAGRAPH_DIGITS}
            )
        found.append({"index": index, "number": number, "title": match.group(2)})
    for position, heading in enumerate(found):
        end = found[position + 1]["index"] if position + 1 < len(found) else len(lines)
        block = [line for line in lines[heading["index"] : end] if line.strip()]
        heading["contents"] = any(CONTENTS_LEADER.search(line) for line in block[:_CONTENTS_BLOCK_LINES])
    for position, heading in enumerate(found):
        heading["end"] = found[position + 1]["index"] if position + 1 < len(found) else None
    paragraphs = [h for h in found if not h["contents"]]
    if not paragraphs:
        # Only a table of contents (an excerpt, or paragraphs headed without "§"): its entries are the items.
        paragraphs = found
        for heading in paragraphs:
            heading["contents"] = False
            heading["end"] = None
    headings: list[dict] = []
    repeated: dict[int, int] = {}
    for heading in paragraphs:
        if heading["number"] is None:
            headings.append(heading)
            continue
        previous = headings[-1] if headings else None
        last_number = max((h["number"] for h in headings if h["number"] is not None), default=0)
        if previous and heading["number"] == last_number:
            if " ".join(heading["title"].split()).casefold() in (
                "",
                " ".join(previous["title"].split()).casefold(),
            ):
                continue  # The heading repeated at the top of a page, not a new paragraph.
            repeated[heading["number"]] = repeated.get(heading["number"], 1) + 1
            headings.append({**heading, "number": None})
            continue
        if heading["number"] < last_number:
            continue  # A reference back ("§ 36 (2015) …" at a line's start), not a heading.
        headings.append(heading)
    for number, count in repeated.items():
        problems.append(
            _(
                "§ %(number)d heads %(count)d paragraphs. Each is read as its own item; the repeats have "
                "no § number until you give them one."
            )
            % {"number": number, "count": count}
        )
    for position, heading in enumerate(headings):
        heading["end"] = headings[position + 1]["index"] if position + 1 < len(headings) else None
    # Paragraphs the contents list but the text leaves out (an excerpt): their number and title.
    numbers = {h["number"] for h in headings}
    for entry in found:
        if entry["contents"] and entry["number"] is not None and entry["number"] not in numbers:
            numbers.add(entry["number"])
            place = next(
                (
                    i
                    for i, h in enumerate(headings)
                    if h["number"] is not None and h["number"] > entry["number"]
                ),
                len(headings),
            )
            headings.insert(place, entry)
    return [{key: h[key] for key in ("index", "number", "title", "end", "contents")} for h in headings]


# Sub-headings inside an item in a markup source ("=== Beslut", "\\subsubsection*{Beslut}").
_ITEM_PART = re.compile(
    r"^(?:beslut|förslag\s+till\s+beslut.*|beslutsförslag|yrkande.*|att[- ]?satser?|nomineringar|fri\s+nominering"
    r"|anteckningar|diskussion|bakgrund|sammanfattning|underlag|utjustering|injustering)\s*:?\s*$",
    re.IGNORECASE,
)
_NOT_AN_ITEM = re.compile(
    r"^(?:kallade|närvarande|deltagare|frånvarande|plats|tid|datum|signaturer|underskrifter"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4})\b",
    re.IGNORECASE,
)


def _markup_headings(lines: list[str], levels: dict[int, int]) -> list[dict]:
    """Items from the headings of a Markdown, Typst or LaTeX source.

    The level of the headings that hold decision sub-headings ("=== Beslut") is the item level; a
    heading above it with nothing beneath is an item too. Without decision sub-headings, the items
    are the headings with no heading beneath them.
    """
    marked = sorted(levels.items())
    if len(marked) < 3:
        return []
    parts = {index for index, _level in marked if _ITEM_PART.match(lines[index].strip())}
    outline = [(index, level) for index, level in marked if index not in parts]

    def has_children(position):
        level = outline[position][1]
        return position + 1 < len(outline) and outline[position + 1][1] > level

    parent_levels = set()
    for index, level in marked:
        if index in parts:
            above = [lvl for i, lvl in outline if i < index and lvl < level]
            if above:
                parent_levels.add(above[-1])
    item_level = min(parent_levels) if parent_levels else None
    headings = []
    for position, (index, level) in enumerate(outline):
        title = lines[index].strip().rstrip(":")
        if position == 0 and level == min(lvl for _i, lvl in outline) and has_children(position):
            continue  # The document's own title.
        if _NOT_AN_ITEM.match(title):
            continue
        if item_level is not None:
            take = level == item_level or (level < item_level and not has_children(position))
        else:
            take = not has_children(position)
        # The opening is a point of its own, however the notes nest what follows it.
        take = take or bool(_OPENING.match(title))
        if take:
            headings.append({"index": index, "number": None, "title": title})
    return headings if len(headings) >= 2 else []


def _outline_bullets(lines: list[str], headings: list[dict]) -> list[dict]:
    """Markdown notes kept as an outline: under a heading, top-level bullet points with points
    nested beneath them are the agenda points, each an item after the heading's own."""
    if not headings:
        return headings
    result = []
    for position, heading in enumerate(headings):
        result.append(heading)
        end = headings[position + 1]["index"] if position + 1 < len(headings) else len(lines)
        points = [i for i in range(heading["index"] + 1, end) if lines[i].startswith("• ")]
        nested = [i for i in points if i + 1 < end and re.match(r"^\s+• ", lines[i + 1])]
        if len(nested) >= 2 and len(nested) * 2 >= len(points):
            result.extend({"index": i, "number": None, "title": lines[i][2:].strip()} for i in points)
    return result


# "54 Godkännande av dagordning", "Sn 49 Sammanträdets öppnande", "KS 12 Budget": a paragraph
# number without the § sign, after an optional short label of the body.
# With a full stop ("3. Val av justerare") the number is the agenda's, not a paragraph's.
_BARE_NUMBER_HEADING = re.compile(
    r"^\s*(?:[A-ZÅÄÖ][A-Za-zåäö]{0,3}\s+)?(\d{1,4})\s+(?:Dnr\s+)?([A-ZÅÄÖ]\S.*)$"
)


_PAGE_MARK = re.compile(r"\b(?:Sida\s+)?\d{1,3}\s?\(\d{1,3}\)$")


def _bare_number_headings(lines: list[str]) -> list[dict]:
    """The longest run of consecutive paragraph numbers written without "§", from a number above 1.

    A run that starts at 1 is an agenda numbered by position, read by the next rule; a run of one
    heading is no evidence, since a line may start with a number for many reasons.
    """
    candidates = []
    for index, line in enumerate(lines):
        match = _BARE_NUMBER_HEADING.match(line)
        if match:
            candidates.append(
                {"index": index, "number": int(match.group(1)), "title": match.group(2).strip()}
            )
    best = consecutive_run([c for c in candidates if c["number"] >= 2], number=lambda c: c["number"])
    if len(best) >= 2:
        return best
    # One paragraph at the top of a page, under the page's number ("Sida 3 (24)"): an excerpt of one.
    at_page_start = [c for c in candidates if c["index"] and _PAGE_MARK.search(lines[c["index"] - 1])]
    return at_page_start[:1] if len(at_page_start) == 1 else []


# "1.1.2. Mötessekreterare": an agenda numbered as an outline, points with sub-points.
_OUTLINE_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-ZÅÄÖ].{0,149})$")


def _outline_next(previous: tuple[int, ...] | None) -> set[tuple[int, ...]]:
    """The numbers that may follow an outline number: its first sub-point, or the next at any level."""
    if previous is None:
        return {(1,)}
    following = {(*previous, 1)}
    for depth in range(1, len(previous) + 1):
        following.add((*previous[: depth - 1], previous[depth - 1] + 1))
    return following


def _outline_headings(lines: list[str]) -> list[dict]:
    """The points of an agenda numbered as an outline ("1.", "1.1.", "1.1.1."), for notes of
    associations and parties.

    A point is an item when it has no sub-points, or has its own text before the first one; a
    point that only groups sub-points ("1.1. Val av mötesfunktionärer") is not. A number out of
    sequence ("1." of a list inside an item) is the item's text.
    """
    chain: list[tuple[tuple[int, ...], int, str]] = []
    for index, line in enumerate(lines):
        if line[:1].isspace():
            continue
        match = _OUTLINE_HEADING.match(line)
        if not match:
            continue
        number = tuple(int(part) for part in match.group(1).split("."))
        if number in _outline_next(chain[-1][0] if chain else None):
            chain.append((number, index, match.group(2).strip()))
    if len(chain) < 3 or not any(len(number) > 1 for number, _index, _title in chain):
        return []
    headings = []
    for position, (number, index, title) in enumerate(chain):
        following = chain[position + 1] if position + 1 < len(chain) else None
        grouping = following and following[0][: len(number)] == number
        if grouping and not any(line.strip() for line in lines[index + 1 : following[1]]):
            continue
        headings.append({"index": index, "number": None, "title": title})
    return headings


def _dotted_paragraphs(lines: list[str]) -> list[dict]:
    """Paragraph numbers written "36." on a flattened page, not from 1: two or more in sequence, or
    one just after the meeting's opening ("Mötet öppnas. … 36. Val av justerare …")."""
    candidates = [
        {"index": index, "number": int(match.group(1)), "title": match.group(2).strip()}
        for index, line in enumerate(lines)
        if (match := re.match(r"^\s*(\d{1,4})\.\s+([A-ZÅÄÖ].*)$", line)) and int(match.group(1)) >= 2
    ]
    run = consecutive_run(candidates, number=lambda c: c["number"])
    if len(run) >= 2:
        return run
    if candidates:
        first = candidates[0]
        before = next((i for i in range(first["index"] - 1, -1, -1) if lines[i].strip()), None)
        if before is not None and _OPENING.match(lines[before].strip()):
            return [first]
    return []


_OPENING = re.compile(
    r"^(?:(?:Mötets|Sammanträdets|Årsmötets|Stämmans)\s+öppnande|Mötet\s+öppnas|Öppnar\s+mötet)\b"
)


def _opening_before(lines: list[str], headings: list[dict]) -> list[dict]:
    """The paragraphs, after the meeting's opening when it stands unnumbered just before the first."""
    if not headings or headings[0]["number"] is None:
        return headings
    before = next((i for i in range(headings[0]["index"] - 1, -1, -1) if lines[i].strip()), None)
    if before is None or not _OPENING.match(lines[before].strip()):
        return headings
    return [{"index": before, "number": None, "title": lines[before].strip()}, *headings]


def _item_headings(
    lines: list[str], problems: list[str] | None = None, levels: dict[int, int] | None = None
) -> list[dict]:
    """Where the agenda items start: § headings, else numbered headings in sequence, else markup headings."""
    headings = _paragraph_headings(lines, problems if problems is not None else [])
    if len(headings) >= 1:
        return _opening_before(lines, headings)
    headings = _outline_headings(lines)
    if headings:
        return headings

    expected = 1
    inner = None
    for index, line in enumerate(lines):
        match = _NUMBERED_HEADING.match(line)
        alone = re.match(r"^\s*(\d{1,2})\s*$", line)
        if alone and int(alone.group(1)) == expected:
            # "1" on a line of its own and the title beneath it: a numbered table cell.
            below = next((j for j in range(index + 1, min(index + 4, len(lines))) if lines[j].strip()), None)
            title = lines[below].strip() if below is not None else ""
            if title[:1].isupper() and len(title) <= 150 and not title.endswith("."):
                headings.append({"index": index, "number": None, "title": title, "title_line": below})
                expected += 1
            continue
        if not match:
            continue
        number = int(match.group(1))
        if number == 1 and headings:
            inner = 2  # A numbered list inside an item starts again at 1; it is the item's text.
            continue
        if inner is not None and number == inner:
            inner += 1
            continue
        title = match.group(2).strip()
        # A heading of a flattened page runs on into its text ("3. Val av mötesordförande Mötet
        # väljer …"); there, a number lost in extraction may leave a gap of one.
        short, run_on = title_split(title)
        flat = bool(run_on) and len(short) <= 80
        if number != expected and not (flat and headings and number == expected + 1):
            continue
        inner = None
        too_long = len(title) > 150 or (title.endswith((".", ",")) and len(title) > 60)
        if not title[0].isupper() or (too_long and not flat):
            continue
        headings.append({"index": index, "number": None, "title": title})
        expected = number + 1
    if len(headings) >= 2:
        return headings
    bare = _bare_number_headings(lines) or _dotted_paragraphs(lines)
    if bare:
        return listed_matters(lines, _opening_before(lines, bare))
    headings = _outline_bullets(lines, _markup_headings(lines, levels or {}))
    if headings:
        return headings
    # "1) Mötets öppnande": tried last, since "2) Name, title" is also how guests for an item are listed.
    headings, expected = [], 1
    for index, line in enumerate(lines):
        match = re.match(r"^\s*(\d{1,2})\)\s+([A-ZÅÄÖ].{0,149})$", line)
        if match and int(match.group(1)) == expected and not _PARTY.search(line):
            headings.append({"index": index, "number": None, "title": match.group(2).strip()})
            expected += 1
    if len(headings) >= 2:
        return headings
    return (
        contents_entries(lines, problems if problems is not None else [])
        or matters_listed(lines)
        or _standalone_headings(lines)
    )


# What a heading standing alone is not: a field of the header, a sentence, a list's introduction.
_NOT_A_HEADING = re.compile(
    r"^(?:plats|tid|datum|närvarande|frånvarande|deltagare|kallade|ordförande|sekreterare|justerare"
    r"|protokoll|mötesprotokoll|dagordning)\b|[.,:;]$|^[•-]",
    re.IGNORECASE,
)
_HEADER_FIELD = re.compile(
    r"^[•-]?\s*(?:plats|tid|datum|närvarande)\s*:|^[•-]?\s*\d{1,2}\s+\w+\s+\d{1,2}[:.]\d{2}$", re.IGNORECASE
)


def _standalone_headings(lines: list[str]) -> list[dict]:
    """Headings without numbers, each a short line standing alone between empty lines with its
    text or list beneath: notes of associations exported from a wiki or a word processor.

    Tried last. The first line is the document's title; a heading over header fields only
    ("Plats: …", "14 mars 14:00") is no item.
    """
    headings = []
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if not line or lines[index - 1].strip() or (index + 1 < len(lines) and lines[index + 1].strip()):
            continue
        if len(line) > 80 or not line[:1].isupper() or _NOT_A_HEADING.search(line):
            continue
        headings.append({"index": index, "number": None, "title": line})
    # A heading followed at once by another heading is a sub-title, not an item; one over header
    # fields only is part of the header.
    kept = []
    for position, heading in enumerate(headings):
        end = headings[position + 1]["index"] if position + 1 < len(headings) else len(lines)
        body = [line.strip() for line in lines[heading["index"] + 1 : end] if line.strip()]
        if not body or all(_HEADER_FIELD.match(line) for line in body):
            continue
        kept.append(heading)
    return kept if len(kept) >= 3 else []


class SegmentMixin:
    _CLOSING = re.compile(
        r"^\s*(?:vid\s+protokollet|vid\s+anteckningarna|antecknat\s+av|antecknare|protokollförare"
        r"|justeras|justerat|signed\s+by|signerat\s+av|underskrifter|detta\s+dokument\s+är\s+elektroniskt"
        r"|ordförande\s*[:.]*\s*$|justerare\s*[:.]*\s*$|sekreterare\s*[:.]*\s*$"
        r"|(?:nästa|kommande)\s+(?:möte|möten|sammanträde|sammanträden|mötestider)\b)",
        re.IGNORECASE,
    )

    def _closing_start(self, headings) -> int:
        paragraphs = [h for h in headings if not h.get("contents")]
        start = max((h["index"] for h in paragraphs), default=-1) + 1
        last = max(paragraphs, key=lambda h: h["index"]) if paragraphs else None
        if last is not None and not last["title"].strip():
            # "§ 6" with its title on the next line: "Nästa sammanträde" is the item, not the closing.
            while start < len(self.lines) and not self.lines[start].strip():
                start += 1
            start += 1
        for index in range(start, len(self.lines)):
            if self._CLOSING.match(self.lines[index]):
                return index
        return len(self.lines)
