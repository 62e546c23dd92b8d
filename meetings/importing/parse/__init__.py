"""Step 2: the text of one protocol into a structured result.

The rules are general (headings, labels, name shapes) rather than tied to one body's layout: the
importer meets protocols it has never seen. Anything the text does not say stays ``None``; nothing
is guessed (a date without a year is no date).

A vacant seat ("Vakant, Lilla Edet") is an attendee whose ``name`` is ``None``.

The pipeline, one module per step, so that a new layout is a new rule in one place:

- ``normalise``: the raw text into clean lines (HTML remnants, odd spaces, doubled breaks);
- ``segment``: where the agenda items start and where the closing begins; what comes before the
  first item is the header; ``contents``: tables of contents and lists of matters, the items of an
  excerpt that holds none; ``titles``: where a heading that ran on into its text ends;
- ``header``: labelled fields (place and time, attendance sections, adjusters, paragraphs);
- ``attendance``: one attendance entry into an attendee; ``items``: each item's title, text and
  decisions; ``closing``: secretary, adjusters and signatures;
- ``shapes`` and ``when``: what names, headings, dates and times look like; ``result``: the
  dataclasses behind the JSON contract;
- ``markup``: LaTeX and Typst preambles and Finland-Swedish bilingual labels as header lines;
- ``tables``: header tables that extraction pulled apart; ``title``: the body and organisation in
  the title lines; ``statements``: what the minutes' sentences say about officers and times (the
  elections and openings of association minutes), filling only what header and closing left unknown.

``_Parser`` below runs the steps in order and makes the last cross-section inferences.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from .. import ImportProblem
from .closing import ClosingMixin
from .header import HeaderMixin
from .items import ItemsMixin, decision_kind
from .normalise import text_lines, text_prepare
from .result import Attendee, DecisionText, Item, ParseResult, SignatureText
from .segment import _PARAGRAPH_HEADING, SegmentMixin, _item_headings
from .shapes import looks_like_name, name_tidy
from .statements import StatementsMixin
from .when import _ISO_DATE, _date, dates_find, times_find

# An attendee's office that makes them the keeper of the minutes: "Sekreterare" in a table of the board.
_SECRETARY_TITLE = re.compile(r"sekreterare|protokollförare", re.IGNORECASE)

__all__ = [
    "Attendee",
    "DecisionText",
    "ImportProblem",
    "Item",
    "ParseResult",
    "SignatureText",
    "dates_find",
    "decision_kind",
    "looks_like_name",
    "name_tidy",
    "protocol_parse",
    "text_prepare",
    "times_find",
]


class _Parser(SegmentMixin, HeaderMixin, ItemsMixin, ClosingMixin, StatementsMixin):
    def __init__(self, text: str):
        self.lines, self.levels = text_lines(text)
        self.result = ParseResult()
        self._pending_signer: str | None = None
        self._unread_attendance: list[str] = []

    def parse(self) -> ParseResult:
        lines = self.lines
        headings = _item_headings(lines, self.result.problems, self.levels)
        first_item = headings[0]["index"] if headings else len(lines)
        if headings and all(h.get("contents") for h in headings):
            # Items known only from a table of contents: the header runs on past it.
            first_item = len(lines)
        closing = self._closing_start(headings)
        header = lines[:first_item]
        self._record_kind(header, headings)
        self._header(header)
        self._header_after_contents()
        self._body_and_organisation(header)
        self._items(headings, closing)
        self._closing(lines[closing:] if headings else lines[first_item:])
        self._next_meetings()
        self._finish()
        self._attendance_problems()
        self._header_problems()
        result = self.result
        signals = (
            result.attendees,
            result.record_kind,
            any(item.number is not None for item in result.items),
            any(item.decisions for item in result.items),
            result.secretary,
            result.chair,
        )
        if not any(signals):
            # Numbered headings alone are any document: a protocol also names people or decisions.
            raise ImportProblem(
                _(
                    "The text does not look like a protocol or notes: it names no attendees, paragraphs (§) or decisions."
                )
            )
        return self.result

    # -- next meetings and the last touches -------------------------------------------------

    _NEXT = re.compile(
        r"\b(?:nästa|kommande|nya)\s+(?:möte|möten|sammanträde|sammanträden|mötestider|mötesdatum|mötesdagar)"
        r"|\bmötestider\b|\bmötesdatum\b",
        re.IGNORECASE,
    )

    def _next_meetings(self) -> None:
        year = self.result.date.year if self.result.date else None
        found: list[datetime.date] = []
        lines = self.lines
        for index, line in enumerate(lines):
            if not self._NEXT.search(line):
                continue
            block = [line]
            j = index + 1
            while j < len(lines) and lines[j].strip() and j - index < 15:
                if _PARAGRAPH_HEADING.match(lines[j]) or self._CLOSING.match(lines[j]):
                    break
                block.append(lines[j])
                j += 1
            for _offset, value in dates_find(" ".join(block), year=year):
                if self.result.date and value <= self.result.date:
                    if value.year == year and not _ISO_DATE.search(" ".join(block)):
                        value = _date(value.year + 1, value.month, value.day)
                    else:
                        continue
                if value and value not in found:
                    found.append(value)
        self.result.next_meetings = found

    def _absent_merged(self) -> None:
        """A member listed present and again under "Frånvarande" was absent: one attendee, absent."""
        result = self.result
        absent = {a.name.casefold() for a in result.attendees if a.name and not a.present}
        listed = {a.name.casefold() for a in result.attendees if a.name and a.present} & absent
        merged = []
        for attendee in result.attendees:
            key = attendee.name.casefold() if attendee.name else None
            if key in listed:
                if attendee.present:
                    attendee.present = False
                else:
                    continue
            merged.append(attendee)
        result.attendees = merged

    # "Mötet valde Anders Lindbäck till mötesordförande", "Gustav Dalemo väljs in som mötessekreterare",
    # "Ulla Jakobsson valdes till justerare": the meeting's own officers, elected in an item.
    _NAMES = r"[A-ZÅÄÖ][\w'’-]+(?:\s+(?:von|af|de|van)?\s*[A-ZÅÄÖ][\w'’-]+){1,3}"
    _ELECTION = re.compile(
        rf"(?:\b(?:valde|väljer|valdes|utsåg|utser)\s+(?P<before>{_NAMES}(?:\s*(?:,|och)\s*{_NAMES}){{0,5}})"
        rf"|(?P<after>{_NAMES}(?:\s*(?:,|och)\s*{_NAMES}){{0,5}})\s+(?:valdes|väljs|utsågs|utses))"
        r"(?:\s+in)?\s+(?:till|som|att)\s+(?:mötets\s+)?(?P<office>(?:mötes)?ordförande|(?:mötes)?sekreterare"
        r"|justera|justerare|justeringsm\w*|justeringsperson\w*|protokolljusterare)\b",
    )

    def _officers_elected(self) -> None:
        """Chair, secretary and adjusters the items elect, where the header names none."""
        result = self.result
        found: dict[str, list[str]] = {}
        for item in result.items:
            text = " ".join([*(d.text for d in item.decisions), item.title, item.text])
            # Nicknames after a name ("Rasmus Kaj ‹kaj›") are not part of it.
            text = " ".join(re.sub(r"‹[^›]*›", " ", text).split())
            for match in self._ELECTION.finditer(text):
                names = re.split(r"\s*(?:,|\boch\b)\s*", match.group("before") or match.group("after"))
                office = match.group("office").casefold()
                kind = (
                    "chair"
                    if "ordförande" in office
                    else "secretary"
                    if "sekreterare" in office
                    else "adjusters"
                )
                found.setdefault(kind, []).extend(name_tidy(n) for n in names if looks_like_name(n))
        if result.chair is None and found.get("chair"):
            result.chair = found["chair"][0]
        if result.secretary is None and found.get("secretary"):
            result.secretary = found["secretary"][0]
        if not result.adjusters and found.get("adjusters"):
            result.adjusters = [n for n in found["adjusters"] if n != result.chair]

    def _finish(self) -> None:
        self._absent_merged()
        self._officers_elected()
        self._statements()
        result = self.result
        if result.paragraph_range is None and self._signed_off:
            numbers = [item.number for item in result.items if item.number is not None]
            # Paragraphs from § 1 on are the record from its start; an excerpt from § 49 on says
            # nothing of the paragraphs around it.
            if numbers and min(numbers) == 1:
                result.paragraph_range = (min(numbers), max(numbers))
        if result.chair is None:
            chairs = [a.name for a in result.attendees if a.body_role == "chair" and a.present and a.name]
            if chairs:
                result.chair = chairs[0]
        if result.secretary is None:
            keepers = [
                a.name
                for a in result.attendees
                if (a.group == "secretary" or _SECRETARY_TITLE.fullmatch(a.title or ""))
                and a.present
                and a.name
            ]
            if keepers:
                result.secretary = keepers[0]
        if not result.adjusters:
            for item in result.items:
                if re.search(r"juster", item.title, re.IGNORECASE):
                    for decision in item.decisions:
                        if decision.kind == "elected":
                            names = self._presenters_like(decision.text)
                            result.adjusters.extend(n for n in names if n != result.chair)
        known = {a.name.casefold(): a.name for a in result.attendees if a.name}
        for signature in result.signatures:
            if signature.name and signature.name.casefold() in known:
                signature.name = known[signature.name.casefold()]
        result.adjusters = list(dict.fromkeys(result.adjusters))

    def _presenters_like(self, text: str) -> list[str]:
        return [
            name_tidy(m.group(0)) for m in re.finditer(self._NAME_RUN, text) if looks_like_name(m.group(0))
        ]


def protocol_parse(text: str) -> ParseResult:
    """The structured content of one protocol's text; raises ImportProblem for text that is not one."""
    if not text or not text.strip():
        raise ImportProblem(_("The document contains no text."))
    return _Parser(text).parse()
