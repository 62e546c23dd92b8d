"""Segmentation: where the agenda items start and where the closing (signatures) begins."""

from __future__ import annotations

import re

from .attendance import _PARTY
from .shapes import _UPPER

_PARAGRAPH_HEADING = re.compile(
    rf"^\s*(?:[{_UPPER}]{{1,6}}\s+)?§\s*(\d{{1,4}})(?!\s*[-–]\s*\d)\s*[.:]?\s*(.*)$"
)
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
    for _attempt in range(2):
        if not (title and _TITLE_CONTINUES.search(title)):
            break
        j = last + 1
        while j < len(lines) and not lines[j].strip() and j - last < 3:
            j += 1
        if j >= len(lines) or not lines[j].strip() or len(lines[j].strip()) > 80:
            break
        title = f"{title} {lines[j].strip()}"
        last = j
    return title, last


def _item_headings(lines: list[str]) -> list[dict]:
    """Where the agenda items start: § headings if the text has them, else numbered ones in sequence."""
    headings = []
    previous = 0
    for index, line in enumerate(lines):
        match = _PARAGRAPH_HEADING.match(line)
        if not match or line.lstrip().startswith("§§"):
            continue
        number = int(match.group(1))
        if number <= previous:
            continue
        headings.append({"index": index, "number": number, "title": match.group(2)})
        previous = number
    if len(headings) >= 1:
        return headings

    expected = 1
    for index, line in enumerate(lines):
        match = _NUMBERED_HEADING.match(line)
        if not match or int(match.group(1)) != expected:
            continue
        title = match.group(2).strip()
        if not title[0].isupper() or len(title) > 150 or (title.endswith((".", ",")) and len(title) > 60):
            continue
        headings.append({"index": index, "number": None, "title": title})
        expected += 1
    if len(headings) >= 2:
        return headings
    # "1) Mötets öppnande": tried last, since "2) Name, title" is also how guests for an item are listed.
    headings, expected = [], 1
    for index, line in enumerate(lines):
        match = re.match(r"^\s*(\d{1,2})\)\s+([A-ZÅÄÖ].{0,149})$", line)
        if match and int(match.group(1)) == expected and not _PARTY.search(line):
            headings.append({"index": index, "number": None, "title": match.group(2).strip()})
            expected += 1
    return headings if len(headings) >= 2 else []


class SegmentMixin:
    _CLOSING = re.compile(
        r"^\s*(?:vid\s+protokollet|vid\s+anteckningarna|antecknat\s+av|antecknare|protokollförare"
        r"|justeras|justerat|signed\s+by|signerat\s+av|underskrifter|detta\s+dokument\s+är\s+elektroniskt"
        r"|ordförande\s*[:.]*\s*$|justerare\s*[:.]*\s*$|sekreterare\s*[:.]*\s*$"
        r"|(?:nästa|kommande)\s+(?:möte|möten|sammanträde|sammanträden|mötestider)\b)",
        re.IGNORECASE,
    )

    def _closing_start(self, headings) -> int:
        start = headings[-1]["index"] + 1 if headings else 0
        for index in range(start, len(self.lines)):
            if self._CLOSING.match(self.lines[index]):
                return index
        return len(self.lines)
