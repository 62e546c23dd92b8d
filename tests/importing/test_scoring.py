"""The corpus score's rules: what counts as found, and what does not."""

from meetings.importing.scoring import document_score


def _attendee(name, *, present=True, party=None):
    return {"name": name, "party": party, "present": present}


def _item(number, title, decision=None):
    return {"number": number, "title": title, "decision": decision}


EXPECTED = {
    "date": "2024-01-23",
    "start_time": "13:00",
    "end_time": None,
    "location": "Stadshuset, Fjäråsrummet",
    "paragraph_range": [1, 2],
    "chair": "Lisa Andersson",
    "secretary": None,
    "adjusters": ["Magdalena Sundqvist", "Johan Tolinsson"],
    "attendees": [
        _attendee("Lisa Andersson", party="M"),
        _attendee("Stefan Jägnert", party="SD", present=False),
        _attendee(None),
    ],
    "items": [
        _item(1, "Förändring av ärendelista", "Kommunstyrelsen godkänner förändring av ärendelistan."),
        _item(2, "Information om budget"),
    ],
}


def test_a_perfect_reading_scores_one_everywhere():
    assert set(document_score(EXPECTED, EXPECTED).values()) == {1.0}


def test_case_spacing_nicknames_and_extra_decision_words_do_not_count():
    parsed = {
        **EXPECTED,
        "adjusters": ["johan  tolinsson", "Magdalena Sundqvist"],
        "location": "Stadshuset,  Fjäråsrummet.",
        "attendees": [
            _attendee("LISA ANDERSSON ‹lisa›", party="m"),
            _attendee("Stefan Jägnert", party="SD", present=False),
        ],
        "items": [
            _item(
                1,
                "Förändring av ärendelista.",
                "Beslut: Kommunstyrelsen godkänner förändring av ärendelistan.",
            ),
            _item(2, "Information om budget"),
        ],
    }
    assert set(document_score(EXPECTED, parsed).values()) == {1.0}


def test_wrong_presence_party_number_decision_and_guessed_header_are_errors():
    parsed = {
        **EXPECTED,
        "end_time": "16:00",  # a guess where the text says nothing
        "attendees": [
            _attendee("Lisa Andersson", party="S"),
            _attendee("Stefan Jägnert", party="SD", present=True),
        ],
        "items": [
            _item(1, "Förändring av ärendelista"),
            _item(3, "Information om budget"),
        ],
    }
    score = document_score(EXPECTED, parsed)
    assert score["attendees"] == 0.5
    assert score["parties"] == 0.5
    assert score["items"] == 0.5
    assert score["decisions"] == 0.0
    assert score["header"] == 7 / 8


def test_nothing_to_score_is_none_not_a_perfect_mark():
    empty = {**EXPECTED, "attendees": [], "items": []}
    score = document_score(empty, empty)
    assert score["attendees"] is None and score["items"] is None and score["decisions"] is None
    assert score["parties"] is None
