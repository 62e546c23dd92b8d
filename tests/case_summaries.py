"""Each case's summary of its published paragraphs (``Case.published_*``, kept by the database),
as kept and as counted from the paragraphs, for the tests that write paragraphs in bulk."""

from django.db.models import Count, Max

from meetings.models import AgendaItem, Case


def case_summaries_kept() -> dict:
    """Each case's summary of its published paragraphs, as the database keeps it."""
    return {
        pk: (count, latest, public_from)
        for pk, count, latest, public_from in Case.objects.values_list(
            "pk", "published_paragraphs", "published_latest", "published_public_from"
        )
    }


def case_summaries_counted() -> dict:
    """The same summaries counted here from the paragraphs: published meeting, neither the
    paragraph nor the item it is a sub-point of confidential."""
    counted = dict.fromkeys(Case.objects.values_list("pk", flat=True), (0, None, None))
    rows = (
        AgendaItem.objects.filter(case__isnull=False, meeting_public_from__isnull=False, confidential=False)
        .exclude(parent__confidential=True)
        .values("case")
        .annotate(count=Count("pk"), latest=Max("meeting_date"), public_from=Max("meeting_public_from"))
        .values_list("case", "count", "latest", "public_from")
    )
    counted.update((case, (count, latest, public_from)) for case, count, latest, public_from in rows)
    return counted
