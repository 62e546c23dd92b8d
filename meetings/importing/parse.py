"""Step 2: the text of one protocol into a structured result.

The rules are general (headings, labels, name shapes) rather than tied to one body's layout: the
importer meets protocols it has never seen. Anything the text does not say stays ``None``; nothing
is guessed (a date without a year is no date).

A vacant seat ("Vakant, Lilla Edet") is an attendee whose ``name`` is ``None``.
"""

from __future__ import annotations

import contextlib
import datetime
import html
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import ImportProblem
from .places import is_municipality, organisation_expand

# ---------------------------------------------------------------------------------------------
# Result


@dataclass
class Attendee:
    name: str | None
    party: str | None = None
    municipality: str | None = None
    organisation: str | None = None
    title: str | None = None
    present: bool = True
    # Attendance.Group: member, serving_substitute, substitute, secretary, official, guest.
    group: str = "member"
    # Attendance.Role: chair, vice_chair, second_vice_chair or "".
    body_role: str = ""
    paragraphs: tuple[int, int] | None = None
    agenda_position: int | None = None
    side: str | None = None

    @property
    def role(self) -> str:
        """The single role word of the JSON result."""
        if self.body_role in ("chair", "vice_chair"):
            return self.body_role
        if self.body_role == "second_vice_chair":
            return "vice_chair"
        return {"serving_substitute": "substitute"}.get(self.group, self.group)

    def as_dict(self, *, full: bool = False) -> dict:
        data = {
            "name": self.name,
            "party": self.party,
            "municipality": self.municipality,
            "role": self.role,
            "title": self.title,
            "organisation": self.organisation,
            "present": self.present,
            "paragraphs": list(self.paragraphs) if self.paragraphs else None,
        }
        if full:
            data.update(
                group=self.group,
                body_role=self.body_role,
                agenda_position=self.agenda_position,
                side=self.side,
            )
        return data


@dataclass
class DecisionText:
    text: str
    kind: str

    def as_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind}


@dataclass
class Item:
    number: int | None
    position: int
    title: str
    case_number: str | None = None
    presenters: list[str] = field(default_factory=list)
    text: str = ""
    discussion: str = ""
    decisions: list[DecisionText] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @property
    def decision(self) -> str | None:
        return "\n".join(d.text for d in self.decisions) or None

    def as_dict(self, *, full: bool = False) -> dict:
        data = {
            "number": self.number,
            "position": self.position,
            "title": self.title,
            "decision": self.decision,
            "presenters": list(self.presenters),
            "text": self.text,
        }
        if full:
            data.update(
                case_number=self.case_number,
                discussion=self.discussion,
                links=list(self.links),
                decisions=[d.as_dict() for d in self.decisions],
            )
        return data


@dataclass
class SignatureText:
    name: str | None
    signed_as: str = ""
    signed_at: datetime.datetime | None = None
    reference: str = ""
    method: str = "bankid"

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "signed_as": self.signed_as,
            "signed_at": self.signed_at.isoformat(sep=" ") if self.signed_at else None,
            "reference": self.reference,
            "method": self.method,
        }


@dataclass
class ParseResult:
    body: str | None = None
    organisation: str | None = None
    record_kind: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    location: str | None = None
    mode: str | None = None
    paragraph_range: tuple[int, int] | None = None
    attendees: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    secretary_title: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment_place: str | None = None
    items: list[Item] = field(default_factory=list)
    next_meetings: list[datetime.date] = field(default_factory=list)
    signatures: list[SignatureText] = field(default_factory=list)

    def as_dict(self, *, full: bool = False) -> dict:
        """The result as JSON-ready data; ``full`` adds what the JSON contract leaves out."""

        def iso(value):
            return value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else value

        data = {
            "body": self.body,
            "organisation": self.organisation,
            "record_kind": self.record_kind,
            "date": self.date.isoformat() if self.date else None,
            "start_time": iso(self.start_time),
            "end_time": iso(self.end_time),
            "location": self.location,
            "paragraph_range": list(self.paragraph_range) if self.paragraph_range else None,
            "attendees": [a.as_dict(full=full) for a in self.attendees],
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": list(self.adjusters),
            "items": [i.as_dict(full=full) for i in self.items],
            "next_meetings": [d.isoformat() for d in self.next_meetings],
        }
        if full:
            data.update(
                mode=self.mode,
                secretary_title=self.secretary_title,
                adjustment_place=self.adjustment_place,
                signatures=[s.as_dict() for s in self.signatures],
            )
        return data


# ---------------------------------------------------------------------------------------------
# Text preparation

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


# ---------------------------------------------------------------------------------------------
# Shapes of words and names

_UPPER = "A-ZÅÄÖÉÜÆØ"
_LOWER = "a-zåäöéüæøèáíóúçñ"
_NAME_TOKEN = re.compile(
    rf"^(?:[{_UPPER}][{_LOWER}{_UPPER}'’.]*(?:-[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’]*)*)$"
)
_PARTICLES = {"von", "af", "de", "van", "der", "la", "du", "di", "da", "el", "bin", "al"}
_ROLE_WORDS = {
    "ordförande",
    "vice",
    "justerare",
    "justerande",
    "sekreterare",
    "ledamot",
    "ersättare",
    "1:e",
    "2:e",
    "förste",
    "andre",
}
_MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_TITLE_ENDINGS = (
    "chef",
    "ledare",
    "sekreterare",
    "handläggare",
    "direktör",
    "strateg",
    "utvecklare",
    "samordnare",
    "ansvarig",
    "forskare",
    "analytiker",
    "controller",
    "jurist",
    "ekonom",
    "planerare",
    "utredare",
    "rådgivare",
    "specialist",
    "konsult",
    "assistent",
    "tjänsteperson",
    "tjänsteman",
    "koordinator",
    "kommunikatör",
    "expert",
    "sakkunnig",
    "revisor",
    "ombudsman",
    "registrator",
    "arkivarie",
    "föredragande",
    "representant",
    "gäst",
    "doktorand",
    "professor",
)


def _words(text: str) -> list[str]:
    return text.split()


def looks_like_name(text: str, *, min_tokens: int = 2) -> bool:
    """True for "Kent Lagrell", "Britt-Marie Kuylenstierna", "Eva Klang Vänerklint", "KENT LAGRELL"."""
    tokens = _words(text)
    if not (min_tokens <= len(tokens) <= 5):
        return False
    if any(token.casefold() in _ROLE_WORDS for token in tokens):
        return False
    named = 0
    for token in tokens:
        if token.casefold() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(token) or any(c.isdigit() for c in token):
            return False
        named += 1
    return named >= min_tokens or (named >= 1 and min_tokens == 1)


def name_tidy(text: str) -> str:
    """One space between words, and "KENT LAGRELL" as "Kent Lagrell"."""
    text = " ".join(text.split()).strip(" ,;:.")
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        text = "-".join(part.capitalize() for part in text.lower().split("-"))
        text = " ".join(
            word if word in _PARTICLES else "-".join(p.capitalize() for p in word.split("-"))
            for word in text.split()
        )
    return text


def _tidy_heading(text: str) -> str:
    """ "ÖCKERÖ KOMMUN" as "Öckerö kommun"; text in mixed case as it is."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(
        w if i and w in ("kommun", "stad", "för", "och", "i") else w.capitalize() for i, w in enumerate(words)
    )


def _is_upper_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and not re.search(r"\(\w+\)", text)


# ---------------------------------------------------------------------------------------------
# Dates and times

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_TEXT_DATE = re.compile(
    r"\b(\d{1,2})(?::e|:a)?\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_TIME_RANGE = re.compile(
    r"(?:\bkl(?:ockan)?\.?\s*)(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:[-–—]|till)\s*(\d{1,2})(?:[.:](\d{2}))?)?"
    r"|\b(\d{1,2})[.:](\d{2})\s*(?:[-–—]|till)\s*(\d{1,2})[.:](\d{2})\b",
    re.IGNORECASE,
)


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def dates_find(text: str, *, year: int | None = None) -> list[tuple[int, datetime.date]]:
    """Dates in the text with their offsets; a date without a year only when ``year`` is known."""
    found = []
    for match in _ISO_DATE.finditer(text):
        value = _date(*match.groups())
        if value and 1900 < value.year < 2200:
            found.append((match.start(), value))
    for match in _TEXT_DATE.finditer(text):
        day, month, match_year = match.groups()
        if match_year is None and year is None:
            continue
        value = _date(match_year or year, _MONTHS[month.casefold()], day)
        if value and 1900 < value.year < 2200:
            found.append((match.start(), value))
    return sorted(found, key=lambda pair: pair[0])


def _time(hour, minute) -> datetime.time | None:
    try:
        return datetime.time(int(hour), int(minute or 0))
    except (TypeError, ValueError):
        return None


def times_find(text: str) -> tuple[datetime.time | None, datetime.time | None]:
    """Start and end time from "kl. 13.00-15.00", "kl 9-11", "13:00–14:30"."""
    match = _TIME_RANGE.search(text)
    if not match:
        return None, None
    groups = match.groups()
    if groups[0] is not None:
        start = _time(groups[0], groups[1])
        end = _time(groups[2], groups[3]) if groups[2] else None
    else:
        start, end = _time(groups[4], groups[5]), _time(groups[6], groups[7])
    if start and end and end <= start:
        end = None
    return start, end


# ---------------------------------------------------------------------------------------------
# Agenda item headings

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
    return headings if len(headings) >= 2 else []


# ---------------------------------------------------------------------------------------------
# Header labels

_LABELS = [
    # (pattern, kind, value): the longest labels first.
    (r"justeringens(?:\s+(?:plats\s+och\s+tid|tid\s+och\s+plats|plats|tid))?", "adjustment", None),
    (r"plats\s+och\s+tid|tid\s+och\s+plats|sammanträdestid|mötestid", "when", None),
    (r"sammanträdesdatum|mötesdatum|datum", "when", None),
    (r"tid", "when", None),
    (r"plats|lokal|mötesplats", "where", None),
    (r"mötesform", "mode", None),
    (r"utses\s+att\s+justera|justerare|justerande|justering", "adjusters", None),
    (r"paragrafer|paragraf|§§", "paragraphs", None),
    (r"underskrifter|underskrift", "signatures", None),
    (
        r"ej\s+närvarande(?:\s+ledamöter)?|frånvarande(?:\s+ledamöter)?|förhindrade|anmält\s+förhinder",
        "absent",
        None,
    ),
    (
        r"beslutande(?:\s+ledamöter)?|närvarande\s+ledamöter|ordinarie\s+ledamöter|ledamöter",
        "group",
        "member",
    ),
    (r"tjänstgörande\s+ersättare|tjänstgörande\s+ersättande", "group", "serving_substitute"),
    (
        r"ej\s+tjänstgörande\s+ersättare|närvarande\s+ersättare|ersättare|ersättande",
        "group",
        "substitute",
    ),
    (r"sekreterare|protokollförare|sekretariat", "group", "secretary"),
    (
        r"övriga\s+närvarande|övriga\s+deltagare|övriga\s+deltagande|övriga|närvarande\s+tjänstepersoner"
        r"|tjänstepersoner|tjänstemän|deltagande\s+tjänstepersoner|närvarande\s+tjänstemän",
        "group",
        "official",
    ),
    (r"inbjudna(?:\s+gäster)?|inbjuden|inbjudna\s+för\s+\S+|gäster|adjungerade|adjungerad", "group", "guest"),
    (r"närvarande", "present", None),
    (r"ordförande", "chair", None),
    (r"anteckningar|mötesanteckningar|minnesanteckningar|protokoll|sammanträdesprotokoll", "record", None),
    (r"dagordning|ärendelista|ärenden", "record", None),
]
_LABEL_RES = [
    (re.compile(rf"^\s*(?:{pattern})\s*(?::\s*|\s{{2,}}|$)(.*)$", re.IGNORECASE), kind, value)
    for pattern, kind, value in _LABELS
]
_PRESENT_FROM = re.compile(r"^\s*(ej\s+)?närvarande\s+(?:från|för)\s+(.+?)\s*:?\s*$", re.IGNORECASE)
_SIDE = re.compile(r"(?:^|\s{2,})(För\s+[^\s].{0,40}?)(?=\s{2,}|$)")


def _label(line: str):
    for regex, kind, value in _LABEL_RES:
        match = regex.match(line)
        if match:
            return kind, value, match.group(1).strip()
    return None


# ---------------------------------------------------------------------------------------------
# Attendance lines

_PARTY = re.compile(r"\(\s*([A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]{1,3})\s*\)")
_PRESENCE = re.compile(
    r",?\s*\(?(?:§§?|paragraf(?:erna)?)\s*(\d{1,4})(?:\s*(?:[-–—]|till)\s*(\d{1,4}))?\)?", re.IGNORECASE
)
_ITEM_GUEST = re.compile(r"^\s*(?:punkt\s+)?(\d{1,2})\s*\)\s*", re.IGNORECASE)
_ROLE_PHRASES = [
    (re.compile(r"\b(?:2:e|andre|andra)\s+vice\s+ordförande\b", re.IGNORECASE), "second_vice_chair", None),
    (re.compile(r"\b(?:1:e|förste|första)?\s*vice\s+ordförande\b", re.IGNORECASE), "vice_chair", None),
    (re.compile(r"\bordförande\b", re.IGNORECASE), "chair", None),
    (re.compile(r"\btjänstgörande\s+ersättare\b(?:\s+för\s+.*)?", re.IGNORECASE), "", "serving_substitute"),
    (re.compile(r"\bersättare\b(?:\s+för\s+.*)?", re.IGNORECASE), "", "substitute"),
    (re.compile(r"\b(?:sekreterare|protokollförare|nämndsekreterare)\b", re.IGNORECASE), "", "secretary"),
    (re.compile(r"\bledamot\b", re.IGNORECASE), "", "member"),
]
_NON_PLACE_ORGANISATION = re.compile(r"region|förbund|\bGR\b|VGR|VästKom|FoU|SKR|sjukhus|universitet", re.I)


@dataclass
class _Section:
    present: bool = True
    group: str = "member"
    organisation: str | None = None
    sides: list[tuple[str, int]] = field(default_factory=list)
    side: str | None = None


def _attendee(entry: str, section: _Section) -> Attendee | None:
    """One attendee from "Nina Miskovsky (M), Göteborg § 171-176" and its many relatives."""
    text = " ".join(entry.replace("•", " ").split()).strip(" ,;")
    if not text:
        return None
    agenda_position = None
    match = _ITEM_GUEST.match(text)
    if match:
        agenda_position = int(match.group(1))
        text = text[match.end() :]
    paragraphs = None
    match = _PRESENCE.search(text)
    if match:
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        paragraphs = (first, max(first, last))
        text = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    party = None
    match = _PARTY.search(text)
    if match:
        party = match.group(1).upper() if len(match.group(1)) <= 2 else match.group(1)
        text = (text[: match.start()] + "," + text[match.end() :]).strip()
    text = re.sub(r"\s+[–—-]\s+", ", ", text)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if not segments:
        return None
    head = segments.pop(0)
    attendee = Attendee(
        name=None,
        party=party,
        present=section.present,
        group=section.group,
        paragraphs=paragraphs,
        agenda_position=agenda_position,
        side=section.side,
    )
    if head.split()[0].casefold() in {"vakant", "vakans", "vacant"}:
        attendee.name = None
        if attendee.group not in ("member", "substitute", "serving_substitute"):
            attendee.group = "member"
        rest = head.split()[1:]
        if rest:
            segments.insert(0, " ".join(rest))
    else:
        # A role written after the name without a comma: "Kent Lagrell ordförande".
        for regex, _body_role, _group in _ROLE_PHRASES:
            match = regex.search(head)
            if match and match.start() > 0:
                segments.insert(0, head[match.start() :])
                head = head[: match.start()].strip()
                break
        if not head or not head[0].isupper() or len(head.split()) > 6 or any(c.isdigit() for c in head):
            return None
        attendee.name = name_tidy(head)
    titles: list[str] = []
    places: list[str] = []
    for segment in segments:
        role_found = False
        for regex, body_role, group in _ROLE_PHRASES:
            if regex.fullmatch(segment.strip()) or regex.match(segment.strip()):
                if body_role:
                    attendee.body_role = body_role
                if (
                    group
                    and not (group == "member" and attendee.group != "member")
                    and (group == "secretary" or attendee.group in ("member", "substitute"))
                ):
                    attendee.group = group
                role_found = True
                break
        if role_found:
            continue
        first_word = segment.split()[0]
        if segment[0].islower() or first_word.casefold().endswith(_TITLE_ENDINGS):
            titles.append(segment)
        else:
            places.append(segment)
    if titles:
        attendee.title = ", ".join(titles)
    for place in places:
        is_member = attendee.party is not None or attendee.group in (
            "member",
            "substitute",
            "serving_substitute",
        )
        if attendee.municipality is None and (
            is_municipality(place) or (is_member and not _NON_PLACE_ORGANISATION.search(place))
        ):
            attendee.municipality = place
        elif attendee.organisation is None:
            attendee.organisation = organisation_expand(place)
        else:
            attendee.organisation = f"{attendee.organisation}, {place}"
    if attendee.organisation is None and attendee.municipality is None and section.organisation:
        attendee.organisation = section.organisation
    return attendee


def _split_entries(line: str, *, inline: bool) -> list[str]:
    """Several attendees on one line: a list after "Frånvarande:" or a line a PDF flattened."""
    text = line.strip()
    parties = list(_PARTY.finditer(text))
    if len(parties) >= 2:
        # Split before each "Name (P)": the name is the run of capitalised words before the party.
        starts = []
        for match in parties:
            before = text[: match.start()].rstrip(" ,")
            tokens = before.split()
            count = 0
            while count < min(4, len(tokens)) and _NAME_TOKEN.match(tokens[-1 - count].strip(",")):
                if tokens[-1 - count].endswith(","):
                    break
                count += 1
            if count:
                start = len(" ".join(tokens[:-count]))
                starts.append(start)
        starts = sorted(set(starts))
        if len(starts) >= 2:
            pieces = []
            bounds = [*starts[1:], len(text)]
            head = text[: starts[0]]
            for start, end in zip(starts, bounds, strict=True):
                pieces.append(text[start:end].strip(" ,;"))
            if head.strip(" ,;") and pieces:
                pieces[0] = f"{head.strip()} {pieces[0]}"
            return [p for p in pieces if p]
    segments = [s.strip() for s in re.split(r"[,;]|\s+och\s+", text) if s.strip()]
    if len(segments) >= (2 if inline else 3) and all(looks_like_name(s) for s in segments):
        return segments
    return [text]


def _joined_entry_lines(pending: list[tuple]) -> list[tuple]:
    """Entries wrapped over two lines ("…sjukvårdsnämnd,\\nVästra Götalandsregionen § 175") joined."""
    joined: list[tuple] = []
    for text, section, inline in pending:
        stripped = text.strip()
        if (
            joined
            and joined[-1][1] is section
            and (
                joined[-1][0].rstrip().endswith((",", " och", "-", "/"))
                or (stripped[:1].islower() and not _ITEM_GUEST.match(stripped))
            )
        ):
            previous = joined[-1]
            joined[-1] = (previous[0].rstrip() + " " + stripped, previous[1], previous[2])
        else:
            joined.append((text, section, inline))
    return joined


# ---------------------------------------------------------------------------------------------
# Parser


class _Parser:
    def __init__(self, text: str):
        self.lines = text_prepare(text)
        self.result = ParseResult()

    def parse(self) -> ParseResult:
        lines = self.lines
        headings = _item_headings(lines)
        first_item = headings[0]["index"] if headings else len(lines)
        closing = self._closing_start(headings)
        header = lines[:first_item]
        self._record_kind(header, headings)
        self._header(header)
        self._body_and_organisation(header)
        self._items(headings, closing)
        self._closing(lines[closing:] if headings else lines[first_item:])
        self._next_meetings()
        self._finish()
        if not self.result.items and not self.result.attendees:
            raise ImportProblem(
                _(
                    "The text does not look like a protocol or notes: no attendance list and no agenda items were found."
                )
            )
        return self.result

    # -- structure --------------------------------------------------------------------------

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

    def _record_kind(self, header: list[str], headings) -> None:
        top = " ".join(line for line in header[:12] if line.strip()).casefold()
        everything = "\n".join(self.lines).casefold()
        if re.search(r"anteckningar|minnesanteckning|mötesanteckning", top):
            kind = "notes"
        elif "protokoll" in top or re.search(r"^\s*(vid\s+protokollet|justeras)", everything, re.MULTILINE):
            kind = "protocol"
        elif re.search(r"^\s*(antecknat\s+av|vid\s+anteckningarna)", everything, re.MULTILINE):
            kind = "notes"
        else:
            kind = None
        self.result.record_kind = kind

    def _header(self, header: list[str]) -> None:
        section: _Section | None = None
        pending: list[tuple[str, _Section, bool]] = []
        when_texts: list[str] = []
        mode_texts: list[str] = []
        where_texts: list[str] = []
        current_field: str | None = None
        result = self.result

        def flush():
            for entry, entry_section, inline in _joined_entry_lines(pending):
                self._entries(entry, entry_section, inline=inline)
            pending.clear()

        for raw in header:
            line = raw.rstrip()
            stripped = line.strip()
            if not stripped:
                continue
            match = _PRESENT_FROM.match(stripped)
            if match:
                flush()
                source = match.group(2).strip()
                absent = bool(match.group(1))
                # "från GR", "från Göteborgsregionen": an organisation; "från nätverket": the body itself.
                is_organisation = (source.isupper() and len(source) <= 6) or (
                    source[0].isupper() and not source.isupper()
                )
                if not is_organisation:
                    section = _Section(present=not absent, group="member")
                else:
                    section = _Section(
                        present=not absent, group="official", organisation=organisation_expand(source)
                    )
                current_field = None
                continue
            sides = [(m.group(1).strip(), m.start(1)) for m in _SIDE.finditer(line)]
            if sides and section is not None and stripped.startswith("För"):
                flush()
                section = _Section(
                    present=section.present,
                    group=section.group,
                    organisation=section.organisation,
                    sides=sides,
                )
                if len(sides) == 1:
                    section.side = sides[0][0]
                continue
            label = _label(line)
            indented = len(line) - len(line.lstrip()) >= 2
            if label and not (indented and current_field in ("when", "where", "adjusters")):
                kind, value, rest = label
                flush()
                current_field = None
                if kind in ("when", "where", "mode", "adjusters", "adjustment", "signatures"):
                    current_field = kind
                    section = None if kind != "signatures" else section
                    if kind == "when" and rest:
                        when_texts.append(rest)
                    elif kind == "where" and rest:
                        where_texts.append(rest)
                    elif kind == "mode" and rest:
                        mode_texts.append(rest)
                    elif kind == "adjusters" and rest:
                        self._adjusters_from(rest)
                    elif kind == "adjustment" and rest:
                        result.adjustment_place = rest
                    elif kind == "signatures" and rest:
                        self._signature_line(rest)
                    continue
                if kind == "paragraphs":
                    numbers = re.findall(r"\d{1,4}", rest)
                    if len(numbers) >= 2 and int(numbers[1]) >= int(numbers[0]):
                        result.paragraph_range = (int(numbers[0]), int(numbers[1]))
                    elif len(numbers) == 1:
                        result.paragraph_range = (int(numbers[0]), int(numbers[0]))
                    section = None
                    continue
                if kind == "record":
                    section = None
                    continue
                if kind == "chair":
                    if rest and looks_like_name(rest.split(",")[0].split("(")[0]):
                        result.chair = name_tidy(rest.split(",")[0].split("(")[0])
                    continue
                if kind == "absent":
                    section = _Section(present=False, group="member")
                elif kind == "present":
                    section = _Section(present=True, group="member")
                elif kind == "group":
                    present = section.present if section is not None else True
                    if re.match(r"\s*(beslutande|närvarande|tjänstgörande)", stripped, re.IGNORECASE):
                        present = True
                    section = _Section(
                        present=present,
                        group=value,
                        organisation=section.organisation if section and value == "official" else None,
                    )
                if rest:
                    pending.append((rest, section, True))
                continue
            if current_field == "when" and (indented or not section):
                when_texts.append(stripped)
                continue
            if current_field == "where" and (indented or not section):
                where_texts.append(stripped)
                continue
            if current_field == "adjusters" and indented:
                self._adjusters_from(stripped)
                continue
            if current_field == "signatures":
                self._signature_line(stripped)
                continue
            if _is_upper_heading(stripped) and not looks_like_name(stripped):
                flush()
                section = None
                continue
            if section is None:
                continue
            if section.sides:
                self._side_line(line, section, pending)
            else:
                pending.append((line, section, False))
        flush()
        self._when(when_texts, where_texts, mode_texts)

    def _side_line(self, line: str, section: _Section, pending) -> None:
        for match in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|$)", line):
            offset = match.start()
            side = section.sides[0][0]
            for name, start in section.sides:
                if offset >= start - 4:
                    side = name
            pending.append(
                (
                    match.group(0),
                    _Section(
                        present=section.present,
                        group=section.group,
                        organisation=section.organisation,
                        side=side,
                    ),
                    False,
                )
            )

    def _entries(self, entry: str, section: _Section, *, inline: bool) -> None:
        for piece in _split_entries(entry, inline=inline):
            attendee = _attendee(piece, section)
            if attendee is not None:
                self.result.attendees.append(attendee)

    def _when(self, when_texts, where_texts, mode_texts) -> None:
        result = self.result
        text = " ".join(when_texts)
        dates = dates_find(text)
        if dates:
            result.date = dates[0][1]
        else:
            for line in [line for line in self.lines if line.strip()][:6]:
                if _label(line):
                    continue
                dates = dates_find(line)
                if dates:
                    result.date = dates[0][1]
                    if not text:
                        text = line
                    break
        result.start_time, result.end_time = times_find(text)
        place = " ".join(where_texts)
        if not place and text:
            place = _ISO_DATE.sub("", text)
            place = _TEXT_DATE.sub("", place)
            place = _TIME_RANGE.sub("", place)
            place = re.sub(
                r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b", "", place, flags=re.I
            )
            place = re.sub(r"\b(?:den|klockan)\b", "", place, flags=re.IGNORECASE)
            place = re.sub(r"\s*,\s*(?=,|$)", "", place)
        place = " ".join(place.split()).strip(" ,;:-–")
        result.location = place or None
        everything = f"{place} {' '.join(mode_texts)}".casefold()
        if "hybrid" in everything:
            result.mode = "hybrid"
        elif re.search(r"teams|zoom|digital|distans|webex|skype|videolänk", everything):
            result.mode = "digital"
        elif place:
            result.mode = "in_person"
        if not result.location and mode_texts:
            result.location = " ".join(mode_texts).strip() or None

    _BODY_WORDS = re.compile(
        r"(fullmäktige|styrelse|nämnd|styrgrupp|nätverk|utskott|ledningsgrupp|samrådsorgan|beredning|"
        r"presidium|råd\b|rådet\b|kommitté)",
        re.IGNORECASE,
    )
    _ORGANISATION_LINE = re.compile(
        r"^(?:[\wåäöÅÄÖ-]+\s+){0,3}?(?:kommun|stad|regionen|kommunalförbund|kommunförbund)$"
        r"|^Region\s+\S+$|^[\wåäöÅÄÖ]+regionen$",
        re.IGNORECASE,
    )

    def _body_and_organisation(self, header: list[str]) -> None:
        result = self.result
        top = [line for line in header if line.strip()][:8]
        for line in top:
            for segment in re.split(r"\s{2,}", line.strip()):
                if _label(segment) or _PRESENT_FROM.match(segment):
                    continue
                segment = _TIME_RANGE.sub("", _ISO_DATE.sub("", _TEXT_DATE.sub("", segment)))
                segment = " ".join(segment.split()).strip(" ,-–")
                if not segment or len(segment) > 90:
                    continue
                if result.organisation is None and self._ORGANISATION_LINE.match(segment):
                    result.organisation = _tidy_heading(segment)
                    continue
                if result.body is None and self._BODY_WORDS.search(segment):
                    body = re.sub(
                        r"^(?:sammanträdes)?(?:protokoll|mötesanteckningar|minnesanteckningar|anteckningar)"
                        r"(?:\s+(?:från|för|vid))?\s*",
                        "",
                        segment,
                        flags=re.IGNORECASE,
                    ).strip(" :,-–")
                    if body and len(body.split()) <= 10 and not body.endswith("."):
                        body = body.capitalize() if body.isupper() else body[0].upper() + body[1:]
                        result.body = body

    # -- items ------------------------------------------------------------------------------

    _SECTION_HEADING = re.compile(
        r"^\s*(?P<name>sammanfattning(?:\s+av\s+ärendet?)?|ärendebeskrivning|beskrivning\s+av\s+ärendet|bakgrund"
        r"|ärendet|dialog|diskussion|synpunkter|frågor\s+och\s+synpunkter|förslag\s+till\s+beslut"
        r"|(?:[\wåäö]+s\s+)?beslut(?:et)?|ställningstagande|beslut\s*/\s*ställningstagande"
        r"|beslutsunderlag|handlingar|expedieras|yrkanden?|protokollsanteckning(?:ar)?|reservation(?:er)?"
        r"|jäv|omröstning|propositionsordning|föredragande|särskilt\s+yttrande)\s*:?\s*$",
        re.IGNORECASE,
    )
    _INLINE_DECISION = re.compile(
        r"^\s*(?:beslut|ställningstagande|beslutades|beslöts)(?P<label>\s+[^:]{1,40})?\s*:\s*(?P<text>.*)$",
        re.IGNORECASE,
    )
    _PRESENTERS_LINE = re.compile(r"^\s*föredragande\s*:?\s*(?P<names>.+)$", re.IGNORECASE)

    def _items(self, headings, closing: int) -> None:
        lines = self.lines
        for position, heading in enumerate(headings, start=1):
            start = heading["index"]
            end = headings[position]["index"] if position < len(headings) else closing
            end = max(end, start + 1)
            title = heading["title"].strip()
            case_number = None
            match = _CASE_NUMBER.search(title)
            if match:
                case_number = match.group(1).strip()
                title = (title[: match.start()] + title[match.end() :]).strip(" ,")
            last = start
            if not title:
                j = start + 1
                while j < end and not lines[j].strip():
                    j += 1
                if j < end:
                    candidate = lines[j].strip()
                    match = _CASE_NUMBER.search(candidate)
                    if match and case_number is None:
                        case_number = match.group(1).strip()
                        j += 1
                        while j < end and not lines[j].strip():
                            j += 1
                        candidate = lines[j].strip() if j < end else ""
                    title, last = candidate, j
            title, last = _heading_title(lines, last, title)
            # "it- stöd" broken at a line end and joined again is "it-stöd"; "hälso- och" stays.
            title = re.sub(r"\b([a-zåäö]{1,4})- (?!och\b|eller\b|samt\b|till\b)([a-zåäö])", r"\1-\2", title)
            if title.endswith(".") and not title.endswith(".."):
                title = title[:-1].rstrip()
            body = lines[last + 1 : end]
            if case_number is None:
                for line in body[:3]:
                    match = re.match(r"^\s*(?:Dnr|Diarienummer)\.?\s*:?\s*(\S.*)$", line, re.IGNORECASE)
                    if match:
                        case_number = match.group(1).strip()
                        body = [b for b in body if b is not line]
                        break
            item = Item(
                number=heading["number"], position=position, title=title[:500], case_number=case_number
            )
            self._item_body(item, body)
            self.result.items.append(item)

    def _item_body(self, item: Item, body: list[str]) -> None:
        mode = "text"
        blocks: dict[str, list[str]] = {"text": [], "discussion": []}
        decision_lines: list[list[str]] = []
        had_heading = False
        inline_open = False
        # Several labelled decisions ("Beslut Nära Vård: …", "Beslut Digitalisering: …") divide the
        # item: each runs on to the next one, with its details. A single one is its sentence.
        labelled = sum(
            1 for line in body if (m := self._INLINE_DECISION.match(line)) and m.group("text").strip()
        )
        sectioned = False
        for line in body:
            stripped = line.strip()
            match = _URL_LINE.match(stripped)
            if match:
                if match.group(1) not in item.links:
                    item.links.append(match.group(1))
                continue
            if (
                sectioned
                and not self._INLINE_DECISION.match(stripped)
                and not self._SECTION_HEADING.match(stripped)
            ):
                decision_lines[-1].append(stripped)
                continue
            if inline_open:
                if not stripped or stripped.startswith("•") or self._SECTION_HEADING.match(stripped):
                    inline_open = False
                else:
                    decision_lines[-1].append(stripped)
                    if stripped.endswith((".", "!", "?")):
                        inline_open = False
                    continue
            if not stripped:
                (decision_lines[-1] if mode == "decision" else blocks[mode]).append("")
                continue
            match = self._PRESENTERS_LINE.match(stripped)
            if match and not self._SECTION_HEADING.match(stripped):
                item.presenters.extend(self._names_in(match.group("names")))
                continue
            heading = self._SECTION_HEADING.match(stripped)
            if heading:
                had_heading = True
                name = heading.group("name").casefold()
                if re.search(r"beslut(et)?$|ställningstagande", name) and not name.startswith("förslag"):
                    mode = "decision"
                    decision_lines.append([])
                elif name.startswith(("dialog", "diskussion", "synpunkter", "frågor")):
                    mode = "discussion"
                elif name == "föredragande":
                    mode = "presenters"
                elif name.startswith(("sammanfattning", "ärende", "beskrivning", "bakgrund")):
                    mode = "text"
                else:
                    mode = "text"
                    blocks["text"].extend(["", stripped, ""])
                continue
            match = self._INLINE_DECISION.match(stripped)
            if match:
                had_heading = True
                label = (match.group("label") or "").strip()
                text = match.group("text").strip()
                decision_lines.append([f"{label}: {text}" if label and text else text])
                blocks[mode if mode != "decision" else "text"].append("")
                sectioned = labelled >= 2 and bool(text)
                inline_open = bool(text) and not text.endswith((".", "!", "?")) and not sectioned
                if not text:
                    mode = "decision"
                elif mode == "decision":
                    mode = "text"
                continue
            if mode == "presenters":
                names = self._names_in(stripped)
                if names:
                    item.presenters.extend(names)
                    continue
                mode = "text"
            if mode == "decision":
                decision_lines[-1].append(stripped)
            else:
                blocks[mode].append(line)
        for lines in decision_lines:
            text = _paragraphs(lines)
            if text:
                item.decisions.append(DecisionText(text=text, kind=decision_kind(text)))
        text = _paragraphs(blocks["text"])
        if not had_heading and not item.decisions:
            text = self._implicit_decisions(item, text)
        if (
            not had_heading
            and not item.decisions
            and item.number is not None
            and text
            and "\n" not in text
            and len(text) <= 120
            and len(re.findall(r"[.!?](?:\s|$)", text)) <= 1
        ):
            # The one short sentence under a § is its outcome: "Inga övriga ärenden."
            item.decisions.append(DecisionText(text=text, kind=decision_kind(text)))
            text = ""
        item.text = text
        item.discussion = _paragraphs(blocks["discussion"])
        item.presenters = list(dict.fromkeys([*item.presenters, *self._presenters_in(item.text)]))

    _DECISION_VERBS = re.compile(
        r"\b(väljs|valdes|utses|fastställs|fastställdes|godkänns|godkändes|antecknas|antecknades|"
        r"läggs\s+till\s+handlingarna|noterar\s+informationen|beslutar|beslutade|i\s+uppdrag)\b",
        re.IGNORECASE,
    )

    def _implicit_decisions(self, item: Item, text: str) -> str:
        """Short paragraphs such as "Dagordningen fastställs." are the decision of a bare item."""
        kept = []
        for paragraph in text.split("\n\n"):
            sentence_count = len(re.findall(r"[.!?](?:\s|$)", paragraph))
            if (
                len(paragraph) <= 250
                and sentence_count <= 1
                and not paragraph.startswith("-")
                and self._DECISION_VERBS.search(paragraph)
            ):
                item.decisions.append(DecisionText(text=paragraph, kind=decision_kind(paragraph)))
            else:
                kept.append(paragraph)
        return "\n\n".join(kept)

    _NAME_RUN = rf"[{_UPPER}][\w'’-]+(?:\s+(?:von|af|de|van)?\s*[{_UPPER}][\w'’-]+){{1,3}}"
    _PRESENTER = re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^-\s)|(?<=\n-\s))(?P<first>{_NAME_RUN})"
        r"(?:,[^.\n]{1,120}?,|\s[^.\n,]{1,40}?)??"
        rf"(?:\s+(?:och|samt)\s+(?P<second>{_NAME_RUN})(?:,[^.\n]{{1,60}}?,|\s[^.\n,]{{1,30}}?)??)?"
        r"\s+(?:och\s+)?"
        r"(?:informerar|berättar|presenterar|redogör|föredrar|återkopplar|rapporterar|reflekterar|"
        r"ger\s+(?:en\s+)?(?:kort\s+)?(?:information|beskrivning|bakgrund|redogörelse|presentation|lägesrapport)|"
        r"gör\s+en\s+(?:kort\s+)?(?:inramning|presentation|genomgång|redogörelse)|går\s+igenom|visar|delger)\b",
    )

    def _presenters_in(self, text: str) -> list[str]:
        names = []
        for match in self._PRESENTER.finditer(text):
            for group in ("first", "second"):
                value = match.group(group)
                if value and looks_like_name(value):
                    names.append(name_tidy(value))
        return names

    def _names_in(self, text: str) -> list[str]:
        names = []
        for part in re.split(r",|\s+och\s+|\s+samt\s+|;", text):
            part = _PARTY.sub("", part).strip()
            words = part.split()
            # "Anna Berg, ekonomichef" → the name; "ekonomichef" is dropped.
            if words and looks_like_name(" ".join(words[:3])) and len(words) <= 3:
                names.append(name_tidy(part))
            elif len(words) >= 2 and looks_like_name(" ".join(words[:2])):
                names.append(name_tidy(" ".join(words[:2])))
        return names

    # -- closing: secretary, adjustment, signatures -----------------------------------------

    _KEEPER = re.compile(
        r"^\s*(?:vid\s+protokollet|vid\s+anteckningarna|antecknat\s+av|antecknare|protokollförare|"
        r"sekreterare)\s*[:.]*\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )
    _ADJUSTMENT = re.compile(r"^\s*(?:justeras|justerat|justerare|justerande)\s*[:.]*\s*(?P<rest>.*)$", re.I)
    _SIGNED_BY = re.compile(r"^\s*(?:signed\s+by|signerat\s+av|undertecknat\s+av)\s*:\s*(?P<name>.+)$", re.I)
    _SIGNED_AT = re.compile(
        r"^\s*(?:date|datum|tidpunkt|signed\s+at)\s*:\s*(?P<value>\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)",
        re.IGNORECASE,
    )
    _REFERENCE = re.compile(
        r"^\s*(?:bankid\s*[- ]?(?:refno|ref|referens)|referens|ref\.?\s*nr)\s*[.:]\s*(.+)$", re.I
    )
    _CHAIR_WORD = re.compile(r"^(?:mötes)?ordförande$", re.IGNORECASE)
    _ADJUSTER_WORD = re.compile(r"^(?:justerare|justerande|justeringsperson)$", re.IGNORECASE)

    def _closing(self, lines: list[str]) -> None:
        result = self.result
        index = 0
        signatures: list[SignatureText] = []
        while index < len(lines):
            stripped = lines[index].strip()
            if not stripped:
                index += 1
                continue
            match = self._SIGNED_BY.match(stripped)
            if match:
                signatures.append(SignatureText(name=name_tidy(match.group("name"))))
                index += 1
                continue
            match = self._SIGNED_AT.match(stripped)
            if match and signatures:
                with contextlib.suppress(ValueError):
                    signatures[-1].signed_at = datetime.datetime.fromisoformat(
                        match.group("value").replace("T", " ")
                    )
                index += 1
                continue
            match = self._REFERENCE.match(stripped)
            if match and signatures:
                signatures[-1].reference = match.group(1).strip()[:200]
                index += 1
                # The signer's capacity follows: "Ordförande Styrgruppen för social välfärd: Kent Lagrell".
                j = index
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and ":" in lines[j] and not self._SIGNED_BY.match(lines[j]):
                    capacity = lines[j].strip().split(":", 1)[0].strip()
                    signatures[-1].signed_as = capacity[:300]
                    self._body_from_capacity(capacity)
                    index = j + 1
                    while index < len(lines) and lines[index].strip() and ":" not in lines[index]:
                        index += 1
                continue
            match = self._KEEPER.match(stripped)
            if match:
                index = self._keeper(lines, index, match.group("rest"))
                continue
            match = self._ADJUSTMENT.match(stripped)
            if match:
                index = self._adjustment(lines, index, match.group("rest"))
                continue
            if self._CHAIR_WORD.match(stripped.rstrip(":")):
                name = self._next_name(lines, index + 1)
                if name:
                    result.chair = result.chair or name
                index += 1
                continue
            index += 1
        result.signatures = signatures

    def _body_from_capacity(self, capacity: str) -> None:
        body = re.sub(
            r"^(?:(?:1:e|2:e|förste|andre)\s+)?(?:vice\s+)?(?:ordförande|justerare|justerande|sekreterare|ledamot)\s*",
            "",
            capacity,
            flags=re.IGNORECASE,
        ).strip(" ,:")
        if self.result.body is None and body and self._BODY_WORDS.search(body) and len(body.split()) <= 10:
            self.result.body = body[0].upper() + body[1:]

    def _next_name(self, lines, start) -> str | None:
        for j in range(start, min(start + 3, len(lines))):
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            if not text:
                continue
            candidate = text.split(",")[0].strip()
            return name_tidy(candidate) if looks_like_name(candidate) else None
        return None

    def _keeper(self, lines, index, rest) -> int:
        result = self.result
        rest = re.sub(r"[._]{3,}", " ", rest).strip()
        texts = [rest] if rest else []
        j = index + 1
        while j < len(lines) and len(texts) < 2:
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            j += 1
            if not text:
                if texts:
                    break
                continue
            if self._CLOSING.match(text) or self._ADJUSTMENT.match(text):
                j -= 1
                break
            texts.append(text)
        if not texts:
            return index + 1
        parts = [p.strip() for p in texts[0].split(",") if p.strip()]
        if parts and looks_like_name(parts[0]):
            result.secretary = name_tidy(parts[0])
            title = ", ".join(parts[1:]) or (
                texts[1] if len(texts) > 1 and not looks_like_name(texts[1].split(",")[0]) else None
            )
            if title:
                result.secretary_title = title
            elif len(texts) > 1:
                j -= 1
        else:
            j = index + 1
        return j

    def _adjustment(self, lines, index, rest) -> int:
        """ "Justeras:" followed by names and, beneath them, the words Ordförande and Justerare."""
        names: list[str] = []
        roles: list[str] = []
        rows = [rest] if rest.strip() else []
        j = index + 1
        while j < len(lines):
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            if text and (self._SIGNED_BY.match(text) or re.match(r"detta\s+dokument", text, re.I)):
                break
            if text and (_is_upper_heading(text) and not looks_like_name(text)):
                break
            if text and self._KEEPER.match(text):
                break
            if text:
                rows.append(text)
            j += 1
            if len(rows) > 12:
                break
        known = [a.name for a in self.result.attendees if a.name]
        for row in rows:
            words = row.split()
            if words and all(
                w.casefold().strip(":,")
                in {"ordförande", "justerare", "justerande", "vice", "sekreterare", "mötesordförande"}
                for w in words
            ):
                joined = " ".join(words)
                roles.extend(
                    re.findall(
                        r"(?:vice\s+)?(?:mötes)?ordförande|justerare|justerande|sekreterare", joined, re.I
                    )
                )
                continue
            names.extend(self._split_names(row, known))
        if not names:
            return j
        result = self.result
        if roles and len(roles) == len(names):
            for name, role in zip(names, roles, strict=True):
                role = role.casefold()
                if role.endswith("ordförande") and not role.startswith("vice"):
                    result.chair = name
                elif role.startswith("juster") or role.startswith("vice"):
                    result.adjusters.append(name)
        else:
            chair = result.chair or next(
                (a.name for a in result.attendees if a.body_role == "chair" and a.present), None
            )
            for name in names:
                if name != chair:
                    result.adjusters.append(name)
        return j

    def _split_names(self, row: str, known: list[str]) -> list[str]:
        text = " ".join(row.split())
        parts = [p.strip() for p in re.split(r",|\s+och\s+|\s{2,}", row) if p.strip()]
        if len(parts) > 1 and all(looks_like_name(p) for p in parts):
            return [name_tidy(p) for p in parts]
        if looks_like_name(text) and len(text.split()) <= 3:
            return [name_tidy(text)]
        found = []
        rest = text
        for name in sorted(known, key=len, reverse=True):
            if name.casefold() in rest.casefold():
                start = rest.casefold().index(name.casefold())
                found.append((text.casefold().find(name.casefold()), name))
                rest = rest[:start] + " " * len(name) + rest[start + len(name) :]
        if found and not rest.strip():
            return [name for _offset, name in sorted(found)]
        tokens = text.split()
        if len(tokens) % 2 == 0 and 2 <= len(tokens) <= 8 and all(_NAME_TOKEN.match(t) for t in tokens):
            return [name_tidy(" ".join(tokens[i : i + 2])) for i in range(0, len(tokens), 2)]
        return []

    def _adjusters_from(self, text: str) -> None:
        for name in self._names_in(text):
            if name not in self.result.adjusters:
                self.result.adjusters.append(name)

    def _signature_line(self, text: str) -> None:
        text = re.sub(r"[._]{3,}", "  ", text).strip()
        match = re.match(r"^(sekreterare|ordförande|justerare|justerande)\s*(.*)$", text, re.IGNORECASE)
        if not match:
            return
        role, rest = match.group(1).casefold(), re.sub(r"\s{2,}.*$", "", match.group(2).strip())
        if rest and looks_like_name(rest):
            name = name_tidy(rest)
            if role == "sekreterare":
                self.result.secretary = self.result.secretary or name
            elif role == "ordförande":
                self.result.chair = self.result.chair or name
            elif name not in self.result.adjusters:
                self.result.adjusters.append(name)

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

    def _finish(self) -> None:
        result = self.result
        if result.paragraph_range is None:
            numbers = [item.number for item in result.items if item.number is not None]
            if numbers:
                result.paragraph_range = (min(numbers), max(numbers))
        if result.chair is None:
            chairs = [a.name for a in result.attendees if a.body_role == "chair" and a.present and a.name]
            if chairs:
                result.chair = chairs[0]
        if result.secretary is None:
            keepers = [a.name for a in result.attendees if a.group == "secretary" and a.present and a.name]
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


_SPEAKER_START = re.compile(
    rf"^[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?\s+[{_UPPER}][{_LOWER}]+\s+"
    r"(?:informerar|berättar|presenterar|redogör|föredrar|återkopplar|rapporterar|går\s+igenom)\b"
)
_SUB_POINT = re.compile(r"^[a-zå][.)]\s+\S")


def _paragraphs(lines: list[str]) -> str:
    """Lines as paragraphs separated by an empty line; a bullet point on a line of its own."""
    paragraphs: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        current = paragraphs[-1]
        if line.startswith("•"):
            current.append("- " + line.lstrip("• ").strip())
        elif _SUB_POINT.match(line):
            current.append(line)
        elif current:
            previous = current[-1]
            if previous.startswith("- ") and not line[0].islower() and not previous.endswith((".", "!", "?")):
                # A capitalised line after a bullet point is the text after the list.
                paragraphs.append([line])
                continue
            if not previous.endswith((".", "!", "?", ":", ",")) and _SPEAKER_START.match(line):
                # "…social välfärd / Lena Holmlund återkopplar…": a new sentence lost its full stop.
                paragraphs.append([line])
                continue
            if (
                previous.endswith((".", "!", "?", ")", "”", '"'))
                and len(line) < 60
                and not line.endswith((".", ",", "!", "?", ":", ";"))
                and line[0].isupper()
            ):
                # A short line without punctuation after a finished sentence is a sub-heading.
                paragraphs.append([line])
                continue
            if (
                previous.endswith("-")
                and len(previous) > 1
                and previous[-2].isalpha()
                and not re.match(r"(och|eller|samt)\b", line)
            ):
                current[-1] = previous + line
            else:
                current[-1] = previous + " " + line
        else:
            current.append(line)
    merged: list[list[str]] = []
    for paragraph in (p for p in paragraphs if p):
        previous = merged[-1][-1] if merged else ""
        if previous and paragraph[0][:1].islower() and not previous.endswith((".", "!", "?", ":")):
            # A sentence broken by a stray empty line ("i ett tidigt skede / för att…").
            merged[-1][-1] = f"{previous} {paragraph[0]}"
            merged[-1].extend(paragraph[1:])
        else:
            merged.append(paragraph)
    return "\n\n".join("\n".join(p) for p in merged)


def decision_kind(text: str) -> str:
    """The kind of a decision (Decision.Kind) from its wording."""
    folded = " ".join(text.split()).casefold()
    if re.search(r"föresl\w*\b.*\bbesluta", folded):
        return "proposal"
    if "i uppdrag" in folded:
        return "assignment"
    if re.search(r"\b(väljs|valdes|utses|utsågs|väljes)\b", folded):
        return "elected"
    if re.search(
        r"\b(fastställs|fastställdes|fastställa|fastställer|godkänns|godkändes|godkänna|godkänner|antas|antogs|avsätts|beviljas|tillstyrks)\b",
        folded,
    ):
        return "adopted"
    if re.search(r"\b(antecknas|antecknades|noterar|noteras|noterades|till handlingarna)\b", folded):
        return "noted"
    return "other"


def protocol_parse(text: str) -> ParseResult:
    """The structured content of one protocol's text; raises ImportProblem for text that is not one."""
    if not text or not text.strip():
        raise ImportProblem(_("The document contains no text."))
    return _Parser(text).parse()
