"""manage.py generate_archive: a synthetic archive written with COPY, searchable, and re-runnable."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from meetings import synthetic
from meetings.models import AgendaItem, Attendance, Body, Meeting
from meetings.search import build_tsquery
from meetings.services import agenda_items_refresh_search_document
from members.models import Person
from tests.factories import AgendaItemFactory, MeetingFactory

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


@pytest.mark.parametrize("paragraphs", [0, -5, 10**9])
def test_refuses_sizes_it_cannot_write(paragraphs):
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("generate_archive", paragraphs=paragraphs, stdout=io.StringIO())
