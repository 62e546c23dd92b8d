"""The secretaries' admin: every page answers, and a whole protocol can be entered on one page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Body, Meeting
from members.models import Organisation, Party, Person

from .factories import AgendaItemFactory, DecisionFactory, MeetingFactory

APPS = {"meetings", "members"}
MODELS = [model for model in admin.site._registry if model._meta.app_label in APPS]


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


def test_meeting_with_attendance_and_items_is_created_by_post(superuser_client):
    """A secretary enters body, date, attendees and paragraphs in one POST of the meeting form."""
    organisation = Organisation.objects.create(name="Göteborgsregionen", slug="gr", kind="association")
    body = Body.objects.create(
        organisation=organisation, name="Styrgruppen", slug="styrgruppen", kind="steering_group"
    )
    kent = Person.objects.create(name="Kent Lagrell", slug="kent-lagrell")
    sara = Person.objects.create(name="Sara Nordenhielm", slug="sara-nordenhielm")
    party = Party.objects.create(abbreviation="M")
    data = {
        "body": body.pk,
        "date": "2022-04-22",
        "start_time": "09:00",
        "end_time": "12:00",
        "location": "GR-huset",
        "mode": "in_person",
        "record_kind": "protocol",
        "status": "draft",
        "chair": kent.pk,
        "secretary": sara.pk,
        "secretary_title": "Beredningsansvarig",
        "adjusters": [kent.pk],
        "next_meeting_dates": "2022-05-19,2022-11-03",
        **inline_management("attendances", 2),
        "attendances-0-position": "1",
        "attendances-0-person": kent.pk,
        "attendances-0-group": "member",
        "attendances-0-present": "on",
        "attendances-0-role": "chair",
        "attendances-0-party": party.pk,
        "attendances-1-position": "2",
        "attendances-1-person": sara.pk,
        "attendances-1-group": "secretary",
        "attendances-1-present": "on",
        "attendances-1-paragraph_from": "171",
        "attendances-1-paragraph_to": "176",
        **inline_management("items", 2),
        "items-0-number": "171",
        "items-0-position": "1",
        "items-0-title": "Sammanträdet öppnas",
        "items-1-number": "175",
        "items-1-position": "2",
        "items-1-title": "Utvecklingen av Mini-Maria",
        "items-1-summary": "Ann-Sofie Isaksson informerar.",
        "items-1-presenters": [sara.pk],
        **inline_management("signatures", 0),
    }
    response = superuser_client.post(admin_url(Meeting, "add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    meeting = Meeting.objects.get(body=body)
    assert meeting.next_meeting_dates[1].isoformat() == "2022-11-03"
    assert [p.name for p in meeting.adjusters.all()] == ["Kent Lagrell"]
    assert list(meeting.items.values_list("number", "title")) == [
        (171, "Sammanträdet öppnas"),
        (175, "Utvecklingen av Mini-Maria"),
    ]
    assert list(meeting.items.get(number=175).presenters.all()) == [sara]
    chair = meeting.attendances.get(person=kent)
    assert (chair.role, chair.party, chair.present) == ("chair", party, True)
    assert meeting.attendances.get(person=sara).paragraph_to == 176


def test_duplicate_paragraph_number_is_refused_with_a_message(superuser_client):
    meeting = MeetingFactory()
    data = {
        "body": meeting.body.pk,
        "date": "2030-01-01",
        "record_kind": "protocol",
        "status": "draft",
        **inline_management("attendances", 0),
        **inline_management("items", 2),
        "items-0-number": "5",
        "items-0-position": "1",
        "items-0-title": "A",
        "items-1-number": "5",
        "items-1-position": "2",
        "items-1-title": "B",
        **inline_management("signatures", 0),
    }
    response = superuser_client.post(admin_url(Meeting, "add"), data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.non_form_errors()
    assert "This § number is already used in the meeting." in errors
    assert not Meeting.objects.filter(date="2030-01-01").exists()


def test_change_page_offers_the_next_free_paragraph_number(superuser_client):
    earlier = MeetingFactory()
    AgendaItemFactory(meeting=earlier, number=112, position=1)
    later = MeetingFactory(body=earlier.body)
    response = superuser_client.get(admin_url(Meeting, "change", later.pk))
    extra = response.context["inline_admin_formsets"][1].formset.extra_forms[0]
    assert (extra.initial["number"], extra.initial["position"]) == (113, 1)

    AgendaItemFactory(meeting=later, number=113, position=1)
    response = superuser_client.get(admin_url(Meeting, "change", later.pk))
    extra = response.context["inline_admin_formsets"][1].formset.extra_forms[0]
    assert (extra.initial["number"], extra.initial["position"]) == (114, 2)


def test_add_page_with_body_offers_its_next_number(superuser_client):
    item = AgendaItemFactory(number=183, position=1)
    response = superuser_client.get(admin_url(Meeting, "add"), {"body": item.meeting.body.pk})
    extra = response.context["inline_admin_formsets"][1].formset.extra_forms[0]
    assert extra.initial["number"] == 184


def test_next_number_endpoint(superuser_client, client):
    item = AgendaItemFactory(number=183, position=1)
    url = reverse("admin:meetings_meeting_next_number", args=[item.meeting.body.pk])
    assert superuser_client.get(url).json() == {"body": item.meeting.body.pk, "next_number": 184}
    assert (
        superuser_client.get(reverse("admin:meetings_meeting_next_number", args=[999999])).status_code == 404
    )
    client.logout()
    assert client.get(url).status_code == 302


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


def test_meeting_page_shows_decisions_with_a_link_to_edit_them(superuser_client):
    item = AgendaItemFactory(number=175, position=1)
    DecisionFactory(agenda_item=item, text="Informationen antecknas om Mini-Maria")
    response = superuser_client.get(admin_url(Meeting, "change", item.meeting.pk))
    content = response.content.decode()
    assert "Informationen antecknas om Mini-Maria" in content
    assert admin_url(AgendaItem, "change", item.pk) in content


def test_meeting_page_queries_grow_only_by_the_presenter_widget(superuser_client):
    meeting = MeetingFactory()
    for position in range(1, 4):
        DecisionFactory(agenda_item=AgendaItemFactory(meeting=meeting, position=position))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        superuser_client.get(admin_url(Meeting, "change", meeting.pk))
    for position in range(4, 24):
        DecisionFactory(agenda_item=AgendaItemFactory(meeting=meeting, position=position))
    with CaptureQueriesContext(connection) as many:
        superuser_client.get(admin_url(Meeting, "change", meeting.pk))
    # Django's autocomplete widget looks up each item's selected presenters: one query per item,
    # and nothing else may grow with the agenda.
    assert len(many) <= len(few) + 20
