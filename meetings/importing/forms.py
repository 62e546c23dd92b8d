"""Forms of the admin importer: the upload, and the editable preview of what was understood."""

from __future__ import annotations

import datetime
import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, Body, Decision, Meeting
from .extract import MAX_FILE_SIZE


class ProtocolUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A protocol or notes as text (.txt), PDF or Word (.docx)."),
    )
    text = forms.CharField(
        label=_("…or paste the text"), required=False, widget=forms.Textarea(attrs={"rows": 12, "cols": 90})
    )
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.all(),
        required=False,
        help_text=_("If the document does not say; it can also be chosen in the preview."),
    )
    date = forms.DateField(
        label=_("Meeting date"), required=False, help_text=_("YYYY-MM-DD, if the document does not say.")
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is %(size)d MB; the importer reads files up to %(limit)d MB."),
                params={"size": upload.size // (1024 * 1024), "limit": MAX_FILE_SIZE // (1024 * 1024)},
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not (cleaned.get("text") or "").strip() and not self.errors:
            raise forms.ValidationError(_("Choose a file or paste the text of a protocol."))
        return cleaned


def _names(value: str) -> list[str]:
    return [" ".join(name.split()) for name in (value or "").split(",") if name.strip()]


class MeetingPreviewForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.all())
    date = forms.DateField(label=_("Date"), help_text=_("YYYY-MM-DD"))
    start_time = forms.TimeField(label=_("Start time"), required=False)
    end_time = forms.TimeField(label=_("End time"), required=False)
    location = forms.CharField(label=_("Place"), required=False, max_length=200)
    mode = forms.ChoiceField(label=_("Mode"), choices=[("", "–"), *Meeting.Mode.choices], required=False)
    record_kind = forms.ChoiceField(label=_("Kind of record"), choices=Meeting.RecordKind.choices)
    chair = forms.CharField(label=_("Chair"), required=False, max_length=200)
    secretary = forms.CharField(label=_("Kept by"), required=False, max_length=200)
    secretary_title = forms.CharField(label=_("Title of the record keeper"), required=False, max_length=200)
    adjusters = forms.CharField(
        label=_("Adjusters"), required=False, help_text=_("Names separated by commas."), max_length=1000
    )
    next_meetings = forms.CharField(
        label=_("Next meetings"), required=False, help_text=_("Dates as YYYY-MM-DD, separated by commas.")
    )

    def clean_adjusters(self):
        return _names(self.cleaned_data["adjusters"])

    def clean_next_meetings(self):
        dates = []
        for value in (self.cleaned_data["next_meetings"] or "").split(","):
            if value.strip():
                try:
                    dates.append(datetime.date.fromisoformat(value.strip()))
                except ValueError as error:
                    raise forms.ValidationError(
                        _("%(value)s is not a date YYYY-MM-DD."), params={"value": value.strip()}
                    ) from error
        return dates

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("A meeting must end after it starts."))
        return cleaned


class AttendeePreviewForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), required=False, max_length=200, help_text=_("Empty for a vacant seat.")
    )
    group = forms.ChoiceField(label=_("Group"), choices=Attendance.Group.choices)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "–"), *Attendance.Role.choices], required=False)
    present = forms.BooleanField(label=_("Present"), required=False)
    party = forms.CharField(label=_("Party"), required=False, max_length=10)
    municipality = forms.CharField(label=_("Municipality"), required=False, max_length=200)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    paragraph_from = forms.IntegerField(label=_("From §"), required=False, min_value=0)
    paragraph_to = forms.IntegerField(label=_("To §"), required=False, min_value=0)
    agenda_position = forms.IntegerField(label=_("For item"), required=False, min_value=1)
    side = forms.CharField(label=_("Side"), required=False, max_length=100)

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("paragraph_from"), cleaned.get("paragraph_to")
        if last is not None and (first is None or last < first):
            self.add_error("paragraph_to", _("Partial presence must run from a § to the same or a later §."))
        if not (cleaned.get("name") or "").strip() and cleaned.get("group") not in ("member", "substitute"):
            self.add_error("name", _("Only a member's or substitute's seat can be vacant."))
        return cleaned


class ItemPreviewForm(forms.Form):
    number = forms.IntegerField(label=_("§"), required=False, min_value=0)
    title = forms.CharField(label=_("Title"), max_length=500)
    case_number = forms.CharField(label=_("Case number"), required=False, max_length=100)
    presenters = forms.CharField(
        label=_("Presenters"), required=False, help_text=_("Names separated by commas.")
    )
    decision = forms.CharField(
        label=_("Decision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Several decisions: separate them with an empty line."),
    )
    decision_kind = forms.ChoiceField(
        label=_("Kind of decision"),
        required=False,
        choices=[("", _("from the wording")), *Decision.Kind.choices],
    )
    text = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4, "cols": 60})
    )

    def clean_presenters(self):
        return _names(self.cleaned_data["presenters"])


AttendeeFormSet = forms.formset_factory(AttendeePreviewForm, extra=0, can_delete=True)
ItemFormSet = forms.formset_factory(ItemPreviewForm, extra=0, can_delete=True)


class PeopleForm(forms.Form):
    """One required choice per name that matches an existing person only approximately."""

    def __init__(self, *args, matches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.matches = matches or {}
        self.rows = []
        for name, match in self.matches.items():
            if match.certain:
                self.rows.append((name, match, None))
                continue
            choices = [("", _("– choose –"))]
            for candidate in match.candidates:
                others = ", ".join(n for n in candidate.person.alternative_names)
                label = f"{candidate.person.name}" + (f" ({others})" if others else "")
                choices.append((str(candidate.person.pk), label))
            choices.append(("new", _("A new person named %(name)s") % {"name": name}))
            # Named after the spelling, so a choice stays with its name when the preview is edited.
            field_name = "person_" + hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:12]
            self.fields[field_name] = forms.ChoiceField(label=name, choices=choices, required=True)
            self.rows.append((name, match, field_name))

    def chosen(self) -> dict:
        """Name → Person, or None for a new person, for every name the secretary decided on."""
        chosen = {}
        for name, match, field_name in self.rows:
            if field_name is None:
                continue
            value = self.cleaned_data.get(field_name)
            if value == "new":
                chosen[name] = None
            else:
                person = next((c.person for c in match.candidates if str(c.person.pk) == value), None)
                if person is not None:
                    chosen[name] = person
        return chosen

    def clean(self):
        cleaned = super().clean()
        for _name, match, field_name in self.rows:
            value = cleaned.get(field_name) if field_name else None
            if (
                field_name
                and value not in (None, "", "new")
                and not any(str(c.person.pk) == value for c in match.candidates)
            ):
                self.add_error(field_name, _("Choose one of the proposed people."))
        return cleaned
