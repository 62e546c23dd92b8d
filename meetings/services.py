from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext

DEMO_SECRETARY = ("sekreterare", "protokoll-demo")


@transaction.atomic
def secretaries_group_ensure() -> Group:
    """The group of secretaries: may add, change, delete and view everything in the archive."""
    group, _ = Group.objects.get_or_create(name=gettext("Secretaries"))
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
