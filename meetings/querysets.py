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
        on = on or timezone.localdate()
        return self.filter(status=self.model.Status.PUBLISHED).filter(
            Q(posted_on__isnull=True) | Q(posted_on__lte=on)
        )


class AgendaItemQuerySet(models.QuerySet):
    """Agenda items; the public rule for items sits next to the one for meetings, and uses it."""

    def public(self, *, on: datetime.date | None = None):
        """Items of public meetings, confidential ones included (they show their number and ground only)."""
        from .models import Meeting

        return self.filter(meeting__in=Meeting.objects.public(on=on))

    def searchable(self, *, on: datetime.date | None = None):
        """Public items whose text the public may read: never a confidential item, not even by its
        hidden text, and never a sub-point of one (a sub-point inherits its item's confidentiality)."""
        return (
            self.public(on=on)
            .filter(confidential=False)
            .filter(Q(parent__isnull=True) | Q(parent__confidential=False))
        )


class CaseQuerySet(models.QuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Cases with a paragraph the public may read: a case named only in drafts or in confidential
        paragraphs has no page (the number would tell what a secret paragraph is about)."""
        from .models import AgendaItem

        return self.filter(Exists(AgendaItem.objects.searchable(on=on).filter(case=OuterRef("pk"))))
