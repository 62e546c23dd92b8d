"""The protocol editor: a whole meeting on one page, posted back as rendered."""

import pytest
from django.apps import apps
from django.core import serializers
from django.urls import reverse

from meetings.models import Meeting

from .forms import as_post, form_fields


def editor_url(meeting: Meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def archive_rows() -> str:
    """Every row of the archive's tables, to compare before and after a save."""
    models = [*apps.get_app_config("meetings").get_models(), *apps.get_app_config("members").get_models()]
    return serializers.serialize("json", [obj for model in models for obj in model.objects.order_by("pk")])


def post_back(client, url: str):
    """GETs the editor and posts back exactly what it rendered; returns the POST's response."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, as_post(form_fields(page.content.decode())))


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("date", ["2021-04-09", "2021-12-10", "2022-04-22"])
def test_demo_meeting_posted_back_twice_changes_nothing(secretary_client, date):
    """Saving a demo meeting's editor as rendered, twice, succeeds and changes no row."""
    meeting = Meeting.objects.get(date=date)
    before = archive_rows()
    for _ in range(2):
        response = post_back(secretary_client, editor_url(meeting))
        assert response.status_code == 302, response.content.decode()[:3000]
        assert response["Location"] == editor_url(meeting)
    assert archive_rows() == before
