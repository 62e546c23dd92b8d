"""Shapes of words and names: what a person's name, a role word or a heading looks like."""

from __future__ import annotations

import functools
import re
from pathlib import Path

# Letters of names from across Europe as Swedish minutes write them: "Ermin Škorić", "Józef Łukasz".
_UPPER = "A-ZÅÄÖÉÜÆØČŠŽĆĐŁŚŹŻŃÓÍÁÈ"
_LOWER = "a-zåäöéüæøèáíóúçñčšžćđłśźżńőűàâêëîïôûÿýě"
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
    "protokollförare",
    "mötesordförande",
    "mötessekreterare",
    "suppleant",
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


# -- names without separators ----------------------------------------------------------------

_GIVEN_NAMES_FILE = Path(__file__).resolve().parent / "data" / "given_names.txt"


@functools.cache
def _given_names() -> frozenset[str]:
    lines = _GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


# The endings of Swedish, Finland-Swedish and Nordic surnames: "Hansson", "Rolfsdotter", "Lindqvist".
_SURNAME_ENDINGS = (
    "son",
    "sen",
    "dotter",
    "berg",
    "borg",
    "ström",
    "gren",
    "lund",
    "qvist",
    "kvist",
    "holm",
    "dahl",
    "dal",
    "man",
    "mark",
    "stedt",
    "sten",
    "by",
    "stam",
    "bäck",
    "blad",
    "bom",
    "vall",
    "lind",
    "ling",
    "lin",
    "ell",
    "ius",
    "feldt",
    "fors",
    "hed",
    "hammar",
    "strand",
    "sjö",
    "ek",
    "quist",
    "nen",
    "la",
    "ski",
)


def is_given_name(token: str) -> bool:
    """True for a frequent given name: "Anna", "Sven-Åke" (a hyphenated name whose first part is one)."""
    word = token.strip(",.*;:").casefold()
    return word in _given_names() or word.split("-")[0] in _given_names()


def is_surname_shaped(token: str) -> bool:
    """True for a word with a surname's ending that is no frequent given name: "Hansson", "Lindqvist"."""
    word = token.strip(",.*;:").casefold()
    return not is_given_name(word) and word.split("-")[-1].endswith(_SURNAME_ENDINGS)


def _name_score(tokens: list[str]) -> float:
    first, last, middle = tokens[0], tokens[-1], tokens[1:-1]
    score = 0.0
    if is_given_name(first):
        score += 2
    elif is_surname_shaped(first):
        score -= 2
    if is_given_name(last) and not is_surname_shaped(last):
        score -= 2
    elif is_surname_shaped(last):
        score += 1
    for token in middle:
        score += 0 if is_given_name(token) or is_surname_shaped(token) else -0.5
    return score - {2: 0, 3: 1, 4: 2.5}[len(tokens)]


# A word in a run of names that belongs to no name costs this much: little for what looks like an
# organisation ("Omsorgsnämnden", "PRO", "Humanistiska nämnden"), much for a word shaped like a name.
_ORGANISATION_ENDINGS = (
    "nämnden",
    "styrelsen",
    "rådet",
    "kontoret",
    "förvaltningen",
    "förbundet",
    "kansliet",
    "sekretariatet",
    "enheten",
    "avdelningen",
    "regionen",
    "kommun",
    "iska",
    "ska",
)


def _skip_cost(token: str) -> float:
    word = token.strip(",.*;:")
    if word.isupper() or word.casefold().endswith(_ORGANISATION_ENDINGS):
        return -0.5
    return -3.0


def names_segment(tokens: list[str]) -> list[tuple[int, int]]:
    """Where the names start and end in a run of capitalised words written without separators.

    "Ulf Hansson Michael Haglund Bo Lennart Danielsson" → three names: a name is two to four
    words, preferably two, starting with a given name and ending with a surname; a word that fits
    no name is left between them (an organisation, say). Returns (start, end) word offsets.
    Linear in the words (a small dynamic programme over the four name lengths).
    """
    count = len(tokens)
    best: list[tuple[float, list[tuple[int, int]]]] = [(0.0, [])] + [(float("-inf"), [])] * count
    for end in range(1, count + 1):
        score, spans = best[end - 1]
        candidates = [(score + _skip_cost(tokens[end - 1]), spans)]
        for length in (2, 3, 4):
            start = end - length
            if start < 0:
                break
            words = tokens[start:end]
            if words[0] in _PARTICLES or words[-1] in _PARTICLES:
                continue
            if any(not looks_like_name(word, min_tokens=1) and word not in _PARTICLES for word in words):
                continue
            previous_score, previous = best[start]
            candidates.append((previous_score + _name_score(words), [*previous, (start, end)]))
        best[end] = max(candidates, key=lambda candidate: candidate[0])
    return best[count][1]
