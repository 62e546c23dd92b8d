"""Search filters for the public site (/sok/), combinable; an invalid value is reported and ignored."""

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import selectors
from .filter_choices import FastSelect, PublicChoiceField, filter_choices
from .models import AgendaItem, Attendance, Decision


class PublicPersonField(forms.CharField):
    """A person of the public archive, typed as a name or an address slug (ove-droscher).

    A text field, not a list of every person: the archive holds tens of thousands. Without
    JavaScript a name is typed and looked up here; with it, suggestions come from
    :func:`meetings.views.person_autocomplete` (static/js/person_autocomplete.js).
    """

    def to_python(self, value):
        text = super().to_python(value)[:200]
        if not text:
            return None
        matches = selectors.people_public_lookup(text=text, limit=6)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(
                _("No one called “%(name)s” is in the public archive."), params={"name": text[:80]}
            )
        raise ValidationError(
            _("Several people are called “%(name)s”: %(people)s. Choose one of them from the suggestions."),
            params={"name": text[:80], "people": ", ".join(f"{p.name} ({p.slug})" for p in matches[:5])},
        )

    def prepare_value(self, value):
        return getattr(value, "slug", value)


class PublicPersonFilter(filters.Filter):
    field_class = PublicPersonField


class PublicChoiceFilter(filters.Filter):
    """A body, organisation, party or municipality chosen from the cached public lists
    (:mod:`meetings.filter_choices`); the filter applies the chosen row's id."""

    field_class = PublicChoiceField

    def filter(self, qs, value):
        if value is None:
            return qs
        if self.method is not None:
            return super().filter(qs, value)
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": value.pk})


class SearchFilterSet(filters.FilterSet):
    """The search filters; every choice list follows the public rule and depends on the day (a
    protocol posted for a future date becomes public then), read from the cache of
    :func:`meetings.filter_choices.filter_choices` for this version of the archive."""

    body = PublicChoiceFilter(
        label=_("Body"), field_name="meeting_body", source="body", empty_label=_("All bodies")
    )
    organisation = PublicChoiceFilter(
        label=_("Organisation"),
        field_name="meeting_body__organisation",
        source="organisation",
        empty_label=_("All organisations"),
    )
    date_from = filters.DateFilter(
        label=_("From date"),
        field_name="meeting_date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = filters.DateFilter(
        label=_("To date"),
        field_name="meeting_date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    year = filters.NumberFilter(
        label=_("Year"),
        field_name="meeting_date",
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
        widget=FastSelect,
    )
    person = PublicPersonFilter(label=_("Person (attended or presented)"), method="filter_person")
    party = PublicChoiceFilter(
        label=_("Party"), source="party", method="filter_party", empty_label=_("All parties")
    )
    municipality = PublicChoiceFilter(
        label=_("Municipality"),
        source="municipality",
        method="filter_municipality",
        empty_label=_("All municipalities"),
    )
    sort = filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            (selectors.Sort.RELEVANCE, _("Relevance")),
            (selectors.Sort.NEWEST, _("Newest first")),
            (selectors.Sort.OLDEST, _("Oldest first")),
        ],
        method="filter_sort",
        empty_label=None,
        widget=FastSelect,
    )

    class Meta:
        model = AgendaItem
        fields = []

    @property
    def form(self):
        """The form, with the choice lists of this version of the archive; built when first asked
        for: an unbound filter set (a search by words alone) filters nothing and needs none."""
        if not hasattr(self, "_form"):
            form = super().form
            choices = filter_choices()
            for form_field in form.fields.values():
                if isinstance(form_field, PublicChoiceField):
                    form_field.set_entries(choices[form_field.source])
            form.fields["person"].widget.attrs.update(
                {
                    "data-autocomplete-url": reverse("meetings:person_autocomplete"),
                    "list": "person-suggestions",
                    "autocomplete": "off",
                    "placeholder": _("Name"),
                }
            )
        return self._form

    @classmethod
    def data_of(cls, query):
        """The request's query when it asks for a filter (or an order), else None: a search by
        words alone then uses an unbound filter set, whose panel is the same for every such search."""
        return query if any(name in query for name in cls.base_filters) else None

    def chosen(self) -> dict:
        """The valid filters given a value, by name (the order is not a filter); validates the form:
        an invalid value is reported on the form and left out."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {
            name: value
            for name, value in getattr(self.form, "cleaned_data", {}).items()
            if name != "sort" and value not in (None, "", [])
        }

    @property
    def narrows(self) -> bool:
        """Whether a valid filter narrows the matches (an order alone does not)."""
        return bool(self.chosen())

    # The filters read from the item's own row (its copies of the meeting's body and date), which
    # the indexes on the items serve (agendaitem_body_date_idx, agendaitem_meeting_date_idx).
    ROW_FILTERS = frozenset({"body", "organisation", "date_from", "date_to", "year"})

    @property
    def narrows_by_row(self) -> bool:
        """Whether a valid filter read from the item's own row narrows the matches (see
        :data:`ROW_FILTERS`)."""
        return not self.ROW_FILTERS.isdisjoint(self.chosen())

    @property
    def sort_order(self) -> str:
        """The order asked for; an invalid or missing choice is relevance."""
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        return cleaned.get("sort") or selectors.Sort.RELEVANCE

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(meeting_date__gte=f"{year}-01-01", meeting_date__lte=f"{year}-12-31")

    def filter_kind(self, queryset, name, value):
        return queryset.filter(Exists(Decision.objects.filter(agenda_item=OuterRef("pk"), kind=value)))

    def filter_person(self, queryset, name, value):
        # IN (subquery), not a correlated EXISTS: PostgreSQL reads the person's meetings from the
        # index attendance_person_idx once instead of probing it per item.
        attended = Q(
            meeting_id__in=Attendance.objects.filter(person=value, present=True).values("meeting_id")
        )
        presented = AgendaItem.presenters.through.objects.filter(person=value)
        if not presented.exists():
            # Most people present nothing. Without the OR, PostgreSQL can start from the person's
            # meetings and fetch their paragraphs (a semi-join) instead of reading paragraphs
            # until enough belong to one of them: 5 ms instead of 19 for a member of 9,000 meetings.
            return queryset.filter(attended)
        return queryset.filter(attended | Q(pk__in=presented.values("agendaitem_id")))

    def filter_party(self, queryset, name, value):
        """Items of meetings that someone of the party attended."""
        return queryset.filter(
            Exists(Attendance.objects.filter(meeting=OuterRef("meeting"), party_id=value.pk, present=True))
        )

    def filter_municipality(self, queryset, name, value):
        """Items of meetings that someone representing the municipality attended."""
        return queryset.filter(
            Exists(
                Attendance.objects.filter(meeting=OuterRef("meeting"), organisation_id=value.pk, present=True)
            )
        )

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is the selector's: selectors.search_result_ids() bounds it


class DecisionFilterSet(SearchFilterSet):
    """The filters of the decisions view (/beslut/): those of the search, always newest first."""

    sort = None

    @property
    def sort_order(self) -> str:
        return selectors.Sort.NEWEST

    def chosen_kind(self) -> str | None:
        """The kind of decision filtered on, if valid: only decisions of that kind are shown."""
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        return cleaned.get("kind") or None
