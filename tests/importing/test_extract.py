"""Step 1: text out of text, PDF and Word files, or a clear refusal."""

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.importing import ImportProblem
from meetings.importing.extract import MAX_FILE_SIZE, text_decode, text_extract
from meetings.importing.parse import protocol_parse

from .conftest import DOCUMENTS

SWEDISH = "Närvarande: Kent Lagrell (M), Öckerö, ordförande – Ärende § 5 Överenskommelse"


@pytest.mark.parametrize(
    "encoded",
    [
        SWEDISH.encode("utf-8"),
        b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"),
        SWEDISH.encode("cp1252"),
        SWEDISH.replace("–", "-").encode("latin-1"),
        SWEDISH.encode("utf-16"),
        SWEDISH.encode("utf-16-le"),
        SWEDISH.encode("utf-8").decode("cp1252").encode("utf-8"),  # UTF-8 read as Windows-1252 and saved
    ],
)
def test_text_in_any_common_encoding_is_decoded(encoded):
    """UTF-8 (with or without BOM), Windows-1252, Latin-1 and UTF-16 all give the same Swedish text."""
    text = text_extract(data=encoded, filename="protokoll.txt")
    assert "Öckerö" in text and "Närvarande" in text and "Ärende" in text


def test_a_seed_in_windows_1252_parses_like_the_original():
    """A protocol saved in Windows-1252 gives the same result as the UTF-8 original."""
    original = (DOCUMENTS / "gr-styrgrupp-social-valfard-p102-112.txt").read_text()
    legacy = original.encode("cp1252", errors="replace")
    assert (
        protocol_parse(text_extract(data=legacy)).as_dict()["attendees"]
        == protocol_parse(original).as_dict()["attendees"]
    )


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.png", "image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.jpg", "image"),
        (bytes(range(256)) * 4, "a.bin", "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.doc", ".doc"),
        (b"{\\rtf1\\ansi", "a.rtf", "RTF"),
        (b"%PDF-1.7 garbage", "a.pdf", "PDF"),
        (b"PK\x03\x04garbage", "a.docx", "Word"),
        (b"   \n\n  ", "blank.txt", "no text"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, name, message):
    """Each kind of unusable file is refused with a message that says what is wrong."""
    with pytest.raises(ImportProblem, match=message):
        text_extract(data=data, filename=name)


def test_files_over_the_limit_are_refused():
    """A 20 MB file is refused by its size."""
    with pytest.raises(ImportProblem, match="MB"):
        text_extract(data=b"a" * (20 * 1024 * 1024), filename="big.txt")
    assert MAX_FILE_SIZE < 20 * 1024 * 1024


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_never_crashes_on_arbitrary_bytes(data):
    """Arbitrary bytes are decoded or refused with ImportProblem; nothing else is raised."""
    with contextlib.suppress(ImportProblem):
        text_decode(data)


def _pdf(draw) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    draw(pdf)
    return bytes(pdf.output())


def test_pdf_text_is_extracted():
    """A one-column PDF protocol is read line by line and parses."""
    lines = (DOCUMENTS / "kf-formal-header.txt").read_text().splitlines()[24:]

    def draw(pdf):
        for number, line in enumerate(lines):
            pdf.text(20, 20 + number * 5, line)

    text = text_extract(data=_pdf(draw), filename="kf.pdf")
    result = protocol_parse(text)
    assert [i.number for i in result.items] == [266, 267, 268]
    assert result.items[0].case_number == "KS 02-820 107"
    assert result.items[1].decisions[0].kind == "elected"


def test_two_column_pdf_pages_are_read_left_column_first():
    """On a two-column page the left column is read to its end before the right column."""
    left = [f"Vänster rad {n} med en del löpande text här" for n in range(1, 25)]
    right = [f"Höger rad {n} med en del löpande text där" for n in range(1, 25)]

    def draw(pdf):
        pdf.text(15, 15, "Protokoll styrelsen")
        for number, (a, b) in enumerate(zip(left, right, strict=True)):
            pdf.text(15, 30 + number * 5, a)
            pdf.text(110, 30 + number * 5, b)

    text = text_extract(data=_pdf(draw), filename="two.pdf")
    assert text.index("Protokoll styrelsen") < text.index("Vänster rad 1 ")
    assert text.index("Vänster rad 24") < text.index("Höger rad 1 ")
    assert "Vänster rad 3 med en del löpande text här" in text


def test_a_table_of_names_in_a_pdf_stays_row_by_row():
    """Two short columns of names (a joint body's two sides) are not mistaken for prose columns."""

    def draw(pdf):
        pdf.text(20, 20, "Ledamöter")
        pdf.text(20, 26, "För VGK")
        pdf.text(110, 26, "För VGR")
        for number in range(8):
            pdf.text(20, 32 + number * 6, f"Anna Berg{number} (S), Borås")
            pdf.text(110, 32 + number * 6, f"Bo Ek{number} (M)")

    text = text_extract(data=_pdf(draw), filename="table.pdf")
    first = next(line for line in text.splitlines() if "Berg0" in line)
    assert "Ek0" in first


def test_an_image_only_pdf_is_refused():
    """A scanned PDF without a text layer is refused with advice to run OCR."""

    def draw(pdf):
        pdf.rect(20, 20, 100, 100, style="F")

    with pytest.raises(ImportProblem, match="OCR"):
        text_extract(data=_pdf(draw), filename="scan.pdf")


def test_docx_paragraphs_tables_and_numbered_lists_are_read():
    """A Word document: the header table, auto-numbered items and paragraphs come out in order."""
    import docx

    document = docx.Document()
    document.add_paragraph("Minnesanteckningar")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Plats och tid"
    table.cell(0, 1).text = "Teams, 2026-03-02 kl. 10.00-11.30"
    table.cell(1, 0).text = "Närvarande"
    table.cell(1, 1).text = "Anna Berg, Lerum\nBo Ek, Ale"
    for title in ("Mötets öppnande", "Lägesrapport", "Mötets avslutande"):
        document.add_paragraph(title, style="List Number")
        document.add_paragraph("Beslut: Informationen antecknas.")
    buffer = io.BytesIO()
    document.save(buffer)

    text = text_extract(data=buffer.getvalue(), filename="anteckningar.docx")
    result = protocol_parse(text)
    assert [i.title for i in result.items] == ["Mötets öppnande", "Lägesrapport", "Mötets avslutande"]
    assert [a.name for a in result.attendees] == ["Anna Berg", "Bo Ek"]
    assert result.date.isoformat() == "2026-03-02"
    assert result.location == "Teams"
    assert all(i.decisions[0].kind == "noted" for i in result.items)
