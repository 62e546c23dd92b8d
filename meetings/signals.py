"""Keep the agenda items' search text current when decisions or presenters change, and keep people
named in records from being deleted.

Saves and deletes of single rows (the admin's inlines, services, the shell) send these signals.
``bulk_create()``, ``update()`` and raw SQL do not: their callers call
``services.agenda_items_refresh_search_document()`` themselves.
"""

from django.db.models import ProtectedError
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from .models import AgendaItem, Decision
from .services import agenda_items_refresh_search_document


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
