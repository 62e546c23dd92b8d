"""The choice lists of the search filters (bodies, organisations, parties, municipalities), cached.

Each list follows the public rule (``public()``), which at a million paragraphs means reading
through the public meetings and their attendance: 10–20 ms for the four lists on every search.
They change only when the archive does, so they are computed once per version of the archive
(:mod:`meetings.archive_version`) and today's date, and kept in the cache.

The choices are plain values (:class:`Choice`), not model instances, and the select boxes render
their options in Python (:class:`FastSelect`): a list of 300 municipalities through Django's
option template costs more than the search itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class Choice:
    """One entry of a filter's list: the row's id, the value in the address (slug or
    abbreviation) and the text shown."""

    pk: int
    key: str
    label: str

    def __str__(self) -> str:
        return self.label


def _compute() -> dict[str, list[Choice]]:
    from members.models import Organisation, Party

    from .models import Body

    def rows(queryset, key: str) -> list[Choice]:
        return [Choice(pk=row.pk, key=getattr(row, key), label=str(row)) for row in queryset]

    return {
        "body": rows(Body.objects.public().order_by("name").only("pk", "slug", "name"), "slug"),
        "organisation": rows(
            Organisation.objects.filter(bodies__in=Body.objects.public())
            .distinct()
            .order_by("name")
            .only("pk", "slug", "name"),
            "slug",
        ),
        "party": rows(
            Party.objects.public().order_by("abbreviation").only("pk", "abbreviation"), "abbreviation"
        ),
        "municipality": rows(
            Organisation.objects.public()
            .filter(kind=Organisation.Kind.MUNICIPALITY)
            .order_by("name")
            .only("pk", "slug", "name"),
            "slug",
        ),
    }


def filter_choices() -> dict[str, list[Choice]]:
    """The four choice lists of the search filters, for this version of the archive and today."""
    from .archive_version import cached_per_version

    return cached_per_version("filter-choices", _compute)


class FastSelect(forms.Select):
    """A ``<select>`` whose options are written in Python: the same markup as Django's template
    (``<option value="…" selected>…</option>``), at a fraction of the cost for long lists."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for key, label in self.choices:
            key = "" if key is None else str(key)
            selected = " selected" if key in chosen else ""
            options.append(f'<option value="{escape(key)}"{selected}>{conditional_escape(label)}</option>')
        return mark_safe(
            f'<select name="{escape(name)}"{flatatt(final)}>\n' + "\n".join(options) + "\n</select>"
        )


class PublicChoiceField(forms.ChoiceField):
    """A filter choice from one of the lists of :func:`filter_choices`; cleans to a :class:`Choice`.

    The list is given by the form (:meth:`set_entries`), which reads all four at once.
    """

    widget = FastSelect

    def __init__(self, *, source: str, empty_label="", **kwargs):
        self.source = source
        self.empty_label = empty_label
        self.entries: list[Choice] = []
        kwargs.pop("choices", None)
        super().__init__(choices=[("", empty_label)], **kwargs)

    def set_entries(self, entries: list[Choice]) -> None:
        self.entries = entries
        self.choices = [("", self.empty_label), *((entry.key, entry.label) for entry in entries)]

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        for entry in self.entries:
            if entry.key == value:
                return entry
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value[:80]}
        )

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
