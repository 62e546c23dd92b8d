"""Which bodies a user may work on: the one place for that rule.

A secretary works on the bodies they are assigned to (``Body.secretaries``, edited on the body's admin
page by a superuser): they enter those bodies' meetings, see and change their drafts, preview them
and, with the permission to adjust, take them through the life cycle. A superuser works on every
body. The admin's querysets, forms, actions and endpoints, and the draft preview, all ask here.
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
    if not _may_edit_meetings(user):
        return Body.objects.none()
    if user.is_superuser:
        return Body.objects.all()
    return Body.objects.filter(secretaries=user)


def user_can_access_body(user, body: Body) -> bool:
    """Whether the user may enter, change and preview the meetings of ``body``."""
    return body is not None and bodies_for_user(user).filter(pk=body.pk).exists()
