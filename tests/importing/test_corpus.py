"""The ratchet on the corpus: no document may score below what the parser once reached on it.

The floors are in ``corpus_scores.json``, written by ``python bench/import_corpus.py --record``;
raising them after an improvement is a deliberate edit, lowering one needs a reason in review.
"""

import json
from pathlib import Path

import pytest

from meetings.importing.parse import ImportProblem, ParseResult, protocol_parse
from meetings.importing.scoring import METRICS, document_score

from .conftest import DOCUMENTS, EXPECTED

FLOORS = json.loads((Path(__file__).parent / "corpus_scores.json").read_text(encoding="utf-8"))


def _score(name: str) -> dict:
    try:
        parsed = protocol_parse((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    except ImportProblem:
        parsed = ParseResult()
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    return document_score(expected, parsed.as_dict())


def test_every_expected_reading_has_a_floor():
    """A document added to the corpus gets its floor recorded, so the ratchet covers it."""
    assert sorted(FLOORS) == sorted(path.stem for path in EXPECTED.glob("*.json"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_document_keeps_its_score(name):
    """Each figure of the document is at least the recorded floor."""
    score = _score(name)
    fallen = {
        metric: (score[metric], FLOORS[name][metric])
        for metric in METRICS
        if FLOORS[name][metric] is not None and (score[metric] or 0.0) < FLOORS[name][metric]
    }
    assert not fallen, f"{name}: score (now, floor) fell for {fallen}"
