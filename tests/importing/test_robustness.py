"""Bad files found by trying them: each is read correctly or told in words, never a traceback."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from meetings.importing.parse import protocol_parse
from meetings.importing.save import meeting_import
from meetings.models import AgendaItem, Decision
from tests.factories import BodyFactory

from .test_admin_import import URL

HEADER = "Protokoll\nKommunstyrelsen\n\nBeslutande\nAnna Ek (S), ordförande\nPer Berg (M)\n\n"


def _paragraph(number, title, decision):
    return f"§ {number} {title}\n\nBeslut\n{decision}\n\n"


def test_a_file_name_longer_than_the_file_system_allows_is_a_clear_error(db):
    name = "a" * 810 + ".txt"
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_protocol", name, "--dry-run", stdout=StringIO())


def test_an_overlong_paragraph_number_is_no_number_and_is_said(db):
    result = protocol_parse(HEADER + _paragraph("3000000000", "Budget", "Budgeten antas."))
    (item,) = result.items
    assert (item.number, item.title, item.decision) == (None, "Budget", "Budgeten antas.")
    assert result.paragraph_range is None
    assert any("3000000000" in problem for problem in result.problems)


def test_three_paragraphs_under_one_number_are_three_items_and_are_said():
    text = HEADER + "".join(
        _paragraph(5, title, f"{title} godkänns.") for title in ("Första", "Andra", "Tredje")
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.decision) for i in result.items] == [
        (5, "Första", "Första godkänns."),
        (None, "Andra", "Andra godkänns."),
        (None, "Tredje", "Tredje godkänns."),
    ]
    assert any("§ 5" in problem and "3" in problem for problem in result.problems)


def test_a_heading_repeated_at_a_page_top_is_not_a_new_item():
    text = HEADER + "§ 5 Budget\n\nBeslut\nBudgeten antas.\n\n§ 5 Budget\n\nMer text om budgeten.\n\n"
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [(5, "Budget")]
    assert result.problems == []


def test_a_presence_that_is_no_range_is_not_read_and_is_said():
    text = HEADER.replace("Per Berg (M)", "Per Berg (M) § 9-3") + _paragraph(9, "Budget", "Antas.")
    result = protocol_parse(text)
    berg = next(a for a in result.attendees if a.name == "Per Berg")
    assert berg.paragraphs is None
    assert any("Per Berg" in problem and "§ 9-3" in problem for problem in result.problems)


def test_attendance_rows_that_are_not_names_are_said_not_dropped():
    text = HEADER.replace("Per Berg (M)", "Per Berg (M)\nSe bilaga 3\n12345 bortfall") + _paragraph(
        1, "Budget", "Antas."
    )
    result = protocol_parse(text)
    (problem,) = result.problems
    assert problem.startswith("2 rows of the attendance could not be read")
    assert "Se bilaga 3" in problem and "12345 bortfall" in problem


def test_the_preview_shows_what_could_not_be_read(client, secretary):
    client.force_login(secretary)
    text = HEADER + "".join(_paragraph(5, title, "Godkänns.") for title in ("Första", "Andra"))
    response = client.post(URL, {"text": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Det här kunde importen inte läsa" in page
    assert "§ 5 står över 2 paragrafer" in page


def test_ten_thousand_paragraphs_are_all_saved(db):
    """A document of 10,000 paragraphs: every one saved, with its decision, and searchable."""
    count = 10_000
    text = HEADER + "".join(
        _paragraph(n, f"Ärende {n}", f"Ärende {n} godkänns.") for n in range(1, count + 1)
    )
    data = protocol_parse(text).as_dict(full=True)
    meeting = meeting_import(data=data, body=BodyFactory(), date=datetime.date(2026, 3, 4))
    assert meeting.items.count() == count
    assert list(meeting.items.order_by("-number").values_list("number", flat=True)[:1]) == [count]
    assert Decision.objects.filter(agenda_item__meeting=meeting).count() == count
    last = AgendaItem.objects.get(meeting=meeting, number=count)
    assert f"Ärende {count} godkänns." in last.search_document


def test_the_messages_are_in_swedish_for_a_swedish_secretary():
    text = HEADER + "".join(_paragraph(5, title, "Godkänns.") for title in ("Första", "Andra"))
    with translation.override("sv"):
        result = protocol_parse(text)
    assert result.problems == [
        "§ 5 står över 2 paragrafer. Var och en läses som en egen punkt; upprepningarna får inget "
        "§-nummer förrän du ger dem ett."
    ]
