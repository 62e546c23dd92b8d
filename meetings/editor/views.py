"""The protocol editor: the add and change pages of meetings in the admin."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import bodies_for_user
from ..models import Meeting
from ..services import meeting_correct, meeting_save_from_editor
from . import selectors
from .forms import (
    AgendaItemFormSet,
    AttendanceFormSet,
    CorrectionForm,
    DecisionFormSet,
    EditorChoices,
    MeetingEditorForm,
    MeetingStartForm,
    SignatureFormSet,
)
from .transitions import transitions_for

EDITOR_FORMS = ("meeting", "attendance", "items", "signatures")
PERSON_FIELDS = {
    "meeting": ("chair", "secretary", "adjusters"),
    "attendance": ("person",),
    "items": ("presenters",),
    "signatures": ("person",),
}


def meeting_editor_view(request, model_admin, meeting: Meeting | None = None, *, correction: bool = False):
    """The whole meeting on one page; a new meeting first asks for its body and date.

    With ``correction``, an adjusted or approved record is corrected: the page asks for the reason,
    and saving records the correction (``services.meeting_correct()``).
    """
    bodies = bodies_for_user(request.user)
    if meeting is None:
        start = MeetingStartForm(request.GET or None, bodies=bodies)
        if not start.is_valid():
            return _render(request, model_admin, "admin/meetings/meeting/editor_start.html", {"start": start})
        body, date = start.cleaned_data["body"], start.cleaned_data["date"]
        meeting = Meeting(body=body, date=date)
        attendance_initial = _attendance_start(start.cleaned_data["start"], meeting=meeting)
    else:
        attendance_initial = []
        if request.GET.get("start") == MeetingStartForm.PREVIOUS and not meeting.attendances.exists():
            attendance_initial = _attendance_start(MeetingStartForm.PREVIOUS, meeting=meeting)

    editor = _editor_forms(request, meeting=meeting, bodies=bodies, attendance_initial=attendance_initial)
    correction_form = CorrectionForm(request.POST or None, prefix="correction") if correction else None
    forms_to_check = [editor[key] for key in EDITOR_FORMS] + ([correction_form] if correction_form else [])
    if request.method == "POST" and all([form.is_valid() for form in forms_to_check]):
        is_new = meeting.pk is None
        forms = {
            "meeting_form": editor["meeting"],
            "attendance_formset": editor["attendance"],
            "items_formset": editor["items"],
            "signatures_formset": editor["signatures"],
        }
        try:
            if correction_form is not None:
                reason = correction_form.cleaned_data["reason"]
                meeting = meeting_correct(**forms, reason=reason, by=request.user).meeting
            else:
                meeting = meeting_save_from_editor(**forms)
        except IntegrityError:
            # Only a change saved by someone else between the check and the save gets here.
            editor["meeting"].add_error(
                None, _("The meeting changed while you edited it. Check and save again.")
            )
        except ValidationError as error:
            # The record was adjusted or approved by someone else while this page was open.
            editor["meeting"].add_error(None, error)
        else:
            if is_new:
                model_admin.log_addition(request, meeting, [{"added": {}}])
            elif correction_form is not None:
                model_admin.log_change(request, meeting, _("Corrected: %(reason)s") % {"reason": reason})
            else:
                model_admin.log_change(
                    request, meeting, [{"changed": {"fields": editor["meeting"].changed_data}}]
                )
            messages.success(
                request, _("The correction was saved.") if correction_form else _("The meeting was saved.")
            )
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[quote(meeting.pk)]))
    return _render(
        request,
        model_admin,
        "admin/meetings/meeting/editor.html",
        {
            "meeting": meeting,
            "correction_form": correction_form,
            "transitions": transitions_for(request.user, meeting),
            "meeting_form": editor["meeting"],
            "attendance": editor["attendance"],
            "items": editor["items"],
            "signatures": editor["signatures"],
            "decision_template": _decision_template(editor["choices"]),
            "error_count": _error_count(editor) + len(correction_form.errors if correction_form else [])
            if request.method == "POST"
            else 0,
            "previous": selectors.meeting_previous(body=meeting.body, before=meeting.date)
            if meeting.pk and not meeting.attendances.exists()
            else None,
        },
        media=editor["meeting"].media
        + editor["attendance"].media
        + editor["items"].media
        + editor["signatures"].media,
    )


def _error_count(editor: dict) -> int:
    items = editor["items"]
    return (
        len(editor["meeting"].errors)
        + editor["attendance"].total_error_count()
        + items.total_error_count()
        + editor["signatures"].total_error_count()
        + sum(form.decisions.total_error_count() for form in items.forms if form.decisions.is_bound)
    )


def _attendance_start(start: str, *, meeting: Meeting) -> list[dict]:
    if start == MeetingStartForm.ROSTER:
        return selectors.body_roster(body=meeting.body, on=meeting.date)
    if start == MeetingStartForm.PREVIOUS:
        previous = selectors.meeting_previous(body=meeting.body, before=meeting.date)
        return selectors.meeting_attendance_copy(meeting=previous) if previous else []
    return []


def _editor_forms(request, *, meeting: Meeting, bodies, attendance_initial: list[dict]) -> dict:
    data = request.POST if request.method == "POST" else None
    saved = meeting.pk is not None
    choices = EditorChoices(
        substitute_candidates=selectors.substitute_candidates(body=meeting.body, meeting=meeting)
    )
    attendance_formset_class = type(
        "AttendanceFormSet", (AttendanceFormSet,), {"extra": len(attendance_initial) + 1}
    )
    forms = {
        "meeting": MeetingEditorForm(data, instance=meeting, bodies=bodies, choices=choices),
        "attendance": attendance_formset_class(
            data,
            instance=meeting,
            prefix="attendance",
            queryset=selectors.editor_attendances(meeting=meeting) if saved else None,
            initial=attendance_initial,
            form_kwargs={"choices": choices},
        ),
        "items": AgendaItemFormSet(
            data,
            instance=meeting,
            prefix="items",
            queryset=selectors.editor_items(meeting=meeting) if saved else None,
            initial=[{"number": selectors.next_item_number(meeting=meeting, body=meeting.body)}],
            form_kwargs={"choices": choices},
        ),
        "signatures": SignatureFormSet(
            data,
            instance=meeting,
            prefix="signatures",
            queryset=meeting.signatures.order_by("signed_at", "pk") if saved else None,
            form_kwargs={"choices": choices},
        ),
    }
    ids = set()
    for key, names in PERSON_FIELDS.items():
        form_list = [forms[key]] if key == "meeting" else forms[key].forms
        for form in form_list:
            for name in names:
                value = form[name].value()
                ids.update(value if isinstance(value, list | tuple) else [value])
    choices.person_labels.update(selectors.person_labels(ids=ids))
    forms["choices"] = choices
    return forms


def _decision_template(choices):
    """The empty decision row that the page's script copies into any item card."""
    from ..models import AgendaItem

    return DecisionFormSet(prefix="__decisions__", instance=AgendaItem(), objects=[]).empty_form


def _render(request, model_admin, template: str, context: dict, media=None):
    opts = Meeting._meta
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "title": str(context["meeting"])
            if context.get("meeting") and context["meeting"].pk
            else _("New meeting"),
            # The editor needs the whole width of a 1024 px screen.
            "is_nav_sidebar_enabled": False,
            "media": (model_admin.media + media) if media is not None else model_admin.media,
            **context,
        },
    )
