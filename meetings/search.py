"""Turning what a person types into the search box into something PostgreSQL can run safely.

Two things can be typed:

* a paragraph reference — "§ 175", "§175", "175 2022", "§ 175 styrgruppen" — parsed by
  :func:`parse_reference`;
* words in web-search syntax — "quoted phrases", ``-word`` to exclude, ``or`` (or Swedish ``eller``) between alternatives —
  compiled by :func:`build_tsquery` into a ``to_tsquery`` text in which every plain word is a prefix
  (``kompetens`` finds ``kompetensförsörjning``: Swedish writes compounds as one word).

The tsquery text is built from lexemes that hold only letters, digits, ``_`` and ``-`` inside single
quotes, joined by operators placed here, so no input can make ``to_tsquery`` fail with a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery

from .models import SEARCH_CONFIG

# Longer input is cut: nobody types more, and the cost of a query grows with its terms.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 16

_WORD = re.compile(r"\w+(?:-\w+)*")
_TOKEN = re.compile(r'"[^"]*(?:"|$)|\S+')


@dataclass
class CompiledQuery:
    """A tsquery text for ``to_tsquery`` (empty when nothing searchable was typed) and notes on the input."""

    tsquery: str = ""
    truncated: bool = False
    ignored_only_negative: bool = False
    terms: list[str] = field(default_factory=list)
    # The phrases of two or more words sought, each as its tsquery terms: the index finds the
    # paragraphs holding the words, and each must be read to check their order (see
    # selectors.search_result_ids).
    phrases: list[list[str]] = field(default_factory=list)
    # With phrases: a looser query that every match of ``tsquery`` also matches, with each phrase
    # replaced by its words but the last, whole, and the excluded words left out. The index
    # answers it without collecting every word that the last word starts (see
    # selectors.search_items).
    index_tsquery: str = ""
    # The planner's estimate of the paragraphs holding each phrase word the search configuration
    # keeps (stop words left out): filled by meetings.selectors.phrase_estimates on first use.
    estimates: dict[str, float] | None = field(default=None, compare=False, repr=False)

    @property
    def has_phrase(self) -> bool:
        return bool(self.phrases)

    @property
    def phrase_words(self) -> list[str]:
        return [term for phrase in self.phrases for term in phrase]

    def __bool__(self) -> bool:
        return bool(self.tsquery)

    def search_query(self) -> SearchQuery:
        return SearchQuery(self.tsquery, search_type="raw", config=SEARCH_CONFIG)


# Shorter words are matched whole: a prefix of one or two letters matches almost everything.
MIN_PREFIX_LENGTH = 3


def _lexemes(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _term(word: str) -> str:
    return f"'{word}':*" if len(word) >= MIN_PREFIX_LENGTH else f"'{word}'"


def build_tsquery(text: str) -> CompiledQuery:
    """Compiles web-search syntax with prefix matching into a tsquery text that is always valid."""
    result = CompiledQuery()
    text = text or ""
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        result.truncated = True

    # Each clause is a list of alternatives joined by "|"; clauses are joined by "&".
    clauses: list[list[str]] = []
    loose: list[list[str]] = []  # the clauses of index_tsquery
    negatives: list[str] = []
    pending_or = False
    count = 0
    for token in _TOKEN.findall(text):
        if count >= MAX_TERMS:
            result.truncated = True
            break
        if token.lower() in {"or", "eller"}:
            pending_or = bool(clauses)
            continue
        negative = token.startswith("-") and len(token) > 1
        body = token[1:] if negative else token
        if body.startswith('"'):
            words = _lexemes(body.strip('"'))
            if not words:
                continue
            # A phrase: words in this order, the last one may be the start of a longer word.
            phrase_terms = [f"'{word}'" for word in words[:-1]] + [_term(words[-1])]
            expression = " <-> ".join(phrase_terms)
            expression = f"({expression})" if len(words) > 1 else expression
            loose_expression = expression
            result.terms.append(" ".join(words))
            if len(words) > 1 and not negative:
                result.phrases.append(phrase_terms)
                loose_expression = f"({' & '.join(phrase_terms[:-1])})"
        else:
            words = _lexemes(body)
            if not words:
                continue
            expression = " & ".join(_term(word) for word in words)
            expression = f"({expression})" if len(words) > 1 else expression
            loose_expression = expression
            result.terms.extend(words)
        count += 1
        if negative:
            # An excluded word is excluded as written (no prefix), as web-search syntax does.
            negatives.append("!" + expression.replace(":*", ""))
            pending_or = False
            continue
        if pending_or and clauses:
            clauses[-1].append(expression)
            loose[-1].append(loose_expression)
        else:
            clauses.append([expression])
            loose.append([loose_expression])
        pending_or = False

    if not clauses:
        result.ignored_only_negative = bool(negatives)
        return result
    result.tsquery = " & ".join(_joined(clauses) + negatives)
    if result.phrases:
        result.index_tsquery = " & ".join(_joined(loose))
    return result


def _joined(clauses: list[list[str]]) -> list[str]:
    return [f"({' | '.join(alts)})" if len(alts) > 1 else alts[0] for alts in clauses]


@dataclass
class Reference:
    """A paragraph reference: a § number, and a year or words naming the body when given."""

    number: int
    year: int | None = None
    body_words: str = ""


_SECTION = re.compile(
    r"^§\s*(?P<number>\d{1,6})(?:\s*[,/]?\s*(?P<year>(?:19|20)\d{2}))?(?:\s+(?P<rest>\D.*))?$",
    re.IGNORECASE,
)
_NUMBER_YEAR = re.compile(r"^(?P<number>\d{1,6})\s*[,/]?\s+(?P<year>(?:19|20)\d{2})$")
_PARAGRAPH_WORD = re.compile(r"^(?:paragraf|para?g?)\.?\s*(?P<rest>\d.*)$", re.IGNORECASE)


def parse_reference(text: str) -> Reference | None:
    """The paragraph reference in ``text``, or None when it is a search for words.

    "§ 175", "§175", "§ 175 2022", "175 2022", "§ 175 styrgruppen", "paragraf 175 2022".
    A bare number ("175") is a search for words, since numbers occur in text too.
    """
    text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
    if not text:
        return None
    match = _PARAGRAPH_WORD.match(text)
    if match:
        text = "§ " + match["rest"]
    match = _SECTION.match(text) or _NUMBER_YEAR.match(text)
    if not match:
        return None
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    rest = (groups.get("rest") or "").strip()
    if rest and year is None:
        # "§ 175 styrgruppen 2022": a year may also end the words.
        tail = re.search(r"\s((?:19|20)\d{2})$", rest)
        if tail:
            year, rest = int(tail[1]), rest[: tail.start()].strip()
    return Reference(number=int(groups["number"]), year=year, body_words=rest)
