"""Queries on people and reference data; ``public()`` follows the archive's public rule.

People, parties and organisations are public only through public, non-confidential content:
a public meeting's attendance, chair, record keeper, adjusters or signatures, a searchable item's
presenters, a body with public meetings, or a membership in such a body. Someone named only in a
draft or a confidential paragraph has no public page and is no filter choice (see
``meetings.querysets`` for the rule on meetings and items).
"""

import datetime
import re

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import models
from django.db.models import CharField, Exists, F, Func, OuterRef, Q, Value
from django.db.models.functions import Concat
from django.utils import timezone

from meetings.querysets import meeting_public_from_q

# Separates alternative spellings when they are matched as one string; never part of a name.
_SEPARATOR = "|"


# The words of a name as a text search query takes them: letters and digits ("Anna-Karin" is two).
_NAME_WORD = re.compile(r"[^\W_]+")


class NamesVector(Func):
    """The words of a person's name and alternative spellings as a text search vector, unchanged
    (the ``simple`` configuration): what name suggestions look up, a word's beginning at a time,
    through the index ``person_names_search_idx`` on this very expression.

    ``person_names_text`` (migration ``members/0004``) joins the name and the spellings; written
    as a function so that the index may use it (``array_to_string`` alone is not immutable)."""

    template = "to_tsvector('simple'::regconfig, person_names_text(%(expressions)s))"
    output_field = SearchVectorField()

    def __init__(self, **extra):
        super().__init__(F("name"), F("alternative_names"), **extra)


def _meetings_public(on):
    return apps.get_model("meetings", "Meeting").objects.public(on=on)


def _bodies_public(on):
    return apps.get_model("meetings", "Body").objects.public(on=on)


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


class PersonQuerySet(NamedQuerySet):
    def name_words_start(self, text: str):
        """People with a word of their name or of a spelling starting with each word of ``text``,
        ignoring case: "ek" finds Karin Ek and Maria Ekberg, "an kar" Anna-Karin Öberg. A look-up
        in ``person_names_search_idx``, not a scan of every person; nobody for text without words."""
        words = _NAME_WORD.findall(text.lower())[:10]
        if not words:
            return self.none()
        query = " & ".join(f"'{word}':*" for word in words)
        return self.alias(names=NamesVector()).filter(
            names=SearchQuery(query, search_type="raw", config="simple")
        )

    def public(self, *, on: datetime.date | None = None):
        """People named by public, non-confidential content (see the module's docstring)."""
        Attendance = apps.get_model("meetings", "Attendance")
        AgendaItem = apps.get_model("meetings", "AgendaItem")
        Signature = apps.get_model("meetings", "Signature")
        Membership = apps.get_model("members", "Membership")
        meetings = _meetings_public(on)
        person = OuterRef("pk")
        return self.filter(
            # The public rule on the copy attendance keeps of its meeting (meeting_public_from_q).
            Exists(Attendance.objects.filter(meeting_public_from_q(on=on), person=person))
            | Exists(AgendaItem.objects.searchable(on=on).filter(presenters=person))
            # Chair and record keeper apart: each an index look-up, where their OR read every meeting.
            | Exists(meetings.filter(chair=person))
            | Exists(meetings.filter(secretary=person))
            | Exists(meetings.filter(adjusters=person))
            | Exists(Signature.objects.filter(person=person, meeting__in=meetings))
            | Exists(Membership.objects.filter(person=person, body__in=_bodies_public(on)))
        )


class OrganisationQuerySet(NamedQuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Organisations with a public body, or represented in a public meeting or a public body."""
        Attendance = apps.get_model("meetings", "Attendance")
        Membership = apps.get_model("members", "Membership")
        bodies = _bodies_public(on)
        organisation = OuterRef("pk")
        return self.filter(
            Exists(bodies.filter(organisation=organisation))
            | Exists(Attendance.objects.filter(organisation=organisation, meeting__in=_meetings_public(on)))
            | Exists(Membership.objects.filter(organisation=organisation, body__in=bodies))
        )


class PartyQuerySet(models.QuerySet):
    def public(self, *, on: datetime.date | None = None):
        """Parties represented in a public meeting's attendance or in a membership of a public body."""
        Attendance = apps.get_model("meetings", "Attendance")
        Membership = apps.get_model("members", "Membership")
        party = OuterRef("pk")
        return self.filter(
            Exists(Attendance.objects.filter(party=party, meeting__in=_meetings_public(on)))
            | Exists(Membership.objects.filter(party=party, body__in=_bodies_public(on)))
        )


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships valid on the given date (today when omitted)."""
        on = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )

    def public(self, *, on: datetime.date | None = None):
        """Memberships in bodies with public meetings."""
        return self.filter(body__in=_bodies_public(on))
