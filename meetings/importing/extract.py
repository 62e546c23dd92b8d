"""Step 1: the text of an uploaded file (.txt, .pdf, .docx), or a clear refusal."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from statistics import median

from django.utils.translation import gettext as _

from . import ImportProblem

# A protocol of a hundred pages is a few megabytes as PDF; anything bigger is not one protocol.
MAX_FILE_SIZE = 10 * 1024 * 1024
# Unpacked, a Word protocol of a hundred pages is a few megabytes of XML, plus its images; a file
# that unpacks to more is not one protocol, and may be built to exhaust memory (a zip bomb: a few
# megabytes that unpack to gigabytes of XML).
MAX_UNPACKED_SIZE = 50 * 1024 * 1024


def text_extract(*, data: bytes, filename: str = "") -> str:
    """The text of one document; raises ImportProblem when there is none to be had."""
    if not data:
        raise ImportProblem(_("The file is empty."))
    if len(data) > MAX_FILE_SIZE:
        raise ImportProblem(
            _("The file is %(size)d MB; the importer reads files up to %(limit)d MB.")
            % {"size": len(data) // (1024 * 1024), "limit": MAX_FILE_SIZE // (1024 * 1024)}
        )
    name = filename.casefold()
    if data.startswith(b"%PDF-") or name.endswith(".pdf"):
        text = pdf_text(data)
    elif data.startswith(b"PK\x03\x04") or name.endswith(".docx"):
        text = docx_text(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(_("This is an old Word file (.doc). Save it as .docx or PDF and import that."))
    elif data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        raise ImportProblem(_("This is an image. The importer reads text, PDF and Word files, not scans."))
    elif data.startswith(b"{\\rtf"):
        raise ImportProblem(_("This is an RTF file. Save it as .docx or PDF and import that."))
    else:
        text = text_decode(data)
    if not text.strip():
        raise ImportProblem(_("The document contains no text."))
    return text


def text_decode(data: bytes) -> str:
    """Text from bytes in UTF-8, UTF-16 or Windows-1252/Latin-1, told apart by BOM and content."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ImportProblem(
                    _("The file claims to be %(encoding)s but is not.") % {"encoding": encoding}
                ) from error
    sample = data[:4000]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of Latin text is zero.
        encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ImportProblem(_("This is not a text file (it contains binary data)."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    else:
        # Text that was UTF-8 read as Windows-1252 and saved again ("GÃ¶teborg").
        if len(re.findall("Ã[\u0080-\u00bf¤¥¶–—…‰]", text)) >= 3:
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                text = text.encode("cp1252").decode("utf-8")
    controls = sum(1 for c in text[:4000] if c < " " and c not in "\n\r\t\f")
    if controls > len(text[:4000]) // 20:
        raise ImportProblem(_("This is not a text file (it contains binary data)."))
    return text


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_text(data: bytes) -> str:
    """The text of a PDF, page by page, each two-column page read left column first."""
    import pdfplumber

    pages = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                words = page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False)
                pages.append(_page_text(words, float(page.width)))
    except ImportProblem:
        raise
    except Exception as error:  # A damaged PDF raises anything from pdfminer; all are refused alike.
        raise ImportProblem(
            _("The PDF file cannot be read (%(error)s).") % {"error": type(error).__name__}
        ) from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise ImportProblem(
            _("The PDF has no text layer (it is a scanned image). Run text recognition (OCR) on it first.")
        )
    return text


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _line_text(line: list[dict], char_width: float, left: float) -> str:
    """A line with wide gaps kept as runs of spaces, so table columns stay apart."""
    parts = []
    end = left
    for index, word in enumerate(line):
        gap = word["x0"] - end
        if index == 0:
            parts.append(" " * max(0, int(gap / char_width)) if gap > 2 * char_width else "")
        elif gap > 2.5 * char_width:
            parts.append(" " * max(2, int(gap / char_width)))
        else:
            parts.append(" ")
        parts.append(word["text"])
        end = word["x1"]
    return "".join(parts)


def _page_text(words: list[dict], width: float) -> str:
    if not words:
        return ""
    char_width = median((w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words) or 5.0
    left = min(w["x0"] for w in words)
    lines = _lines(words)
    gutter = _gutter(lines, width)
    if gutter is None:
        return "\n".join(_line_text(line, char_width, left) for line in lines)

    # Full-width lines above and below the columns stay where they are; between them the left
    # column is read before the right one.
    def split(line):
        return [w for w in line if w["x1"] <= gutter], [w for w in line if w["x0"] >= gutter]

    two = [i for i, line in enumerate(lines) if all(w["x1"] <= gutter or w["x0"] >= gutter for w in line)]
    first, last = two[0], two[-1]
    out = [_line_text(line, char_width, left) for line in lines[:first]]
    left_column, right_column = [], []
    for line in lines[first : last + 1]:
        left_words, right_words = split(line)
        if (left_words and right_words) or not any(w["x0"] < gutter < w["x1"] for w in line):
            if left_words:
                left_column.append(_line_text(left_words, char_width, left))
            if right_words:
                right_column.append(_line_text(right_words, char_width, gutter))
        else:
            left_column.append(_line_text(line, char_width, left))
    out += [*left_column, "", *right_column]
    out += [_line_text(line, char_width, left) for line in lines[last + 1 :]]
    return "\n".join(out)


def _gutter(lines: list[list[dict]], width: float) -> float | None:
    """The x of a white column between two text columns, or None for a one-column page."""
    if len(lines) < 6:
        return None
    best = None
    for step in range(35, 66):
        x = width * step / 100
        crossing = sum(1 for line in lines for w in line if w["x0"] < x < w["x1"])
        both = sum(1 for line in lines if any(w["x1"] <= x for w in line) and any(w["x0"] >= x for w in line))
        if (
            crossing <= len(lines) * 0.05
            and both >= len(lines) * 0.5
            and (best is None or crossing < best[0])
        ):
            best = (crossing, x)
    if best is None:
        return None
    x = best[1]
    # A table of names with a wide gap is read row by row; prose columns are dense on both sides.
    left_text = sum(len(w["text"]) for line in lines for w in line if w["x1"] <= x)
    right_text = sum(len(w["text"]) for line in lines for w in line if w["x0"] >= x)
    rows_with_prose = sum(
        1
        for line in lines
        if sum(1 for w in line if w["x1"] <= x) >= 4 and sum(1 for w in line if w["x0"] >= x) >= 4
    )
    if rows_with_prose < len(lines) * 0.4 or min(left_text, right_text) < 0.25 * max(left_text, right_text):
        return None
    return x


# ---------------------------------------------------------------------------------------------
# Word


def docx_check_unpacked_size(data: bytes) -> None:
    """Refuses a Word file (a zip archive) that unpacks to more than ``MAX_UNPACKED_SIZE``, unread.

    The sizes in the archive's directory can be trusted as an upper bound: ``zipfile`` never returns
    more bytes of a member than its directory entry declares, and fails on a member that has more.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportProblem(
            _("The Word file cannot be read (%(error)s).") % {"error": type(error).__name__}
        ) from error
    if unpacked > MAX_UNPACKED_SIZE:
        raise ImportProblem(
            _(
                "The Word file unpacks to %(size)d MB; the importer reads Word files that unpack to at "
                "most %(limit)d MB. Save the protocol as PDF, or remove large images, and import that."
            )
            % {"size": unpacked // (1024 * 1024), "limit": MAX_UNPACKED_SIZE // (1024 * 1024)}
        )


def docx_text(data: bytes) -> str:
    """The text of a .docx document: paragraphs and tables in order, list numbers written out."""
    import docx
    from docx.oxml.ns import qn

    docx_check_unpacked_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # A damaged file raises anything from zipfile to lxml.
        raise ImportProblem(
            _("The Word file cannot be read (%(error)s).") % {"error": type(error).__name__}
        ) from error
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    # Numbered list styles ("List Number") carry their numbering in the style, not the paragraph.
    style_numbering = {}
    for style in document.styles.element.iter(qn("w:style")):
        found = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if found is not None:
            style_numbering[style.get(qn("w:styleId"))] = found

    def paragraph_text(element) -> str:
        texts = []
        for node in element.iter():
            if node.tag == qn("w:t"):
                texts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                texts.append("    ")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                texts.append("\n")
        text = "".join(texts)
        numbering = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is None:
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            numbering = style_numbering.get(style.get(qn("w:val"))) if style is not None else None
        if numbering is not None and text.strip():
            num_id = numbering.find(qn("w:numId"))
            level = numbering.find(qn("w:ilvl"))
            key = (
                num_id.get(qn("w:val")) if num_id is not None else "0",
                int(level.get(qn("w:val"))) if level is not None else 0,
            )
            counters[key] = counters.get(key, 0) + 1
            for other in list(counters):
                if other[0] == key[0] and other[1] > key[1]:
                    del counters[other]
            count = counters[key]
            if key[1] == 0:
                text = f"{count}. {text}"
            else:
                text = f"{'abcdefghijklmnopqrstuvwxyz'[(count - 1) % 26]}. {text}"
        return text

    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append(paragraph_text(element))
        elif element.tag == qn("w:tbl"):
            for row in element.iter(qn("w:tr")):
                cells = [
                    "\n".join(paragraph_text(p) for p in cell.iter(qn("w:p"))).split("\n")
                    for cell in row.iter(qn("w:tc"))
                ]
                height = max((len(cell) for cell in cells), default=0)
                for index in range(height):
                    parts = [cell[index].strip() if index < len(cell) else "" for cell in cells]
                    line = "    ".join(parts).rstrip()
                    if index > 0 and not parts[0]:
                        line = "    " + line.strip()
                    lines.append(line)
            lines.append("")
    return "\n".join(lines)
