"""The admin site of the archive: its index groups the models as a secretary thinks of them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Sections of the admin index: (key, heading, models as "app_label.ModelName", in this order).
ARCHIVE_SECTIONS = [
    (
        "sammantraden",
        _("Meetings"),
        [
            "meetings.Meeting",
            "meetings.AgendaItem",
            "meetings.Case",
            "meetings.Decision",
            "meetings.Attendance",
            "meetings.Signature",
            "meetings.AgendaItemLink",
            "meetings.Correction",
        ],
    ),
    ("organ", _("Bodies"), ["meetings.Body", "members.Membership", "members.Organisation"]),
    ("personer", _("People"), ["members.Person", "members.Party"]),
]


class ArchiveAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        """The index and the sidebar: Meetings, Bodies, People, then Django's own apps."""
        app_list = super().get_app_list(request, app_label)
        if app_label is not None:
            return app_list
        models = {
            f"{app['app_label']}.{model['object_name']}": (app, model)
            for app in app_list
            for model in app["models"]
        }
        sections = []
        for key, name, members in ARCHIVE_SECTIONS:
            found = [models.pop(member) for member in members if member in models]
            if found:
                first_app, first_model = found[0]
                sections.append(
                    {
                        "name": name,
                        "app_label": key,
                        "app_url": first_model.get("admin_url") or first_app["app_url"],
                        "has_module_perms": True,
                        "models": [model for _, model in found],
                    }
                )
        archive_apps = {"meetings", "members"}
        rest = []
        for app in app_list:
            if app["app_label"] in archive_apps:
                app = {
                    **app,
                    "models": [
                        m for m in app["models"] if f"{app['app_label']}.{m['object_name']}" in models
                    ],
                }
                if not app["models"]:
                    continue
            rest.append(app)
        return sections + rest
