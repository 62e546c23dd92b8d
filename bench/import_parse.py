"""Parse time of the importer per protocol page, on the seeds and on a synthetic 20-page protocol.

Run with `make bench`. A page is counted as 45 lines of text.
"""

import contextlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.conf import settings  # noqa: E402

if not settings.configured:
    # The parser needs no database and no project; its messages stay untranslated here.
    settings.configure(USE_I18N=False)

from meetings.importing.parse import ImportProblem, protocol_parse  # noqa: E402

DOCUMENTS = ROOT / "tests" / "importing" / "documents"
LINES_PER_PAGE = 45


def synthetic_protocol(pages: int) -> str:
    """A protocol with an attendance list and enough § items to fill ``pages`` pages."""
    head = [
        "Protokoll",
        "Kommunstyrelsen",
        "Plats och tid: Stadshuset, 2026-03-04 kl. 13.00-16.00",
        "",
        "Beslutande",
    ]
    head += [f"Ledamot Nummer{n} (S), Lerum" for n in range(15)]
    head += ["", "Övriga närvarande", "Sara Nordenhielm, sekreterare", ""]
    lines = list(head)
    number = 1
    while len(lines) < pages * LINES_PER_PAGE:
        lines += [
            f"§ {number} Ärende nummer {number} om kompetensförsörjning",
            "",
            "Beslut",
            "Informationen antecknas.",
            "",
            "Sammanfattning av ärendet",
            "Anna Berg informerar om arbetet med kompetensförsörjning i kommunerna och om",
            "den regionala handlingsplanen. Styrgruppen för dialog om fortsatt arbete och",
            "om hur kommunerna kan samverka kring utbildning, rekrytering och arbetsmiljö.",
            "",
        ]
        number += 1
    lines += ["", "Vid protokollet:", "Sara Nordenhielm", "Sekreterare", "", "Justeras:", "Anna Berg Bo Ek"]
    return "\n".join(lines)


def measure(text: str, repeat: int = 5) -> float:
    timings = []
    for _attempt in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(ImportProblem):
            # A document refused as unreadable still costs its parse time.
            protocol_parse(text)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main():
    print("import_parse: parse time per protocol page (median of 5 runs)")
    documents = sorted(DOCUMENTS.glob("*.txt"))
    cases = [(path.name, path.read_text(encoding="utf-8")) for path in documents]
    cases.append(("synthetic 20-page protocol", synthetic_protocol(20)))
    for name, text in cases:
        pages = max(1, round(len(text.splitlines()) / LINES_PER_PAGE))
        seconds = measure(text)
        print(
            f"  {name:48} {pages:3d} pages  {seconds * 1000:8.1f} ms  {seconds * 1000 / pages:6.2f} ms/page"
        )


if __name__ == "__main__":
    main()
