"""What the protocol editor reads: the roster of a body, the previous meeting, the page's querysets."""

import datetime

from django.db.models import Prefetch, Q

from members.models import Membership, Person

from ..models import Attendance, Body, Decision, Meeting
from ..selectors import MEMBERSHIP_ROLE_ORDER, _order_by_choice, meeting_next_item_numbers

_GROUP_OF_ROLE = {
    Membership.Role.SUBSTITUTE: Attendance.Group.SUBSTITUTE,
    Membership.Role.SECRETARY: Attendance.Group.SECRETARY,
}
_ATTENDANCE_ROLES = {choice.value for choice in Attendance.Role}


def _memberships(*, body: Body, on: datetime.date | None):
    memberships = Membership.objects.current(on=on) if on else Membership.objects.all()
    return memberships.filter(body=body).order_by(
        _order_by_choice("role", MEMBERSHIP_ROLE_ORDER), "person__name"
    )


def _attendance_line(membership: Membership) -> dict:
    group = _GROUP_OF_ROLE.get(membership.role, Attendance.Group.MEMBER)
    return {
        "person": membership.person_id,
        "group": group,
        "present": group != Attendance.Group.SUBSTITUTE,
        "role": membership.role if membership.role in _ATTENDANCE_ROLES else "",
        "party": membership.party_id,
        "organisation": membership.organisation_id,
    }


def body_roster(*, body: Body, on: datetime.date) -> list[dict]:
    """Attendance lines for a new meeting: the body's members and substitutes on the date, chair first."""
    lines, seen = [], set()
    for membership in _memberships(body=body, on=on):
        if membership.person_id not in seen:
            seen.add(membership.person_id)
            lines.append(_attendance_line(membership))
    return lines


def person_membership_line(*, body: Body, person_id: int, on: datetime.date | None) -> dict | None:
    """The attendance line a person's membership of the body gives (group, role, party, organisation)."""
    membership = _memberships(body=body, on=on).filter(person=person_id).first()
    return _attendance_line(membership) if membership else None


def meeting_previous(*, body: Body, before: datetime.date) -> Meeting | None:
    return Meeting.objects.filter(body=body, date__lt=before).order_by("-date").first()


def meeting_attendance_copy(*, meeting: Meeting) -> list[dict]:
    """The attendance lines of ``meeting`` as initial values for another meeting (partial presence aside)."""
    fields = [
        "person",
        "group",
        "present",
        "role",
        "party",
        "organisation",
        "title",
        "side",
        "substitute_for",
    ]
    return list(meeting.attendances.order_by("position", "pk").values(*fields))


def editor_attendances(*, meeting: Meeting):
    return meeting.attendances.order_by("position", "pk")


def editor_items(*, meeting: Meeting):
    return meeting.items.order_by("position").prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("position", "pk")),
        Prefetch("presenters", queryset=Person.objects.order_by("name")),
    )


def substitute_candidates(*, body: Body | None, meeting: Meeting | None) -> list[tuple[int, str]]:
    """Whom a serving substitute may serve for: the body's members, and anyone already chosen."""
    condition = Q(pk__in=[])
    if body is not None:
        condition |= Q(memberships__body=body) & ~Q(memberships__role=Membership.Role.SUBSTITUTE)
    if meeting is not None and meeting.pk:
        condition |= Q(substituted_by__meeting=meeting)
    return list(Person.objects.filter(condition).distinct().order_by("name").values_list("pk", "name"))


def person_labels(*, ids) -> dict[str, str]:
    ids = {int(pk) for pk in ids if str(pk).isdigit()}
    return {str(pk): name for pk, name in Person.objects.filter(pk__in=ids).values_list("pk", "name")}


def next_item_number(*, meeting: Meeting | None, body: Body | None) -> int | None:
    """The § number proposed for the empty item card at the end of the page."""
    return meeting_next_item_numbers(meeting=meeting, body=body, count=1)[0]["number"]
