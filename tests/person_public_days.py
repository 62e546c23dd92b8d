"""Each person's first day of public attendance (``PersonPublicDay``, kept by the database), as
kept and as found from the attendance, for the tests that write attendance in bulk."""

from django.db.models import Min

from meetings.models import Attendance, PersonPublicDay


def person_public_days_kept() -> dict:
    """Each person's first public day, as the database keeps it."""
    return dict(PersonPublicDay.objects.values_list("person", "first_public_from"))


def person_public_days_found() -> dict:
    """The same days found here: the earliest public day of each person's attendance at a
    published meeting."""
    return dict(
        Attendance.objects.filter(person__isnull=False, meeting_public_from__isnull=False)
        .values("person")
        .annotate(first=Min("meeting_public_from"))
        .values_list("person", "first")
    )
