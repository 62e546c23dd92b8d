"""manage.py generate_archive: a synthetic archive written with COPY, searchable, and re-runnable."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q

from meetings import synthetic
from meetings.models import AgendaItem, Attendance, Body, Meeting
from meetings.search import build_tsquery
from meetings.services import agenda_items_refresh_search_document
from members.models import Person
from tests.case_summaries import case_summaries_counted, case_summaries_kept
from tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory
from tests.person_public_days import person_public_days_found, person_public_days_kept

pytestmark = pytest.mark.django_db

PARAGRAPHS = 3000


def _generate(seed: int = 7) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("generate_archive", paragraphs=PARAGRAPHS, seed=seed, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_writes_the_asked_number_of_paragraphs_with_everything_around_them():
    output = _generate()
    assert f"Wrote {PARAGRAPHS:,} paragraphs" in output and "paragraphs   [" in output  # progress
    assert AgendaItem.objects.count() == PARAGRAPHS
    assert Meeting.objects.count() == PARAGRAPHS // synthetic.PARAGRAPHS_PER_MEETING
    assert Attendance.objects.count() > 10 * Meeting.objects.count()
    assert Meeting.objects.filter(status="draft").exists()  # the public rule has something to hold back
    assert AgendaItem.objects.filter(decisions__isnull=True).count() == 0
    # The stress cases: the busiest body and the busiest person, at this size.
    busiest = Body.objects.annotate(n=Count("meetings")).order_by("-n").first()
    assert busiest.slug == synthetic.STRESS_BODY_SLUG
    stress = Person.objects.get(slug=synthetic.STRESS_PERSON_SLUG)
    assert stress.attendances.count() == busiest.meetings.count()


def test_search_text_is_what_the_service_writes():
    """search_document as the service writes it, so the stored search vectors are right."""
    _generate()
    items = list(AgendaItem.objects.order_by("pk")[:200])
    before = {item.pk: item.search_document for item in items}
    agenda_items_refresh_search_document(item_ids=before)
    after = dict(AgendaItem.objects.filter(pk__in=before).values_list("pk", "search_document"))
    assert after == before
    assert AgendaItem.objects.filter(
        search_vector=build_tsquery("informationen antecknas").search_query()
    ).exists()


def test_planted_paragraphs_are_the_best_answers():
    _generate()
    for plant in synthetic.PLANTED:
        assert plant.in_top_three(), plant.query


def test_running_again_replaces_the_archive_and_leaves_other_rows():
    own = AgendaItemFactory(meeting=MeetingFactory(published=True), title="Eget protokoll")
    _generate(seed=7)
    first = list(AgendaItem.objects.exclude(pk=own.pk).order_by("pk").values_list("title", flat=True)[:50])
    output = _generate(seed=7)
    assert "Removing the synthetic archive" in output
    assert AgendaItem.objects.count() == PARAGRAPHS + 1
    assert (
        list(AgendaItem.objects.exclude(pk=own.pk).order_by("pk").values_list("title", flat=True)[:50])
        == first
    )
    call_command("generate_archive", remove=True, stdout=io.StringIO())
    assert list(AgendaItem.objects.all()) == [own]
    assert not Person.objects.filter(slug__startswith=synthetic.PERSON_PREFIX).exists()


def test_cases_are_linked_as_the_archive_links_them_and_have_a_history(client):
    """About half the paragraphs carry a case number; each is linked to its organisation's case as
    ``services.agenda_items_link_cases`` links it (running the service changes nothing), and some
    cases run over several meetings, so that the case pages are measured at size."""
    from meetings.models import Case
    from meetings.services import agenda_items_link_cases

    output = _generate()
    numbered = AgendaItem.objects.exclude(case_number="").exclude(
        case_number__startswith=synthetic.PLANT_CASE_PREFIX
    )
    assert 0.4 * PARAGRAPHS < numbered.count() < 0.6 * PARAGRAPHS
    assert numbered.filter(case__isnull=True).count() == 0
    assert f"{Case.objects.count():,} cases" in output
    assert agenda_items_link_cases(item_ids=AgendaItem.objects.values_list("pk", flat=True)) == 0
    histories = Case.objects.annotate(meetings=Count("items__meeting", distinct=True))
    assert histories.filter(meetings__gte=2).count() > 0.1 * Case.objects.count()
    assert not histories.filter(meetings=0).exists()
    case = histories.filter(items__meeting__in=Meeting.objects.public()).order_by("-meetings").first()
    response = client.get(f"/arenden/{case.organisation.slug}/{case.slug}/")
    assert response.status_code == 200 and case.number in response.content.decode()
    assert client.get(f"/arenden/{case.organisation.slug}/").status_code == 200

    _generate()  # written again: the cases of the first run are gone with it
    assert Case.objects.count() == Case.objects.filter(items__isnull=False).distinct().count()


@pytest.mark.parametrize("paragraphs", [0, -5, 10**9])
def test_refuses_sizes_it_cannot_write(paragraphs):
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("generate_archive", paragraphs=paragraphs, stdout=io.StringIO())


def _copied_facts_differing_from_the_meeting() -> int:
    """Rows whose copy of the meeting's date, body or public day is not what the database's
    triggers (migrations 0016, 0019 and 0025) write."""
    from meetings.querysets import public_meeting_q

    same = Q(meeting_date=F("meeting__date")) & Q(meeting_body=F("meeting__body"))
    wrong_items = AgendaItem.objects.exclude(same).count()
    wrong_attendance = Attendance.objects.exclude(same).count()
    published = Q(meeting__status=Meeting.Status.PUBLISHED)
    wrong_public_day = sum(
        model.objects.filter(published, meeting__posted_on__isnull=False)
        .exclude(meeting_public_from=F("meeting__posted_on"))
        .count()
        + model.objects.filter(published, meeting__posted_on__isnull=True)
        .exclude(meeting_public_from=datetime.date.min)
        .count()
        + model.objects.exclude(published).filter(meeting_public_from__isnull=False).count()
        for model in (Attendance, AgendaItem)
    )
    assert Attendance.objects.filter(meeting__in=Meeting.objects.filter(public_meeting_q())).exists()
    return wrong_items + wrong_attendance + wrong_public_day


@pytest.mark.parametrize("triggers_off", [True, False], ids=["triggers-off", "triggers-on"])
def test_writes_the_meeting_facts_the_database_would_copy(triggers_off, monkeypatch):
    """With the row triggers off (a superuser) the generator writes the copied facts itself; without
    the right the triggers write them. The same archive either way."""
    if triggers_off:
        with connection.cursor() as cursor:
            if not synthetic._may_turn_off_triggers(cursor):
                pytest.skip("the test database's role may not turn triggers off")
    else:
        monkeypatch.setattr(synthetic, "_may_turn_off_triggers", lambda cursor: False)
    _generate()
    assert AgendaItem.objects.filter(meeting_date__isnull=True).count() == 0
    assert _copied_facts_differing_from_the_meeting() == 0
    kept = case_summaries_kept()
    assert kept == case_summaries_counted() and sum(count for count, _latest, _day in kept.values()) > 0
    days = person_public_days_kept()
    assert days == person_public_days_found() and len(days) > 100
    titles = list(AgendaItem.objects.order_by("pk").values_list("title", flat=True)[:20])
    assert titles and len(set(titles)) > 1


def test_the_triggers_are_on_again_after_the_archive_is_written():
    _generate()
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone()[0] == "origin"
    meeting = MeetingFactory(date=datetime.date(2021, 3, 4))
    item = AgendaItemFactory(meeting=meeting)
    assert AgendaItem.objects.values_list("meeting_date", flat=True).get(pk=item.pk) == meeting.date


def test_a_row_that_breaks_a_foreign_key_is_refused_with_the_triggers_off():
    meeting = MeetingFactory()
    with connection.cursor() as cursor:
        if not synthetic._may_turn_off_triggers(cursor):
            pytest.skip("the test database's role may not turn triggers off")
        with (
            pytest.raises(IntegrityError, match="meetings_attendance"),
            transaction.atomic(),
            synthetic._row_triggers_off(cursor, ["meetings_attendance"]),
        ):
            cursor.execute(
                'INSERT INTO meetings_attendance (meeting_id, person_id, "group", present, role, '
                "title, side, position) VALUES (%s, NULL, 'member', true, '', '', '', 1)",
                [meeting.pk + 1000],
            )
    assert not Attendance.objects.exists()


def test_removing_refuses_when_a_row_of_the_archive_refers_to_a_synthetic_one():
    _generate()
    synthetic_person = Person.objects.filter(slug__startswith=synthetic.PERSON_PREFIX).first()
    own = AttendanceFactory(meeting=MeetingFactory(published=True), person=synthetic_person)
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("generate_archive", remove=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert AgendaItem.objects.count() == PARAGRAPHS
    assert Attendance.objects.filter(pk=own.pk, person=synthetic_person).exists()
