"""Keep derived data current when rows are written: the agenda items' search text (decisions,
presenters) and the version (``updated_at``) of the meetings whose public pages show the row; and
keep people named in records from being deleted.

Saves and deletes of single rows (the admin's inlines, services, the shell) send these signals.
``bulk_create()``, ``update()`` and raw SQL do not: their callers call
``services.agenda_items_refresh_search_document()`` and ``services.meetings_touch()`` themselves.
"""

from django.db.models import ProtectedError, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from members.models import Organisation, Party, Person

from .archive_version import archive_changed
from .models import AgendaItem, AgendaItemLink, Attendance, Body, Decision, Meeting, Signature
from .services import agenda_items_refresh_search_document, meetings_touch


def _refresh(item_ids) -> None:
    item_ids = [pk for pk in item_ids if pk is not None]
    if item_ids:
        agenda_items_refresh_search_document(item_ids=item_ids)


@receiver(post_save, sender=Decision, dispatch_uid="decision_saved_refresh_search")
def decision_saved(sender, instance: Decision, **kwargs):
    # Also for fixtures (raw): best effort, since a fixture may list a decision before its item;
    # load_demo refreshes every item after loading.
    _refresh([instance.agenda_item_id])


@receiver(post_delete, sender=Decision, dispatch_uid="decision_deleted_refresh_search")
def decision_deleted(sender, instance: Decision, **kwargs):
    # When the item itself is deleted in cascade, the update matches no row: harmless.
    _refresh([instance.agenda_item_id])


@receiver(m2m_changed, sender=AgendaItem.presenters.through, dispatch_uid="presenters_changed_refresh_search")
def presenters_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            _refresh([instance.pk])
        return
    # instance is a Person and pk_set holds agenda items, except on clear: remember them before.
    if action == "pre_clear":
        instance._presented_item_ids = list(instance.presented_items.values_list("pk", flat=True))
    elif action == "post_clear":
        _refresh(getattr(instance, "_presented_item_ids", []))
    elif action in {"post_add", "post_remove"}:
        _refresh(pk_set or [])


# ---------------------------------------------------------------------------------------------------
# The version of meeting pages (meetings.page_cache)


@receiver(post_save, sender=Attendance, dispatch_uid="attendance_saved_touch_meeting")
@receiver(post_delete, sender=Attendance, dispatch_uid="attendance_deleted_touch_meeting")
@receiver(post_save, sender=AgendaItem, dispatch_uid="item_saved_touch_meeting")
@receiver(post_delete, sender=AgendaItem, dispatch_uid="item_deleted_touch_meeting")
@receiver(post_save, sender=Signature, dispatch_uid="signature_saved_touch_meeting")
@receiver(post_delete, sender=Signature, dispatch_uid="signature_deleted_touch_meeting")
def meeting_row_changed(sender, instance, **kwargs):
    meetings_touch(meeting_ids=[instance.meeting_id])


@receiver(post_save, sender=Decision, dispatch_uid="decision_saved_touch_meeting")
@receiver(post_delete, sender=Decision, dispatch_uid="decision_deleted_touch_meeting")
@receiver(post_save, sender=AgendaItemLink, dispatch_uid="link_saved_touch_meeting")
@receiver(post_delete, sender=AgendaItemLink, dispatch_uid="link_deleted_touch_meeting")
def item_row_changed(sender, instance, **kwargs):
    meetings_touch(meeting_ids=AgendaItem.objects.filter(pk=instance.agenda_item_id).values("meeting"))


@receiver(m2m_changed, sender=AgendaItem.presenters.through, dispatch_uid="presenters_changed_touch_meeting")
def presenters_changed_touch(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        meetings_touch(meeting_ids=[instance.meeting_id])
    elif pk_set:
        meetings_touch(meeting_ids=AgendaItem.objects.filter(pk__in=pk_set).values("meeting"))


@receiver(m2m_changed, sender=Meeting.adjusters.through, dispatch_uid="adjusters_changed_touch_meeting")
def adjusters_changed_touch(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    meetings_touch(meeting_ids=list(pk_set or []) if reverse else [instance.pk])


# A meeting page links to the body's previous and next public meetings: publishing, withdrawing,
# moving or deleting a meeting changes the pages of its neighbours, before and after the change.


def _neighbours(body_id, date) -> list[int]:
    public = Meeting.objects.public().filter(body=body_id)
    before = public.filter(date__lt=date).order_by("-date").values_list("pk", flat=True)[:1]
    after = public.filter(date__gt=date).order_by("date").values_list("pk", flat=True)[:1]
    return [*before, *after]


@receiver(pre_save, sender=Meeting, dispatch_uid="meeting_saving_remember_place")
def meeting_saving(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._place_before_save = (
            Meeting.objects.filter(pk=instance.pk).values_list("body_id", "date").first()
        )


@receiver(post_save, sender=Meeting, dispatch_uid="meeting_saved_touch_neighbours")
@receiver(post_delete, sender=Meeting, dispatch_uid="meeting_deleted_touch_neighbours")
def meeting_changed_touch_neighbours(sender, instance, raw=False, **kwargs):
    if raw:
        return
    places = {(instance.body_id, instance.date), getattr(instance, "_place_before_save", None)}
    neighbours = [pk for place in places if place for pk in _neighbours(*place) if pk != instance.pk]
    if neighbours:
        meetings_touch(meeting_ids=neighbours)


# Names and addresses of people, parties, organisations and bodies are on the pages of every
# meeting that mentions them. A rename is rare; touching those meetings keeps the rule simple.


@receiver(post_save, sender=Person, dispatch_uid="person_saved_touch_meetings")
def person_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    meetings_touch(
        meeting_ids=Meeting.objects.filter(
            Q(attendances__person=instance)
            | Q(items__presenters=instance)
            | Q(adjusters=instance)
            | Q(signatures__person=instance)
            | Q(chair=instance)
            | Q(secretary=instance)
        ).values("pk")
    )


@receiver(post_save, sender=Party, dispatch_uid="party_saved_touch_meetings")
def party_saved(sender, instance, created, raw=False, **kwargs):
    if not (created or raw):
        meetings_touch(meeting_ids=Attendance.objects.filter(party=instance).values("meeting"))


@receiver(post_save, sender=Organisation, dispatch_uid="organisation_saved_touch_meetings")
def organisation_saved(sender, instance, created, raw=False, **kwargs):
    if not (created or raw):
        meetings_touch(
            meeting_ids=Meeting.objects.filter(
                Q(attendances__organisation=instance) | Q(body__organisation=instance)
            ).values("pk")
        )


@receiver(post_save, sender=Body, dispatch_uid="body_saved_touch_meetings")
def body_saved(sender, instance, created, raw=False, **kwargs):
    if not (created or raw):
        meetings_touch(meeting_ids=Meeting.objects.filter(body=instance).values("pk"))


def records_naming(people) -> list:
    """The meetings whose adjusters, and the agenda items whose presenters, include any of ``people``.

    Those relations are many-to-many: deleting a person would silently remove them from the record,
    so such a person cannot be deleted (the other references to people are PROTECT foreign keys).
    """
    from .models import Meeting

    return [
        *Meeting.objects.filter(adjusters__in=people).select_related("body").distinct(),
        *AgendaItem.objects.filter(presenters__in=people).select_related("meeting__body").distinct(),
    ]


@receiver(pre_delete, sender="members.Person", dispatch_uid="person_named_in_records_protected")
def person_deleting(sender, instance, **kwargs):
    protected = records_naming([instance])
    if protected:
        raise ProtectedError(
            f"{instance} adjusted or presented in {len(protected)} records and cannot be deleted.",
            set(protected),
        )


# What is cached per version of the archive (meetings.archive_version: the search filters' choice
# lists, the person and body pages): the newest meeting ``updated_at`` covers every write above;
# these writes change a list or a page without touching a meeting (a person with memberships and
# no meeting, say), so they bump the archive's revision.


@receiver(post_save, sender="members.Membership", dispatch_uid="membership_saved_filter_choices")
@receiver(post_delete, sender="members.Membership", dispatch_uid="membership_deleted_filter_choices")
@receiver(post_save, sender=Party, dispatch_uid="party_saved_filter_choices")
@receiver(post_delete, sender=Party, dispatch_uid="party_deleted_filter_choices")
@receiver(post_save, sender=Organisation, dispatch_uid="organisation_saved_filter_choices")
@receiver(post_delete, sender=Organisation, dispatch_uid="organisation_deleted_filter_choices")
@receiver(post_save, sender=Body, dispatch_uid="body_saved_filter_choices")
@receiver(post_delete, sender=Body, dispatch_uid="body_deleted_filter_choices")
@receiver(post_save, sender=Person, dispatch_uid="person_saved_archive_revised")
@receiver(post_delete, sender=Person, dispatch_uid="person_deleted_archive_revised")
@receiver(post_delete, sender=Meeting, dispatch_uid="meeting_deleted_filter_choices")
def archive_revised(sender, **kwargs):
    archive_changed()
