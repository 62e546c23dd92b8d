from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meetings import selectors
from meetings.page_cache import render_archive_page
from meetings.pagination import paginate

from .forms import PeopleFilterForm
from .models import Person

ROWS_PER_PAGE = 50
PEOPLE_PER_PAGE = 100


@require_safe
def person_index(request):
    """Public people A–Ö with their party and bodies, by name, party or body, a page at a time.

    Rendered once per version of the archive for anonymous visitors, as the person pages are."""

    def context():
        form = PeopleFilterForm(request.GET or None)
        filters = form.filters() if form.is_bound else {}
        paged = paginate(request, selectors.people_index(**filters), per_page=PEOPLE_PER_PAGE)
        rows = selectors.people_with_parties_and_bodies(paged.page.object_list)
        return {"form": form, "paged": paged, "rows": rows}

    return render_archive_page(request, template="members/person_index.html", context=context, kind="people")


@require_safe
def person_detail(request, slug):
    """A person: roles over time, and the meetings attended, missed and presented at, a page at a time.

    Rendered once per version of the archive (:mod:`meetings.archive_version`) for anonymous
    visitors, with ETag and Last-Modified (:mod:`meetings.page_cache`)."""
    person = get_object_or_404(Person, slug=slug)
    if not selectors.person_is_public(person=person):
        # Someone named only in drafts is not public yet.
        raise Http404(_("No such person in the public archive."))
    return render_archive_page(
        request,
        template="members/person_detail.html",
        context=lambda: _person_context(request, person),
        kind="person",
    )


def _person_context(request, person) -> dict:
    attended = paginate(
        request,
        selectors.person_attendances(person=person, present=True),
        per_page=ROWS_PER_PAGE,
        param="page",
    )
    absent = paginate(
        request,
        selectors.person_attendances(person=person, present=False),
        per_page=ROWS_PER_PAGE,
        param="absent",
    )
    presented = paginate(
        request, selectors.person_presented_items(person=person), per_page=ROWS_PER_PAGE, param="presented"
    )
    for paged in (attended, absent):
        paged.page.object_list = selectors.attendance_rows(paged.page.object_list)
    presented.page.object_list = selectors.items_redact(presented.page.object_list)
    memberships = selectors.person_memberships(person=person)
    current = {m.pk for m in person.memberships.public().current()}
    years = selectors.person_attendance_by_year(person=person)
    return {
        "person": person,
        "memberships": memberships,
        "current_memberships": [m for m in memberships if m.pk in current],
        "summary": selectors.person_summary(person=person, years=years, memberships=memberships),
        "attendance_years": years,
        "attended": attended,
        "absent": absent,
        "presented": presented,
        "notes": [paged.note for paged in (attended, absent, presented) if paged.note],
    }
