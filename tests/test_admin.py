"""The secretaries' admin: every page answers, and a whole protocol can be entered on one page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Case, Correction, Meeting
from members.models import Person

from .factories import AgendaItemFactory, DecisionFactory, MeetingFactory
from .forms import RenderedForm

APPS = {"meetings", "members"}
# Corrections are read only and the demo archive has none: tests/test_immutability.py covers them.
# Cases are made from case numbers, never added in the admin: tests/test_cases.py covers them.
MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in APPS and model not in (Correction, Case)
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def superuser_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_every_archive_model_is_registered():
    names = {model.__name__ for model in MODELS}
    assert names >= {
        "Body", "Meeting", "Attendance", "AgendaItem", "AgendaItemLink", "Decision", "Signature",
        "Person", "Party", "Organisation", "Membership",
    }  # fmt: skip


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_answer(superuser_client, model):
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"the demo archive has no {model.__name__}"
    for url in (admin_url(model, "changelist"), admin_url(model, "add"), admin_url(model, "change", obj.pk)):
        response = superuser_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize(
    "query", ["", "?body__id__exact=1", "?year=2022", "?status__exact=published", "?q=Mini-Maria", "?q=Kent"]
)
def test_meeting_list_filters_and_search(superuser_client, query):
    response = superuser_client.get(admin_url(Meeting, "changelist") + query)
    assert response.status_code == 200


@pytest.mark.usefixtures("demo_archive")
def test_meeting_list_finds_by_item_title_and_person(superuser_client):
    url = admin_url(Meeting, "changelist")
    by_title = superuser_client.get(url, {"q": "Mini-Maria"}).context["cl"].result_list
    assert [str(m.date) for m in by_title] == ["2022-04-22"]
    by_person = superuser_client.get(url, {"q": "Cecilia Axelsson"}).context["cl"].result_list
    assert [m.body.slug for m in by_person] == ["socialchefsnatverket"]
    by_year = superuser_client.get(url, {"year": "2021"}).context["cl"].result_list
    assert sorted(str(m.date) for m in by_year) == ["2021-02-26", "2021-04-09", "2021-12-10"]


@pytest.mark.usefixtures("demo_archive")
def test_person_search_finds_alternative_spelling(superuser_client):
    response = superuser_client.get(admin_url(Person, "changelist"), {"q": "Ove Dröschler"})
    assert [p.name for p in response.context["cl"].result_list] == ["Ove Dröscher"]


def test_secretary_can_open_the_meeting_pages(client, secretary):
    client.force_login(secretary)
    assert client.get(admin_url(Meeting, "changelist")).status_code == 200
    assert client.get(admin_url(Meeting, "add")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def inline_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in the source language."""
    settings.LANGUAGE_CODE = "en"


def test_person_added_from_popup_gets_a_slug(superuser_client):
    """A new person can be added on the spot with only a name."""
    response = superuser_client.post(
        admin_url(Person, "add") + "?_to_field=id&_popup=1",
        {
            "_popup": "1",
            "name": "Ny Ledamot",
            "slug": "",
            "alternative_names": "",
            **inline_management("memberships", 0),
        },
    )
    assert response.status_code == 200
    assert Person.objects.get(name="Ny Ledamot").slug == "ny-ledamot"


def test_attendance_and_items_are_shown_in_order(superuser_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number=2, position=2, title="Andra")
    AgendaItemFactory(meeting=meeting, number=1, position=1, title="Första")
    Attendance.objects.create(meeting=meeting, person=None, group="member", present=False)
    response = superuser_client.get(admin_url(Meeting, "change", meeting.pk))
    content = response.content.decode()
    assert content.index("Första") < content.index("Andra")
    assert AgendaItem.objects.filter(meeting=meeting).count() == 2


def test_admin_index_groups_the_archive_as_a_secretary_thinks_of_it(client, secretary, settings):
    """Sammanträden, Organ, Personer: each archive model once, under the heading a secretary looks for."""
    settings.LANGUAGE_CODE = "sv"
    client.force_login(secretary)
    app_list = client.get(reverse("admin:index")).context["app_list"]
    sections = {app["name"]: [model["object_name"] for model in app["models"]] for app in app_list}
    assert list(sections)[:3] == ["Sammanträden", "Organ", "Personer"]
    assert sections["Sammanträden"][0] == "Meeting"
    assert sections["Organ"] == ["Body", "Membership", "Organisation"]
    assert sections["Personer"] == ["Person", "Party"]
    names = [name for models in sections.values() for name in models]
    assert len(names) == len(set(names))


def test_item_page_proposes_the_next_decision_order_and_leads_back_to_the_meeting(superuser_client):
    """On an item's own page a second decision gets the next order, and saving returns to the meeting."""
    item = AgendaItemFactory(number=175, position=1)
    DecisionFactory(agenda_item=item, position=1)
    url = admin_url(AgendaItem, "change", item.pk)
    form = RenderedForm(superuser_client.get(url).content.decode(), form_marker="novalidate")
    assert form.get("decisions-1-position") == "2"
    form.set("decisions-1-text", "Styrgruppen beslutar att gå vidare.")
    response = superuser_client.post(url, form.data())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == admin_url(Meeting, "change", item.meeting_id)
    assert list(item.decisions.values_list("position", flat=True)) == [1, 2]
