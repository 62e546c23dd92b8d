"""Header tables that extraction pulled apart: values a field or a line away from their labels.

PDF viewers and text exports flatten a header table row by row, so that labels and their values
come apart ("Paragrafer Beslutande Se sid 2 71-85", "Utses att justera: Sekreterare: Kenneth Johansson /
Paragrafer Pia Anderson Ordförande: Magnus Cato"). These functions put them together again.
"""

from __future__ import annotations

import re

from .shapes import looks_like_name, name_tidy

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


def field_ends(line: str, gap: bool, filled: bool) -> bool:
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


def signers_apart(header: list[str]) -> dict[str, list[str]]:
    """The signature fields of a header table whose labels and names extraction pulled apart.

    "Utses att justera: Sekreterare: Kenneth Johansson" / "Paragrafer Pia Anderson Ordförande:.
    Magnus Cato Justerande:." and "Justeringens plats och tid Sekreterare …" / "Paragrafer Nr
    Ordförande Sabina Lindell Justerande Tony Hansson Lesley Holmberg": the labels wait in the
    order printed and each name fills the oldest waiting one (the table is read row by row, its
    values a column later). Returns the names found for each office.
    """
    filled = [line.strip() for line in header if line.strip()]
    # A line opening with a signer's label is the block's start; a short line ending with one only
    # where none does (its names may be a jumbled column's).
    start = next((i for i, line in enumerate(filled) if _SIGNERS_OPEN.match(line)), None)
    if start is None:
        start = next((i for i, line in enumerate(filled) if _SIGNERS_START.match(line)), None)
    if start is None:
        return {}
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
    return found
