"""Layouts secretaries across the country use, beyond the three seeds."""

import contextlib
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.importing import ImportProblem
from meetings.importing.parse import decision_kind, protocol_parse


def test_formal_header_block(document):
    """A council protocol's header: place and time, Beslutande, Övriga, Utses att justera, Underskrifter."""
    result = protocol_parse(document("kf-formal-header.txt"))
    assert result.body == "Kommunfullmäktige"
    assert result.organisation == "Öckerö kommun"
    assert result.record_kind == "protocol"
    assert result.date == datetime.date(2002, 11, 28)
    assert (result.start_time, result.end_time) == (datetime.time(18), datetime.time(21, 15))
    assert result.location == "Kommunhuset, Öckerö"
    assert result.paragraph_range == (266, 268)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Kent Lagrell",
        "Sara Nordenhielm",
        ["Anna Berg"],
    )
    people = {a.name: a for a in result.attendees}
    assert people["Anna Berg"].role == "vice_chair"
    assert people["Eva Strand"].paragraphs == (266, 270)
    assert people["Johan Ek"].group == "serving_substitute"
    assert people["Sara Nordenhielm"].group == "secretary"
    assert (people["Per Lind"].group, people["Per Lind"].title) == ("official", "kommunchef")
    items = result.items
    assert [(i.number, i.title, i.case_number) for i in items] == [
        (266, "Budget 2003 för Öckerö kommun", "KS 02-820 107"),
        (267, "Val av ledamot i socialnämnden", "KS 02-455 101"),
        (268, "Motion om cykelbanor", None),
    ]
    assert [i.decisions[0].kind for i in items] == ["adopted", "elected", "assignment"]
    assert "Yrkanden" in items[0].text


def test_numbered_notes_with_guests_and_absentees(document):
    """Notes with numbered items, sub-points, inline decisions, guests per item and a one-line absent list."""
    result = protocol_parse(document("natverk-numbered-notes.txt"))
    assert result.record_kind == "notes"
    assert result.body == "Nätverket för äldreomsorg"
    assert result.date == datetime.date(2026, 5, 20)
    assert (result.location, result.mode) == ("Teams", "digital")
    assert result.paragraph_range is None
    assert [i.title for i in result.items] == [
        "Mötets öppnande",
        "Projekt Trygg hemgång",
        "Föregående mötesanteckningar",
        "Regional handlingsplan",
        "Övrigt",
    ]
    assert all(i.number is None for i in result.items)
    assert "a. Bakgrund" in result.items[1].text
    assert [d.kind for d in result.items[1].decisions] == ["noted"]
    assert [d.kind for d in result.items[2].decisions] == ["adopted"]
    assert [d.kind for d in result.items[3].decisions] == ["proposal"]
    assert result.items[3].presenters == ["David Dahl"]
    guests = [a for a in result.attendees if a.group == "guest"]
    assert [(g.name, g.agenda_position, g.title) for g in guests] == [
        ("Camilla Lundqvist", 2, "projektledare"),
        ("David Dahl", 4, "utredare"),
    ]
    absent = [a.name for a in result.attendees if not a.present]
    assert absent == ["Erik Ek", "Fia Falk", "Gustav Gran", "Hanna Hed"]
    assert result.next_meetings == [datetime.date(2026, 9, 18), datetime.date(2026, 11, 20)]
    assert (result.secretary, result.secretary_title) == ("Cecilia Carlsson", "processledare")


def test_two_sides_of_a_joint_body(document):
    """Members listed in two columns, "För VGK" and "För VGR", keep their side."""
    result = protocol_parse(document("samradsorgan-two-sides.txt"))
    sides = {a.name: (a.side, a.present) for a in result.attendees}
    assert sides["Kent Lagrell"] == ("För VGK", True)
    assert sides["Birgitta Losman"] == ("För VGR", True)
    assert sides["Magnus Berntsson"] == ("För VGR", True)
    assert sides["Per Nilsson"] == ("För VGK", False)
    assert sides["Ulrika Frick"] == ("För VGR", False)
    assert sides[None] == ("För VGK", True)  # Vakant, Lidköping
    assert (result.chair, result.adjusters, result.secretary) == (
        "Kent Lagrell",
        ["Birgitta Losman"],
        "Lisa Lind",
    )
    assert result.items[2].presenters == ["Anna Karlsson"]


def test_html_remnants_and_a_flattened_list(document):
    """<p> remnants are stripped; several attendees flattened onto one line are told apart."""
    result = protocol_parse(document("flattened-html.txt"))
    assert result.body == "Styrelsen för Västkom"
    assert [(a.name, a.role, a.present) for a in result.attendees] == [
        ("Kent Lagrell", "chair", True),
        ("Patrik Linde", "vice_chair", True),
        ("Marie Raask", "member", True),
        ("Per Holm", "member", False),
    ]
    assert result.date == datetime.date(2024, 10, 12)
    assert result.next_meetings == [datetime.date(2024, 11, 14)]
    assert result.items[1].decisions[0].kind == "noted"
    assert "Nästa möte" not in result.items[1].text
    signature = result.signatures[0]
    assert (signature.name, signature.reference) == ("Patrik Linde", "1f2e3d4c-aaaa-bbbb-cccc-123456789abc")
    assert signature.signed_at == datetime.datetime(2024, 10, 20, 8, 15)


def test_lines_doubled_by_an_export_are_read_as_single_lines():
    """An empty line after every line (a PDF or web export) does not split entries or items."""
    text = "Protokoll\n\nNärvarande\n\nAnna Berg (S), Lerum\n\nBo Ek (M), Ale\n\n" + "".join(
        f"§ {n} Ärende {n}\n\nInformationen antecknas.\n\n" for n in range(1, 5)
    )
    result = protocol_parse(text)
    assert [a.name for a in result.attendees] == ["Anna Berg", "Bo Ek"]
    assert [i.number for i in result.items] == [1, 2, 3, 4]


def test_a_date_without_a_year_is_no_date():
    """ "Nästa möte 21 januari" gives no date when the document has no meeting date to take a year from."""
    text = "Anteckningar\nNärvarande\nAnna Berg, Lerum\n1. Öppnande\nText.\n2. Avslut\nNästa möte 21 januari kl 13-15."
    assert protocol_parse(text).next_meetings == []
    dated = "Anteckningar 2025-12-10\n" + text
    assert protocol_parse(dated).next_meetings == [datetime.date(2026, 1, 21)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Informationen antecknas.", "noted"),
        ("LGS noterar informationen.", "noted"),
        ("Dagordningen fastställs.", "adopted"),
        ("Föregående mötesanteckningar godkänns.", "adopted"),
        ("Patrik Linde väljs till justerare.", "elected"),
        ("Anna Berg utses att justera.", "elected"),
        ("Att föreslå förbundsstyrelsen besluta att anta planen.", "proposal"),
        ("Nätverket ger GR i uppdrag att ta fram en plan.", "assignment"),
        ("Frågan bordläggs.", "other"),
    ],
)
def test_decision_kinds(text, kind):
    """Decisions are classified by their wording."""
    assert decision_kind(text) == kind


@pytest.mark.parametrize(
    "text", ["", "   \n\n ", "Hej! Vi ses på fredag för fika.", "Inköpslista:\nmjölk\nbröd"]
)
def test_text_that_is_not_a_protocol_is_refused(text):
    """Text without attendance and without agenda items is refused with a message."""
    with pytest.raises(ImportProblem):
        protocol_parse(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_parser_never_crashes_on_arbitrary_text(text):
    """Any text either parses or is refused with ImportProblem; nothing else is raised."""
    try:
        result = protocol_parse(text)
    except ImportProblem:
        return
    result.as_dict(full=True)


_LINES = st.sampled_from(
    [
        "Protokoll",
        "NÄRVARANDE",
        "Ledamöter",
        "EJ NÄRVARANDE",
        "Frånvarande: A B, C D",
        "Kent Lagrell (M), Öckerö, ordförande",
        "Vakant, Lilla Edet",
        "Anna, (S), § 5-",
        "§ 1. Öppnande",
        "§ 2",
        "1. Mötet inleds",
        "a. del",
        "Beslut",
        "Beslut:",
        "Beslut X: text",
        "Informationen antecknas",
        "Justeras:",
        "Kent Lagrell Patrik Linde",
        "Ordförande Justerare",
        "Signed by: X",
        "Date: 2021-13-45 99:99:99",
        "BankID refno: x",
        "Vid protokollet:",
        "Nästa möte 31 februari 2024",
        "För VGK      För VGR",
        "",
        "   ",
        "<p>",
        "Plats och tid: kl. 25.00-26.00",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=60))
def test_parser_never_crashes_on_protocol_like_fragments(lines):
    """Fragments of protocol layouts in any order and with impossible values never crash the parser."""
    with contextlib.suppress(ImportProblem):
        protocol_parse("\n".join(lines)).as_dict(full=True)


def test_a_twenty_page_protocol_parses_well_under_a_second():
    """The parser reads a 20-page protocol in well under a second."""
    import time
    from importlib import util
    from pathlib import Path

    spec = util.spec_from_file_location(
        "bench_import_parse", Path(__file__).parents[2] / "bench" / "import_parse.py"
    )
    bench = util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = bench.synthetic_protocol(20)
    start = time.perf_counter()
    result = protocol_parse(text)
    assert time.perf_counter() - start < 0.5
    assert len(result.items) > 80
