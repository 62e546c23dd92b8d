"""Header and closing layouts the corpus taught the parser: date, times, place, range and officers."""

import datetime

from meetings.importing.parse import dates_find, protocol_parse, times_find


def test_a_meeting_over_two_days_is_dated_by_its_first():
    """ "den 26-27 januari 2002" (association boards meeting over a weekend) is 26 January."""
    assert [value for _offset, value in dates_find("Möte med styrelsen den 26-27 januari 2002")] == [
        datetime.date(2002, 1, 26)
    ]
    assert [value for _offset, value in dates_find("MÖTE 8-9 FEBRUARI 2019")] == [datetime.date(2019, 2, 8)]


def test_a_meeting_over_two_days_ends_with_the_last_days_range():
    assert times_find("Tid: fredag 14.00-18.00, lördag 09.00-18.15") == (
        datetime.time(14, 0),
        datetime.time(18, 15),
    )
    # One day with a break stays one range.
    assert times_find("kl. 13.00-15.00, ajournering 14.00-14.15") == (datetime.time(13), datetime.time(15))


def test_the_paragraph_range_is_the_number_after_the_label():
    """A flattened table's "Paragrafer" followed by other fields is no range of 4–2019."""
    text = (
        "Sammanträdesprotokoll\nPlats och tid: Räddningsstationen, kl. 13:00\n"
        "Paragrafer Pia Anderson Ordförande:. Justering av protokoll 4/2019 har tillkännagivits.\n\n"
        "§ 4 Val av justerare\nKalle Ek utses.\n"
    )
    assert protocol_parse(text).paragraph_range is None


def test_a_paragraph_range_pulled_apart_from_its_label_is_found():
    """Extraction pulls a header table apart: the range stands a field after or a line before its label."""
    after = (
        "Plats och tid Frykensalen, kl 19:00-21:45\nParagrafer\nBeslutande Se sid 2 71-85\n\n§ 71 Upprop\n"
    )
    assert protocol_parse(after).paragraph_range == (71, 85)
    before = "Plats och tid Rummet, kl 13.00\nSekreterare   Patrik Johansson      § 1-37\nParagrafer\n\n§ 1 Upprop\n"
    assert protocol_parse(before).paragraph_range == (1, 37)
    inside = (
        "Plats och tid Rummet, kl 13.00\nJusteringens plats Förvaltningshuset 2011-10-19, kl 16.00 "
        "Paragrafer 155-168\n\n§ 155 Upprop\n"
    )
    assert protocol_parse(inside).paragraph_range == (155, 168)


def test_the_range_of_the_items_is_the_meetings_only_when_the_protocol_is_signed():
    """Paragraphs up to a signature are the whole meeting; without one, the text may stop early."""
    items = (
        "Protokoll\nPlats och tid: Rummet, 2024-01-23 kl. 13.00\n\n§ 4 Upprop\nText.\n\n§ 5 Budget\nText.\n"
    )
    assert protocol_parse(items).paragraph_range is None
    signed = items + "\nVid protokollet\nAnna Ek\n\nJusteras\nPer Berg\n"
    assert protocol_parse(signed).paragraph_range == (4, 5)
