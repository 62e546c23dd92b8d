"""The admin importer: upload or paste → an editable preview → a draft meeting."""

from __future__ import annotations

import logging
import re
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..access import bodies_for_user
from ..models import Attendance
from . import ImportProblem
from .extract import text_decode, text_extract
from .forms import (
    AttendeeFormSet,
    ItemFormSet,
    MeetingPreviewForm,
    PeopleForm,
    ProtocolUploadForm,
    SignatureFormSet,
)
from .match import names_match
from .parse import decision_kind, protocol_parse
from .save import (
    body_guess,
    meeting_find_imported,
    meeting_import,
    result_names,
    text_fingerprint,
)

logger = logging.getLogger(__name__)

_SESSION_PREFIX = "protocol_import:"
# Between two decisions of one item in the preview's text box; a decision may hold empty lines.
DECISION_SEPARATOR = "\n---\n"


def _bodies_of_user(form, user):
    """The form's choice of body offers the bodies the user works on only (meetings.access)."""
    form.fields["body"].queryset = bodies_for_user(user)
    return form


def protocol_import_view(request, model_admin):
    """Step one shows the upload form; a POST with a file or text shows the preview; confirm saves."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("token"):
        return _confirm(request, model_admin)
    form = _bodies_of_user(ProtocolUploadForm(request.POST or None, request.FILES or None), request.user)
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data.get("file")
            if upload is not None:
                text = text_extract(data=upload.read(), filename=upload.name)
            else:
                text = text_decode(form.cleaned_data["text"].encode("utf-8"))
            result = protocol_parse(text)
        except ImportProblem as problem:
            form.add_error(None, problem.message)
        else:
            fingerprint = text_fingerprint(text)
            body = form.cleaned_data.get("body") or body_guess(result.body)
            date = form.cleaned_data.get("date") or result.date
            # Said at once, before any checking: the same document, or the body's meeting that day.
            duplicate = meeting_find_imported(fingerprint=fingerprint, body=body, date=date)
            if duplicate is not None:
                form.add_error(None, _duplicate_error(duplicate))
            else:
                data = result.as_dict(full=True)
                token = secrets.token_urlsafe(16)
                request.session[_SESSION_PREFIX + token] = {"data": data, "fingerprint": fingerprint}
                return _preview(request, model_admin, token=token, data=data, body=body, date=date)
    return TemplateResponse(
        request,
        "admin/meetings/meeting/import_upload.html",
        {
            **model_admin.admin_site.each_context(request),
            **_context(model_admin, _("Import protocol")),
            "form": form,
        },
    )


def _duplicate_error(meeting) -> str:
    """The meeting that already holds the protocol, with a link to it in the editor."""
    link = format_html(
        '<a href="{}">{}</a>', reverse("admin:meetings_meeting_change", args=[meeting.pk]), meeting
    )
    return format_html(
        _("This protocol is already in the archive: {meeting}. Nothing was imported."), meeting=link
    )


def _context(model_admin, title):
    # Wide tables and item cards, like the editor: the whole width, no sidebar.
    return {
        "title": title,
        "opts": model_admin.model._meta,
        "has_view_permission": True,
        "is_nav_sidebar_enabled": False,
    }


def _initial(data: dict, body, date):
    meeting = {
        "body": body,
        "date": date,
        "start_time": data.get("start_time"),
        "end_time": data.get("end_time"),
        "location": data.get("location") or "",
        "mode": data.get("mode") or "",
        "record_kind": data.get("record_kind") or "protocol",
        "chair": data.get("chair") or "",
        "secretary": data.get("secretary") or "",
        "secretary_title": data.get("secretary_title") or "",
        "adjusters": ", ".join(data.get("adjusters", [])),
        "next_meetings": ", ".join(data.get("next_meetings", [])),
    }
    attendees = []
    for attendee in data.get("attendees", []):
        paragraphs = attendee.get("paragraphs") or [None, None]
        attendees.append(
            {
                "name": attendee.get("name") or "",
                "group": attendee.get("group") or "member",
                "role": attendee.get("body_role") or "",
                "present": attendee.get("present", True),
                "party": attendee.get("party") or "",
                "municipality": attendee.get("municipality") or "",
                "organisation": attendee.get("organisation") or "",
                "title": attendee.get("title") or "",
                "paragraph_from": paragraphs[0],
                "paragraph_to": paragraphs[1],
                "agenda_position": attendee.get("agenda_position"),
                "side": attendee.get("side") or "",
            }
        )
    items = []
    for item in data.get("items", []):
        decisions = item.get("decisions") or []
        kinds = {d["kind"] for d in decisions}
        items.append(
            {
                "number": item.get("number"),
                "title": item.get("title") or "",
                "case_number": item.get("case_number") or "",
                "presenters": ", ".join(item.get("presenters", [])),
                "decision": DECISION_SEPARATOR.join(d["text"] for d in decisions),
                "decision_kind": kinds.pop() if len(kinds) == 1 else "",
                "text": item.get("text") or "",
                "discussion": item.get("discussion") or "",
                "links": "\n".join(item.get("links", [])),
            }
        )
    signatures = [
        {
            "name": signature.get("name") or "",
            "signed_as": signature.get("signed_as") or "",
            "signed_at": signature.get("signed_at") or None,
            "method": signature.get("method") or "bankid",
            "reference": signature.get("reference") or "",
        }
        for signature in data.get("signatures", [])
    ]
    return meeting, attendees, items, signatures


def _preview(request, model_admin, *, token, data, body, date):
    meeting, attendees, items, signatures = _initial(data, body, date)
    matches = names_match(names=result_names(data))
    return _render_preview(
        request,
        model_admin,
        token=token,
        data=data,
        meeting_form=_bodies_of_user(MeetingPreviewForm(initial=meeting), request.user),
        attendee_formset=AttendeeFormSet(initial=attendees, prefix="attendees"),
        item_formset=ItemFormSet(initial=items, prefix="items"),
        signature_formset=SignatureFormSet(initial=signatures, prefix="signatures"),
        people_form=PeopleForm(matches=matches),
    )


def _render_preview(
    request,
    model_admin,
    *,
    token,
    data,
    meeting_form,
    attendee_formset,
    item_formset,
    signature_formset,
    people_form,
):
    unknown = [
        name for name in ("body", "date") if not meeting_form.initial.get(name) and not meeting_form.is_bound
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        **_context(model_admin, _("Check the imported protocol")),
        "token": token,
        "meeting_form": meeting_form,
        "attendee_formset": attendee_formset,
        "item_formset": item_formset,
        "people_form": people_form,
        "signature_formset": signature_formset,
        "unknown": unknown,
        "problems": data.get("problems", []),
        "uncertain_count": sum(1 for _n, _m, field in people_form.rows if field),
    }
    return TemplateResponse(request, "admin/meetings/meeting/import_preview.html", context)


def _edited(data: dict, meeting_form, attendee_formset, item_formset, signature_formset) -> dict:
    """The parse result with the secretary's edits from the preview."""
    meeting = meeting_form.cleaned_data
    edited = {
        **data,
        "start_time": meeting["start_time"].isoformat() if meeting["start_time"] else None,
        "end_time": meeting["end_time"].isoformat() if meeting["end_time"] else None,
        "location": meeting["location"],
        "mode": meeting["mode"],
        "record_kind": meeting["record_kind"],
        "chair": meeting["chair"].strip() or None,
        "secretary": meeting["secretary"].strip() or None,
        "secretary_title": meeting["secretary_title"],
        "adjusters": meeting["adjusters"],
        "next_meetings": [d.isoformat() for d in meeting["next_meetings"]],
    }
    attendees = []
    for form in attendee_formset.forms:
        row = form.cleaned_data
        if not row or row.get("DELETE"):
            continue
        first, last = row.get("paragraph_from"), row.get("paragraph_to")
        group = row["group"]
        attendees.append(
            {
                "name": " ".join(row["name"].split()) or None,
                "group": group,
                "body_role": row["role"],
                "role": row["role"] if row["role"] in ("chair", "vice_chair") else group,
                "present": row["present"],
                "party": row["party"] or None,
                "municipality": row["municipality"] or None,
                "organisation": row["organisation"] or None,
                "title": row["title"] or None,
                "paragraphs": [first, last if last is not None else first] if first is not None else None,
                "agenda_position": row.get("agenda_position"),
                "side": row["side"] or None,
            }
        )
    items = []
    for form in item_formset.forms:
        row = form.cleaned_data
        if not row or row.get("DELETE"):
            continue
        texts = [
            t.strip()
            for t in re.split(r"\n\s*---\s*\n", "\n" + row["decision"].replace("\r\n", "\n") + "\n")
            if t.strip()
        ]
        items.append(
            {
                "number": row["number"],
                "title": row["title"],
                "case_number": row["case_number"],
                "presenters": row["presenters"],
                "text": row["text"].replace("\r\n", "\n"),
                "decisions": [{"text": t, "kind": row["decision_kind"] or decision_kind(t)} for t in texts],
                "discussion": row["discussion"].replace("\r\n", "\n"),
                "links": row.get("links") or [],
            }
        )
    for position, item in enumerate(items, start=1):
        item["position"] = position
    edited["attendees"] = attendees
    edited["items"] = items
    edited["signatures"] = [
        {
            "name": " ".join(row["name"].split()) or None,
            "signed_as": row["signed_as"],
            "signed_at": row["signed_at"].isoformat() if row["signed_at"] else None,
            "method": row["method"],
            "reference": row["reference"],
        }
        for row in (form.cleaned_data for form in signature_formset.forms)
        if row and not row.get("DELETE")
    ]
    return edited


def _confirm(request, model_admin):
    token = request.POST["token"]
    stored = request.session.get(_SESSION_PREFIX + token)
    if not stored:
        messages.error(request, _("The preview has expired. Upload the protocol again."))
        return redirect(reverse("admin:meetings_meeting_import"))
    data = stored["data"]
    meeting_form = _bodies_of_user(MeetingPreviewForm(request.POST), request.user)
    attendee_formset = AttendeeFormSet(request.POST, prefix="attendees")
    item_formset = ItemFormSet(request.POST, prefix="items")
    signature_formset = SignatureFormSet(request.POST, prefix="signatures")
    formsets = [meeting_form, attendee_formset, item_formset, signature_formset]
    forms_valid = all([form.is_valid() for form in formsets])
    edited = (
        _edited(data, meeting_form, attendee_formset, item_formset, signature_formset)
        if forms_valid
        else data
    )
    people_form = PeopleForm(request.POST, matches=names_match(names=result_names(edited)))
    people_valid = people_form.is_valid()

    def again():
        return _render_preview(
            request,
            model_admin,
            token=token,
            data=data,
            meeting_form=meeting_form,
            attendee_formset=attendee_formset,
            item_formset=item_formset,
            signature_formset=signature_formset,
            people_form=people_form,
        )

    if not (forms_valid and people_valid):
        return again()
    duplicate = meeting_find_imported(
        body=meeting_form.cleaned_data["body"], date=meeting_form.cleaned_data["date"]
    )
    if duplicate is not None:
        meeting_form.add_error(None, _duplicate_error(duplicate))
        return again()
    try:
        meeting = meeting_import(
            data=edited,
            body=meeting_form.cleaned_data["body"],
            date=meeting_form.cleaned_data["date"],
            people=people_form.chosen(),
            fingerprint=stored["fingerprint"],
        )
    except ImportProblem as problem:
        meeting_form.add_error(None, problem.message)
        return again()
    except IntegrityError:
        # Another secretary saved the same meeting a moment ago: the duplicate check says which.
        meeting_form.add_error(None, _("The meeting could not be saved; it may have been imported already."))
        return again()
    except ValidationError as error:
        logger.info("Imported protocol refused by validation: %s", error)
        meeting_form.add_error(None, "; ".join(error.messages))
        return again()
    del request.session[_SESSION_PREFIX + token]
    messages.success(
        request,
        _("Imported as a draft: %(meeting)s, %(items)d agenda items and %(attendance)d attendance lines.")
        % {
            "meeting": meeting,
            "items": meeting.items.count(),
            "attendance": Attendance.objects.filter(meeting=meeting).count(),
        },
    )
    return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
