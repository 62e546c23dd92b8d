"""Shapes of words and names: what a person's name, a role word or a heading looks like."""

from __future__ import annotations

import re

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
