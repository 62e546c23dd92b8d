from django.db import models
from django.db.models import Q


class PersonQuerySet(models.QuerySet):
    def named(self, name: str):
        """People whose name or a recorded alternative spelling is exactly ``name`` (case-insensitive)."""
        name = " ".join(name.split())
        return self.filter(Q(name__iexact=name) | Q(alternative_names__icontains=[name]))


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships valid on the given date (today when omitted)."""
        from django.utils import timezone

        on = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )
