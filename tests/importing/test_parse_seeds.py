"""The three real protocols, parsed field by field against expected results read by hand.

Decisions recorded in the expected files: a vacant seat has ``name`` null; a date without a year
("21 januari") is no date; presenters are the people the text says inform, present or tell.
"""

import json

import pytest

from meetings.importing.parse import protocol_parse

from .conftest import DOCUMENTS, EXPECTED, SEEDS

TOP_LEVEL = [
    "body",
    "organisation",
    "record_kind",
    "date",
    "start_time",
    "end_time",
    "location",
    "paragraph_range",
    "chair",
    "secretary",
    "adjusters",
    "next_meetings",
    "problems",
]


def _parsed(seed):
    return protocol_parse((DOCUMENTS / f"{seed}.txt").read_text(encoding="utf-8")).as_dict()


def _expected(seed):
    return json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("key", TOP_LEVEL)
def test_seed_header_field(seed, key):
    """Every header field of a seed is read as a careful reader reads it."""
    assert _parsed(seed)[key] == _expected(seed)[key]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_attendees(seed):
    """Every attendee of a seed, field by field, in the order of the record."""
    parsed, expected = _parsed(seed)["attendees"], _expected(seed)["attendees"]
    assert [a["name"] for a in parsed] == [a["name"] for a in expected]
    for got, want in zip(parsed, expected, strict=True):
        assert got == want, want["name"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_items(seed):
    """Every agenda item of a seed, field by field: number, position, title, decision, presenters, text."""
    parsed, expected = _parsed(seed)["items"], _expected(seed)["items"]
    assert [i["title"] for i in parsed] == [i["title"] for i in expected]
    for got, want in zip(parsed, expected, strict=True):
        for key in ("number", "position", "title", "decision", "presenters", "text"):
            assert got[key] == want[key], (want["title"], key)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_json_has_exactly_the_contract_keys(seed):
    """The JSON result carries exactly the keys of the importer's contract."""
    data = _parsed(seed)
    assert set(data) == {*TOP_LEVEL, "attendees", "items", "problems"}
    assert all(
        set(a) == {"name", "party", "municipality", "role", "title", "organisation", "present", "paragraphs"}
        for a in data["attendees"]
    )
    assert all(
        set(i) == {"number", "position", "title", "decision", "presenters", "text"} for i in data["items"]
    )


def test_details_a_careful_reader_sees():
    """Partial presence, a wrapped attendee, a stray comma, the absent, the secretary and the election."""
    p171 = _parsed("gr-styrgrupp-social-valfard-p171-183")
    people = {a["name"]: a for a in p171["attendees"]}
    assert people["Nina Miskovsky"]["paragraphs"] == [171, 176]
    assert people["Ann-Sofie Isaksson"]["organisation"] == "Västra Götalandsregionen"
    assert people["Ann-Sofie Isaksson"]["paragraphs"] == [175, 175]
    assert people["Marita Henriksson"]["party"] == "SD"
    assert people["Ove Dröscher"]["present"] is False
    assert p171["secretary"] == "Sara Nordenhielm"
    assert (p171["chair"], p171["adjusters"]) == ("Kent Lagrell", ["Patrik Linde"])
    assert p171["items"][1]["decision"] == "Patrik Linde väljs."

    p102 = _parsed("gr-styrgrupp-social-valfard-p102-112")
    vacant = [a for a in p102["attendees"] if a["name"] is None]
    assert vacant == [
        {
            "name": None,
            "party": None,
            "municipality": "Lilla Edet",
            "role": "member",
            "title": None,
            "organisation": None,
            "present": False,
            "paragraphs": None,
        }
    ]

    notes = _parsed("gr-socialchefsnatverket-anteckningar")
    assert notes["record_kind"] == "notes"
    assert next(i["title"] for i in notes["items"]) == "Mötet inleds"
    assert notes["items"][-1]["title"] == "Mötet avslutas"
    assert notes["secretary"] == "Cecilia Axelsson"
    full = protocol_parse((DOCUMENTS / "gr-socialchefsnatverket-anteckningar.txt").read_text()).as_dict(
        full=True
    )
    assert [d["text"].split(":")[0] for d in full["items"][4]["decisions"]] == ["Nära Vård", "Digitalisering"]
    assert notes["items"][5]["decision"].startswith("Socialchefsnätverket ger GR i uppdrag")
    assert notes["next_meetings"] == []
    gr = [a for a in notes["attendees"] if a["role"] == "official"]
    assert [a["name"] for a in gr] == ["Lena Holmlund", "Cecilia Axelsson", "Margareta Forsberg"]
    assert gr[0]["organisation"] == "Göteborgsregionen"


def test_signatures_and_decision_kinds_of_the_full_result():
    """BankID signatures carry signer, time and reference; decisions are classified."""
    from meetings.importing.parse import protocol_parse as parse

    full = parse((DOCUMENTS / "gr-styrgrupp-social-valfard-p102-112.txt").read_text()).as_dict(full=True)
    assert full["signatures"][0] == {
        "name": "Patrik Linde",
        "signed_as": "Vice ordförande Styrgruppen för social välfärd",
        "signed_at": "2021-04-15 12:38:02",
        "reference": "7526ae83-2300-4120-b0b4-967ecde62376",
        "method": "bankid",
    }
    kinds = [d["kind"] for item in full["items"] for d in item["decisions"]]
    assert kinds[:5] == ["elected", "adopted", "other", "proposal", "noted"]
    assert full["secretary_title"] == "Beredningsansvarig"
