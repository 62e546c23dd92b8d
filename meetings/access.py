"""Which bodies a user may work on: the one place for that rule.

The editor, its querysets and the draft preview ask here. Today every active staff user who may change
meetings (a superuser, or a secretary with ``meetings.change_meeting``) works on every body; assigning
secretaries to bodies will change only this module.
"""

from django.db.models import QuerySet

from .models import Body


def _may_edit_meetings(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm("meetings.change_meeting"))
    )


def bodies_for_user(user) -> QuerySet[Body]:
    """The bodies whose meetings the user may enter, change and preview as drafts."""
    if _may_edit_meetings(user):
        return Body.objects.all()
    return Body.objects.none()


def user_can_access_body(user, body: Body) -> bool:
    """Whether the user may enter, change and preview the meetings of ``body``."""
    return body is not None and bodies_for_user(user).filter(pk=body.pk).exists()
