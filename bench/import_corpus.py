"""The importer on real protocols: a score per corpus document and the averages.

Every document in ``tests/importing/documents/`` that has a reading written by hand in
``tests/importing/expected/`` is parsed and compared with it. Run ``python bench/import_corpus.py``
(also part of ``make bench``); ``--record`` writes the scores reached to
``tests/importing/corpus_scores.json``, the floors of the ratchet test (``test_corpus.py``), so
raising them is a deliberate, reviewed edit.

Scoring rules (``meetings/importing/scoring.py``), each figure between 0 and 1, "—" where the
document gives nothing to score:

- attendees: F1 over (name, present/absent) pairs; names compare without case, spacing, nicknames
  in ‹› or a trailing full stop; a vacant seat is not scored.
- party: of the expected attendees whose party the text gives, the share read with that party
  (an attendee not found counts as wrong).
- items: F1 over items matched one-to-one: the same § number (or both without one, for records
  numbered by position) and a title at least 90 % similar.
- decisions: of the expected items, the share found with the right decision: both without one, or
  both with one and at least 80 % alike (token set ratio without punctuation, extra words tolerated).
- header: the share of date, start time, end time, location (90 % similar), paragraph range,
  chair, secretary and adjusters (as a set) read exactly; an unknown field read as null is right,
  a guess is wrong.

Averages are over the documents that have the figure.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.conf import settings  # noqa: E402

if not settings.configured:
    # The parser needs no database and no project; its messages stay untranslated here.
    settings.configure(USE_I18N=False)

from meetings.importing.parse import ImportProblem, ParseResult, protocol_parse  # noqa: E402
from meetings.importing.scoring import METRICS, averages, document_score  # noqa: E402

DOCUMENTS = ROOT / "tests" / "importing" / "documents"
EXPECTED = ROOT / "tests" / "importing" / "expected"
FLOORS = ROOT / "tests" / "importing" / "corpus_scores.json"
HEADINGS = {
    "attendees": "attend",
    "parties": "party",
    "items": "items",
    "decisions": "decis",
    "header": "header",
}


def corpus_scores() -> dict[str, dict[str, float | None]]:
    """The scores of every document with an expected reading, by document name."""
    scores = {}
    for expected_path in sorted(EXPECTED.glob("*.json")):
        text = (DOCUMENTS / f"{expected_path.stem}.txt").read_text(encoding="utf-8")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            parsed = protocol_parse(text)
        except ImportProblem:
            # A document refused as unreadable scores as one from which nothing was read.
            parsed = ParseResult()
        scores[expected_path.stem] = document_score(expected, parsed.as_dict())
    return scores


def _cell(value: float | None) -> str:
    return "     —" if value is None else f"{value:6.2f}"


def table(scores: dict[str, dict[str, float | None]]) -> str:
    width = max(len(name) for name in scores)
    lines = [f"{'document':<{width}}  " + "  ".join(f"{HEADINGS[m]:>6}" for m in METRICS)]
    for name, score in scores.items():
        lines.append(f"{name:<{width}}  " + "  ".join(_cell(score[m]) for m in METRICS))
    mean = averages(list(scores.values()))
    lines.append(
        f"{'average (' + str(len(scores)) + ' documents)':<{width}}  "
        + "  ".join(_cell(mean[m]) for m in METRICS)
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help=f"write the scores reached to {FLOORS.name}")
    args = parser.parse_args()
    scores = corpus_scores()
    print("Importer corpus score (bench/import_corpus.py)")
    print(table(scores))
    if args.record:
        # Floors are rounded down so that the ratchet compares like with like on any machine.
        floors = {
            name: {m: (None if v is None else int(v * 1000) / 1000) for m, v in score.items()}
            for name, score in scores.items()
        }
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Recorded in {FLOORS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
