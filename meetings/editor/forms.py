"""The forms of the protocol editor: the meeting, its attendance and its items with their decisions.

Rows the page pre-fills (the roster of a new meeting, the next § number of an empty item card, the
next order of a decision) are compared with the same initial values when posted back, so an untouched
pre-filled row is never an error and is never saved — except roster lines, which are the attendance
list itself and are always saved (present or absent) unless removed.
"""

import re

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.forms.models import inlineformset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, Party

from .. import forms as archive_forms
from ..forms import UniqueWithinParentFormSet
from ..models import AgendaItem, Attendance, Decision, Meeting, Signature

# ---------------------------------------------------------------------------------------------------
# Widgets that render many rows without a query per row


class LabelledAutocompleteMixin:
    """An admin autocomplete whose chosen options take their labels from a dict shared by all rows.

    Django's autocomplete asks the database for the chosen option of every widget it renders; on a
    page of 101 attendance lines that is 101 queries. The editor fills ``labels`` once for the page.
    """

    labels: dict[str, str]

    def optgroups(self, name, value, attr=None):
        default = (None, [], 0)
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        for pk in chosen:
            if pk in self.labels:
                default[1].append(self.create_option(name, pk, self.labels[pk], True, len(default[1])))
        return [default]


class PersonSelect(LabelledAutocompleteMixin, AutocompleteSelect):
    pass


class PersonSelectMultiple(LabelledAutocompleteMixin, AutocompleteSelectMultiple):
    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # Select2's "clear all" button sits inside its list of names, which screen readers then read
        # as a broken list; each name keeps its own remove button.
        attrs["data-allow-clear"] = "false"
        return attrs


def use_person_widget(form: forms.ModelForm, name: str, labels: dict) -> None:
    """Gives a person field of ``form`` the admin's autocomplete, labelled from ``labels``."""
    field = form.fields[name]
    multiple = isinstance(field, forms.ModelMultipleChoiceField)
    widget = (PersonSelectMultiple if multiple else PersonSelect)(
        form._meta.model._meta.get_field(name), admin.site
    )
    widget.labels = labels
    widget.choices = field.choices
    widget.is_required = field.required
    field.widget = widget


class EditorChoices:
    """What every row's selects offer, read once per page: parties, organisations, the body's people."""

    def __init__(self, *, substitute_candidates=()):
        blank = [("", "–")]
        self.parties = blank + [(p.pk, str(p)) for p in Party.objects.order_by("abbreviation")]
        self.organisations = blank + [
            (o.pk, o.short_name or o.name)
            for o in Organisation.objects.order_by("name").only("name", "short_name")
        ]
        self.substitute_candidates = blank + list(substitute_candidates)
        self.person_labels: dict[str, str] = {}


def _normal_text(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


class EditorFormMixin:
    """Text compares as written: browsers post line breaks as CRLF and the form strips spaces at the
    ends, so a text stored with LF or a trailing space must not count as changed when posted back
    untouched. Saved text has LF line breaks."""

    @cached_property
    def changed_data(self):
        changed = []
        for name, bound in self._bound_items():
            if not bound._has_changed():
                continue
            if (
                isinstance(bound.field, forms.CharField)
                and isinstance(bound.initial, str)
                and _normal_text(bound.initial) == _normal_text(bound.data or "")
            ):
                continue
            changed.append(name)
        return changed

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and "\r\n" in value:
                cleaned[name] = value.replace("\r\n", "\n")
        return cleaned


# ---------------------------------------------------------------------------------------------------
# The meeting


class MeetingEditorForm(EditorFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "body",
            "date",
            "start_time",
            "end_time",
            "location",
            "mode",
            "record_kind",
            # The status and the dates of adjustment, posting and approval are set by the life cycle's
            # confirmed actions (meetings.services.meeting_adjust() and the like), never typed here.
            "chair",
            "secretary",
            "secretary_title",
            "adjusters",
            "adjustment_place",
            "kept_at",
            "next_meeting_dates",
            "next_meeting_note",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    # When the page was loaded, the meeting's last change: a save from a page older than the meeting's
    # last change is refused (meetings.services.meeting_save_from_editor), never a silent overwrite.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, bodies, choices: EditorChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.updated_at.isoformat() if self.instance.pk else ""
        self.fields["body"].queryset = bodies
        for name in ("chair", "secretary", "adjusters"):
            use_person_widget(self, name, choices.person_labels)
        self.fields["next_meeting_dates"].widget.attrs["placeholder"] = "2022-06-10, 2022-09-16"


# ---------------------------------------------------------------------------------------------------
# Attendance

_PRESENCE = re.compile(r"^(?:§\s*)?(\d+)(?:\s*[-–—]\s*(?:§\s*)?(\d+))?$")
_ITEM_PRESENCE = re.compile(r"^(?:punkt|p\.?|item)\s*(\d+)$", re.IGNORECASE)


def presence_parse(text: str) -> tuple[int | None, int | None, int | None]:
    """ "§ 171–176" → (171, 176, None); "§ 175" → (175, None, None); "punkt 2" → (None, None, 2)."""
    text = " ".join(text.split())
    if not text:
        return None, None, None
    if match := _ITEM_PRESENCE.match(text):
        return None, None, int(match[1])
    if match := _PRESENCE.match(text):
        first, last = int(match[1]), int(match[2]) if match[2] else None
        if last is not None and last < first:
            raise ValidationError(_("Partial presence must run from a § to the same or a later §."))
        return first, last, None
    raise ValidationError(_("Write the paragraphs as § 171–176, § 175 or punkt 2."))


SUBSTITUTE_GROUPS = {Attendance.Group.SUBSTITUTE, Attendance.Group.SERVING_SUBSTITUTE}


class AttendanceEditorForm(EditorFormMixin, forms.ModelForm):
    presence = forms.CharField(
        label=_("Present for"),
        required=False,
        max_length=40,
        help_text=_("Only for partial presence: § 171–176, § 175 or punkt 2."),
        widget=forms.TextInput(attrs={"size": 9}),
    )

    class Meta:
        model = Attendance
        fields = ["person", "present", "group", "substitute_for", "role", "party", "organisation", "title"]
        widgets = {"title": forms.TextInput(attrs={"size": 12})}

    def __init__(self, *args, choices: EditorChoices, **kwargs):
        super().__init__(*args, **kwargs)
        use_person_widget(self, "person", choices.person_labels)
        self.fields["party"].choices = choices.parties
        self.fields["organisation"].choices = choices.organisations
        self.fields["substitute_for"].choices = choices.substitute_candidates
        self.fields["substitute_for"].label = _("Serving for")
        self.fields["role"].choices = [("", "–"), *Attendance.Role.choices]
        instance = self.instance
        if instance.pk:
            self.initial["presence"] = instance.partial_presence
        group = self.initial.get("group", instance.group)
        if group not in SUBSTITUTE_GROUPS and not self.initial.get(
            "substitute_for", instance.substitute_for_id
        ):
            # Only a substitute serves for someone: a member's line carries no list of the whole body
            # (on a council, 101 lines × 101 names). A line made a substitute offers it after saving.
            self.fields["substitute_for"].widget = forms.HiddenInput()
        self.is_roster_line = not instance.pk and bool(self.initial.get("person"))

    def has_changed(self):
        # A roster line is the attendance list itself: a member is listed (present or absent) even
        # when nothing on the line was touched; a substitute only when ticked as present.
        if self.is_roster_line and (
            self["group"].value() == Attendance.Group.MEMBER or self["present"].value()
        ):
            return True
        return super().has_changed()

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["paragraph_from"], cleaned["paragraph_to"], cleaned["agenda_position"] = presence_parse(
                cleaned.get("presence") or ""
            )
        except ValidationError as error:
            self.add_error("presence", error)
        person, serving_for = cleaned.get("person"), cleaned.get("substitute_for")
        if serving_for is not None:
            if serving_for == person:
                self.add_error("substitute_for", _("A person cannot serve for themselves."))
            elif cleaned.get("group") in (Attendance.Group.SUBSTITUTE, Attendance.Group.MEMBER):
                # Choosing whom a substitute serves for is what makes them a serving substitute.
                cleaned["group"] = Attendance.Group.SERVING_SUBSTITUTE
        if person is None and cleaned.get("group") not in (
            Attendance.Group.MEMBER,
            Attendance.Group.SUBSTITUTE,
        ):
            self.add_error("person", _("Only a member's or substitute's seat can be vacant."))
        return cleaned

    def _post_clean(self):
        for name in ("paragraph_from", "paragraph_to", "agenda_position"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()


AttendanceFormSet = inlineformset_factory(
    Meeting,
    Attendance,
    form=AttendanceEditorForm,
    formset=archive_forms.AttendanceFormSet,
    extra=1,
    can_delete=True,
)


# ---------------------------------------------------------------------------------------------------
# Signatures


class SignatureEditorForm(EditorFormMixin, forms.ModelForm):
    class Meta:
        model = Signature
        fields = ["person", "signed_as", "signed_at", "method", "reference"]
        widgets = {"signed_at": forms.DateTimeInput(format="%Y-%m-%d %H:%M:%S")}

    def __init__(self, *args, choices: EditorChoices, **kwargs):
        super().__init__(*args, **kwargs)
        use_person_widget(self, "person", choices.person_labels)
        self.fields["signed_at"].help_text = _("YYYY-MM-DD HH:MM:SS")


SignatureFormSet = inlineformset_factory(
    Meeting, Signature, form=SignatureEditorForm, extra=1, can_delete=True
)


# ---------------------------------------------------------------------------------------------------
# Agenda items and their decisions


class DecisionEditorForm(EditorFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["kind", "text", "position"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "position": forms.NumberInput(attrs={"min": 1, "class": "position-input"}),
        }


class DecisionEditorFormSet(archive_forms.DecisionFormSet):
    """A decision formset over decisions fetched with the whole page (no query per item)."""

    def __init__(self, *args, objects: list[Decision], **kwargs):
        self._objects = objects
        super().__init__(*args, queryset=Decision.objects.none(), **kwargs)

    def get_queryset(self):
        return self._objects


DecisionFormSet = inlineformset_factory(
    AgendaItem,
    Decision,
    form=DecisionEditorForm,
    formset=DecisionEditorFormSet,
    extra=1,
    can_delete=True,
)


class AgendaItemEditorForm(EditorFormMixin, forms.ModelForm):
    """An item card: the item's own fields and, nested, the formset of its decisions."""

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "case_number",
            "presenters",
            "summary",
            "discussion",
            "confidential",
            "confidentiality_ground",
        ]
        widgets = {
            "number": forms.NumberInput(attrs={"min": 1, "class": "number-input"}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "discussion": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, choices: EditorChoices, **kwargs):
        super().__init__(*args, **kwargs)
        use_person_widget(self, "presenters", choices.person_labels)
        # The card shows its § number at the top; the model's hint about notes only takes room here.
        self.fields["number"].help_text = ""
        self.fields["title"].widget.attrs["data-card-title"] = ""
        # Prefetched by the editor: no query per item.
        existing = list(self.instance.decisions.all()) if self.instance.pk else []
        self.decisions = DecisionFormSet(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix=f"{self.prefix}-decisions",
            objects=existing,
            initial=[{"position": max((d.position for d in existing), default=0) + 1}],
        )

    def has_changed(self):
        return super().has_changed() or self.decisions.has_changed()


class AgendaItemEditorFormSet(UniqueWithinParentFormSet):
    distinct_fields = (("number", _("This § number is already used in the meeting.")),)

    def is_valid(self):
        valid = super().is_valid()
        # The item cards' decisions are formsets of their own, validated for every card that is kept.
        for form in self.forms:
            if form.has_changed() and not self._should_delete_form(form):
                valid = form.decisions.is_valid() and valid
        return valid


AgendaItemFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    form=AgendaItemEditorForm,
    formset=AgendaItemEditorFormSet,
    extra=1,
    can_delete=True,
)


class MeetingStartForm(forms.Form):
    """The first step of a new meeting: which body, which day, and where the attendance list starts."""

    ROSTER, PREVIOUS, EMPTY = "roster", "previous", "empty"

    body = forms.ModelChoiceField(label=_("Body"), queryset=None)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start = forms.ChoiceField(
        label=_("Attendance list"),
        choices=[
            (ROSTER, _("The body's members and substitutes")),
            (PREVIOUS, _("Copy attendance from the previous meeting")),
            (EMPTY, _("Empty")),
        ],
        initial=ROSTER,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class CorrectionForm(forms.Form):
    """The reason for correcting an adjusted or approved record, which the public page shows."""

    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown on the public page with the date, e.g. Fel stavning av namn i § 175 rättad."),
    )
