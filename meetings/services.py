from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.postgres.aggregates import StringAgg
from django.db import transaction
from django.db.models import F, Max, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from members.models import Membership, Person

from .models import AgendaItem, Attendance, Decision, Meeting

DEMO_SECRETARY = ("sekreterare", "protokoll-demo")
# A row's name, not a translated label: it must not change with the language of the request.
SECRETARIES_GROUP = "Sekreterare"


@transaction.atomic
def secretaries_group_ensure() -> Group:
    """The group of secretaries: may add, change, delete and view everything in the archive."""
    group, _ = Group.objects.get_or_create(name=SECRETARIES_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=["meetings", "members"]))
    return group


@transaction.atomic
def demo_secretary_ensure() -> tuple[str, str]:
    """Creates (or resets) the demo secretary of a local archive; returns its username and password."""
    username, password = DEMO_SECRETARY
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(secretaries_group_ensure())
    return username, password


def agenda_items_refresh_search_document(*, item_ids) -> int:
    """Rewrites the search text (decisions, presenters) of the given agenda items in one UPDATE.

    The search vector itself is a generated column, so the database recomputes it at once. Signals
    call this when a decision is saved or deleted and when presenters change; code that writes
    decisions or presenters without signals (``bulk_create``, ``update()``) must call it
    with the ids it touched. Returns the number of items updated.
    """
    item_ids = list(item_ids)
    if not item_ids:
        return 0
    decisions = (
        Decision.objects.filter(agenda_item=OuterRef("pk"))
        .order_by()
        .values("agenda_item")
        .annotate(text=StringAgg("text", delimiter="\n", order_by=("position", "pk")))
        .values("text")
    )
    presenters = (
        Person.objects.filter(presented_items=OuterRef("pk"))
        .order_by()
        .values("presented_items")
        .annotate(names=StringAgg("name", delimiter=", ", order_by="name"))
        .values("names")
    )
    return AgendaItem.objects.filter(pk__in=item_ids).update(
        search_document=Concat(
            Coalesce(Subquery(decisions, output_field=TextField()), Value(""), output_field=TextField()),
            Value("\n"),
            Coalesce(Subquery(presenters, output_field=TextField()), Value(""), output_field=TextField()),
            output_field=TextField(),
        )
    )


def agenda_items_refresh_all_search_documents(*, batch_size: int = 2000) -> int:
    """Rewrites the search text of every agenda item, in batches; for repairs after raw SQL writes."""
    ids = list(AgendaItem.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            done += agenda_items_refresh_search_document(item_ids=ids[start : start + batch_size])
    return done


# ---------------------------------------------------------------------------------------------------
# The protocol editor


@transaction.atomic
def meeting_save_from_editor(
    *, meeting_form, attendance_formset, items_formset, signatures_formset
) -> Meeting:
    """Saves a meeting from the editor's validated forms in one transaction and returns it.

    Only what changed is written: posting the page back untouched changes no row. New attendance
    lines follow the order of the page; a person chosen without party, organisation or role gets
    them from their membership of the body on the meeting's date. Decisions and presenters are saved
    row by row, so the signals keep the items' search text current.
    """
    meeting = meeting_form.instance
    if meeting.pk is None or meeting_form.has_changed():
        meeting = meeting_form.save()
    attendance_formset.instance = meeting
    items_formset.instance = meeting
    _attendance_save(meeting=meeting, formset=attendance_formset)
    _items_save(meeting=meeting, formset=items_formset)
    signatures_formset.instance = meeting
    signatures_formset.save()
    return meeting


def _attendance_save(*, meeting: Meeting, formset) -> None:
    rows = formset.save(commit=False)
    for row in formset.deleted_objects:
        row.delete()
    chosen = [row for row in formset.new_objects if row.person_id] + [
        row for row, fields in formset.changed_objects if row.person_id and "person" in fields
    ]
    _attendance_fill_from_memberships(meeting=meeting, rows=chosen)
    _rows_save_in_page_order(rows=rows, meeting=meeting, existing=meeting.attendances)


def _attendance_fill_from_memberships(*, meeting: Meeting, rows: list[Attendance]) -> None:
    memberships = {
        membership.person_id: membership
        for membership in Membership.objects.current(on=meeting.date)
        .filter(body=meeting.body_id, person__in=[row.person_id for row in rows])
        .order_by("start_date")
    }
    roles = {choice.value for choice in Attendance.Role}
    for row in rows:
        membership = memberships.get(row.person_id)
        if membership is None:
            continue
        row.party_id = row.party_id or membership.party_id
        row.organisation_id = row.organisation_id or membership.organisation_id
        if not row.role and membership.role in roles:
            row.role = membership.role


def _items_save(*, meeting: Meeting, formset) -> None:
    items = formset.save(commit=False)
    for item in formset.deleted_objects:
        item.delete()
    # Numbers swapped between items would collide with the unique constraint on the way: clear them first.
    renumbered = [item.pk for item, fields in formset.changed_objects if "number" in fields]
    AgendaItem.objects.filter(pk__in=renumbered).update(number=None)
    _rows_save_in_page_order(rows=items, meeting=meeting, existing=meeting.items)
    formset.save_m2m()
    for form in formset.forms:
        if form.instance.pk is None or form in formset.deleted_forms or not form.has_changed():
            continue
        form.decisions.instance = form.instance
        _decisions_save(formset=form.decisions)


def _rows_save_in_page_order(*, rows, meeting: Meeting, existing) -> None:
    """Saves rows of the meeting; new ones are placed after the existing ones, in the page's order."""
    next_position = (existing.aggregate(highest=Max("position"))["highest"] or 0) + 1
    for row in rows:
        if row.pk is None:
            row.position = next_position
            next_position += 1
        row.meeting = meeting
        row.save()


def _decisions_save(*, formset) -> None:
    decisions = formset.save(commit=False)
    for decision in formset.deleted_objects:
        decision.delete()
    reordered = [decision.pk for decision, fields in formset.changed_objects if "position" in fields]
    # Orders swapped between decisions would collide on the way: move them out of the way first.
    Decision.objects.filter(pk__in=reordered).update(position=F("position") + 10_000)
    for decision in decisions:
        decision.agenda_item = formset.instance
        decision.save()


def meetings_touch(*, meeting_ids) -> int:
    """Marks meetings as changed now: ``updated_at`` is the version of their cached public pages.

    Signals call it when anything shown on a meeting page is written (see meetings.signals);
    code that writes such rows without signals (``bulk_create()``, ``update()``, raw SQL) calls
    it with the meetings it touched. ``meeting_ids`` may be a list or a queryset of ids.
    """
    return Meeting.objects.filter(pk__in=meeting_ids).update(updated_at=timezone.now())
