from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meetings import selectors

from .models import Person


@require_safe
def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    if not selectors.person_is_public(person=person):
        # Someone named only in drafts is not public yet.
        raise Http404(_("No such person in the public archive."))
    return render(request, "members/person_detail.html", {"page": selectors.person_page(person=person)})
