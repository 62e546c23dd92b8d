"""The life cycle's admin actions: a confirmation page for each transition of a meeting.

Each transition is offered only where it applies (kind of record and status), only to users with the
``meetings.adjust_meeting`` permission who may work on the meeting's body, and only after a
confirmation page that states what will happen; the services in ``meetings.services`` check the
preconditions again and do the work.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..appeal import appeal_period_end, posting_date_latest
from ..models import Meeting

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _today_or_after(day: datetime.date) -> datetime.date:
    return max(timezone.localdate(), day)


class TransitionForm(forms.Form):
    def __init__(self, *args, meeting: Meeting, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)


class AdjustForm(TransitionForm):
    adjusted_on = forms.DateField(label=_("Adjusted on"), widget=DATE_WIDGET)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
        self.fields["adjusted_on"].initial = min(timezone.localdate(), _today_or_after(meeting.date))


class PostForm(TransitionForm):
    posted_on = forms.DateField(
        label=_("Posted on the notice board"),
        widget=DATE_WIDGET,
        help_text=_("A date in the future publishes the protocol on that date, not before."),
    )
    post_late = forms.BooleanField(
        label=_("Post it anyway"),
        required=False,
        help_text=_("The protocol should be posted no later than the second day after its adjustment."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
        latest = posting_date_latest(meeting.adjusted_on)
        # Today, unless the adjustment was longer ago than the days allowed for posting.
        self.fields["posted_on"].initial = min(_today_or_after(meeting.adjusted_on), latest)
        self.latest = latest
        if not (self.is_bound and self._is_late(self.data.get("posted_on"))):
            self.fields["post_late"].widget = forms.HiddenInput()

    def _is_late(self, value) -> bool:
        try:
            return datetime.date.fromisoformat(value or "") > self.latest
        except ValueError:
            return False

    def clean(self):
        cleaned = super().clean()
        posted_on = cleaned.get("posted_on")
        if posted_on and posted_on > self.latest and not cleaned.get("post_late"):
            self.add_error(
                "posted_on",
                gettext(
                    "This is later than the second day after the adjustment (%(latest)s). "
                    "Tick “Post it anyway” to post it on this date."
                )
                % {"latest": date_format(self.latest)},
            )
        cleaned.pop("post_late", None)
        return cleaned

    @property
    def appeal_ends_on(self) -> datetime.date | None:
        posted_on = self.cleaned_data.get("posted_on") if self.is_bound and self.is_valid() else None
        return appeal_period_end(posted_on or self.fields["posted_on"].initial)


class ApproveForm(TransitionForm):
    approved_on = forms.DateField(label=_("Approved on"), widget=DATE_WIDGET)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
        self.fields["approved_on"].initial = min(timezone.localdate(), _today_or_after(meeting.date))


@dataclass(frozen=True)
class Transition:
    name: str
    record_kind: str
    source: str
    label: str
    title: str
    explanation: str
    done: str
    form_class: type[TransitionForm]
    service: Callable[..., Meeting]

    def applies_to(self, meeting: Meeting) -> bool:
        return meeting.record_kind == self.record_kind and meeting.status == self.source


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            name="adjust",
            record_kind=Meeting.RecordKind.PROTOCOL,
            source=Meeting.Status.DRAFT,
            label=_("Adjust"),
            title=_("Adjust the protocol"),
            explanation=_(
                "The chair and the adjusters have checked and signed the protocol. Once adjusted, the "
                "protocol, its attendance, paragraphs and decisions can no longer be changed; a mistake "
                "is then put right by a recorded correction."
            ),
            done=_("The protocol was adjusted. Post it on the notice board to publish it."),
            form_class=AdjustForm,
            service=services.meeting_adjust,
        ),
        Transition(
            name="post",
            record_kind=Meeting.RecordKind.PROTOCOL,
            source=Meeting.Status.ADJUSTED,
            label=_("Post on the notice board"),
            title=_("Post the protocol on the notice board"),
            explanation=_(
                "Posting the adjustment on the notice board publishes the protocol on the posting date "
                "and starts the appeal period of three weeks."
            ),
            done=_("The protocol was posted on the notice board."),
            form_class=PostForm,
            service=services.meeting_post,
        ),
        Transition(
            name="approve",
            record_kind=Meeting.RecordKind.NOTES,
            source=Meeting.Status.DRAFT,
            label=_("Approve"),
            title=_("Approve the notes"),
            explanation=_(
                "Approved notes can no longer be changed. Publish them afterwards to show them on the site."
            ),
            done=_("The notes were approved. Publish them to show them on the site."),
            form_class=ApproveForm,
            service=services.meeting_approve,
        ),
        Transition(
            name="publish",
            record_kind=Meeting.RecordKind.NOTES,
            source=Meeting.Status.APPROVED,
            label=_("Publish"),
            title=_("Publish the notes"),
            explanation=_("The notes will be shown on the public site at once."),
            done=_("The notes were published."),
            form_class=TransitionForm,
            service=services.meeting_publish,
        ),
    ]
}


def user_may_transition(user) -> bool:
    return user.has_perm(f"meetings.{services.ADJUST_PERMISSION}")


def transitions_for(user, meeting: Meeting) -> list[Transition]:
    """The transitions the user may take the meeting through now (the buttons the admin shows)."""
    if meeting.pk is None or not user_may_transition(user):
        return []
    return [transition for transition in TRANSITIONS.values() if transition.applies_to(meeting)]


def meeting_transition_view(request, model_admin, meeting: Meeting, name: str):
    """The confirmation page of one transition; posting it confirms."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise Http404
    if not user_may_transition(request.user):
        raise PermissionDenied
    change_url = reverse("admin:meetings_meeting_change", args=[quote(meeting.pk)])
    if not transition.applies_to(meeting):
        messages.error(
            request,
            gettext("“%(action)s” does not apply to this record (%(status)s).")
            % {"action": transition.label, "status": meeting.get_status_display()},
        )
        return HttpResponseRedirect(change_url)
    form = transition.form_class(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = transition.service(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            model_admin.log_change(request, meeting, str(transition.title))
            messages.success(request, transition.done)
            return HttpResponseRedirect(change_url)
    return TemplateResponse(
        request,
        "admin/meetings/meeting/transition.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Meeting._meta,
            "title": transition.title,
            "subtitle": str(meeting),
            "meeting": meeting,
            "transition": transition,
            "form": form,
            "change_url": change_url,
            "media": model_admin.media + form.media,
        },
    )
