"""Pagination of the public lists: a page that cannot be shown gives a note and the nearest page,
never an error page, and the links keep every other parameter of the address."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _


@dataclass
class Paged:
    page: Page
    note: str
    param: str
    query: str  # the address's other parameters, url-encoded, for the page links


def paginate(request, object_list, *, per_page: int, param: str = "page") -> Paged:
    """The page of ``object_list`` asked for by ``request.GET[param]``."""
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get(param, "1")
    note = ""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
        note = _("“%(page)s” is not a page number; the first page is shown.") % {"page": raw[:20]}
    if number < 1:
        number = 1
        note = note or _("Pages are numbered from 1; the first page is shown.")
    elif number > paginator.num_pages:
        note = _("There is no page %(page)s; the last page, %(last)s, is shown.") % {
            "page": number,
            "last": paginator.num_pages,
        }
        number = paginator.num_pages
    params = request.GET.copy()
    params.pop(param, None)
    return Paged(page=paginator.page(number), note=note, param=param, query=params.urlencode())
