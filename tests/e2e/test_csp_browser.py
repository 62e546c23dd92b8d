"""The Content-Security-Policy breaks nothing: the admin's and the site's pages load in a browser
without a single violation (the ``page`` fixture fails the test on any)."""

from django.urls import reverse

from meetings.models import Meeting
from members.models import Person


def _admin_login(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_admin_pages_keep_to_the_policy(page, site, admin_user):
    _admin_login(page, site)
    meeting = Meeting.objects.order_by("pk").first()
    person = Person.objects.order_by("pk").first()
    paths = [
        "/admin/",
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:meetings_meeting_add"),
        reverse("admin:meetings_meeting_import"),
        reverse("admin:members_person_changelist") + "?q=a",
        reverse("admin:members_person_change", args=[person.pk]),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for path in paths:
        response = page.goto(site + path)
        assert response.status == 200, path
        page.wait_for_load_state("load")


def test_public_pages_keep_to_the_policy(page, site):
    meeting = Meeting.objects.public().order_by("pk").first()
    person = Person.objects.public().order_by("pk").first()
    for path in [
        "/",
        "/sok/?q=kompetens",
        meeting.get_absolute_url(),
        person.get_absolute_url(),
        "/sok/?q=%00",
    ]:
        response = page.goto(site + path)
        assert response.status in (200, 400), path
        page.wait_for_load_state("load")
