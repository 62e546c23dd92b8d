from django.db import models
from django.db.models import CharField, F, Func, Q, Value
from django.db.models.functions import Concat
from django.utils import timezone

# Separates alternative spellings when they are matched as one string; never part of a name.
_SEPARATOR = "|"


class NamedQuerySet(models.QuerySet):
    """For models with a ``name`` and ``alternative_names``, as records spell them differently."""

    def named(self, name: str):
        """Rows whose name or a recorded alternative spelling is ``name``, ignoring case."""
        name = " ".join(name.split())
        spellings = Concat(
            Value(_SEPARATOR),
            Func(
                F("alternative_names"),
                Value(_SEPARATOR),
                function="array_to_string",
                output_field=CharField(),
            ),
            Value(_SEPARATOR),
        )
        return self.alias(spellings=spellings).filter(
            Q(name__iexact=name) | Q(spellings__icontains=f"{_SEPARATOR}{name}{_SEPARATOR}")
        )


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships valid on the given date (today when omitted)."""
        on = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )
