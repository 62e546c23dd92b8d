"""Public pages: home, bodies, meetings, paragraph permalinks and search.

Every read starts from ``Meeting.objects.public()`` or ``AgendaItem.objects.public()`` (through the
selectors), so drafts and adjusted-but-unposted protocols never reach a public page.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from members.models import Organisation

from . import selectors
from .access import user_can_access_body
from .archive_version import cached_per_version
from .cases import case_number_key
from .filters import DecisionFilterSet, SearchFilterSet
from .models import Body
from .page_cache import render_archive_page, render_public_page
from .pagination import paginate
from .search import MAX_QUERY_LENGTH, build_tsquery, parse_reference


@require_safe
def home(request):
    return render(
        request,
        "meetings/home.html",
        {
            "latest_meetings": selectors.home_latest_meetings(),
            "organisations": selectors.organisations_with_bodies(),
        },
    )


@require_safe
def body_index(request):
    """Every public body, by organisation, with its number of meetings and the latest one's date."""
    return render(
        request, "meetings/body_index.html", {"organisations": selectors.organisations_with_bodies()}
    )


@require_safe
def body_detail(request, slug):
    """A body: its public meetings newest first, a page at a time, with links to each year's page.

    Rendered once per version of the archive for anonymous visitors, as the person page is."""
    body = get_object_or_404(Body.objects.public().select_related("organisation"), slug=slug)

    def context():
        paged = paginate(request, selectors.body_meetings(body=body), per_page=selectors.MEETINGS_PER_PAGE)
        return {
            "body": body,
            "paged": paged,
            "years": selectors.body_meeting_years(body=body),
            "meetings_by_year": selectors.meetings_by_year(
                selectors.meetings_with_item_counts(paged.page.object_list)
            ),
            "members": selectors.body_current_members(body=body),
        }

    return render_archive_page(
        request,
        template="meetings/body_detail.html",
        context=context,
        kind="body",
    )


@require_safe
def body_year(request, slug, year):
    """One year of a body: its public meetings of that year in date order, with the other years.

    Rendered once per version of the archive for anonymous visitors, as the body page is: a
    busy body's year is hundreds of meetings."""
    body = get_object_or_404(Body.objects.public().select_related("organisation"), slug=slug)
    years = selectors.body_meeting_years(body=body)
    if year not in {link.year for link in years}:
        raise Http404(_("No published meeting of this body in this year."))
    return render_archive_page(
        request,
        template="meetings/body_year.html",
        context=lambda: {
            "body": body,
            "year": year,
            "years": years,
            "meetings": selectors.body_year_meetings(body=body, year=year),
        },
        kind="body-year",
    )


def _public_meeting_or_404(slug, date):
    meeting = selectors.meeting_public_get(slug=slug, date=date)
    if meeting is None:
        raise Http404(_("No published meeting of this body on this date."))
    return meeting


@require_safe
def meeting_detail(request, slug, date):
    """A published meeting, cached for anonymous visitors; a draft only for staff working on the body."""
    version = selectors.meeting_public_version(slug=slug, date=date)
    if version is None:
        return _meeting_draft_preview(request, slug, date)

    def context() -> dict:
        meeting = _public_meeting_or_404(slug, date)
        page = selectors.meeting_page(meeting=meeting)
        signatures, adjusters = selectors.meeting_signatures_and_adjusters(meeting=meeting)
        return {"meeting": meeting, "page": page, "signatures": signatures, "adjusters": adjusters}

    return render_public_page(
        request,
        template="meetings/meeting_detail.html",
        context=context,
        kind="meeting",
        version=version.key,
        last_modified=version.updated_at,
    )


def _meeting_draft_preview(request, slug, date):
    """The page a meeting not yet public will have, marked as a draft, for those who may work on it."""
    meeting = selectors.meeting_draft_get(slug=slug, date=date)
    if meeting is None or not user_can_access_body(request.user, meeting.body):
        raise Http404(_("No published meeting of this body on this date."))
    page = selectors.meeting_page(meeting=meeting, draft=True)
    signatures, adjusters = selectors.meeting_signatures_and_adjusters(meeting=meeting)
    response = render(
        request,
        "meetings/meeting_detail.html",
        {"meeting": meeting, "page": page, "signatures": signatures, "adjusters": adjusters, "draft": True},
    )
    # A draft is for the secretary's eyes: never kept by a shared cache, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _render_item(request, item):
    meeting = item.meeting

    def context() -> dict:
        return {
            "item": selectors.item_with_content(item=item),
            "meeting": meeting,
            "outline": selectors.meeting_item_outline(meeting=meeting),
        }

    return render_public_page(
        request,
        template="meetings/agendaitem_detail.html",
        context=context,
        kind="item",
        version=(item.pk, meeting.pk, meeting.updated_at),
        last_modified=meeting.updated_at,
    )


@require_safe
def paragraph_detail(request, slug, year, number):
    """A paragraph by body, year and § number; several candidates when numbering restarted in the year."""
    items = selectors.paragraphs_by_number(slug=slug, year=year, number=number)
    if not items:
        raise Http404(_("No published paragraph with this number."))
    if len(items) == 1:
        return _render_item(request, items[0])
    return render(
        request,
        "meetings/agendaitem_candidates.html",
        {"candidates": items, "reference": f"§ {number} {year}"},
    )


@require_safe
def paragraph_redirect(request, slug, year, number):
    """/organ/<slug>/<yyyy>/§<n>/ is a short form of the paragraph's address."""
    return redirect("meetings:paragraph_detail", slug=slug, year=year, number=number, permanent=True)


@require_safe
def item_detail(request, slug, date, position):
    """An agenda item by its position, for records without § numbers."""
    meeting = _public_meeting_or_404(slug, date)
    item = selectors.item_by_position(meeting=meeting, position=position)
    if item is None:
        raise Http404(_("The meeting has no agenda item at this position."))
    if item.number is not None:
        return redirect(item, permanent=False)
    return _render_item(request, item)


@require_safe
def case_detail(request, organisation, slug):
    """A case (ärende): its public paragraphs across the organisation's bodies, in date order."""
    key = case_number_key(slug)
    if key and key != slug:
        # /arenden/gr/GR-2019-0456/ is the same case as /arenden/gr/gr-2019-456/.
        return redirect("meetings:case_detail", organisation=organisation, slug=key, permanent=True)
    case = selectors.case_public_get(organisation_slug=organisation, slug=slug)
    summary = selectors.case_summary(case=case) if case is not None else None
    if summary is None:
        raise Http404(_("No published paragraph has this case number."))
    paged = paginate(
        request, selectors.case_paragraphs(case=case), per_page=selectors.CASE_PARAGRAPHS_PER_PAGE
    )
    return render(request, "meetings/case_detail.html", {"case": case, "summary": summary, "paged": paged})


@require_safe
def case_index(request, organisation):
    """An organisation's cases with public paragraphs, latest handled first, a page at a time.

    Rendered once per version of the archive for anonymous visitors."""
    organisation = get_object_or_404(Organisation.objects.public(), slug=organisation)

    def context():
        paged = paginate(
            request,
            selectors.organisation_cases(organisation=organisation),
            per_page=selectors.CASES_PER_PAGE,
        )
        if not paged.page.paginator.count:
            raise Http404(_("No published paragraph of this organisation has a case number."))
        rows = selectors.case_rows(organisation=organisation, rows=paged.page.object_list)
        return {"organisation": organisation, "paged": paged, "rows": rows}

    return render_archive_page(request, template="meetings/case_index.html", context=context, kind="cases")


def _filter_panel(request, filterset) -> dict:
    """What the shared filter panel (includes/filters.html) shows: the form, its errors and chips.

    Without a filter asked for (an unbound filter set) the panel's fields are the same for every
    request, so they are rendered once per version of the archive and language."""
    if not filterset.is_bound:
        fields = cached_per_version(
            f"filter-fields:{type(filterset).__name__}:{get_language()}",
            lambda: render_to_string("includes/filter_fields.html", {"form": filterset.form}),
        )
        return {"form": None, "filter_fields": fields, "filter_errors": {}, "chips": []}
    return {
        "form": filterset.form,
        "filter_fields": None,
        "filter_errors": filterset.form.errors,
        "chips": _chips(request, filterset),
    }


def _chips(request, filterset) -> list[dict]:
    """The active, valid filters, each with the address of the same search without it."""
    chips = []
    for name, value in filterset.chosen().items():
        form_field = filterset.form.fields[name]
        if hasattr(form_field, "choices") and not hasattr(value, "pk"):
            display = dict(form_field.choices).get(value, value)
        elif hasattr(value, "isoformat"):
            display = value.isoformat()
        elif name == "year":
            display = str(int(value))
        else:
            display = str(value)
        params = request.GET.copy()
        params.pop(name, None)
        params.pop("page", None)
        chips.append({"label": form_field.label, "value": display, "remove_url": "?" + params.urlencode()})
    return chips


def _bounded_page(request, *, filterset, compiled, notes: list) -> tuple:
    """Counts and orders the filtered matches within the search's bound and cuts the page asked
    for: (the count, the page of ids). Fetch the rows of ``paged.page.object_list`` afterwards."""
    ids = selectors.search_result_ids(
        items=filterset.qs,
        compiled=compiled,
        sort=filterset.sort_order,
        filtered=filterset.narrows,
        filtered_by_row=filterset.narrows_by_row,
    )
    count = ids.count_info
    paged = paginate(request, ids, per_page=selectors.RESULTS_PER_PAGE)
    page = paged.page
    if paged.note:
        notes.append(paged.note)
    if count.more and paged.note and page.number == page.paginator.num_pages:
        notes.append(
            _("Only the first %(count)s hits can be paged through; add a word or a filter.")
            % {"count": selectors.SEARCH_CANDIDATES}
        )
    return count, paged


@require_safe
def search(request):
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())
    notes = []
    if len(query) > MAX_QUERY_LENGTH:
        notes.append(
            _("The search text was shortened to its first %(count)s characters.")
            % {"count": MAX_QUERY_LENGTH}
        )

    candidates = []
    reference = parse_reference(query)
    if reference is not None:
        candidates = selectors.reference_candidates(reference=reference)
        if len(candidates) == 1:
            return redirect(candidates[0])
        if not candidates:
            notes.append(
                _("No published paragraph matches “%(ref)s”; text matches are shown.") % {"ref": query}
            )

    compiled = build_tsquery(query)
    if query and not compiled:
        if compiled.ignored_only_negative:
            notes.append(_("Add a word to search for: excluding words alone finds nothing."))
        elif reference is None:
            notes.append(
                _("The search text has no words to search for; try a word from a title or decision.")
            )

    filterset = SearchFilterSet(SearchFilterSet.data_of(request.GET), queryset=selectors.searchable_items())
    # A search by filters alone (/sok/?person=…) counts as a search.
    searched = bool(compiled) or filterset.narrows
    paged = page = count = None
    results = []
    if searched:
        count, paged = _bounded_page(request, filterset=filterset, compiled=compiled, notes=notes)
        page = paged.page
        results = selectors.search_results_page(ids=list(page.object_list), compiled=compiled)

    return render(
        request,
        "meetings/search.html",
        {
            "query": query[:MAX_QUERY_LENGTH],
            "filterset": filterset,
            **_filter_panel(request, filterset),
            "candidates": candidates,
            "searched": searched,
            "count": count,
            "paged": paged,
            "page": page,
            "results": results,
            "notes": notes,
        },
    )


@require_safe
def decisions(request):
    """The decisions themselves, newest first: all of them, or by kind, body, year, person, party
    and words, bounded like the search so that a million paragraphs cost what a thousand do."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    compiled = build_tsquery(query)
    notes = []
    if query and not compiled:
        notes.append(_("The search text has no words to search for; all decisions are listed."))
    filterset = DecisionFilterSet(DecisionFilterSet.data_of(request.GET), queryset=selectors.decision_items())
    count, paged = _bounded_page(request, filterset=filterset, compiled=compiled, notes=notes)
    items = selectors.decision_items_page(ids=list(paged.page.object_list), kind=filterset.chosen_kind())
    return render(
        request,
        "meetings/decision_list.html",
        {
            "query": query,
            **_filter_panel(request, filterset),
            "count": count,
            "paged": paged,
            "items": items,
            "notes": notes,
        },
    )


@require_safe
def person_autocomplete(request):
    """Suggestions for the search form's person filter: public people only, as JSON."""
    people = selectors.people_public_suggestions(term=request.GET.get("q", ""))
    response = JsonResponse(
        {"results": [{"slug": person.slug, "name": person.name} for person in people]},
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


NOTICES_PER_PAGE = 50


@require_safe
def notice_board(request):
    """The digital notice board (anslagstavla): protocols whose appeal period runs, and an archive of
    earlier notices.

    Rendered once per version of the archive and day (a posting changes the archive; an appeal
    period ends at midnight), like the other pages that list across the archive."""

    def context() -> dict:
        current, archive = selectors.notice_board()
        return {"current": current, "archive": paginate(request, archive, per_page=NOTICES_PER_PAGE)}

    return render_archive_page(
        request, template="meetings/notice_board.html", context=context, kind="notices"
    )
