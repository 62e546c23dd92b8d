import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.postgres.aggregates import StringAgg
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Person

from .cases import case_number_key, case_number_text
from .models import AgendaItem, Attendance, Body, Case, Correction, Decision, Meeting

DEMO_SECRETARY = ("sekreterare", "protokoll-demo")
# A row's name, not a translated label: it must not change with the language of the request.
SECRETARIES_GROUP = "Sekreterare"
OFFICERS_GROUP = "Protokollansvariga"
# The permission to adjust and post protocols and to approve and publish notes (Meeting.Meta.permissions).
ADJUST_PERMISSION = "adjust_meeting"


@transaction.atomic
def secretaries_group_ensure() -> Group:
    """The group of secretaries: may add, change, delete and view everything in the archive, but not
    adjust, post, approve or publish a record (that is ``officers_group_ensure()``)."""
    group, _created = Group.objects.get_or_create(name=SECRETARIES_GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["meetings", "members"]).exclude(
            codename=ADJUST_PERMISSION
        )
    )
    return group


@transaction.atomic
def officers_group_ensure() -> Group:
    """The group of those who adjust and post protocols and approve and publish notes."""
    group, _created = Group.objects.get_or_create(name=OFFICERS_GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="meetings", codename=ADJUST_PERMISSION)
    )
    return group


@transaction.atomic
def demo_secretary_ensure() -> tuple[str, str]:
    """Creates (or resets) the demo secretary of a local archive; returns its username and password.

    The demo secretary works on every body of the archive and is also a records officer, so a local
    archive shows the whole life cycle."""
    username, password = DEMO_SECRETARY
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(secretaries_group_ensure(), officers_group_ensure())
    user.assigned_bodies.set(Body.objects.all())
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
# Cases (ärenden): paragraphs that carry the same case number


@transaction.atomic
def agenda_items_link_cases(*, item_ids) -> int:
    """Links the given agenda items to the case their case number names, in their body's
    organisation (creating the case when new), or to none; returns the number of items changed.

    The importer, the editor and the admin's item page call this after writing items; it is an
    explicit call, not a signal, so that bulk writes link in a few queries. A case left without
    any paragraph is deleted. The meetings of changed items are touched (their pages link the case).
    """
    rows = list(
        AgendaItem.objects.filter(pk__in=list(item_ids)).values_list(
            "pk", "case_number", "case_id", "meeting_id", "meeting__body__organisation_id"
        )
    )
    wanted = {}
    for _pk, number, _case_id, _meeting_id, organisation_id in rows:
        key = case_number_key(number)
        if key:
            wanted.setdefault((organisation_id, key), case_number_text(number)[:100])
    cases = _cases_get_or_create(wanted)
    changed: list[AgendaItem] = []
    meeting_ids, left = set(), set()
    for pk, number, case_id, meeting_id, organisation_id in rows:
        target = cases.get((organisation_id, case_number_key(number)))
        if target != case_id:
            changed.append(AgendaItem(pk=pk, case_id=target))
            meeting_ids.add(meeting_id)
            if case_id is not None:
                left.add(case_id)
    # A council's year imported at once is thousands of items: a few UPDATEs, not one per item.
    AgendaItem.objects.bulk_update(changed, ["case"], batch_size=1000)
    if left:
        Case.objects.filter(pk__in=left, items__isnull=True).delete()
    if meeting_ids:
        meetings_touch(meeting_ids=meeting_ids)
    return len(changed)


def _cases_get_or_create(wanted: dict[tuple[int, str], str]) -> dict[tuple[int, str], int]:
    """The ids of the cases (organisation id, key) → number, created when missing, in three queries."""
    if not wanted:
        return {}

    def existing() -> dict[tuple[int, str], int]:
        found = Case.objects.filter(
            organisation_id__in={org for org, _key in wanted}, slug__in={key for _org, key in wanted}
        ).values_list("organisation_id", "slug", "pk")
        return {(org, key): pk for org, key, pk in found if (org, key) in wanted}

    ids = existing()
    missing = [
        Case(organisation_id=org, slug=key, number=wanted[(org, key)])
        for org, key in wanted
        if (org, key) not in ids
    ]
    if missing:
        # Another save may create the same case at the same moment: the constraint keeps one.
        Case.objects.bulk_create(missing, ignore_conflicts=True)
        ids = existing()
    return ids


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
    if meeting.pk is not None:
        locked = _meeting_lock(meeting)
        if not locked.is_draft:
            raise ValidationError(_("Only a draft can be edited: this record is adjusted or approved."))
        _version_check(meeting_form=meeting_form, locked=locked)
    return _editor_save(
        meeting_form=meeting_form,
        attendance_formset=attendance_formset,
        items_formset=items_formset,
        signatures_formset=signatures_formset,
    )


@transaction.atomic
def meeting_correct(
    *, meeting_form, attendance_formset, items_formset, signatures_formset, reason: str, by
) -> Correction:
    """Corrects an adjusted or approved record from the editor's validated forms, and records the
    correction (who, when, why, what). The record's ``updated_at`` moves, so its pages change.

    Raises ValidationError for a draft (which is simply edited) or when nothing was changed.
    """
    meeting = _meeting_lock(meeting_form.instance)
    if meeting.is_draft:
        raise ValidationError(_("A draft is not corrected: edit it."))
    _version_check(meeting_form=meeting_form, locked=meeting)
    changes = _editor_changes(
        meeting_form=meeting_form,
        attendance_formset=attendance_formset,
        items_formset=items_formset,
        signatures_formset=signatures_formset,
    )
    if not changes:
        raise ValidationError(_("Nothing was changed: a correction changes the record."))
    meeting = _editor_save(
        meeting_form=meeting_form,
        attendance_formset=attendance_formset,
        items_formset=items_formset,
        signatures_formset=signatures_formset,
    )
    correction = Correction(meeting=meeting, made_by=by, reason=reason.strip(), changes="\n".join(changes))
    correction.full_clean()
    correction.save()
    meeting.save(update_fields=["updated_at"])
    return correction


def _version_check(*, meeting_form, locked: Meeting) -> None:
    """Refuses a save from a page loaded before the meeting's last change (another secretary's save).

    The meeting's row is locked, so of two saves at the same moment the second waits for the first
    and then finds the meeting changed.
    """
    version = meeting_form.cleaned_data.get("version")
    if version and version != locked.updated_at.isoformat():
        raise ValidationError(
            _(
                "Someone else saved this meeting at %(time)s, after you opened it. Your changes were not "
                "saved, so that theirs are not overwritten: open the meeting again and make your changes there."
            )
            % {"time": timezone.localtime(locked.updated_at).strftime("%H:%M:%S")}
        )


def _editor_changes(*, meeting_form, attendance_formset, items_formset, signatures_formset) -> list[str]:
    """What a save of the editor changes, in words: the meeting's fields, the attendance, the items."""
    changes = [str(meeting_form.fields[name].label) for name in meeting_form.changed_data]
    if attendance_formset.has_changed():
        changes.append(str(_("attendance")))
    for form in items_formset.forms:
        if form.has_changed():  # its decisions included
            changes.append(form.instance.reference if form.instance.pk else str(_("a new item")))
    if signatures_formset.has_changed():
        changes.append(str(_("signatures")))
    return changes


def _editor_save(*, meeting_form, attendance_formset, items_formset, signatures_formset) -> Meeting:
    meeting = meeting_form.instance
    if meeting.pk is None or meeting_form.has_changed():
        meeting = meeting_form.save()
    attendance_formset.instance = meeting
    items_formset.instance = meeting
    _attendance_save(meeting=meeting, formset=attendance_formset)
    _items_save(meeting=meeting, formset=items_formset)
    # A meeting moved to a body of another organisation takes its paragraphs to that one's cases.
    moved = "body" in meeting_form.changed_data
    agenda_items_link_cases(
        item_ids=meeting.items.values_list("pk", flat=True)
        if moved
        else [form.instance.pk for form in items_formset.forms if form.instance.pk and form.has_changed()]
    )
    signatures_formset.instance = meeting
    signatures_formset.save()
    if any(form.has_changed() for form in (attendance_formset, items_formset, signatures_formset)):
        # The meeting's version: any change on its page, not only to its own row, makes older pages stale.
        meetings_touch(meeting_ids=[meeting.pk])
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
    # A case whose last paragraph was deleted goes with it.
    Case.objects.filter(
        pk__in=[item.case_id for item in formset.deleted_objects if item.case_id], items__isnull=True
    ).delete()
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


# ---------------------------------------------------------------------------------------------------
# The life cycle: protocol draft → adjusted → published (posted); notes draft → approved → published.
# The status changes only here; each transition locks the meeting's row, so two officers confirming
# at once cannot both pass the checks.


def _meeting_lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _meeting_lock_in(meeting: Meeting, *, kind: str, status: str, message: str) -> Meeting:
    """Locks the meeting's row; raises ValidationError(message) unless it is a ``kind`` in ``status``."""
    meeting = _meeting_lock(meeting)
    if meeting.record_kind != kind or meeting.status != status:
        raise ValidationError(message)
    return meeting


def _transition_save(meeting: Meeting, fields: list[str]) -> Meeting:
    meeting.full_clean()
    meeting.save(update_fields=[*fields, "status", "updated_at"])
    return meeting


@transaction.atomic
def meeting_adjust(*, meeting: Meeting, adjusted_on: datetime.date) -> Meeting:
    """Adjusts (justerar) a draft protocol: from then on it is a record and cannot be edited.

    Raises ValidationError unless the protocol is a draft with a chair and at least one adjuster,
    and ``adjusted_on`` is neither before the meeting nor in the future.
    """
    meeting = _meeting_lock_in(
        meeting,
        kind=Meeting.RecordKind.PROTOCOL,
        status=Meeting.Status.DRAFT,
        message=_("Only a draft protocol can be adjusted."),
    )
    errors = {}
    if meeting.chair_id is None:
        errors["chair"] = _("Give the chair before adjusting: the chair signs the protocol.")
    if not meeting.adjusters.exists():
        errors["adjusters"] = _("Give at least one adjuster (justerare) before adjusting.")
    if adjusted_on < meeting.date:
        errors["adjusted_on"] = _("A protocol cannot be adjusted before the meeting.")
    elif adjusted_on > timezone.localdate():
        errors["adjusted_on"] = _("A protocol cannot be adjusted in the future.")
    if errors:
        raise ValidationError(errors)
    meeting.adjusted_on = adjusted_on
    meeting.status = Meeting.Status.ADJUSTED
    return _transition_save(meeting, ["adjusted_on"])


@transaction.atomic
def meeting_post(*, meeting: Meeting, posted_on: datetime.date) -> Meeting:
    """Posts an adjusted protocol on the notice board: it is published on ``posted_on`` (a future
    date publishes it on that date) and the appeal period starts. Raises ValidationError unless the
    protocol is adjusted and ``posted_on`` is not before its adjustment."""
    meeting = _meeting_lock_in(
        meeting,
        kind=Meeting.RecordKind.PROTOCOL,
        status=Meeting.Status.ADJUSTED,
        message=_("Only an adjusted protocol can be posted."),
    )
    if posted_on < meeting.adjusted_on:
        raise ValidationError({"posted_on": _("A protocol cannot be posted before it is adjusted.")})
    meeting.posted_on = posted_on
    meeting.status = Meeting.Status.PUBLISHED
    return _transition_save(meeting, ["posted_on"])


@transaction.atomic
def meeting_approve(*, meeting: Meeting, approved_on: datetime.date) -> Meeting:
    """Approves draft notes: from then on they cannot be edited. Raises ValidationError unless the
    notes are a draft and ``approved_on`` is neither before the meeting nor in the future."""
    meeting = _meeting_lock_in(
        meeting,
        kind=Meeting.RecordKind.NOTES,
        status=Meeting.Status.DRAFT,
        message=_("Only draft notes can be approved."),
    )
    if approved_on < meeting.date:
        raise ValidationError({"approved_on": _("Notes cannot be approved before the meeting.")})
    if approved_on > timezone.localdate():
        raise ValidationError({"approved_on": _("Notes cannot be approved in the future.")})
    meeting.approved_on = approved_on
    meeting.status = Meeting.Status.APPROVED
    return _transition_save(meeting, ["approved_on"])


@transaction.atomic
def meeting_publish(*, meeting: Meeting) -> Meeting:
    """Publishes approved notes on the public site. Raises ValidationError unless they are approved."""
    meeting = _meeting_lock_in(
        meeting,
        kind=Meeting.RecordKind.NOTES,
        status=Meeting.Status.APPROVED,
        message=_("Only approved notes can be published."),
    )
    meeting.status = Meeting.Status.PUBLISHED
    return _transition_save(meeting, [])
