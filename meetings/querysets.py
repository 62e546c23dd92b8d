from django.db import models


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Only meetings the public may see: protocols posted on the notice board, approved notes."""
        return self.filter(status=self.model.Status.PUBLISHED)
