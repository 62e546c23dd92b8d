from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.postgres.aggregates import StringAgg
from django.db import transaction
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from members.models import Person

from .models import AgendaItem, Decision, Meeting

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


def meetings_touch(*, meeting_ids) -> int:
    """Marks meetings as changed now: ``updated_at`` is the version of their cached public pages.

    Signals call it when anything shown on a meeting page is written (see meetings.signals);
    code that writes such rows without signals (``bulk_create()``, ``update()``, raw SQL) calls
    it with the meetings it touched. ``meeting_ids`` may be a list or a queryset of ids.
    """
    return Meeting.objects.filter(pk__in=meeting_ids).update(updated_at=timezone.now())
