"""Excerpts of search results that read as sentences.

PostgreSQL's ``ts_headline`` cuts a fragment a number of words around the match, so an excerpt
starts mid-sentence ("…av kommunerna, där Nämnden…"). Here the whole text comes highlighted
(``HighlightAll``) and is cut at sentence boundaries instead: the sentence with the first match,
with the next one when it is short; "…" marks text left out before or after. Only a sentence
longer than an excerpt is cut inside, between words, around the match.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Marks around highlighted words in SearchHeadline output: characters no record contains, so the
# excerpt can be HTML-escaped whole and only these turned into <mark> (see templatetags.archive).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_STOP = "\ue001"
MARKS = HIGHLIGHT_START + HIGHLIGHT_STOP
ELLIPSIS = "…"
# At most this many words, "…" included: about two lines of a result.
MAX_WORDS = 30
# A sentence shorter than this is followed by the next one.
SHORT_SENTENCE = 12
# Words of context before the match when a long sentence is cut inside.
WORDS_BEFORE_MATCH = 8
# The database highlights only this many characters from a text's start: ``ts_headline`` parses
# all it is given, and a protocol's discussion can run to tens of thousands of characters (20
# results of 20,000 characters: 24 ms of parsing for two lines each; 3 ms for this window). A match
# past the window is found by a fragment of the whole text, for those results only
# (``fragment_excerpt``).
EXCERPT_WINDOW = 3000
# Words of the fragment around a match past the window.
FRAGMENT_WORDS = 2 * MAX_WORDS

# Abbreviations after which a full stop ends no sentence (Swedish records: "bl.a.", "t.ex.", "kl.").
_ABBREVIATIONS = {
    "bl.a", "t.ex", "m.m", "m.fl", "ca", "kl", "nr", "s.k", "p.g.a", "pga", "dvs", "d.v.s", "osv",
    "o.s.v", "t.o.m", "fr.o.m", "f.d", "resp", "jfr", "tel", "st", "inkl", "exkl", "enl", "ang",
    "t.ex.", "mfl", "mm", "e.d", "bet", "prop", "kap", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec", "ordf", "v", "vice", "dnr", "avd", "forts",
}  # fmt: skip
# A sentence ends at ".", "!" or "?" (with any closing quote or bracket) followed by space and a
# capital, a digit, a quote, a bullet or a highlight mark before one of those.
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[" + MARKS + r"]?[A-ZÅÄÖÉ0-9\"'”“•–-])")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")


def highlighted_html(value: str | None) -> SafeString:
    """A highlighted text (SearchHeadline's, or an excerpt of it) as HTML: everything escaped, only
    the highlight marks become <mark>."""
    text = escape(value or "")
    opened = text.count(HIGHLIGHT_START)
    text = text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    # A stray mark character from the record itself must not leave an element open.
    text += "</mark>" * max(0, opened - (value or "").count(HIGHLIGHT_STOP))
    return mark_safe(text)  # escaped above; only <mark> added


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order: lines are split at sentence ends, a line break ends a
    sentence too (bullets, paragraphs), and a list's bullet is dropped."""
    found = []
    for line in (text or "").splitlines():
        line = _BULLET.sub("", " ".join(line.split()))
        if not line:
            continue
        start = 0
        for match in _END.finditer(line):
            before = line[start : match.start()].split()
            last = before[-1].rstrip(".!?\"'”’)]").strip(MARKS).lower() if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue  # "bl.a. Göteborg", "A. Svensson": no sentence ends there
            found.append(line[start : match.start()].strip())
            start = match.end()
        found.append(line[start:].strip())
    return [sentence for sentence in found if sentence]


def sentence_excerpt(text: str, *, max_words: int = MAX_WORDS) -> str:
    """One or two whole sentences of ``text`` around its first highlight mark (the first sentences
    when it has none), with "…" where text is left out; never a word cut in half."""
    parts = sentences(text)
    if not parts:
        return ""
    first = next((index for index, part in enumerate(parts) if HIGHLIGHT_START in part), 0)
    chosen = [parts[first]]
    if len(chosen[0].split()) < SHORT_SENTENCE and first + 1 < len(parts):
        following = parts[first + 1]
        if len(chosen[0].split()) + len(following.split()) <= max_words - 2:
            chosen.append(following)
    words = " ".join(chosen).split()
    before = first > 0
    after = first + len(chosen) < len(parts)
    room = max_words - before - after
    if len(words) > room:
        # One long sentence: a window of words around the match, cut between words.
        match = next((index for index, word in enumerate(words) if HIGHLIGHT_START in word), 0)
        budget = max_words - 2
        # From the sentence's start when the match is early enough to be seen with words after it.
        start = (
            0 if match < budget - WORDS_BEFORE_MATCH else min(match - WORDS_BEFORE_MATCH, len(words) - budget)
        )
        before = before or start > 0
        after = after or start + budget < len(words)
        words = words[start : start + budget]
    return " ".join([ELLIPSIS] * before + words + [ELLIPSIS] * after)


def window_excerpt(highlighted: str, *, truncated: bool, need_match: bool = True) -> str | None:
    """The excerpt of a text's highlighted window (its first ``EXCERPT_WINDOW`` characters), or
    None when the window holds no match though the text goes on (then ``fragment_excerpt``;
    ``need_match=False`` takes the window's first sentences instead).

    A window that stops inside the text loses its last, possibly cut, word and ends in "…"."""
    if truncated:
        highlighted = highlighted[: highlighted.rfind(" ")].rstrip() if " " in highlighted else ""
        if need_match and HIGHLIGHT_START not in highlighted:
            return None
        highlighted = f"{highlighted} {ELLIPSIS}"
    return sentence_excerpt(highlighted)


def fragment_excerpt(text: str, fragment: str) -> str:
    """The excerpt around a match deep in a long ``text``, from the ``fragment`` that ts_headline
    highlighted there: the fragment put back into at most ``EXCERPT_WINDOW`` characters of the
    text on either side, so the excerpt starts and ends at the sentence's edges as above."""
    plain = fragment.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, "")
    position = text.find(plain)
    if position < 0:  # not found as written: the fragment alone, "…" around it
        return sentence_excerpt(f"{ELLIPSIS} {fragment.strip()} {ELLIPSIS}")
    start = max(0, position - EXCERPT_WINDOW)
    end = position + len(plain) + EXCERPT_WINDOW
    before, after = text[start:position], text[position + len(plain) : end]
    if start > 0:  # drop the word cut in half
        before = f"{ELLIPSIS} " + (before.split(" ", 1)[1] if " " in before else "")
    if end < len(text):
        after = (after.rsplit(" ", 1)[0] if " " in after else "") + f" {ELLIPSIS}"
    return sentence_excerpt(before + fragment + after)
