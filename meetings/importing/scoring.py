"""How close a parse result comes to a reading written by hand: the corpus score.

Both sides are the importer's JSON shape (``ParseResult.as_dict()``). Five figures per document,
each between 0 and 1, or ``None`` where the document gives nothing to score (no attendee on either
side, no party written, no item on either side):

- ``attendees``: F1 over (name, present) pairs. Names compare after normalisation (case, spacing,
  nicknames in ‹›, a trailing full stop); a vacant seat (name null) is not scored.
- ``parties``: of the expected attendees whose party the text gives, the share read with that party
  (an attendee not found counts as wrong).
- ``items``: F1 over items, one-to-one: an item matches when its § number is the same (both may be
  null, for records numbered by position) and its title is at least 90 % similar
  (``rapidfuzz.fuzz.ratio`` on normalised titles).
- ``decisions``: of the expected items, the share whose item was found with the right decision:
  both without a decision, or both with one and the texts at least 80 % alike
  (``rapidfuzz.fuzz.token_set_ratio`` without punctuation, so extra words around the decision are
  tolerated).
- ``header``: the share of the header fields date, start_time, end_time, location, paragraph_range,
  chair, secretary and adjusters (as a set) read exactly; null is a value (an unknown field read as
  null is right, a guess is wrong); a location needs 90 % similarity.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, utils

METRICS = ("attendees", "parties", "items", "decisions", "header")
HEADER_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "location",
    "paragraph_range",
    "chair",
    "secretary",
    "adjusters",
)
TITLE_SIMILARITY = 90
DECISION_SIMILARITY = 80
LOCATION_SIMILARITY = 90

_NICKNAME = re.compile(r"‹[^›]*›")
_SPACE = re.compile(r"\s+")


def text_normalise(text: str | None) -> str:
    """Case, Unicode form, spacing and surrounding punctuation do not count."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NICKNAME.sub(" ", text)
    text = re.sub(r"\s*-\s+", "-", text)
    return _SPACE.sub(" ", text).strip(" .,:;")


def _f1(matched: int, expected: int, found: int) -> float | None:
    if not expected and not found:
        return None
    return 2 * matched / (expected + found)


def attendees_score(expected: list[dict], parsed: list[dict]) -> float | None:
    want = {(text_normalise(a["name"]), bool(a["present"])) for a in expected if a.get("name")}
    got = {(text_normalise(a["name"]), bool(a["present"])) for a in parsed if a.get("name")}
    return _f1(len(want & got), len(want), len(got))


def parties_score(expected: list[dict], parsed: list[dict]) -> float | None:
    wanted = [a for a in expected if a.get("name") and a.get("party")]
    if not wanted:
        return None
    found: dict[str, list[str | None]] = {}
    for attendee in parsed:
        if attendee.get("name"):
            found.setdefault(text_normalise(attendee["name"]), []).append(attendee.get("party"))
    right = 0
    for attendee in wanted:
        parties = found.get(text_normalise(attendee["name"]), [])
        if any(text_normalise(p) == text_normalise(attendee["party"]) for p in parties):
            right += 1
    return right / len(wanted)


def items_match(expected: list[dict], parsed: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each expected item with the parsed item it matches (or None), one-to-one, in order."""
    free = list(parsed)
    pairs = []
    for want in expected:
        title = text_normalise(want["title"])
        best, best_score = None, -1.0
        for candidate in free:
            if candidate.get("number") != want.get("number"):
                continue
            score = fuzz.ratio(title, text_normalise(candidate.get("title")))
            if score >= TITLE_SIMILARITY and score > best_score:
                best, best_score = candidate, score
        if best is not None:
            free.remove(best)
        pairs.append((want, best))
    return pairs


def items_score(expected: list[dict], parsed: list[dict]) -> float | None:
    matched = sum(1 for _, got in items_match(expected, parsed) if got is not None)
    return _f1(matched, len(expected), len(parsed))


def _decision_right(want: str | None, got: str | None) -> bool:
    want, got = text_normalise(want), text_normalise(got)
    if not want or not got:
        return not want and not got
    return fuzz.token_set_ratio(want, got, processor=utils.default_process) >= DECISION_SIMILARITY


def decisions_score(expected: list[dict], parsed: list[dict]) -> float | None:
    if not expected:
        return None
    pairs = items_match(expected, parsed)
    right = sum(
        1 for want, got in pairs if got is not None and _decision_right(want["decision"], got["decision"])
    )
    return right / len(expected)


def _header_right(key: str, want, got) -> bool:
    if key == "adjusters":
        return {text_normalise(n) for n in want or []} == {text_normalise(n) for n in got or []}
    if key in ("chair", "secretary"):
        return text_normalise(want) == text_normalise(got)
    if key == "location":
        if not want or not got:
            return not want and not got
        return fuzz.ratio(text_normalise(want), text_normalise(got)) >= LOCATION_SIMILARITY
    if key == "paragraph_range":
        return (list(want) if want else None) == (list(got) if got else None)
    return want == got


def header_score(expected: dict, parsed: dict) -> float:
    right = sum(1 for key in HEADER_FIELDS if _header_right(key, expected.get(key), parsed.get(key)))
    return right / len(HEADER_FIELDS)


def document_score(expected: dict, parsed: dict) -> dict[str, float | None]:
    """The five figures of one document."""
    return {
        "attendees": attendees_score(expected["attendees"], parsed["attendees"]),
        "parties": parties_score(expected["attendees"], parsed["attendees"]),
        "items": items_score(expected["items"], parsed["items"]),
        "decisions": decisions_score(expected["items"], parsed["items"]),
        "header": header_score(expected, parsed),
    }


def averages(scores: list[dict[str, float | None]]) -> dict[str, float | None]:
    """The mean of each figure over the documents that have it."""
    result = {}
    for metric in METRICS:
        values = [s[metric] for s in scores if s[metric] is not None]
        result[metric] = sum(values) / len(values) if values else None
    return result
