"""Search filters for the public site (/sok/), combinable; an invalid value is reported and ignored."""

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, Party, Person

from .models import AgendaItem, Attendance, Body, Decision


class SearchFilterSet(filters.FilterSet):
    """The search filters; every choice list follows the public rule, built per request since
    "public" depends on the day (a protocol posted for a future date becomes public then)."""

    body = filters.ModelChoiceFilter(
        label=_("Body"),
        field_name="meeting__body",
        to_field_name="slug",
        queryset=lambda request: Body.objects.public().order_by("name"),
        empty_label=_("All bodies"),
    )
    organisation = filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="meeting__body__organisation",
        to_field_name="slug",
        queryset=lambda request: (
            Organisation.objects.filter(bodies__in=Body.objects.public()).distinct().order_by("name")
        ),
        empty_label=_("All organisations"),
    )
    date_from = filters.DateFilter(
        label=_("From date"),
        field_name="meeting__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = filters.DateFilter(
        label=_("To date"),
        field_name="meeting__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    year = filters.NumberFilter(
        label=_("Year"),
        field_name="meeting__date",
        method="filter_year",
        min_value=1900,
        max_value=2100,
        decimal_places=0,
    )
    kind = filters.ChoiceFilter(
        label=_("Kind of decision"),
        choices=Decision.Kind.choices,
        method="filter_kind",
        empty_label=_("All kinds"),
    )
    person = filters.ModelChoiceFilter(
        label=_("Person (attended or presented)"),
        to_field_name="slug",
        queryset=lambda request: Person.objects.public().order_by("name"),
        method="filter_person",
        empty_label=_("Anyone"),
    )
    party = filters.ModelChoiceFilter(
        label=_("Party"),
        to_field_name="abbreviation",
        queryset=lambda request: Party.objects.public().order_by("abbreviation"),
        method="filter_party",
        empty_label=_("All parties"),
    )
    municipality = filters.ModelChoiceFilter(
        label=_("Municipality"),
        to_field_name="slug",
        queryset=lambda request: (
            Organisation.objects.public().filter(kind=Organisation.Kind.MUNICIPALITY).order_by("name")
        ),
        method="filter_municipality",
        empty_label=_("All municipalities"),
    )
    sort = filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = AgendaItem
        fields = []

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(meeting__date__gte=f"{year}-01-01", meeting__date__lte=f"{year}-12-31")

    def filter_kind(self, queryset, name, value):
        return queryset.filter(Exists(Decision.objects.filter(agenda_item=OuterRef("pk"), kind=value)))

    def filter_person(self, queryset, name, value):
        presented = AgendaItem.presenters.through.objects.filter(agendaitem=OuterRef("pk"), person=value)
        attended = Attendance.objects.filter(meeting=OuterRef("meeting"), person=value, present=True)
        return queryset.filter(Exists(presented) | Exists(attended))

    def filter_party(self, queryset, name, value):
        """Items of meetings that someone of the party attended."""
        return queryset.filter(
            Exists(Attendance.objects.filter(meeting=OuterRef("meeting"), party=value, present=True))
        )

    def filter_municipality(self, queryset, name, value):
        """Items of meetings that someone representing the municipality attended."""
        return queryset.filter(
            Exists(Attendance.objects.filter(meeting=OuterRef("meeting"), organisation=value, present=True))
        )

    def filter_sort(self, queryset, name, value):
        if value == "newest":
            return queryset.order_by("-meeting__date", "position")
        if value == "oldest":
            return queryset.order_by("meeting__date", "position")
        return queryset  # relevance: the selector's order (by rank when there are words to rank by)
