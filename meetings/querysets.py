from django.db import models


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Only meetings the public may see: protocols posted on the notice board, approved notes."""
        return self.filter(status=self.model.Status.PUBLISHED)


class AgendaItemQuerySet(models.QuerySet):
    """Agenda items; the public rule for items sits next to the one for meetings, and uses it."""

    def public(self):
        """Items of public meetings, confidential ones included (they show their number and ground only)."""
        from .models import Meeting

        return self.filter(meeting__in=Meeting.objects.public())

    def searchable(self):
        """Public items whose text the public may read: never a confidential item, not even by its hidden text."""
        return self.public().filter(confidential=False)
