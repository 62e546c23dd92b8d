"""The header: labels ("Plats och tid", "Beslutande", "Justerare") and what follows them."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..places import organisation_expand
from .attendance import (
    _attendee,
    _joined_entry_lines,
    _Section,
    _split_entries,
    in_whose_place,
    latex_list_names,
    list_pieces,
    markup_row_attendee,
    names_run_entries,
    pieces_attendees,
    replaced_member,
)
from .result import Attendee
from .shapes import _is_upper_heading, looks_like_name, name_tidy
from .tables import (
    _ROLE_ROW,
    field_ends,
    paragraph_range,
    paragraphs_apart,
    place_tidy,
    signers_apart,
)
from .title import body_in, organisation_in, title_clean
from .when import _DOTTED_DATE, _ISO_DATE, _TEXT_DATE, _TIME_RANGE, _time, dates_find, times_find

# "Justeringens plats och tid Sekreterare Vård och Omsorg den 26/": the next label, not the value.
_PULLED_APART = re.compile(r"^(?:och\s+datum|sekreterare|ordförande|justerare|justerande|paragrafer)\b", re.I)
# A line of a table of contents: dotted leaders and a page number ("§ 34 Avtal ... 12").
_CONTENTS_LINE = re.compile(r"(?:\.\s?){2,}\s*\d{1,4}\s*$|…+\s*\d{1,4}\s*$")
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
        r"beslutande(?:\s+ledamöter)?|närvarande\s+ledamöter|ordinarie\s+ledamöter|ledamöter|deltagare(?=\s*:)",
        "group",
        "member",
    ),
    (r"tjänstgörande\s+ersättare|tjänstgörande\s+ersättande", "group", "serving_substitute"),
    (
        r"närvarande,?\s+ej\s+tjänstgörande\s+ersättare|ej\s+tjänstgörande(?:\s+ersättare)?|närvarande\s+ersättare"
        r"|ersättare|ersättande|suppleanter|suppleant",
        "group",
        "substitute",
    ),
    (r"sekreterare|protokollförare|sekretariat", "group", "secretary"),
    (
        # "Sekretariatet": the staff of an association's office, its secretary among them.
        r"sekretariatet|övriga\s+närvarande|övriga\s+deltagare|övriga\s+deltagande|övriga|närvarande\s+tjänstepersoner"
        r"|tjänstepersoner|tjänstemän|deltagande\s+tjänstepersoner|närvarande\s+tjänstemän",
        "group",
        "official",
    ),
    (r"inbjudna(?:\s+gäster)?|inbjuden|inbjudna\s+för\s+\S+|gäster|adjungerade|adjungerad", "group", "guest"),
    (r"kallade(?:\s+ledamöter)?", "called", None),
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


# "SAMMANTRÄDESTID: 13.06.2016 kl. 18:00 – 19:00 SAMMANTRÄDESPLATS: Stadshuset": two fields of a form
# on one line, each label with its colon.
_INNER_FIELD = re.compile(
    r"\s+(?=(?:sammanträdesplats|sammanträdestid|mötesplats|mötestid|plats|tid|datum|lokal)\s*:)",
    re.IGNORECASE,
)


# The label as a sentence: "Närvarande styrelseledamöter var", "Frånvarande styrelseledamot var Stella
# Papasotiriou." (the minutes of associations and parties): the words up to the verb are no names.
_LABEL_SENTENCE = re.compile(
    r"^(?:[a-zåäö][\wåäö-]*\s+){0,3}(?:är|var|voro|närvarade|deltog)\b\s*:?\s*", re.IGNORECASE
)
# A Finland-Swedish label's Finnish half: "NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET Fredriksson …".
_TRANSLATED_LABEL = re.compile(r"^[-–]\s+[A-ZÅÄÖ]{2,}(?:\s+[A-ZÅÄÖ]{2,})*\s*")
# "Ledamöter Närvarande": the headings of a table's columns, a label with another label beside it.
_COLUMN_HEADING = re.compile(r"(?:närvarande|frånvarande|närvaro|parti|x)", re.IGNORECASE)


_ATTENDANCE_SENTENCE = re.compile(
    r"^(?:(?P<kind>närvarande|frånvarande|övriga\s+närvarande|ej\s+närvarande)(?:\s+[a-zåäö]+){0,2}"
    r"\s+(?:är|var|voro)\s*:?"
    r"|följande\s+(?:personer|medlemmar|ledamöter|röstberättigade)\s+(?:[a-zåäö]+\s+){0,2}?"
    r"(?:närvarade|närvara|deltog|var\s+närvarande)\b[^:]{0,40}:"
    r"|(?:[^:]{0,30}\s)?närvarade\s+(?:även\s+)?följande\s+(?:personer|medlemmar)\b[^:]{0,40}:"
    r"|dessutom\s+närvarade)\s*(?P<rest>.*)$",
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


_REGISTER = re.compile(r"närvaroförteckning|närvarolista|närvaro-\s*och\s+voteringslista", re.IGNORECASE)
_REGISTER_ROW = re.compile(
    r"^(?P<surname>[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?),\s+"
    r"(?P<given>[A-ZÅÄÖ][\w'’-]+(?:[\s-]+[A-ZÅÄÖ][\w'’-]+)?)\s*(?P<rest>\([^)]{1,4}\).*)$"
)


_CAPITAL_ATTENDANCE = re.compile(r"\b(?:NÄRVARANDE|FRÅNVARANDE|BESLUTANDE)\b")
_PARAGRAPH_START = re.compile(r"^\s*§\s*-?\d")


# "Som ordförande fungerade fullmäktiges ordinarie ordförande Mikaela Björklund" (Finland-Swedish).
_SERVED_AS = re.compile(
    r"^som\s+(?P<office>ordförande|sekreterare|protokollförare)\s+fungerade\s+(?:[a-zåäö]+\s+){0,4}"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3})\.?$",
    re.IGNORECASE,
)


def _chunks(line: str) -> list[tuple[str, int]]:
    """The parts of a line set apart by two or more spaces, with where each starts."""
    return [(m.group(0), m.start()) for m in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)", line)]


def _column_heads(line: str) -> list[tuple[int, str]]:
    """The columns a heading line opens: "Beslutande    Ledamöter          Tjänstgörande ersättare".

    Each part set apart by wide spaces is a chain of labels; its last attendance group names the
    column, which starts where the part does (the first column at the line's start). At least two
    columns, else [].
    """
    heads = []
    for position, (text, offset) in enumerate(_chunks(line)):
        group = None
        rest = text
        while rest:
            label = _label(rest)
            if label is None or label[2] == rest:
                return []
            if label[0] == "group":
                group = label[1]
            elif label[0] not in ("present",):
                return []
            rest = label[2]
        if group is None:
            return []
        heads.append((0 if position == 0 else offset, group))
    return heads if len(heads) >= 2 else []


def _labels_only(line: str) -> list[tuple[str, str | None]]:
    """The labels of a line that holds nothing but labels pulled apart from their values, else [].

    Three labels, or two of which one is a field ("Plats och tid Sekreterare"); two labels of the
    attendance alone ("Ledamöter Närvarande") are the headings of a table whose rows follow.
    """
    if re.search(r"\S\s{2,}\S", line):
        return []  # Headings of columns set apart by spaces: the rows below hold the values.
    found = []
    rest = line
    while rest:
        label = _label(rest)
        if label is None or label[2] == rest:
            return []
        found.append((label[0], label[1]))
        rest = label[2]
    fields = [kind for kind, _value in found if kind not in ("group", "present", "absent")]
    pulled = len(found) >= 3 or (len(found) >= 2 and fields)
    return found if pulled and any(kind == "group" for kind, _value in found) else []


# The first "Name (P)" in a field's value: where the attendance pulled into it starts.
_PULLED_ENTRY = re.compile(r"[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3}\s*\([A-ZÅÄÖ]{1,3}\)")


def _pulled_attendance(rest: str) -> tuple[str, str]:
    """A field's value cut where attendance entries start: (the value, the entries)."""
    match = _PULLED_ENTRY.search(rest)
    if not match:
        return rest, ""
    return rest[: match.start()].strip(), rest[match.start() :]


def _label(line: str):
    for regex, kind, value in _LABEL_RES:
        match = regex.match(line)
        if match:
            return kind, value, match.group(1).strip()
    return None


class HeaderMixin:
    def _record_kind(self, header: list[str], headings) -> None:
        top = " ".join([line for line in header if line.strip()][:12]).casefold()
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
        self._called: list[Attendee] = []
        texts = self._header_pass(header)
        if not self.result.attendees and not self._called:
            self._attendance_after_contents(len(header))
        self._called_absent()
        self._attendance_sentences(0)
        self._attendance_register()
        self._when(*texts)
        for text in texts[0]:
            self._header_read("when", text)
        if self.result.paragraph_range is None:
            self.result.paragraph_range = paragraphs_apart(header)
        self._signers_apart(header)
        if self.result.date is None or self.result.start_time is None or self.result.location is None:
            self._opening_sentence()

    def _called_absent(self) -> None:
        """Those under "Kallade" who are not also listed as present were absent (an association's notes)."""
        listed = {a.name.casefold() for a in self.result.attendees if a.name}
        for attendee in self._called:
            if attendee.name and attendee.name.casefold() not in listed:
                attendee.present = False
                self.result.attendees.append(attendee)
        self._called = []

    def _attendance_after_contents(self, start: int) -> None:
        """The attendance page after a table of contents, as Finland-Swedish councils' minutes have it.

        The contents ("§ -1 Närvarande ... 1", "§ 27 Namnupprop ... 2") end the header early; the
        attendance then follows, its labels in capitals ("NÄRVARANDE", "FRÅNVARANDE:"), up to the
        first paragraph. Only its attendance is read there.
        """
        lines = self.lines
        for index in range(start, len(lines)):
            match = _CAPITAL_ATTENDANCE.search(lines[index])
            if match:
                break
        else:
            return
        block = [lines[index][match.start() :]]
        for line in lines[index + 1 : index + 40]:
            if _PARAGRAPH_START.match(line) or self._CLOSING.match(line):
                break
            block.append(line)
        self._header_pass(block, fields=False)

    def _header_pass(self, header: list[str], *, fields: bool = True) -> tuple[list[str], ...]:
        """The labelled fields and the attendance of the header's lines; with ``fields`` False, only the attendance."""
        section: _Section | None = None
        pending: list[tuple[str, _Section, bool]] = []
        when_texts: list[str] = []
        # The texts after "Plats och tid": the place is what is left without date and time.
        place_texts: list[str] = []
        placed = False
        mode_texts: list[str] = []
        where_texts: list[str] = []
        current_field: str | None = None
        pulled_groups: list[str] = []
        empty_group: str | None = None
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
            if current_field in ("when", "where") and field_ends(stripped, gap, filled):
                current_field = None
            gap = False
            row = markup_row_attendee(stripped)
            if row is not False:
                flush()
                if row is not None:
                    result.attendees.append(row)
                continue
            listed = latex_list_names(stripped)
            if listed:
                flush()
                result.attendees.extend(Attendee(name=name, party=None, present=True) for name in listed)
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
            labels = _labels_only(stripped)
            if labels:
                # "Övriga närvarande Ersättare Tjänstepersoner Justering Justerare": a table's labels
                # without their values, which the extraction put on the next line.
                flush()
                pulled_groups = [value for kind, value in labels if kind == "group"]
                section = None
                current_field = None
                continue
            if label and pulled_groups and label[0] in ("when", "where", "adjusters", "adjustment"):
                rest, pulled = _pulled_attendance(label[2])
                if pulled:
                    label = (label[0], label[1], rest)
                    self._pulled_entries(pulled, pulled_groups)
            if label and empty_group and label[0] in ("adjusters", "adjustment", "signatures"):
                # "Övriga deltagande" with nothing after it, then "Utses att justera Roland Bång
                # Marianne Persson …, Rickard Norberg": the values of both labels on the second
                # line. The names not already listed are the first label's; the field keeps its text.
                self._pulled_names(label[2], empty_group)
            pulled_groups = []
            empty_group = label[1] if label and label[0] == "group" and not label[2] else None
            if label and not (indented and current_field in ("when", "where", "adjusters")):
                kind, value, rest = label
                flush()
                if not fields and kind not in ("absent", "present", "group", "called"):
                    section = None
                    current_field = None
                    continue
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
                        self._header_read("adjusters", rest)
                    elif kind == "adjustment" and rest and not _PULLED_APART.match(rest):
                        result.adjustment_place = rest
                    elif kind == "signatures" and rest:
                        self._signature_line(rest)
                    continue
                if kind == "paragraphs":
                    result.paragraph_range = paragraph_range(rest) or result.paragraph_range
                    self._header_read("paragraphs", rest)
                    section = None
                    continue
                if kind == "record":
                    section = None
                    continue
                if kind == "chair":
                    if rest and looks_like_name(rest.split(",")[0].split("(")[0]):
                        result.chair = name_tidy(rest.split(",")[0].split("(")[0])
                    continue
                if kind == "absent" and not rest and self._mark_before_label(header, raw):
                    # "Joakim Magnusson (C) Anmält förhinder Övriga: …": a table's mark pulled out
                    # of its row by the extraction; it says the entry before it was absent.
                    flush()
                    if result.attendees:
                        result.attendees[-1].present = False
                    section = None
                    continue
                if kind == "absent":
                    section = _Section(present=False, group="member")
                elif kind == "present":
                    section = _Section(present=True, group="member")
                elif kind == "called":
                    section = _Section(present=True, group="member", called=True)
                elif kind == "group":
                    present = section.present if section is not None else True
                    if re.match(r"\s*(beslutande|närvarande|tjänstgörande)", stripped, re.IGNORECASE):
                        present = True
                    if value in ("official", "guest"):
                        # "Övriga", "Inbjudna": those who took part, whatever the section above said.
                        present = True
                    section = _Section(
                        present=present,
                        group=value,
                        organisation=section.organisation if section and value == "official" else None,
                    )
                    heads = _column_heads(line)
                    if heads:
                        section.columns = [
                            (offset, _Section(present=section.present, group=group, in_column=True))
                            for offset, group in heads
                        ]
                        continue
                rest = _LABEL_SENTENCE.sub("", rest)
                rest = _TRANSLATED_LABEL.sub("", rest)
                if rest and not _COLUMN_HEADING.fullmatch(rest):
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
            elif section.columns:
                for text, offset in _chunks(line):
                    column = section.columns[0][1]
                    for start, column_section in section.columns:
                        if offset >= start - 4:
                            column = column_section
                    pending.append((text, column, False))
            else:
                pending.append((line, section, False))
        flush()
        return when_texts, where_texts, mode_texts, place_texts

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
                + [m.end() for m in _DOTTED_DATE.finditer(text)]
                + [m.end() for m in _TIME_RANGE.finditer(text)],
                default=0,
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
            if _CONTENTS_LINE.search(line):
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
        # Only the fields are read here: the attendance after the contents is the attendance's to read.
        attendees, unread = list(result.attendees), list(self._unread_attendance)
        self._header(block)
        result.attendees, self._unread_attendance = attendees, unread
        for field, value in before.items():
            if value is not None and field != "end_time":
                setattr(result, field, value)
        if before["start_time"] and result.end_time and result.end_time <= before["start_time"]:
            result.end_time = None

    def _signers_apart(self, header: list[str]) -> None:
        """Chair, secretary and adjusters from signature fields pulled apart, where still unknown."""
        result = self.result
        if result.chair and result.secretary and result.adjusters:
            return
        found = signers_apart(header)
        if result.chair is None and found.get("chair"):
            result.chair = found["chair"][0]
        if result.secretary is None and found.get("secretary"):
            result.secretary = found["secretary"][0]
        if not result.adjusters and found.get("adjusters"):
            result.adjusters = found["adjusters"]

    @staticmethod
    def _mark_before_label(header: list[str], raw: str) -> bool:
        """True when a bare "Anmält förhinder" is followed by a label of another part of the header."""
        position = next((i for i, line in enumerate(header) if line is raw), None)
        if position is None:
            return False
        following = _label(next((line for line in header[position + 1 :] if line.strip()), ""))
        if following is None:
            return False
        kind, value, _rest = following
        # "FRÅNVARANDE" above "Ledamöter", "Ersättare": a heading of its own subsections, no mark.
        return kind not in ("absent", "present") and value not in (
            "member",
            "substitute",
            "serving_substitute",
        )

    def _attendance_sentences(self, start: int) -> None:
        """Attendance told in sentences (in the header or the first items), as associations and parties write it.

        "Närvarande styrelseledamöter är Nils Kadesjö, Göran Widham (fram till 4.5) …",
        "Frånvarande styrelseledamöter är … och JP Anderson.", "Följande personer befanns närvara
        och ha rösträtt:" above a list, "Följande medlemmar närvarade med rösträtt: nsg, stellanl,
        kaj." (the members' handles), "Dessutom närvarade map utan rösträtt."
        """
        lines = self.lines
        known = {a.name.casefold() for a in self.result.attendees if a.name}
        index = start
        while index < len(lines):
            officer = _SERVED_AS.match(lines[index].strip())
            match = _ATTENDANCE_SENTENCE.match(lines[index].strip())
            index += 1
            if officer and looks_like_name(officer.group("name")):
                name = name_tidy(officer.group("name"))
                if name.casefold() not in known:
                    known.add(name.casefold())
                    chair = officer.group("office").casefold() == "ordförande"
                    self.result.attendees.append(
                        Attendee(
                            name=name,
                            body_role="chair" if chair else "",
                            group="member" if chair else "secretary",
                        )
                    )
                continue
            if not match:
                continue
            words = (match.group("kind") or "").casefold()
            section = _Section(
                present=not words.startswith(("frånvarande", "ej")),
                group="official" if words.startswith("övriga") else "member",
            )
            rest = match.group("rest").strip()
            while rest.endswith(",") and index < len(lines) and lines[index].strip():
                rest = f"{rest} {lines[index].strip()}"  # A list wrapped over lines.
                index += 1
            pieces = list_pieces(rest) if rest else []
            if not rest:
                # The list below the sentence, one name a line, up to the first line that is none.
                while index < len(lines) and not lines[index].strip():
                    index += 1
                while index < len(lines) and lines[index].strip().startswith("•"):
                    pieces.append(lines[index].strip(" •"))
                    index += 1
            for attendee in pieces_attendees(pieces, section, self.result.problems, self._unread_attendance):
                if attendee.name and attendee.name.casefold() not in known:
                    known.add(attendee.name.casefold())
                    self.result.attendees.append(attendee)

    def _pulled_names(self, text: str, group: str) -> None:
        """The names in a field's text that belong to the empty attendance label above it."""
        known = {a.name.casefold() for a in self.result.attendees if a.name}
        for entry in names_run_entries(text) or []:
            attendee = _attendee(entry, _Section(present=True, group=group), self.result.problems)
            if attendee is not None and attendee.name and attendee.name.casefold() not in known:
                known.add(attendee.name.casefold())
                self.result.attendees.append(attendee)

    def _pulled_entries(self, text: str, groups: list[str]) -> None:
        """Attendees from values pulled away from their labels: with a party they belong to the
        first attendance group of the labels ("Ersättare"), without one to the officials."""
        known = {a.name.casefold() for a in self.result.attendees if a.name}
        member_group = next(
            (g for g in groups if g in ("member", "serving_substitute", "substitute")), "member"
        )
        pieces = []
        for piece in _split_entries(text, inline=True):
            # "Nils-Erik Carlström (L) Carina Elmefall, kanslichef Fredrik Pettersson, sekreterare":
            # after the last party, the officials' entries.
            match = re.match(r"^(.*?\([A-ZÅÄÖ]{1,3}\))\s+(\S.*)$", piece)
            tail = names_run_entries(match.group(2)) if match else None
            pieces.extend([match.group(1), *tail] if tail else [piece])
        for piece in pieces:
            attendee = _attendee(piece, _Section(present=True, group=member_group), self.result.problems)
            if attendee is None or not attendee.name:
                if any(c.isalpha() for c in piece):
                    self._unread_attendance.append(piece)
                continue
            if attendee.name.casefold() in known:
                continue  # An adjuster or the chair, named again beside the pulled values.
            if attendee.party is None and "official" in groups and attendee.group == member_group:
                attendee.group = "official"
            known.add(attendee.name.casefold())
            self.result.attendees.append(attendee)

    def _attendance_register(self) -> None:
        """The register of attendance appended to a Riksdag committee's protocol ("Närvaroförteckning").

        Rows "Lavesson, Olof (M), ordf." with the surname first, under "LEDAMÖTER" and
        "SUPPLEANTER"; the columns of marks flattened into lines of their own, so a row followed by
        a mark ("X", or a letter the extraction made of it) was present, a row without one was not.
        The column headings ("N", "V") stand above the first row.
        """
        lines = [line.strip() for line in self.lines]
        start = next((i for i, line in enumerate(lines) if _REGISTER.fullmatch(line)), None)
        if start is None:
            return
        rows: list[tuple[str, _Section]] = []
        marked: list[bool] = []
        group = "member"
        for line in lines[start + 1 :]:
            if not line:
                continue
            if re.fullmatch(r"(?:extra\s+)?(?:suppleanter|ersättare)", line, re.IGNORECASE):
                group = "substitute"
                continue
            match = _REGISTER_ROW.match(line)
            if match:
                entry = f"{match.group('given')} {match.group('surname')} {match.group('rest')}"
                rows.append((entry, _Section(present=True, group=group)))
                marked.append(False)
            elif rows and len(line) <= 2 and not line.isdigit():
                marked[-1] = True
        if not rows:
            return
        any_marks = any(marked)
        for (entry, section), mark in zip(rows, marked, strict=True):
            section.present = mark or not any_marks
            attendee = _attendee(entry, section, self.result.problems)
            if attendee is not None:
                self.result.attendees.append(attendee)
            else:
                self._unread_attendance.append(entry)

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
        entry, substitutes = in_whose_place(entry, section)
        self.result.attendees.extend(substitutes)
        for piece in _split_entries(entry, inline=inline):
            attendee = _attendee(piece, section, self.result.problems)
            if attendee is not None and section.called:
                self._called.append(attendee)
            elif attendee is not None:
                self.result.attendees.append(attendee)
                replaced = replaced_member(piece, section)
                if replaced is not None:
                    self.result.attendees.append(replaced)
            elif any(c.isalpha() for c in piece):
                self._unread_attendance.append(" ".join(piece.replace("•", " ").split()))

    def _header_read(self, field: str, text: str) -> None:
        if text.strip():
            self.__dict__.setdefault("_header_texts", {}).setdefault(field, []).append(" ".join(text.split()))

    def _header_problems(self) -> None:
        """A message for each labelled header field whose value was there but could not be read."""
        result = self.result
        texts = self.__dict__.get("_header_texts", {})
        unread = [
            (field, message)
            for field, missing, message in (
                ("when", result.date is None, _("The meeting's date could not be read from “%(text)s”.")),
                (
                    "paragraphs",
                    result.paragraph_range is None,
                    _("The paragraph range could not be read from “%(text)s”."),
                ),
                ("adjusters", not result.adjusters, _("The adjusters could not be read from “%(text)s”.")),
            )
            if missing and texts.get(field)
        ]
        for field, message in unread:
            result.problems.append(message % {"text": "; ".join(texts[field])[:160]})

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
        elif re.search(r"teams|zoom|digital|distans|webex|skype|videolänk|\birc\b|discord|jitsi", everything):
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
                label = _label(segment)
                # "Protokoll fört vid datorföreningen Stackens höstmöte": a title, though "Protokoll" is a label.
                if (label and label[0] != "record") or _PRESENT_FROM.match(segment):
                    continue
                segment = title_clean(segment)
                if not segment or len(segment) > 160:
                    continue
                if result.organisation is None:
                    result.organisation = organisation_in(segment)
                if result.body is None:
                    result.body = body_in(segment)
