"""The public rule, in one place: what the public site, its search and its filters may show.

A meeting is public when it is published and its posting date, if any, has come. Everything else
is public only through public meetings: an agenda item through its meeting, its text only when
neither it nor the item it is a sub-point of is confidential; a body through its public meetings.
People, parties and organisations follow the same rule in ``members.querysets``.
"""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


class BodyQuerySet(models.QuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Bodies with at least one public meeting: a body with drafts only is not shown anywhere."""
        from .models import Meeting

        return self.filter(Exists(Meeting.objects.public(on=on).filter(body=OuterRef("pk"))))


class MeetingQuerySet(models.QuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Only meetings the public may see: protocols posted on the notice board, approved notes.

        A protocol posted with a future date becomes public on that date (``on``, today in the
        archive's time zone when omitted), not before.
        """
        return self.filter(public_meeting_q(on=on))


def public_meeting_q(*, on: datetime.date | None = None) -> Q:
    """The public rule for meetings as a condition: published, and posted on or before ``on``
    (today) if posted at all. Rows that belong to a meeting read the same rule from the copy the
    database keeps on them (:func:`meeting_public_from_q`)."""
    from .models import Meeting

    on = on or timezone.localdate()
    return Q(status=Meeting.Status.PUBLISHED) & (Q(posted_on__isnull=True) | Q(posted_on__lte=on))


def meeting_public_from_q(*, on: datetime.date | None = None) -> Q:
    """The public rule of :func:`public_meeting_q`, read from the copy the database keeps on each
    attendance and agenda item row (``meeting_public_from``: the day the meeting became public,
    empty while it is not published; migrations 0016 and 0019), so that a person's attendance or
    a search's matches are filtered without their meetings."""
    return Q(meeting_public_from__lte=on or timezone.localdate())


class AgendaItemQuerySet(models.QuerySet):
    """Agenda items; the public rule for items sits next to the one for meetings, and uses it."""

    def public(self, *, on: datetime.date | None = None):
        """Items of public meetings, confidential ones included (they show their number and ground
        only): the meeting's rule read from the item's copy (:func:`meeting_public_from_q`)."""
        return self.filter(meeting_public_from_q(on=on))

    def searchable(self, *, on: datetime.date | None = None):
        """Public items whose text the public may read: never a confidential item, not even by its
        hidden text, and never a sub-point of one (a sub-point inherits its item's confidentiality)."""
        # NOT EXISTS rather than a join to the parent: the same rule, and the planner need not
        # walk the parent index to merge-join a million rows.
        confidential_parent = self.model.objects.filter(pk=OuterRef("parent_id"), confidential=True)
        return self.public(on=on).filter(confidential=False).filter(~Exists(confidential_parent))


class CaseQuerySet(models.QuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Cases with a paragraph the public may read: a case named only in drafts or in confidential
        paragraphs has no page (the number would tell what a secret paragraph is about)."""
        from .models import AgendaItem

        return self.filter(Exists(AgendaItem.objects.searchable(on=on).filter(case=OuterRef("pk"))))
