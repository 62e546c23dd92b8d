"""Step 3: spelled names to the archive's people, certain or to be confirmed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from members.models import Person

# Spellings this similar (0-100) are proposed as the same person, for the secretary to confirm.
# "Ove Dröscher" / "Ove Dröschler" score 96; two different first names rarely pass 85.
FUZZY_THRESHOLD = 85

# Similar spellings first; then the same words in another order ("Lagrell Kent"), held to a higher bar.
_SCORERS = [(fuzz.ratio, FUZZY_THRESHOLD, 10), (fuzz.token_sort_ratio, 92, 5)]


@dataclass
class Candidate:
    person: Person
    spelling: str
    score: float


@dataclass
class NameMatch:
    """What the archive knows about one spelled name."""

    name: str
    exact: Person | None = None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def certain(self) -> bool:
        """True when the name is a known spelling of exactly one person, or like nobody's name."""
        return self.exact is not None or not self.candidates

    @property
    def proposed(self) -> Person | None:
        return self.exact or (self.candidates[0].person if self.candidates else None)


def _key(name: str) -> str:
    return " ".join(name.replace("-", " ").split()).casefold()


def names_match(*, names: Iterable[str]) -> dict[str, NameMatch]:
    """The match of each name against every person's name and recorded spellings."""
    names = [name for name in dict.fromkeys(names) if name]
    if not names:
        return {}
    people = {person.pk: person for person in Person.objects.only("pk", "name", "alternative_names", "slug")}
    spellings: list[str] = []
    owners: list[int] = []
    for person in people.values():
        for spelling in person.all_names:
            spellings.append(_key(spelling))
            owners.append(person.pk)
    by_spelling: dict[str, set[int]] = {}
    for spelling, owner in zip(spellings, owners, strict=True):
        by_spelling.setdefault(spelling, set()).add(owner)
    matches = {}
    for name in names:
        key = _key(name)
        match = NameMatch(name=name)
        exact = by_spelling.get(key, set())
        if len(exact) == 1:
            match.exact = people[next(iter(exact))]
        else:
            seen: set[int] = set()
            for scorer, cutoff, limit in _SCORERS:
                for spelling, score, index in process.extract(
                    key, spellings, scorer=scorer, score_cutoff=cutoff, limit=limit
                ):
                    owner = owners[index]
                    if owner not in seen:
                        seen.add(owner)
                        match.candidates.append(
                            Candidate(person=people[owner], spelling=spelling, score=score)
                        )
        matches[name] = match
    return matches
