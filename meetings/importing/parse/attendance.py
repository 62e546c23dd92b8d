"""Attendance: one line of an attendance list into attendees (name, party, role, presence)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..places import is_municipality, organisation_expand
from .result import Attendee
from .shapes import (
    _NAME_TOKEN,
    _PARTICLES,
    _ROLE_WORDS,
    _TITLE_ENDINGS,
    is_given_name,
    is_surname_shaped,
    looks_like_name,
    name_tidy,
    names_segment,
)

# A year's paragraphs run to a few thousand; a longer number is a typing or extraction error.
PARAGRAPH_DIGITS = 6
_PARTY = re.compile(r"\(\s*([A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]{1,3})\s*\)")
# In an attendance list, also "(-)": a member of no party (a "vilde"), in the party's place.
_LISTED_PARTY = re.compile(r"\(\s*([A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]{1,3}|-)\s*\)")
_PRESENCE = re.compile(
    r",?\s*\(?(?:§§?|paragraf(?:erna)?)\s*(\d+)(?:\s*(?:[-–—]|till)\s*(\d+))?\)?", re.IGNORECASE
)
_PART_ATTENDED = re.compile(
    r"\(\s*(?:punkt(?:er|erna)?|p\.|från|fram\s+till|till|t\.\s?o\.\s?m\.?|ej|utom|del\s+av|under)\s[^()]{0,40}\)"
    # "(lördag fm)", "(§ 138 samt lördag fm)": any note in words, but not a party written small, "(s)".
    r"|(?-i:\((?!\s*(?:s|m|c|l|fp|kd|v|mp|sd)\s*\))\s*[a-zåäö][^()]{0,40}\))"
    r"|(?-i:\(\s*§[^()]*?\b[a-zåäö]{2,}[^()]{0,30}\))"
    # "Emelie Andersson ärende 13": the items attended, after the name.
    r"|\s(?:ärende|ärendena|punkt|punkterna)\s+\d{1,3}(?:\s*(?:[-–,]|och)\s*\d{1,3})*\s*$",
    re.IGNORECASE,
)
# A lower-case party: "Anna Ek (s)".
_SMALL_PARTY = re.compile(r"\(\s*(s|m|c|l|fp|kd|v|mp|sd)\s*\)")
_ROW_MARK = re.compile(
    r"(?:\s+(?:X|x)\b(?=\s*(?:,|$))|\s+(?P<absent>anmält\s+förhinder|förhinder|frånvarande|ej\s+närvarande)\b)",
    re.IGNORECASE,
)
_ITEM_GUEST = re.compile(r"^\s*(?:punkt\s+)?(\d{1,2})\s*\)\s*", re.IGNORECASE)
_ROLE_PHRASES = [
    # "ordförande", and as minutes abbreviate it: "ordf.", "v ordf", "2 v ordf", "vice ordf.".
    (
        re.compile(r"\b(?:2:e|andre|andra|2)\s+v(?:ice|\.)?\s*ordf(?:örande\b|\.|\b)", re.IGNORECASE),
        "second_vice_chair",
        None,
    ),
    (
        re.compile(r"\b(?:(?:1:e|förste|första|1)\s*)?v(?:ice|\.)?\s*ordf(?:örande\b|\.|\b)", re.IGNORECASE),
        "vice_chair",
        None,
    ),
    (re.compile(r"\bordf(?:örande\b|\.|\b)", re.IGNORECASE), "chair", None),
    (re.compile(r"\btjänstgörande\s+ersättare\b(?:\s+för\s+.*)?", re.IGNORECASE), "", "serving_substitute"),
    (re.compile(r"\b(?:ersättare|suppleant)\b(?:\s+för\s+.*)?", re.IGNORECASE), "", "substitute"),
    (re.compile(r"\b(?:sekreterare|protokollförare|nämndsekreterare)\b", re.IGNORECASE), "", "secretary"),
    (re.compile(r"\bledamot\b", re.IGNORECASE), "", "member"),
]
_NON_PLACE_ORGANISATION = re.compile(r"region|förbund|\bGR\b|VGR|VästKom|FoU|SKR|sjukhus|universitet", re.I)


@dataclass
class _Section:
    present: bool = True
    group: str = "member"
    # "Kallade": those summoned; the ones not also listed as present were absent.
    called: bool = False
    organisation: str | None = None
    sides: list[tuple[str, int]] = field(default_factory=list)
    # Columns set apart by spaces under headings ("Ledamöter      Tjänstgörande ersättare"): where
    # each starts and the section of its entries.
    columns: list[tuple[int, _Section]] = field(default_factory=list)
    # True for the section of one such column: its entries go on in its next row, not the next line.
    in_column: bool = False
    side: str | None = None


def _attendee(entry: str, section: _Section, problems: list[str] | None = None) -> Attendee | None:
    """One attendee from "Nina Miskovsky (M), Göteborg § 171-176" and its many relatives.

    A presence that is no range of paragraphs ("§ 9-3", "§ 3000000000") is left unread and told
    in ``problems``.
    """
    text = " ".join(entry.replace("•", " ").split()).strip(" ,;")
    if not text:
        return None
    # A part of the meeting attended, in words: "(punkter 1-18)", "(fram till 4.5)", "(t.o.m. p.10)".
    text = _PART_ATTENDED.sub("", text).strip(" ,;")
    text = _SMALL_PARTY.sub(lambda m: f"({m.group(1).upper()})", text)
    # "Anna- Clara Collén": a hyphenated given name broken at the end of a line.
    text = re.sub(r"(?<=[a-zåäö])-\s+(?=[A-ZÅÄÖ])", "-", text)
    present = section.present
    # A table's column of marks read into the row: "Hanna Roberts X, mötesordförande",
    # "David Langlet anmält förhinder".
    match = _ROW_MARK.search(text)
    if match and match.start() > 0:
        present = not match.group("absent")
        text = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    if not text:
        return None
    # "132 Helena Steffansson Carlson, ekonomichef": a flattened page's paragraph number (the
    # previous guest's) cut off with this entry; a bare number is never part of a name.
    text = re.sub(r"^\d{1,4}\s+(?=[A-ZÅÄÖ][a-zåäö])", "", text)
    agenda_position = None
    match = _ITEM_GUEST.match(text)
    if match:
        agenda_position = int(match.group(1))
        text = text[match.end() :]
    paragraphs = None
    match = _PRESENCE.search(text)
    if match:
        written = match.group(0).strip(" ,()")
        text = (text[: match.start()] + text[match.end() :]).strip(" ,;")
        digits = [d for d in match.groups() if d]
        first, last = int(digits[0]), int(digits[-1])
        if any(len(d) > PARAGRAPH_DIGITS for d in digits) or last < first:
            if problems is not None:
                problems.append(
                    _("%(entry)s: the presence “%(written)s” is no range of paragraphs and was not read.")
                    % {"entry": text, "written": written}
                )
        else:
            paragraphs = (first, last)
    party = None
    match = _LISTED_PARTY.search(text)
    if match:
        party = match.group(1).upper() if len(match.group(1)) <= 2 else match.group(1)
        party = None if party == "-" else party
        text = (text[: match.start()] + "," + text[match.end() :]).strip()
    text = re.sub(r"\s+[–—-]\s+", ", ", text)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if not segments:
        return None
    head = segments.pop(0)
    attendee = Attendee(
        name=None,
        party=party,
        present=present,
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
        # An office written before the name: "Partiledare Anna Troberg", "Revisor Göran Widham",
        # "vice partiledare Marit Deldén", "Ledamot Linda Pellfolk".
        words = head.split()
        if len(words) >= 3 and (
            words[0].casefold().endswith(_TITLE_ENDINGS) or words[0].casefold() == "ledamot"
        ):
            segments.insert(0, words[0].lower())
            head = " ".join(words[1:])
        words = head.split()
        if len(words) >= 3 and words[-1].casefold().endswith(_TITLE_ENDINGS):
            # "Anna-Clara Collén Områdeschef": the office after the name, without a comma.
            segments.insert(0, words[-1].lower())
            head = " ".join(words[:-1])
        words = head.split()
        lower = next((i for i, word in enumerate(words) if not word[:1].islower()), len(words))
        if 0 < lower <= 3 and looks_like_name(" ".join(words[lower:])):
            segments.insert(0, " ".join(words[:lower]))
            head = " ".join(words[lower:])
        if not head or not looks_like_name(head, min_tokens=1) or len(head) == 1 or _not_a_name(head):
            return None
        attendee.name = name_tidy(head)
    titles: list[str] = []
    places: list[str] = []
    for segment in segments:
        if segment.strip() in _PARTY_ABBREVIATIONS and attendee.party is None:
            attendee.party = segment.strip()
            continue
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
                if group == "secretary" and segment.strip().casefold() != "sekreterare":
                    attendee.title = segment.strip()
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


# A run of "Name, role, organisation Name, role …" this long is a list pasted as one paragraph.
_RUN_LENGTH = 100
# The parties of the Riksdag and of municipal councils, as a comma segment of their own:
# "Lise Hjemgaard Svensson, M, Vård- och omsorgsnämnden".
_PARTY_ABBREVIATIONS = {"S", "M", "C", "L", "FP", "KD", "V", "MP", "SD"}


# "Eva Lund (S), ersättare för Jan Ek (S)", "Susanne Andersson (SD) ersätter Stefan Jägnert (SD)":
# the member named after these words is the one replaced, absent.
_REPLACING = {"för", "ersätter"}
_REPLACED = re.compile(
    r"(?:\b(?:ersättare|ers\.?|tjänstgörande|tjg)\s+för|\bersätter)\s+"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3})\s*(?:\((?P<party>[^)]{1,4})\))?"
)


def replaced_member(entry: str, section: _Section) -> Attendee | None:
    """The absent member a serving substitute's entry names, if it names one."""
    match = _REPLACED.search(entry)
    if not match or not looks_like_name(match.group("name")):
        return None
    party = match.group("party")
    return Attendee(
        name=name_tidy(match.group("name")),
        party=party.upper() if party and len(party) <= 2 else party,
        present=False,
        group="member",
        side=section.side,
    )


# A column of parties read after the column of names: "Ulf Rörstad Cecilia Gustafsson (M) (M)".
_PARTY_COLUMN = re.compile(r"(?:\(\s*[A-ZÅÄÖ]{1,4}\s*\)\s*){2,}")


def _party_column_aligned(text: str) -> tuple[str, list[str]]:
    """Names and the column of their parties put together again, where the two counts agree.

    A PDF page of a council's attendance flattened column by column: "Mousa Younis Sari
    Samuelsson Ulf Rörstad (M) (M) (M)" → "Mousa Younis (M) Sari Samuelsson (M) Ulf Rörstad (M)".
    Where the counts differ, no party is guessed: the column is taken out of the text and
    returned apart, to be told as unread.
    """
    pieces: list[str] = []
    columns: list[str] = []
    position = 0
    for match in _PARTY_COLUMN.finditer(text):
        before = text[position : match.start()]
        parties = re.findall(r"\(\s*([A-ZÅÄÖ]{1,4})\s*\)", match.group(0))
        entries = names_run_entries(before) or []
        prefix = entries.pop(0) if entries and not looks_like_name(entries[0].split(",")[0]) else ""
        if entries and len(entries) == len(parties):
            pieces.append(re.sub(r"^\(\d{1,3}\)$", "", prefix))  # "(40)": the page's number.
            pieces.extend(
                f"{entry.split(',')[0]} ({party})" + ("," + entry.split(",", 1)[1] if "," in entry else "")
                for entry, party in zip(entries, parties, strict=True)
            )
        else:
            # More names than parties (a column cut by the page): no party is guessed; the column
            # stays an entry of its own, told as unread.
            pieces.append(before)
            columns.append(" ".join(match.group(0).split()))
        position = match.end()
    if not pieces:
        return text, []
    return " ".join(" ".join([*pieces, text[position:]]).split()), columns


def _split_entries(line: str, *, inline: bool) -> list[str]:
    """Several attendees on one line: a list after "Frånvarande:" or a line a PDF flattened."""
    # "*Hilkka Andersson", "* Håkan Deleskog": a mark before a name (a substitute serving, say).
    text = re.sub(r"(?<!\S)\*\s?(?=[A-ZÅÄÖ])", "", line.strip())
    text, columns = _party_column_aligned(text)
    return [*_split_aligned(text, inline=inline), *columns]


def _split_aligned(text: str, *, inline: bool) -> list[str]:
    # "Karin Lund (M) för Jan Berg (M)": one substitute, serving for a member.
    serving = re.search(r"\)\s*,?\s*(?:tjänstgörande\s+)?(?:ersättare\s+|ers\.\s*)?för\s+[A-ZÅÄÖ]", text)
    if serving and len(_LISTED_PARTY.findall(text)) == 2:
        return [text[: serving.start() + 1]]
    parties = list(_LISTED_PARTY.finditer(text))
    if len(parties) >= 2:
        # Split before each "Name (P)": the name is the run of capitalised words before the party.
        starts = []
        for match in parties:
            before = text[: match.start()].rstrip(" ,")
            tokens = before.split()
            count = 0
            while count < min(4, len(tokens)) and (
                (
                    _NAME_TOKEN.match(tokens[-1 - count].strip(","))
                    # "Benny Johansson (M), Ordförande Bengt-Göran Sandell (S)": the role is Benny's.
                    and tokens[-1 - count].casefold() not in _ROLE_WORDS
                )
                # "Yvonne de Martin (C)": a particle inside a name, never its first word.
                or (0 < count < len(tokens) - 1 and tokens[-1 - count] in _PARTICLES)
            ):
                if tokens[-1 - count].endswith(","):
                    break
                count += 1
            if count >= 4:
                # "Sture Nilsson Hans Hoffman (M)": the party is the last name's only.
                names = names_segment([t.strip(",") for t in tokens[-count:]])
                if names and names[-1][1] == count:
                    count -= names[-1][0]
            if count and not (len(tokens) > count and tokens[-count - 1].casefold() in _REPLACING):
                start = len(" ".join(tokens[:-count]))
                starts.append(start)
        starts = sorted(set(starts))
        if len(starts) >= 2:
            pieces = []
            bounds = [*starts[1:], len(text)]
            head = text[: starts[0]]
            for start, end in zip(starts, bounds, strict=True):
                pieces.append(text[start:end].strip(" ,;"))
            listed = names_run_entries(head) if len(head.split()) >= 4 else None
            if listed:
                # "Anders Rapp Sten-Åke Kjell Hans Hoffman (M) …": names without a party first.
                pieces = [*listed, *pieces]
            elif head.strip(" ,;") and pieces:
                pieces[0] = f"{head.strip()} {pieces[0]}"
            return [entry for piece in pieces if piece for entry in _officials_after_party(piece)]
    segments = [s.strip() for s in re.split(r"[,;]|\s+och\s+", text) if s.strip()]
    if len(segments) >= (2 if inline else 3) and all(
        looks_like_name(_PART_ATTENDED.sub("", s).strip()) for s in segments
    ):
        return segments
    if (
        inline
        and len(segments) >= 3
        and all(len(s.split()) == 1 and looks_like_name(s, min_tokens=1) for s in segments)
        and sum(1 for s in segments if is_given_name(s)) * 2 >= len(segments)
    ):
        # "Närvarande: Klas, Fredrik, Henrik, Adam": a small association's members by first name.
        return segments
    if inline and len(segments) >= 2 and all(_title_then_name(s) for s in segments):
        # "Stadsdirektör Hans-Erik Lindqvist, förvaltningsdirektör Björn Häggblom": each office
        # before its holder's name.
        return segments
    if len(text) >= _RUN_LENGTH:
        pieces = _comma_run_entries(text)
        # Each entry starts with a name of at most four words; a longer start is a column of names
        # without commas, read below.
        if len(pieces) >= 3 and all(len(p.split(",")[0].split()) <= 4 for p in pieces):
            return pieces
    if inline:
        # "Ulf Olsson, Boråsregionen, Anna-Karin Skatt, Skaraborg": each name with what follows it.
        starts = [
            i
            for i, segment in enumerate(segments)
            if looks_like_name(segment)
            and not is_municipality(segment)
            and not _NON_PLACE_ORGANISATION.search(segment)
        ]
        if len(starts) >= 2 and starts[0] == 0:
            bounds = [*starts[1:], len(segments)]
            return [", ".join(segments[a:b]) for a, b in zip(starts, bounds, strict=True)]
    return names_run_entries(text) or [text]


# Words of a page's furniture and of column headings, never a person's name on their own.
_HEADING_WORDS = {
    "övriga",
    "närvarande",
    "frånvarande",
    "ersättare",
    "ledamöter",
    "tjänstepersoner",
    "tjänstemän",
    "beslutande",
    "sekreterare",
    "personalföreträdare",
}


def _not_a_name(head: str) -> bool:
    """True for what has a name's shape but is none: "KUNGSBACKA KOMMUN", "Kommunrevisionen", "Övriga"."""
    words = head.split()
    if _PLACE_WORD.search(head) or is_municipality(head):
        return True
    if len(words) == 1:
        word = words[0]
        return (
            word.casefold() in _HEADING_WORDS
            or (word.isupper() and len(word) > 3)
            or word.casefold().endswith(
                (
                    "nen",
                    "ningen",
                    "heten",
                    "kontoret",
                    "förvaltningen",
                    "nämnden",
                    "styrelsen",
                    "rådet",
                    "utskottet",
                )
            )
        )
    return False


def _comma_run_entries(text: str) -> list[str]:
    """Entries of a long run "Name, role, organisation Name, role …": each name ends at a comma.

    The capitalised words before a comma end with the next entry's name; where they hold more
    than one name ("… tjänstgörande för Margareta Halvarsson Margaretha Mooe Helleren, SPF"), the
    last name found by ``names_segment`` starts the entry and the words before it stay with the
    entry before. "2)" (a guest for item 2) also starts an entry.
    """
    # "Anna- Clara Collén": a hyphenated given name broken at the end of a line.
    words = re.sub(r"(?<=[a-zåäö])-\s+(?=[A-ZÅÄÖ])", "-", text).split()
    starts = [0]
    for index, word in enumerate(words):
        if re.fullmatch(r"\d{1,2}\)", word) and index:
            starts.append(index)
            continue
        if not word.endswith(","):
            continue
        end = index
        if words[end].rstrip(",").casefold().endswith(_TITLE_ENDINGS) and end > 0:
            end -= 1  # "Anna-Clara Collén Områdeschef,": an office with a capital ends the name.
        run_start = end
        while (
            run_start > 0
            and end - run_start < 5
            # "Henrik von Sydow,": a particle inside the name.
            and (_NAME_TOKEN.match(words[run_start - 1]) or words[run_start - 1] in _PARTICLES)
            and words[run_start - 1].casefold() not in _ROLE_WORDS
            and not words[run_start - 1].endswith(",")
        ):
            run_start -= 1
        while run_start < end and words[run_start] in _PARTICLES:
            run_start += 1  # A name does not start with its particle.
        tokens = [w.rstrip(",") for w in words[run_start : end + 1]]
        if len(tokens) < 2 or not all(_NAME_TOKEN.match(t) or t in _PARTICLES for t in tokens):
            continue
        names = names_segment(tokens)
        if names and names[-1][1] == len(tokens):
            start = run_start + names[-1][0]
            if start > starts[-1]:
                starts.append(start)
    bounds = [*starts[1:], len(words)]
    return [" ".join(words[a:b]).strip(" ,;") for a, b in zip(starts, bounds, strict=True) if a < b]


def _officials_after_party(piece: str) -> list[str]:
    """A member's entry and the officials' entries pasted after it, apart.

    "Frida Edvardsson (S) Ulf Lago, förbundsdirektör Mikael Skoog, kanslichef": after the last
    member with a party, "Name, title" entries follow without one.
    """
    match = re.match(r"^(.*\([^()]{1,4}\))\s+([A-ZÅÄÖ].*,.*)$", piece)
    if not match:
        return [piece]
    tail = _comma_run_entries(match.group(2))
    if tail and all(looks_like_name(entry.split(",")[0]) and "," in entry for entry in tail):
        return [match.group(1), *tail]
    return [piece]


def _title_then_name(segment: str) -> bool:
    """True for "förvaltningsdirektör Björn Häggblom", "Ledamot Linda Pellfolk": an office, then a name."""
    words = segment.strip(" .").split()
    count = 0
    while count < min(3, len(words)) and (
        words[count][:1].islower()
        or words[count].casefold().endswith(_TITLE_ENDINGS)
        or words[count].casefold() in _ROLE_WORDS
    ):
        count += 1
    return count > 0 and looks_like_name(" ".join(words[count:])) and len(words) - count <= 4


def _joined_entry_lines(pending: list[tuple]) -> list[tuple]:
    """Entries wrapped over two lines ("…sjukvårdsnämnd,\\nVästra Götalandsregionen § 175") joined."""
    joined: list[tuple] = []
    for text, section, inline in pending:
        stripped = text.strip()
        last = len(joined) - 1
        if section.in_column:
            last = next((i for i in range(last, -1, -1) if joined[i][1] is section), -1)
        if (
            last >= 0
            and joined[last][1] is section
            and (
                joined[last][0].rstrip().endswith((",", " och", "-", "/"))
                or (stripped[:1].islower() and not _ITEM_GUEST.match(stripped))
            )
        ):
            previous = joined[last]
            joined[last] = (previous[0].rstrip() + " " + stripped, previous[1], previous[2])
        else:
            joined.append((text, section, inline))
    return joined


# A word that may be part of a name in a run: "Anna", "Sven-Åke", "*Hilkka" (a mark before a name).
_RUN_MARK = re.compile(r"^[*]+")
_PLACE_WORD = re.compile(r"\b(?:stad|kommun|län|landsting)$", re.IGNORECASE)


def names_run_entries(text: str) -> list[str] | None:
    """Entries from a list whose names stand without separators, as a PDF flattens a column.

    "Annika Wibrell, ordf. Rickard Norberg Ulf Hansson Bo Lennart Danielsson" → "Annika Wibrell,
    ordf.", "Rickard Norberg", "Ulf Hansson", "Bo Lennart Danielsson": the runs of capitalised words
    are cut into names (``names_segment``); what follows a name up to the next one (a role, an
    organisation) stays with it, after a comma. None unless at least two names were found and most
    of them start with a known given name, so that a place or an organisation is not taken for one.
    """
    words = text.split()
    runs: list[list[int]] = []
    current: list[int] = []
    for index, word in enumerate(words):
        bare = _RUN_MARK.sub("", word).rstrip(",;.:…")
        if bare and looks_like_name(bare, min_tokens=1) and not (bare.isupper() and len(bare) > 1):
            current.append(index)
            if word.endswith((",", ";", ".", ":", "…")):
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    names: list[tuple[int, int]] = []
    for run in runs:
        tokens = [_RUN_MARK.sub("", words[i]).rstrip(",;.:…") for i in run]
        for start, end in names_segment(tokens):
            name = " ".join(tokens[start:end])
            if is_municipality(name) or _NON_PLACE_ORGANISATION.search(name) or _PLACE_WORD.search(name):
                continue  # "Lilla Edet", "Mölndals stad": a place after a name, not a name.
            names.append((run[start], run[end - 1] + 1))

    def first_and_last(start: int, end: int) -> tuple[str, str]:
        return _RUN_MARK.sub("", words[start]), words[end - 1].rstrip(",;")

    # A name in the usual order starts with a given name or ends with a surname's ending.
    known = sum(
        1
        for first, last in (first_and_last(*name) for name in names)
        if is_given_name(first) or (is_surname_shaped(last) and not is_surname_shaped(first))
    )
    # "Fredriksson Merja ordförande Engström Eskil viceordförande": Finland-Swedish lists put the
    # surname first; the given names then end the names.
    known_last = sum(
        1
        for first, last in (first_and_last(*name) for name in names)
        if not is_given_name(first)
        and (is_given_name(last) or (is_surname_shaped(first) and not is_surname_shaped(last)))
    )
    surname_first = known_last > known and known_last * 2 >= len(names)
    if len(names) < 2 or (known * 2 < len(names) and not surname_first):
        return None
    # Words before the first name are no entry of their own; they stay as one, to be told unread.
    entries = [" ".join(words[: names[0][0]])] if names[0][0] > 0 else []
    bounds = [start for start, _end in names[1:]] + [len(words)]
    for (start, end), following in zip(names, bounds, strict=True):
        parts = [_RUN_MARK.sub("", w).rstrip(",;.:…") for w in words[start:end]]
        if surname_first:
            parts = [parts[-1], *parts[:-1]]
        name = " ".join(parts)
        rest = " ".join(words[end:following]).strip(" ,;")
        entries.append(f"{name}, {rest}" if rest else name)
    return entries


# -- attendance written in markup (LaTeX, Typst) ------------------------------------------------

# The arguments of a macro or function call: "\förtroendevald{Kassör}{Morgan Thowsen}{Ja}",
# "[Tekla Siesjö], [Nej],".
_MARKUP_ARGUMENT = re.compile(r"[\[{]([^\[\]{}]*)[\]}]")
_MARKUP_ROW = re.compile(r"^\s*(?:\\[^\W\d]+\s*\{|\[)")
_ABSENT_MARKS = {"nej", "no", "frånvarande", "anmält förhinder", "förhinder"}
_VACANT = {"vakant", "vakans", "vacant"}


def markup_row_attendee(line: str) -> Attendee | bool | None:
    """One attendee from a row of a markup attendance table; False when the line is no such row.

    Layouts of LaTeX and Typst templates of associations: a name among the arguments, a mark of
    presence ("Ja", "Nej", "5.3" for the items attended, nothing) and perhaps a role:
    "\\förtroendevald{Kassör}{Morgan Thowsen}{Ja}", "[Tekla Siesjö], [Nej],". Only "Nej" (or
    another word of absence) makes the person absent. A vacant seat ("Vakant", "_vakant_") is
    None.
    """
    if not _MARKUP_ROW.match(line):
        return False
    arguments = [a.strip().strip("_*").strip() for a in _MARKUP_ARGUMENT.findall(line)]
    if not arguments or len(arguments) > 4:
        return False
    if any(a.casefold() in _VACANT for a in arguments):
        return None
    names = [a for a in arguments if looks_like_name(a)]
    if len(names) != 1:
        return False
    name = names[0]
    others = [a for a in arguments if a is not name]
    attendee = Attendee(name=name_tidy(name), party=None, present=True, group="member")
    for other in others:
        if other.casefold() in _ABSENT_MARKS:
            attendee.present = False
            continue
        for regex, body_role, _group in _ROLE_PHRASES:
            if regex.fullmatch(other):
                if body_role:
                    attendee.body_role = body_role
                elif other[:1].isupper():
                    attendee.title = other  # "Sekreterare": an office without a role of the body.
                break
        else:
            if other[:1].isupper() and other.casefold() not in {"ja", "yes", "x"}:
                attendee.title = other  # "Kassör", "SAMO": an office of the association.
    return attendee


# "Gustav Eek \\ Guilhem Moulin \\ Leif-Jöran Olsson": names on lines of their own in a LaTeX
# source; the run of at least two names between "\\" breaks after an attendance label.
_LATEX_BREAK = re.compile(r"\s*\\\\\s*")
_LATEX_COMMAND = re.compile(r"\\[^\W\d]+\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})*|%")
_ATTENDANCE_WORD = re.compile(r"\b(?:deltagare|närvarande|deltagande|ledamöter)\b", re.IGNORECASE)


def latex_list_names(line: str) -> list[str]:
    """The names of a LaTeX list broken with "\\\\" after "Deltagare:" or "Närvarande:" in a line."""
    label = _ATTENDANCE_WORD.search(line)
    if not label or "\\\\" not in line[label.end() :]:
        return []
    pieces = _LATEX_BREAK.split(line[label.end() :])
    names: list[str] = []
    for position, piece in enumerate(pieces):
        words = _LATEX_COMMAND.sub(" ", piece).split()
        if position == 0:
            words = words[-4:]  # What follows the last command before the first break.
            while words and not looks_like_name(" ".join(words)):
                words = words[1:]
        elif position == len(pieces) - 1:
            # What precedes the first command after the last break.
            words = _LATEX_COMMAND.split(piece)[0].split()
        candidate = " ".join(words)
        if looks_like_name(candidate):
            names.append(name_tidy(candidate))
        elif names:
            break
    return names if len(names) >= 2 else []


# A member's handle in an association's minutes: "nsg", "stellanl", "kaj".
_HANDLE = re.compile(r"^[a-zåäö][a-zåäö0-9_.-]{1,19}$")
_NICKNAME = re.compile(r"‹[^›]*›")
_NOT_A_HANDLE = {"och", "samt", "med", "utan", "alla", "inga", "ingen"}


def list_pieces(text: str) -> list[str]:
    """The entries of a list in a sentence: "Anna Ek, Per Berg (från 2.3) och Eva Lund." → three."""
    text = re.sub(r"\s+utan\s+rösträtt\b", "", text.strip().rstrip("."), flags=re.IGNORECASE)
    return [p.strip() for p in re.split(r"\s*,\s*|\s+och\s+", text) if p.strip()]


def pieces_attendees(
    pieces: list[str], section: _Section, problems: list[str], unread: list[str]
) -> list[Attendee]:
    """Attendees from the entries of a list; single words are names when every entry is one word.

    Small associations list members by first name ("Klas, Fredrik, Henrik") or handle ("nsg,
    stellanl"); a single word is read as a name only in such a list, where no entry has more.
    Entries not read go to ``unread``.
    """
    attendees = []
    pieces = [_NICKNAME.sub(" ", p) for p in pieces]  # "Rasmus Kaj ‹kaj›": the handle is no part.
    single = all(len(_PART_ATTENDED.sub("", p).split()) == 1 for p in pieces)
    for piece in pieces:
        word = _PART_ATTENDED.sub("", piece).strip(" .")
        if single and (
            (_HANDLE.match(word) and word not in _NOT_A_HANDLE) or looks_like_name(word, min_tokens=1)
        ):
            attendees.append(Attendee(name=word, present=section.present, group=section.group))
            continue
        attendee = _attendee(piece, section, problems)
        if attendee is not None and attendee.name and len(attendee.name.split()) >= 2:
            attendees.append(attendee)
        elif any(c.isalpha() for c in piece):
            unread.append(piece)
    return attendees


# "Ledamot Roger Kronlund i vars ställe ers. Peter Ruths närvar": Finland-Swedish for the
# substitute who attended in an absent member's place.
_IN_WHOSE_PLACE = re.compile(
    r"\s*,?\s*i\s+vars\s+ställe\s+(?:ers\.|ersättare[n]?|suppleant(?:en)?)\s+"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3})\s+närvar\w*",
)


def in_whose_place(text: str, section: _Section) -> tuple[str, list[Attendee]]:
    """The text without its "i vars ställe ers. NN närvar" clauses, and the substitutes they name."""
    substitutes = [
        Attendee(name=name_tidy(m.group("name")), present=True, group="substitute", side=section.side)
        for m in _IN_WHOSE_PLACE.finditer(text)
    ]
    return _IN_WHOSE_PLACE.sub(",", text), substitutes
