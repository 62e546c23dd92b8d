"""The stored search vector stays current on every write path: admin inlines, services, bulk writes."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Decision
from meetings.services import agenda_items_refresh_search_document
from tests.factories import AgendaItemFactory, DecisionFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _matches(item, words: str) -> bool:
    from meetings.search import build_tsquery

    return AgendaItem.objects.filter(pk=item.pk, search_vector=build_tsquery(words).search_query()).exists()


def _management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_decision_added_and_deleted_in_the_admin_inline(client, admin_user):
    """A decision entered in the agenda item's admin inline is findable at once, and gone when deleted
    (in a draft: a published record's items cannot be changed)."""
    client.force_login(admin_user)
    item = AgendaItemFactory(meeting=MeetingFactory(), title="Kompetensförsörjning", summary="")
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    data = {
        "meeting": item.meeting_id,
        "number": item.number,
        "position": item.position,
        "title": item.title,
        **_management("decisions", 1, 0),
        "decisions-0-kind": "assignment",
        "decisions-0-position": "1",
        "decisions-0-text": "Styrgruppen ger GR i uppdrag att upphandla en lärplattform.",
        **_management("links", 0, 0),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _matches(item, "lärplattform")
    decision = Decision.objects.get(agenda_item=item)
    data.update(_management("decisions", 1, 1))
    data.update(
        {"decisions-0-id": decision.pk, "decisions-0-agenda_item": item.pk, "decisions-0-DELETE": "on"}
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert not _matches(item, "lärplattform")


def test_decision_edit_and_presenters_refresh_the_vector():
    item = AgendaItemFactory(title="Rubrik", summary="")
    decision = DecisionFactory(agenda_item=item, text="Informationen antecknas.")
    decision.text = "Beslutet gäller hemlöshet."
    decision.save()
    assert _matches(item, "hemlöshet")
    person = PersonFactory(name="Margareta Forsberg")
    item.presenters.add(person)
    assert _matches(item, "Forsberg")
    person.presented_items.clear()
    assert not _matches(item, "Forsberg")


def test_bulk_writes_use_the_service():
    items = [AgendaItemFactory(title="Rubrik", summary="") for _ in range(3)]
    Decision.objects.bulk_create([Decision(agenda_item=i, text="Välfärdsteknik införs.") for i in items])
    assert not _matches(items[0], "välfärdsteknik")
    assert agenda_items_refresh_search_document(item_ids=[i.pk for i in items]) == 3
    assert all(_matches(i, "välfärdsteknik") for i in items)


def test_item_columns_need_no_service():
    """Title, summary and discussion are in the generated column: update() and bulk_create() suffice."""
    item = AgendaItemFactory(title="Rubrik", summary="")
    AgendaItem.objects.filter(pk=item.pk).update(discussion="- Ambassadörer för yrket")
    assert _matches(item, "ambassadör")


def test_or_in_swedish():
    from meetings.search import build_tsquery

    assert build_tsquery("barn eller unga").tsquery == "('barn':* | 'unga':*)"


def test_a_published_records_item_cannot_be_changed_in_the_admin(client, admin_user):
    """Not even by a superuser: the item's page is read only and a posted change is refused."""
    client.force_login(admin_user)
    item = AgendaItemFactory(meeting=MeetingFactory(published=True), title="Kompetensförsörjning")
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    assert 'name="title"' not in client.get(url).content.decode()
    response = client.post(url, {"meeting": item.meeting_id, "position": 1, "title": "Ändrad"})
    assert response.status_code == 403
    assert (
        client.post(reverse("admin:meetings_agendaitem_delete", args=[item.pk]), {"post": "yes"}).status_code
        == 403
    )
    item.refresh_from_db()
    assert item.title == "Kompetensförsörjning"
