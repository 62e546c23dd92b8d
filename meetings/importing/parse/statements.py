"""What the minutes' own sentences say about the meeting, wherever they stand.

Association and party minutes keep no header table: the officers are elected in the first items
("Mötet väljer Rasmus Palm till mötesordförande", "Ordförande: Klas" under "Val av
mötesfunktionärer", "Att: Lukas är protokolljusterare") and the times are those at which the chair
opened and closed the meeting ("Mötet öppnades 13.15", "Klockan 20:07 … förklarade mötet avslutat").
These rules fill only what the header and the signatures left unknown.
"""

from __future__ import annotations

import re

from .shapes import _UPPER, looks_like_name, name_tidy
from .when import _time

_NAME = rf"[{_UPPER}][\w'’-]+(?:\s+(?:von|af|de|van|der)?\s*[{_UPPER}][\w'’-]+){{1,3}}"
_OFFICE = (
    r"(?P<office>(?:vice\s+)?(?:mötes)?ordförande|(?:mötes|protokoll)?sek[er]{1,3}t[ea]?r?are|protokollförare"
    r"|justera|justerare|protokolljusterare|justeringsm\w*|justeringsperson\w*)\b"
)
# "Mötet valde föreningens ordförande Vladimir Bogodist till mötesordförande", "Utse Kenneth
# Johansson till justerare": the elected before the office, after up to three lower-case words.
_ELECTED_BEFORE = re.compile(
    rf"\b(?:valde|väljer|valdes|utsåg|utser|utse|välja)\s+(?:[a-zåäö]+\s+){{0,3}}?"
    rf"(?P<names>{_NAME}(?:\s*(?:,|och)\s*{_NAME}){{0,5}})(?:\s+‹[^›]*›)?"
    rf"\s+(?:till|som|att)\s+(?:mötets\s+)?{_OFFICE}",
)
# "Karl Sigfrid valdes till mötets ordförande", "Gustav Dalemo väljs in som mötessekreterare".
_ELECTED_AFTER = re.compile(
    rf"(?P<names>{_NAME}(?:\s*(?:,|och)\s*{_NAME}){{0,5}})(?:\s+‹[^›]*›)?\s+(?:valdes|väljs|utsågs|utses)"
    rf"(?:\s+in)?\s+(?:till|som|att)\s+(?:mötets\s+)?{_OFFICE}",
)
# "Till sekreterare för mötet valdes Lars Winell", "Till justerare … utsågs Ivar Fernemo": the office first.
_ELECTED_INVERTED = re.compile(
    rf"(?i:\btill\s+(?:mötets\s+)?){_OFFICE}[^.]{{0,80}}?(?i:\b(?:valdes|utsågs|väljs|utses))\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|och)\s*{_NAME}){{0,5}})",
)
# "att utse Henrik Zetterquist till rapportör … samt till att, jämte ordförandena, justera protokollet",
# "Rickard Norberg utsågs att tillsammans med ordföranden justera protokollet".
_ADJUSTS = re.compile(
    rf"(?:\b(?:utse|utser|valde|väljer|välja)\s+(?P<before>{_NAME})|(?P<after>{_NAME})\s+(?:utsågs|utses|valdes|väljs))"
    rf"\b[^.]{{0,100}}?(?i:\bjustera\s+(?:dagens\s+)?protokoll(?:et)?\b)"
)
# "…, Gustav Eek till sekreterare och Leif-Jöran Olsson till justeringsperson": more offices in the
# same sentence.
_ELECTED_MORE = re.compile(
    rf"^\s*(?:,|och|samt)\s*(?P<names>{_NAME})\s+(?:till|som)\s+(?:mötets\s+)?{_OFFICE}"
)
# "Att: Lukas är protokolljusterare", "Tekla är sekreterare": one name, even a first name alone.
_IS_OFFICER = re.compile(
    rf"^\s*(?i:att\s*:\s*)?(?P<names>[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,3}})\s+är\s+"
    rf"(?:mötets\s+)?(?i:{_OFFICE})",
)
# "Ordförande: Klas", "Sekreterare: Henrik", "Justerare: Fredrik och Anders": an officer line inside
# an item, a colon and a name (a first name alone is enough after a colon).
_OFFICER_LINE = re.compile(
    r"^\s*(?P<office>(?:mötes)?ordförande|(?:mötes)?sekreterare|protokollförare|justerare|justerande"
    r"|protokolljusterare|justeringsperson(?:er)?)\s*:\s*(?P<names>.+?)\s*\.?$",
    re.IGNORECASE,
)
_FIRST_NAME = re.compile(rf"^[{_UPPER}][a-zåäöéü]+(?:-[{_UPPER}][a-zåäöéü]+)?$")
# "Kassören är sekreterare": an office in its definite form is no first name.
_OFFICE_NOUN = re.compile(r"(?:ören|aren|anden|moten|ledamoten|styrelsen|mötet|föreningen)$", re.IGNORECASE)
# "Ordförande Hanna Roberts hälsar alla välkomna och förklarar mötet öppnat": the chair opens it.
_CHAIR_OPENS = re.compile(
    rf"(?i:\bordförande(?:n)?)\s+(?P<names>{_NAME})(?:\s+‹[^›]*›)?\b[^.]{{0,80}}?"
    rf"(?i:\bförklara\w*\s+mötet\s+öppna)",
)

# "Val av rösträknare och justerare" then "David Öhlin valdes.": the heading names the office.
_ELECTION_HEADING = re.compile(
    rf"^(?:\d{{1,2}}\.?\s+)?(?i:val\s+av\s+(?:[\w-]+\s+(?:och|samt)\s+)?){_OFFICE}"
)
_ELECTED_BARE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|och)\s*{_NAME}){{0,5}})\s+(?:valdes|väljs|utsågs|utses)\.?$"
)
# "Pär Nuder, ordf. Ledamöter: …", "Carl Bennet ordförande Anna Falck": a chair marked in a list.
# "Per Berg, ordförande i kulturnämnden" chairs another body.
_CHAIR_MARKED = re.compile(
    rf"(?P<names>{_NAME})(?:\s*\([^)]*\))?,?\s+(?:ordf\.|ordförande\b)(?!\s+(?:i|för|av|vid)\b)"
)

_CLOCK = r"(?:kl(?:ockan)?\.?\s*)?\d{1,2}[.:]\d{2}\b"
# "Mötet öppnades 13.15", "Öppnar mötet 12:05", "förklarade mötet öppnat klockan 19:15".
_OPENED = re.compile(
    rf"(?:\bmötet\s+öppna(?:des|s|r)\b|\böppna(?:r|de)\s+mötet\b|\bförklara\w*\s+mötet\s+öppnat\b"
    rf"|^(?:§?\s*\d{{1,3}}\.?\s+)?(?:års|stämmo)?mötets\s+öppnande\b)"
    rf"[^.\d]{{0,60}}?{_CLOCK}"
    rf"|{_CLOCK}[^.\d]{{0,60}}?\bförklara\w*\s+(?:\w+\s+)?mötet\s+öppnat",
    re.IGNORECASE,
)
# "Mötet avslutades 14.30", "Avslutar mötet 13:00", "Klockan 20:07 … förklarade mötet avslutat".
_CLOSED = re.compile(
    rf"(?:\bmötet\s+avsluta(?:des|s)\b|\bavsluta(?:r|de)\s+mötet\b|\bförklara\w*\s+mötet\s+avslutat\b"
    rf"|^(?:§?\s*\d{{1,3}}\.?\s+)?(?:års|stämmo)?mötets\s+avslutande\b)"
    rf"[^.\d]{{0,60}}?{_CLOCK}"
    rf"|{_CLOCK}[^.\d]{{0,60}}?\bförklara\w*\s+(?:\w+\s+)?mötet\s+avslutat",
    re.IGNORECASE,
)


def _office_kind(office: str) -> str:
    office = office.casefold()
    if "ordförande" in office:
        return "vice" if office.startswith("vice") else "chair"
    if "sekret" in office or "protokollförare" in office:
        return "secretary"
    return "adjusters"


def _names(text: str, *, first_names: bool) -> list[str]:
    found = []
    for part in re.split(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*", text):
        part = re.sub(r"‹[^›]*›|\([^)]*\)", " ", part).strip(" .")
        if looks_like_name(part):
            found.append(name_tidy(part))
        elif first_names and _FIRST_NAME.match(part) and not _OFFICE_NOUN.search(part):
            found.append(part)
    return found


def _clock(match: re.Match | None):
    time = re.search(r"(\d{1,2})[.:](\d{2})\b", match.group(0)) if match else None
    return _time(time.group(1), time.group(2)) if time else None


_NICKNAME = re.compile(r"‹[^›]*›")
_PARAGRAPH = re.compile(r"^\s*§\s*\d{1,4}\b")
# Every statement above holds one of these stems; a line without any is skipped at once.
_HINT = re.compile(r"val|välj|utse|utsåg|juster|ordför|sek\w*t\w*r|protokollför|öppna|avslut", re.IGNORECASE)


class StatementsMixin:
    def _statements(self) -> None:
        """Officers and times from the minutes' sentences, where header and signatures left them unknown."""
        result = self.result
        found: dict[str, list[str]] = {}
        opened = closed = None
        office = None  # The office a "Val av justerare" heading just above elects.
        block: list[str] = []
        for raw in [*self.lines, ""]:
            # Nicknames after a name ("Magnus Danielson ‹magda›") are not part of it.
            line = " ".join(_NICKNAME.sub(" ", raw).replace("•", " ").split())
            if not line:
                # A sentence wrapped over lines: "Ordförande Birgitta Litsegård hälsar … förklarar mötet / öppnat".
                text = " ".join(block)
                if "öppna" in text:
                    for match in _CHAIR_OPENS.finditer(text):
                        found.setdefault("opening_chair", []).extend(
                            _names(match.group("names"), first_names=False)
                        )
                block = []
                continue
            block.append(line)
            if not _HINT.search(line):
                # Most lines of a long protocol name no office and no opening: one search rules them out.
                # Such a line between "Val av justerare" and "X valdes." ends the heading's reach.
                office = None
                continue
            for kind, names in self._officers_in(line):
                found.setdefault(kind, []).extend(n for n in names if n not in found.get(kind, []))
            elected = _ELECTED_BARE.match(line)
            if office and elected:
                found.setdefault(office, []).extend(_names(elected.group("names"), first_names=False))
            heading = _ELECTION_HEADING.match(line)
            office = _office_kind(heading.group("office")) if heading else (office if not elected else None)
            opened = opened or _clock(_OPENED.search(line))
            closed = closed or _clock(_CLOSED.search(line))
        listed = [a.name for a in result.attendees if a.body_role == "chair" and a.present and a.name]
        if not listed:
            listed = self._chair_listed()
        chairs = found.get("chair") or listed or found.get("opening_chair")
        if result.chair is None and chairs:
            result.chair = chairs[0]
        if result.secretary is None and found.get("secretary"):
            result.secretary = found["secretary"][0]
        elected = [n for n in found.get("adjusters", []) if n != result.chair]
        if not result.adjusters and elected:
            result.adjusters = elected
        elif elected and set(elected) < set(result.adjusters):
            # The item that elects the adjusters tells which of the names a jumbled header table gave
            # ("Utses att justera Roland Bång Marianne Persson … Rickard Norberg") are theirs.
            result.adjusters = [n for n in result.adjusters if n in elected]
        if result.record_kind is None and (
            result.adjusters or any(_PARAGRAPH.match(line) for line in self.lines)
        ):
            # Notes are not adjusted and not numbered with "§": a record that is, is a protocol.
            result.record_kind = "protocol"
        if result.start_time is None and opened:
            result.start_time = opened
        if result.end_time is None and closed and (result.start_time is None or closed > result.start_time):
            result.end_time = closed

    def _chair_listed(self) -> list[str]:
        """ "Närvarande: Pär Nuder, ordf. Ledamöter: …": the chair marked in a flattened list on top."""
        for raw in self.lines[:40]:
            match = _CHAIR_MARKED.search(raw)
            if match:
                return _names(match.group("names"), first_names=False)
        return []

    def _officers_in(self, line: str):
        """(office kind, names) for each election or officer statement in one line."""
        match = _OFFICER_LINE.match(line)
        if match:
            yield _office_kind(match.group("office")), _names(match.group("names"), first_names=True)
            return
        match = _IS_OFFICER.match(line)
        if match:
            yield _office_kind(match.group("office")), _names(match.group("names"), first_names=True)
            return
        for match in _ADJUSTS.finditer(line):
            yield "adjusters", _names(match.group("before") or match.group("after"), first_names=False)
        for pattern in (_ELECTED_BEFORE, _ELECTED_AFTER, _ELECTED_INVERTED):
            for match in pattern.finditer(line):
                yield _office_kind(match.group("office")), _names(match.group("names"), first_names=False)
                rest = line[match.end() :]
                more = _ELECTED_MORE.match(rest)
                while more:
                    yield _office_kind(more.group("office")), _names(more.group("names"), first_names=False)
                    rest = rest[more.end() :]
                    more = _ELECTED_MORE.match(rest)
