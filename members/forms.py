"""The filters of the index of people (/personer/); an invalid value is reported and ignored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.filter_choices import FastSelect
from meetings.models import Body

from .models import Party


class PeopleFilterForm(forms.Form):
    """Choices follow the public rule and are built per request ("public" depends on the day)."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    party = forms.ModelChoiceField(
        label=_("Party"),
        queryset=Party.objects.none(),
        to_field_name="abbreviation",
        required=False,
        widget=FastSelect,
    )
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.none(), to_field_name="slug", required=False, widget=FastSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["type"] = "search"
        self.fields["party"].queryset = Party.objects.public().order_by("abbreviation")
        self.fields["party"].empty_label = _("All parties")
        self.fields["body"].queryset = Body.objects.public().order_by("name")
        self.fields["body"].empty_label = _("All bodies")

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``selectors.people_index``; invalid ones left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "name": data.get("q") or "",
            "party": data.get("party"),
            "body": data.get("body"),
        }
