"""The header: labels ("Plats och tid", "Beslutande", "Justerare") and what follows them."""

from __future__ import annotations

import re

from django.utils.translation import ngettext

from ..places import organisation_expand
from .attendance import _attendee, _joined_entry_lines, _Section, _split_entries, replaced_member
from .segment import _CONTENTS_LEADER
from .shapes import _is_upper_heading, looks_like_name, name_tidy
from .when import _DOTTED_DATE, _ISO_DATE, _TEXT_DATE, _TIME_RANGE, _time, dates_find, times_find

_PARAGRAPH_LINE = re.compile(r"^\s*§\s*\d{1,4}\b")
_BARE_TIME = re.compile(
    r"(?<![\d.:,-])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:,]\d|\s*(?:kr|%|procent|mkr|tkr))"
)

_LABELS = [
    # (pattern, kind, value): the longest labels first.
    (r"justeringens(?:\s+(?:plats\s+och\s+tid|tid\s+och\s+plats|plats|tid))?", "adjustment", None),
    (r"(?:plats\s+och\s+tid|tid\s+och\s+plats)\s+för\s+justering", "adjustment", None),
    (r"plats\s+och\s+tid|tid\s+och\s+plats|sammanträdestid|mötestid", "when", None),
    (r"sammanträdesdatum|mötesdatum|datum|dag(?=\s*:)", "when", None),
    (r"tid", "when", None),
    (r"sammanträdesplats|mötesplats|plats|lokal", "where", None),
    (r"mötesform", "mode", None),
    (
        r"utses\s+att\s+justera|protokolljusterare|justeringspersoner|justeringsperson|justerare|justerande"
        r"|justering",
        "adjusters",
        None,
    ),
    (r"paragrafer|paragraf|§§|ärenden(?=\s*:?\s*§)", "paragraphs", None),
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
# A label ends at a colon, a wide gap or the line's end; a PDF flattening a table leaves one space.
_LABEL_RES = [
    (
        re.compile(
            rf"^\s*(?:{pattern})\s*(?::\s*|\s{{2,}}|$)(.*)$"
            if kind == "record"
            else rf"^\s*(?:{pattern})(?:\s*:\s*|\s{{2,}}|\s+(?=\S)|\s*$)(.*)$",
            re.IGNORECASE,
        ),
        kind,
        value,
    )
    for pattern, kind, value in _LABELS
]
_PRESENT_FROM = re.compile(r"^\s*(ej\s+)?närvarande\s+(?:från|för)\s+(.+?)\s*:?\s*$", re.IGNORECASE)
_SIDE = re.compile(r"(?:^|\s{2,})(För\s+[^\s].{0,40}?)(?=\s{2,}|$)")
# "För VGK För VGR" with single spaces: the two sides of a joint body.
_TWO_SIDES = re.compile(r"^\s*(För\s+\S+(?:\s+\S+){0,3}?)\s+(För\s+\S+(?:\s+\S+){0,3})\s*$")
# Where the second column starts in a line whose columns a single space separates: the next
# "Firstname Lastname," after the first entry.
_SECOND_ENTRY = re.compile(
    r"(?<=\S)\s+(?=[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\s+[A-ZÅÄÖ][a-zåäöéü-]+\s*[,(])"
)


# "§§ 27 - 34", "102 - 119", "§ 1-37": the numbers right after the label, not any number further on
# ("Paragrafer Pia Anderson … protokoll 4/2019" is a flattened table, not the range 4–2019).
_PARAGRAPH_RANGE = re.compile(
    r"^[\s:.]*(?:§§?\s*)?(\d{1,4})(?:\s*(?:[-–—]|till)\s*(?:§\s*)?(\d{1,4}))?(?![\d/.])"
)


def paragraph_range(text: str) -> tuple[int, int] | None:
    """The range of paragraphs a "Paragrafer" label gives, or None."""
    match = _PARAGRAPH_RANGE.match(text)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    return (first, last) if last >= first else None


_PARAGRAPHS_WORD = re.compile(r"\b(?:justerade\s+)?paragrafer\b\s*:?", re.IGNORECASE)
_LOOSE_RANGE = re.compile(r"(?<![\d/.,-])(?:§§?\s*)?(\d{1,4})\s*[-–]\s*(?:§\s*)?(\d{1,4})(?![\d/.,-])")


def paragraphs_apart(lines: list[str]) -> tuple[int, int] | None:
    """The paragraph range of a header table whose label and value extraction pulled apart.

    "… kl 16.00 Paragrafer 155-168" (the label inside another field's line), "Paragrafer" then
    "Beslutande Se sid 2 71-85" (the value a field later), "Sekreterare  Patrik Johansson  § 1-37"
    then "Paragrafer" (the value a line earlier): the nearest "N-M" after the label, else before it.
    """
    filled = [line.strip() for line in lines if line.strip()]
    for index, line in enumerate(filled):
        for match in _PARAGRAPHS_WORD.finditer(line):
            after = line[match.end() :]
            found = paragraph_range(after)
            if found:
                return found
            following = " ".join([after, *filled[index + 1 : index + 2]])
            for text in (following, filled[index - 1] if index else ""):
                for loose in _LOOSE_RANGE.finditer(text):
                    first, last = int(loose.group(1)), int(loose.group(2))
                    if last >= first:
                        return first, last
    return None


# "Styrelsemedlemmar:", "stämma: true )", "Deltagare:": a field of its own, not more of the place.
_OWN_FIELD = re.compile(r"^[\w ]{2,40}:(?:\s|$)|^[#\\]|^\S+\(|^\)")
_OPENS = re.compile(r"^(?:öppna|mötets\s+öppnande|mötet\s+öppna)", re.IGNORECASE)


def _field_ends(line: str, gap: bool, filled: bool) -> bool:
    """Whether a line after "Plats" or "Tid" is no longer their value.

    A value goes on over indented or following lines; it ends at an empty line once something was
    read, at a line that is a field of its own, or at the opening of the meeting ("Öppnar mötet 12:05").
    """
    return bool((gap and filled) or _OWN_FIELD.match(line) or _OPENS.match(line))


# The words of "Plats och tid för sammanträde" a value split: "för Kungsbackarummet … sammanträde".
_LABEL_LEFTOVER = re.compile(
    r"^för\s+|\s+(?:sammanträde(?:t)?|sekreterare|ordförande|justerare)$", re.IGNORECASE
)
# "Sprängkullsgatan 19. Behandlade beslutsärenden vid …": a sentence after the place is no part of it.
# "Näsbyvägen 214, Houtskär 57 Konstatera sammanträdets laglighet": a flattened list of paragraphs.
_PARAGRAPHS_AFTER = re.compile(r"\s+\d{1,4}\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]+.*$")
_SENTENCE_AFTER = re.compile(r"(?<=\w\w)\.\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]).*$")


def place_tidy(place: str) -> str:
    """The place without what a flattened table put around it."""
    place = _PARAGRAPHS_AFTER.sub("", _SENTENCE_AFTER.sub("", place))
    if re.search(r"[a-zåäö]", place):
        # "Stadshuset, sessionssalen NÄRVARANDE": the form's next label, in capitals.
        place = re.sub(r"(?:\s+[A-ZÅÄÖ]{3,}:?)+$", "", place)
    for _round in range(2):
        place = _LABEL_LEFTOVER.sub("", place).strip(" ,;:-–.")
    return place


# "SAMMANTRÄDESTID: 13.06.2016 kl. 18:00 – 19:00 SAMMANTRÄDESPLATS: Stadshuset": two fields of a form
# on one line, each label with its colon.
_INNER_FIELD = re.compile(
    r"\s+(?=(?:sammanträdesplats|sammanträdestid|mötesplats|mötestid|plats|tid|datum|lokal)\s*:)",
    re.IGNORECASE,
)


_TITLED_FIELD = re.compile(r"(?<=\S)\s+(?=(?:Tid|Plats|Datum|Lokal|Sammanträdesplats|Sammanträdestid)\s*:)")


def _fields_apart(lines: list[str]) -> list[str]:
    """Header lines with a second labelled field on the same line split before it."""
    result = []
    for line in lines:
        label = _label(line.strip()) if ":" in line else None
        if label and label[0] in ("when", "where") and label[2]:
            rest = label[2]
            head = line.rstrip()[: len(line.rstrip()) - len(rest)]
            parts = _INNER_FIELD.split(rest)
            result.extend([head + parts[0], *parts[1:]])
        elif not label and _TITLED_FIELD.search(line):
            # "Protokoll fört vid styrelsesammanträde Tid: Plats: 30 maj 2013 kl Norabostäders kontor".
            result.extend(_TITLED_FIELD.split(line))
        else:
            result.append(line)
    return result


_ROLE_ROW = re.compile(
    r"\b(?:sekreterare|ordförande|justerande|justerare)[.:]*\s+(?:sekreterare|ordförande|justerande|justerare)\b",
    re.IGNORECASE,
)


# Where the signature fields begin: a line opening with one, or ending with a signer's label
# ("Plats och tid Sekreterare").
_SIGNERS_START = re.compile(
    r"^(?i:utses\s+att\s+justera|justeringens|sekreterare|ordförande|justerande|underskrifter)\b"
    r"|^(?:\S+\s+){1,5}(?:Sekreterare|Ordförande|Justerande|Justerare)[.:]*$"
)
_SIGNERS_OPEN = re.compile(
    r"^(?:utses\s+att\s+justera|justeringens|sekreterare|ordförande|justerande|underskrifter)\b",
    re.IGNORECASE,
)
_SIGNERS_END = re.compile(r"^(?:anslag|bevis|§)", re.IGNORECASE)
_SIGNER_LABELS = {
    "sekreterare": "secretary",
    "protokollförare": "secretary",
    "ordförande": "chair",
    "justerande": "adjusters",
    "justerare": "adjusters",
    "protokolljusterare": "adjusters",
}
_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?[.:,;]*$")
# Words of a posting form ("Instans", "Anslaget sätts upp") that look like a name's.
_FORM_WORDS = {
    "instans",
    "anslaget",
    "anslag",
    "sammanträdesdatum",
    "datum",
    "förvaringsplats",
    "underskrift",
    "protokollet",
    "paragrafer",
    "plats",
    "tid",
    "nr",
    "justering",
    "organ",
}


# -- the body and the organisation in a title -----------------------------------------------------

_BODY_WORD = (
    r"fullmäktige|styrelse|nämnd|styrgrupp|nätverk|utskott|ledningsgrupp|samrådsorgan|beredning|presidium"
    r"|råd|kommitté|direktion|grupp|revision|arbetsutskott|delegation"
)
# A body word ends its token, in its base, definite or possessive form: "Socialnämnden",
# "Kulturutskottets", "Kommunala pensionärsrådet"; not "Styrelserummet" or "utskottssammanträde".
_BODY_TOKEN = re.compile(rf"^[\w-]*(?:{_BODY_WORD})(?:en|et|n|t|e)?(?:s)?$", re.IGNORECASE)
# "styrelsemöte", "Partistyrelsemöte", "Årsmötesprotokoll", "extra medlemsmöte": the meeting names the body.
_MEETING_TOKEN = re.compile(
    r"^(?P<stem>[\w-]*styrelse)(?:möte|sammanträde)\w*$|^(?P<meeting>[\w-]*(?:års|höst|vår|medlems|extra)möte)\w*$",
    re.IGNORECASE,
)
_RECORD_WORD = re.compile(
    r"^(?:sammanträdes)?(?:protokoll|mötesanteckning(?:ar)?|minnesanteckningar|anteckningar|protokollsutdrag)\w*$"
    r"|^(?:sammanträde|möte|mötet|den|från|för|vid|fört|nr|innehållsförteckning|särskilt|särskilda)$",
    re.IGNORECASE,
)
_LINKS = {"och", "för", "i", "av", "med", "mellan", "om", "-"}
_ORGANISATION_IN = re.compile(
    r"\b(?P<place>[A-ZÅÄÖ][\w-]+)\s+(?P<kind>kommun|stad)\b|\bRegion\s+[A-ZÅÄÖ][\w-]+"
    r"|\bKommunalförbundet(?:\s+[A-ZÅÄÖ][\w-]+){1,4}",
    re.IGNORECASE,
)


def _title_clean(segment: str) -> str:
    """A title line without dates, times, page numbers and the garbage of a scanned page's top."""
    segment = _TIME_RANGE.sub(" ", _ISO_DATE.sub(" ", _TEXT_DATE.sub(" ", _DOTTED_DATE.sub(" ", segment))))
    # "protokollKonstitutionsutskottets": two words a web page glued together.
    segment = re.sub(r"(?<=[a-zåäö]{3})(?=[A-ZÅÄÖ][a-zåäö]{3})", " ", segment)
    segment = re.sub(r"\(\s*\d{1,3}\s*\)|\b\d{1,3}\s*\(\d{1,3}\)|\bsida\s+\d+", " ", segment, flags=re.I)
    words = segment.split()
    while words and (len(words[0]) < 3 or not words[0].replace("-", "").isalpha()):
        words.pop(0)  # "1 5/ Social- och hälsovårdsnämnden", "Fe?l fl Kommunfullmäktige"
    return " ".join(words).strip(" ,-–:")


def _cased(text: str) -> str:
    return text.capitalize() if text.isupper() else text[0].upper() + text[1:]


def _base_form(word: str) -> str:
    """ "Kulturutskottets" → "Kulturutskottet", "styrelsens" → "styrelsen", "fullmäktiges" → "fullmäktige"."""
    if re.search(r"(?:ets|ens|ns|es)$", word, re.IGNORECASE):
        return word[:-1]
    return word


def body_in(segment: str) -> str | None:
    """The body a title names: the phrase around its body word, in its base form."""
    words = [w.strip(",.;:") for w in segment.split()]
    for index, word in enumerate(words):
        meeting = _MEETING_TOKEN.match(word)
        if meeting:
            if meeting.group("stem"):
                return _cased(
                    meeting.group("stem").casefold() + "n"
                )  # "Partistyrelsemöte" → "Partistyrelsen"
            phrase = meeting.group("meeting")
            if index and words[index - 1].casefold() == "extra":
                phrase = f"extra {phrase}"
            return _cased(phrase.casefold())
        if not _BODY_TOKEN.match(word) or _RECORD_WORD.match(word):
            continue
        first = index
        # "Social- och hälsovårdsnämnden", "Kommunala pensionärsrådet", "sektionens styrelse".
        while first > 0 and (
            words[first - 1].endswith("-")
            or words[first - 1].casefold() in ("och",)
            or (
                (first - 1 == 0 or words[first - 2].casefold() == "med")
                and words[first - 1][:1].isalpha()
                and not _RECORD_WORD.match(words[first - 1])
                and words[first - 1].casefold() not in _LINKS
                and re.match(r"^[\w-]+(?:a|ens|ets|s)$", words[first - 1])
            )
        ):
            first -= 1
        last = index
        # "Ledningsgrupp för samverkan", "Beslutsgruppen för mål 5b-skärgården", "Styrelsen för Västkom".
        if (
            last + 2 < len(words) + 1
            and last + 1 < len(words)
            and words[last + 1].casefold() in ("för", "mellan")
        ):
            tail = last + 2
            while (
                tail < len(words)
                and not _RECORD_WORD.match(words[tail])
                and not words[tail].isupper()
                and not re.search(r"/|^\d+$", words[tail])
            ):
                tail += 1
                if tail - last > 5:
                    break
            last = tail - 1
        phrase = words[first : last + 1]
        phrase[index - first] = _base_form(phrase[index - first]) if index == last else phrase[index - first]
        if len(phrase) == 1:
            phrase[0] = _base_form(phrase[0])
        body = " ".join(phrase).strip(" ,-–")
        if body and len(body.split()) <= 10:
            return _cased(body)
    return None


def organisation_in(segment: str) -> str | None:
    """ "VILHELMINA KOMMUN" → "Vilhelmina kommun", "Region Gotland", "Kommunalförbundet Räddningstjänsten …",
    "Piratpartiets styrelsemöte" → "Piratpartiet"."""
    match = _ORGANISATION_IN.search(segment)
    if match and match.start() and not match.group(0).isupper():
        match = None  # "… Anna Ek, Göteborgs Stad": a member's organisation in a list, not the title's.
    if match:
        if match.group("kind"):
            return f"{_cased(match.group('place').casefold())} {match.group('kind').casefold()}"
        words = match.group(0).split()
        while words and _BODY_TOKEN.match(words[-1]):
            words.pop()
        return " ".join(words)
    match = re.search(r"\b(?P<owner>[A-ZÅÄÖ][\w-]+)s\s+(?:[\w-]+\s+)?(?P<of>[\w-]+)", segment)
    if match and (_MEETING_TOKEN.match(match.group("of")) or _BODY_TOKEN.match(match.group("of"))):
        owner = match.group("owner")
        if not _BODY_TOKEN.match(owner + "s") and owner.casefold() not in ("möte", "protokoll"):
            before = segment[: match.start()].split()
            if before and re.match(r"^[\w-]*förening(?:en)?$|^[\w-]*förbundet$", before[-1], re.IGNORECASE):
                return (
                    f"{_cased(before[-1])} {owner}"  # "datorföreningen Stackens" → "Datorföreningen Stacken"
                )
            return owner
    return None


def _label(line: str):
    for regex, kind, value in _LABEL_RES:
        match = regex.match(line)
        if match:
            return kind, value, match.group(1).strip()
    return None


class HeaderMixin:
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
        # The texts after "Plats och tid": the place is what is left without date and time.
        place_texts: list[str] = []
        placed = False
        mode_texts: list[str] = []
        where_texts: list[str] = []
        current_field: str | None = None
        result = self.result

        def flush():
            for entry, entry_section, inline in _joined_entry_lines(pending):
                self._entries(entry, entry_section, inline=inline)
            pending.clear()

        gap = False
        field_start = 0
        for raw in _fields_apart(header):
            line = raw.rstrip()
            stripped = line.strip()
            if not stripped:
                gap = True
                continue
            filled = len(when_texts) + len(where_texts) > field_start
            if current_field in ("when", "where") and _field_ends(stripped, gap, filled):
                current_field = None
            gap = False
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
            two = _TWO_SIDES.match(line)
            if two and len(sides) < 2:
                sides = [(two.group(1), two.start(1)), (two.group(2), two.start(2))]
            if sides and (section is not None or len(sides) >= 2) and stripped.startswith("För"):
                flush()
                # The sides of a joint body open its attendance even without a label above them.
                section = section or _Section(present=True, group="member")
                section = _Section(
                    present=section.present,
                    group=section.group,
                    organisation=section.organisation,
                    sides=sides,
                )
                if len(sides) == 1:
                    section.side = sides[0][0]
                continue
            if current_field != "signatures" and _ROLE_ROW.search(stripped):
                # "Paragrafer justering Sekreterare Ordförande. Ulla Andersson.. Olov Säfström Justerande..
                # Fatima Bouja Viveca Dalhammar": a signature block flattened into another field's line.
                self._signature_run(stripped)
            label = _label(line)
            bulleted = _label(stripped[2:]) if stripped.startswith("• ") else None
            if bulleted and bulleted[0] in ("when", "where"):
                # "• Plats: Kungliga Biblioteket": a wiki page lists the fields as bullets.
                label, line, stripped = bulleted, stripped[2:], stripped[2:]
            indented = len(line) - len(line.lstrip()) >= 2
            if label and not (indented and current_field in ("when", "where", "adjusters")):
                kind, value, rest = label
                flush()
                current_field = None
                if kind in ("when", "where", "mode", "adjusters", "adjustment", "signatures"):
                    placed = bool(re.match(r"\s*(?:plats|tid\s+och\s+plats)", stripped, re.IGNORECASE))
                    if kind in ("when", "where") and placed and (place_texts or where_texts):
                        # A second "Tid och plats" is the adjustment's or the posting's, whose own words
                        # the extraction lost ("Tid och plats 17.6.2016 Utdragets riktighet …").
                        current_field = None
                        continue
                    current_field = kind
                    field_start = len(when_texts) + len(where_texts)
                    section = None if kind != "signatures" else section
                    if kind == "when" and rest:
                        when_texts.append(rest)
                        if placed:
                            place_texts.append(rest)
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
                    result.paragraph_range = paragraph_range(rest) or result.paragraph_range
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
                if placed:
                    place_texts.append(stripped)
                continue
            if current_field == "where" and (indented or not section):
                # "• Plats: Kungliga Biblioteket" then "• 14 mars 14:00": the date and time under the place.
                if dates_find(stripped) or times_find(stripped)[0] or _BARE_TIME.search(stripped):
                    when_texts.append(stripped.lstrip("• "))
                else:
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
        self._when(when_texts, where_texts, mode_texts, place_texts)
        if result.paragraph_range is None:
            result.paragraph_range = paragraphs_apart(header)
        self._signers_apart(header)
        if result.date is None or result.start_time is None or result.location is None:
            self._opening_sentence()

    _OPENING_SENTENCE = re.compile(r"^\s*(?:protokoll|mötesprotokoll|minnesanteckningar)\b", re.IGNORECASE)
    _PLACE_AFTER = re.compile(r"^[\s,]*(?:klockan|kl\.?)?[\s\d.:]*\bi\s+(?P<place>[^.;]{2,80}?)\s*(?:[.;]|$)")

    def _opening_sentence(self) -> None:
        """The sentence association minutes open with instead of a header table.

        "Protokoll fört vid datorföreningen Stackens höstmöte 2009, torsdagen den 3:e december klockan
        19 i sal Q24 på Kungliga Tekniska Högskolan." — date (its year may stand before it), time, and
        the place after "i"; "Protokoll från styrelsemöte den 2-3 mars 2013 i Uppsala".
        """
        result = self.result
        lines = [line.strip() for line in self.lines[:15]]
        for index, line in enumerate(lines):
            if not self._OPENING_SENTENCE.match(line):
                continue
            block = [line]
            for following in lines[index + 1 : index + 4]:
                if not following or block[-1].endswith("."):
                    break
                block.append(following)
            text = " ".join(block)
            dates = dates_find(text)
            if not dates:
                years = set(re.findall(r"\b(?:19|20)\d{2}\b", text))
                dates = dates_find(text, year=int(years.pop())) if len(years) == 1 else []
            if not dates:
                continue
            result.date = result.date or dates[0][1]
            start, end = times_find(text)
            if result.start_time is None and start:
                result.start_time, result.end_time = start, result.end_time or end
            last = max(
                [m.end() for m in _TEXT_DATE.finditer(text)]
                + [m.end() for m in _ISO_DATE.finditer(text)]
                + [m.end() for m in _TIME_RANGE.finditer(text)]
            )
            place = self._PLACE_AFTER.match(text[last:])
            if result.location is None and place:
                result.location = place.group("place").strip(" ,")
            return

    def _header_after_contents(self) -> None:
        """The header table that follows a table of contents (Finland-Swedish council minutes).

        "INNEHÅLLSFÖRTECKNING … § 34 Avtal … 12", then "SAMMANTRÄDESTID: 13.06.2016 kl. 18:00 – 19:00
        SAMMANTRÄDESPLATS: …": when the lines before the first item named no place and no time, the
        block after the last contents line is read as the header. What the first header read stands.
        """
        result = self.result
        if result.location is not None or result.end_time is not None:
            return
        lines = self.lines
        last = None
        for index, line in enumerate(lines[:200]):
            if _CONTENTS_LEADER.search(line):
                last = index
        if last is None:
            return
        block: list[str] = []
        for line in lines[last + 1 : last + 60]:
            if _PARAGRAPH_LINE.match(line):
                break
            block.append(line)
        if not any(_label(line.strip()) for line in block if line.strip()):
            return
        before = {field: getattr(result, field) for field in ("date", "start_time", "end_time", "location")}
        self._header(block)
        for field, value in before.items():
            if value is not None and field != "end_time":
                setattr(result, field, value)
        if before["start_time"] and result.end_time and result.end_time <= before["start_time"]:
            result.end_time = None

    def _signers_apart(self, header: list[str]) -> None:
        """The signature fields of a header table whose labels and names extraction pulled apart.

        "Utses att justera: Sekreterare: Kenneth Johansson" / "Paragrafer Pia Anderson Ordförande:.
        Magnus Cato Justerande:." and "Justeringens plats och tid Sekreterare …" / "Paragrafer Nr
        Ordförande Sabina Lindell Justerande Tony Hansson Lesley Holmberg": the labels wait in the
        order printed and each name fills the oldest waiting one (the table is read row by row, its
        values a column later). Only what is still unknown is filled.
        """
        result = self.result
        if result.chair and result.secretary and result.adjusters:
            return
        filled = [line.strip() for line in header if line.strip()]
        # A line opening with a signer's label is the block's start; a short line ending with one only
        # where none does (its names may be a jumbled column's).
        start = next((i for i, line in enumerate(filled) if _SIGNERS_OPEN.match(line)), None)
        if start is None:
            start = next((i for i, line in enumerate(filled) if _SIGNERS_START.match(line)), None)
        if start is None:
            return
        region = []
        for line in filled[start : start + 4]:
            if _SIGNERS_END.match(line):
                break
            region.append(line)
        text = re.sub(r"[._…]{2,}", " ", " ".join(region))
        text = re.sub(r"\butses\s+att\s+justera\b", "Justerande", text, flags=re.IGNORECASE)
        waiting: list[str] = []
        found: dict[str, list[str]] = {}
        last_role = None
        run: list[str] = []

        def take(run: list[str]) -> None:
            nonlocal last_role
            if len(run) % 2:
                return  # A name of one or three words cannot be told from its neighbours.
            for i in range(0, len(run), 2):
                name = " ".join(run[i : i + 2])
                if not looks_like_name(name) or any(w.casefold() in _FORM_WORDS for w in run[i : i + 2]):
                    return
                if waiting:
                    last_role = waiting.pop(0)
                elif last_role != "adjusters":
                    return
                found.setdefault(last_role, []).append(name_tidy(name))

        for token in [*text.split(), "."]:
            bare = token.strip(".:,;")
            role = _SIGNER_LABELS.get(bare.casefold()) if bare[:1].isupper() else None
            letters = re.sub(r"[\W\d_]", "", bare)
            capitals = letters.isupper() and len(letters) > 3
            if role or capitals or not _NAME_WORD.match(token) or bare.casefold() in _FORM_WORDS:
                take(run)
                run = []
                if role:
                    waiting.append(role)
                elif capitals:
                    break  # "ANSLAG": the posting form begins.
                continue
            run.append(bare)
            if token[-1] in ".:,;":
                take(run)  # "Ulla Andersson.." ends a name.
                run = []
        if result.chair is None and found.get("chair"):
            result.chair = found["chair"][0]
        if result.secretary is None and found.get("secretary"):
            result.secretary = found["secretary"][0]
        if not result.adjusters and found.get("adjusters"):
            result.adjusters = found["adjusters"]

    def _side_line(self, line: str, section: _Section, pending) -> None:
        columns = []
        for match in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|$)", line):
            text, offset = match.group(0), match.start()
            # The first column's entry ends after its first comma; the second starts with a name.
            comma = text.find(",")
            second = _SECOND_ENTRY.search(text, comma + 1) if len(section.sides) >= 2 and comma > 0 else None
            if second and not columns:
                columns += [(text[: second.start()], offset), (text[second.end() :], offset + second.end())]
            else:
                columns.append((text, offset))
        for text, offset in columns:
            side = section.sides[0][0]
            for name, start in section.sides:
                if offset >= start - 4:
                    side = name
            pending.append(
                (
                    text,
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
            attendee = _attendee(piece, section, self.result.problems)
            if attendee is not None:
                self.result.attendees.append(attendee)
                replaced = replaced_member(piece, section)
                if replaced is not None:
                    self.result.attendees.append(replaced)
            elif any(c.isalpha() for c in piece):
                self._unread_attendance.append(" ".join(piece.replace("•", " ").split()))

    def _attendance_problems(self) -> None:
        """One message for the attendance rows that were not read, so that none is dropped silently."""
        unread = self._unread_attendance
        if unread:
            self.result.problems.append(
                ngettext(
                    "%(count)d row of the attendance could not be read: %(rows)s",
                    "%(count)d rows of the attendance could not be read: %(rows)s",
                    len(unread),
                )
                % {"count": len(unread), "rows": "; ".join(f"“{row[:120]}”" for row in unread)}
            )

    def _when(self, when_texts, where_texts, mode_texts, place_texts) -> None:
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
        if result.start_time is None:
            # "Tid: 13.15", "14 mars 14:00": a clock time alone under the label is the start.
            bare = _BARE_TIME.search(_DOTTED_DATE.sub(" ", _ISO_DATE.sub(" ", text)))
            result.start_time = _time(bare.group(1), bare.group(2)) if bare else None
        if result.start_time is None:
            # "2026-06-04 / 13:00-15:00" under the title, with no label: the first time range on top.
            for line in [line for line in self.lines if line.strip()][:8]:
                start, end = times_find(line)
                if start and end:
                    result.start_time, result.end_time = start, end
                    break
        place = " ".join(where_texts)
        if place and (dates_find(place) or times_find(place)[0]):
            # "Tid: Plats: 30 maj 2013 kl Norabostäders kontor": the time's value under the place's label.
            place_texts, place = where_texts, ""
        if not place and place_texts:
            place = _ISO_DATE.sub("", " ".join(place_texts))
            place = _TEXT_DATE.sub("", place)
            place = _TIME_RANGE.sub("", place)
            place = re.sub(
                r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b", "", place, flags=re.I
            )
            place = re.sub(r"\b(?:den|klockan)\b", "", place, flags=re.IGNORECASE)
            place = re.sub(r"\s*,\s*(?=,|$)", "", place)
        place = " ".join(place.split()).strip(" ,;:-–")
        # "kl" whose time the extraction lost ("Rådhuset, kl :00", "H-salen, kl Ulla Svensson (M) …"):
        # at the start it is dropped; further on, it ends the place.
        place = re.sub(r"^kl(?:ockan)?\b[\s.,:]*", "", place, flags=re.IGNORECASE)
        place = re.sub(r"[\s,]*\bkl(?:ockan)?\b.*$", "", place, flags=re.IGNORECASE).strip(" ,;:-–.")
        result.location = place_tidy(place) or None
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
        """The body and its organisation from the title lines on top ("VILHELMINA KOMMUN PROTOKOLL
        Socialnämnden", "Kulturutskottets protokoll", "Piratpartiets styrelsemöte den 2-3 mars 2013")."""
        result = self.result
        top = [line for line in header if line.strip()][:12]
        for line in top:
            for segment in re.split(r"\s{2,}", line.strip()):
                if _label(segment) or _PRESENT_FROM.match(segment):
                    continue
                segment = _title_clean(segment)
                if not segment or len(segment) > 160:
                    continue
                if result.organisation is None:
                    result.organisation = organisation_in(segment)
                if result.body is None:
                    result.body = body_in(segment)
