from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .querysets import (
    MembershipQuerySet,
    NamesVector,
    OrganisationQuerySet,
    PartyQuerySet,
    PersonQuerySet,
)


class Organisation(models.Model):
    """An authority that bodies belong to and people represent or work for (huvudman)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")
        ASSOCIATION = "association", _("association of municipalities")
        AUTHORITY = "authority", _("government authority")
        HOSPITAL = "hospital", _("hospital")
        UNIT = "unit", _("unit of an organisation")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("For example GR or VGR.")
    )
    alternative_names = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("alternative names"),
        default=list,
        blank=True,
        help_text=_("Other names found in records, separated by commas, e.g. Göteborgs Stad."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("For a unit such as FoU i Väst, the organisation it belongs to."),
    )

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Party(models.Model):
    """A political party, known in records by its abbreviation: (M), (S), (SD)…"""

    abbreviation = models.CharField(_("abbreviation"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)

    objects = PartyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["abbreviation"]

    def __str__(self):
        return self.abbreviation


class Person(models.Model):
    """One person, however the records spell the name."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The name as the person spells it."))
    alternative_names = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("alternative spellings"),
        default=list,
        blank=True,
        help_text=_("Other spellings found in records, separated by commas, e.g. Ove Dröschler."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [
            # Name look-ups when entering attendance and matching imported names.
            models.Index(Lower("name"), name="person_lower_name_idx"),
            # The beginnings of the words of every spelling, for the search's name suggestions.
            GinIndex(NamesVector(), name="person_names_search_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:person_detail", kwargs={"slug": self.slug})

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.alternative_names]


class Membership(models.Model):
    """A person's seat in a body: role, party and organisation represented, and when."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        SECOND_VICE_CHAIR = "second_vice_chair", _("second vice chair")
        MEMBER = "member", _("member")
        SUBSTITUTE = "substitute", _("substitute")
        SECRETARY = "secretary", _("secretary")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(
        "meetings.Body", verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.PROTECT, null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("represents"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("The municipality or organisation the person represents in the body."),
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="membership_period_ordered",
                violation_error_message=_("A membership cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.body} ({self.get_role_display()})"
