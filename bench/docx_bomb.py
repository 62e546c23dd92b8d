"""Memory and time of refusing a Word "zip bomb": a small .docx whose XML unpacks to 1.5 GB.

Run with `make bench` (or `python bench/docx_bomb.py [SIZE_MB]`). Prints the packed size, the time
to refuse it and the growth of the process's peak memory while doing so; a reader that unpacked the
XML would need gigabytes.
"""

import io
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.importing import ImportProblem  # noqa: E402
from meetings.importing.extract import text_extract  # noqa: E402

CHUNK = b" " * (1024 * 1024)


def bomb(unpacked_mb: int) -> bytes:
    """A .docx whose document.xml holds ``unpacked_mb`` MB of whitespace, written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document><w:body>')
            for _ in range(unpacked_mb):
                member.write(CHUNK)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutes.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()
    unpacked_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 1536
    data = bomb(unpacked_mb)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        text_extract(data=data, filename="bomb.docx")
        outcome = "read (not refused)"
    except ImportProblem as problem:
        outcome = f"refused: {problem}"
    elapsed = time.perf_counter() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    print(f"docx bomb: {len(data) / 1024 / 1024:.1f} MB packed, {unpacked_mb} MB unpacked")
    print(f"  {outcome}")
    print(f"  {elapsed * 1000:.1f} ms, peak memory grew by {grown / 1024:.1f} MB")


if __name__ == "__main__":
    main()
