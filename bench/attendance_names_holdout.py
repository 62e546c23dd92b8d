"""How much the attendee score owes to the list of given names: each document without its own names.

The importer cuts names written without separators, and tells a surname written first, partly by
a list of frequent given names (``meetings/importing/parse/data/given_names.txt``). A list that
merely held the corpus' names would score well on the corpus and badly on new protocols. So each
document is scored twice: with the whole list, and with a list lacking every given name that
occurs in that document's expected reading and in no other document's, as if the document's
people had names the list never saw. Run ``python bench/attendance_names_holdout.py``.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.conf import settings  # noqa: E402

if not settings.configured:
    settings.configure(USE_I18N=False)

from meetings.importing.parse import protocol_parse, shapes  # noqa: E402
from meetings.importing.scoring import document_score  # noqa: E402

DOCUMENTS = ROOT / "tests" / "importing" / "documents"
EXPECTED = ROOT / "tests" / "importing" / "expected"


def main() -> None:
    full = shapes._given_names()
    readings = {}
    for path in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        firsts = {a["name"].split()[0].casefold() for a in expected["attendees"] if a.get("name")}
        readings[path.stem] = (expected, firsts)
    totals = {"full": [], "held out": []}
    for stem, (expected, firsts) in readings.items():
        others = set().union(*(names for other, (_e, names) in readings.items() if other != stem))
        own = (firsts - others) & full
        text = (DOCUMENTS / f"{stem}.txt").read_text(encoding="utf-8")
        with_all = document_score(expected, protocol_parse(text).as_dict())["attendees"]
        original = shapes._given_names
        shapes._given_names = lambda own=own: full - own
        try:
            held_out = document_score(expected, protocol_parse(text).as_dict())["attendees"]
        finally:
            shapes._given_names = original
        if with_all is None:
            continue
        totals["full"].append(with_all)
        totals["held out"].append(held_out)
        if abs(with_all - held_out) > 0.005:
            print(f"{stem:62} {with_all:.2f} → {held_out:.2f}  ({len(own)} given names held out)")
    count = len(totals["full"])
    print(
        f"attendee F1 over {count} documents: whole list {sum(totals['full']) / count:.3f}, "
        f"each document's own names held out {sum(totals['held out']) / count:.3f}"
    )


if __name__ == "__main__":
    main()
