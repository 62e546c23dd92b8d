import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .access import bodies_for_user
from .editor.selectors import person_membership_line
from .editor.transitions import meeting_transition_view, transitions_for, user_may_transition
from .editor.views import meeting_editor_view
from .forms import AgendaItemFormSet, AttendanceFormSet, DecisionFormSet
from .importing.views import protocol_import_view
from .models import (
    AgendaItem,
    AgendaItemLink,
    Attendance,
    Body,
    Case,
    Correction,
    Decision,
    Meeting,
    Signature,
)
from .services import agenda_items_link_cases


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "kind", "meeting_count"]
    list_filter = ["kind", "organisation"]
    list_select_related = ["organisation"]
    ordering = ["name"]
    search_fields = ["name", "short_name", "organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "secretaries"]

    def get_queryset(self, request):
        # A secretary's list, and the autocomplete of bodies in every form, hold their own bodies only.
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=bodies_for_user(request.user))
            .annotate(meeting_count=Count("meetings"))
        )

    def get_readonly_fields(self, request, obj=None):
        # Who works on which body is decided by an administrator, not by the secretaries themselves.
        return [] if request.user.is_superuser else ["secretaries"]

    def has_delete_permission(self, request, obj=None):
        # A body with meetings is protected by the database too; this spares a confusing error page.
        return super().has_delete_permission(request, obj) and (obj is None or not obj.meetings.exists())

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not request.user.is_superuser:
            # Whoever creates a body works on it.
            obj.secretaries.add(request.user)
        if change and "organisation" in form.changed_data:
            # A case is one organisation's: the body's paragraphs join the new one's cases.
            agenda_items_link_cases(
                item_ids=AgendaItem.objects.filter(meeting__body=obj).values_list("pk", flat=True)
            )

    @admin.display(description=_("meetings"), ordering="meeting_count")
    def meeting_count(self, obj):
        return obj.meeting_count


class MeetingPartAdmin(SimpleHistoryAdmin):
    """An admin of a part of meetings (an item, a decision, an attendance line, a signature, a link):
    only the parts of meetings of the user's bodies are listed, and only a draft's parts can be
    added, changed or deleted; an adjusted or approved record's are read only."""

    # The lookup from the model to its meeting.
    meeting_path = "meeting"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(**{f"{self.meeting_path}__body__in": bodies_for_user(request.user)})
        )

    def _meeting_of(self, obj) -> Meeting:
        for name in self.meeting_path.split("__"):
            obj = getattr(obj, name)
        return obj

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or self._meeting_of(obj).is_draft)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or self._meeting_of(obj).is_draft)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The meeting (or item) a new part belongs to: a draft of one of the user's bodies.
        drafts = Meeting.objects.filter(status=Meeting.Status.DRAFT, body__in=bodies_for_user(request.user))
        if db_field.name == "meeting":
            kwargs["queryset"] = drafts
        elif db_field.name in ("agenda_item", "parent"):
            kwargs["queryset"] = AgendaItem.objects.filter(meeting__in=drafts)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Meeting.objects.filter(body__in=bodies_for_user(request.user))
            .annotate(year=ExtractYear("date"))
            .order_by("-year")
            .values_list("year", flat=True)
        )
        return [(str(year), str(year)) for year in dict.fromkeys(years)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class AttendanceInline(admin.TabularInline):
    model = Attendance
    formset = AttendanceFormSet
    extra = 1
    autocomplete_fields = ["person", "party", "organisation"]
    fields = [
        "position",
        "person",
        "group",
        "present",
        "role",
        "party",
        "organisation",
        "title",
        "side",
        "paragraph_from",
        "paragraph_to",
        "agenda_position",
    ]


# What an agenda item says, entered alike on the meeting's page and on the item's own page.
AGENDA_ITEM_CONTENT_FIELDS = [
    "title",
    "case_number",
    "presenters",
    "summary",
    "discussion",
    ("confidential", "confidentiality_ground"),
]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    formset = AgendaItemFormSet
    extra = 1
    show_change_link = True
    autocomplete_fields = ["presenters"]
    fields = [("number", "position"), *AGENDA_ITEM_CONTENT_FIELDS, "decision_list"]
    readonly_fields = ["decision_list"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("decisions", "presenters")

    @admin.display(description=_("decisions"))
    def decision_list(self, obj):
        """The item's decisions, edited on the item's own page (inlines cannot nest)."""
        if not obj.pk:
            return _("Save the meeting first; decisions are entered on the item's page.")
        url = reverse("admin:meetings_agendaitem_change", args=[obj.pk])
        return format_html(
            '{}<p><a href="{}">{}</a></p>',
            format_html_join(
                "",
                "<p><strong>{}:</strong> {}</p>",
                ((d.get_kind_display(), d.text) for d in obj.decisions.all()),
            ),
            url,
            _("Add or change decisions"),
        )


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "body", "record_kind", "status", "paragraphs", "item_count"]
    # Related-only filters: a secretary's filters name their own bodies only.
    list_filter = [("body", admin.RelatedOnlyFieldListFilter), YearListFilter, "status", "record_kind"]
    list_select_related = ["body"]
    date_hierarchy = "date"
    search_fields = ["body__name", "items__title", "attendances__person__name", "location"]
    autocomplete_fields = ["body", "chair", "secretary", "adjusters"]
    inlines = [AttendanceInline, AgendaItemInline, SignatureInline]
    fieldsets = [
        (None, {"fields": ["body", "date", ("start_time", "end_time"), ("location", "mode"), "record_kind"]}),
        (
            _("Record and adjustment"),
            {
                "fields": [
                    "status",
                    "appeal_ends_on",
                    ("chair", "secretary", "secretary_title"),
                    "adjusters",
                    ("adjustment_place", "adjusted_on", "posted_on", "approved_on"),
                    "kept_at",
                ]
            },
        ),
        (_("Next meetings"), {"fields": ["next_meeting_dates", "next_meeting_note"]}),
    ]

    # Set by the life cycle's confirmed actions only (meetings.editor.transitions).
    readonly_fields = ["status", "adjusted_on", "posted_on", "approved_on", "appeal_ends_on"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(body__in=bodies_for_user(request.user))
            .annotate(
                item_count=Count("items"), first_number=Min("items__number"), last_number=Max("items__number")
            )
        )

    @admin.display(description=_("agenda items"), ordering="item_count")
    def item_count(self, obj):
        return obj.item_count

    @admin.display(description=_("paragraphs"), ordering="first_number")
    def paragraphs(self, obj):
        return f"§ {obj.first_number}–{obj.last_number}" if obj.first_number is not None else "–"

    @admin.display(description=_("appeal period ends"))
    def appeal_ends_on(self, obj):
        return obj.appeal_ends_on or "–"

    def has_change_permission(self, request, obj=None):
        # An adjusted protocol or approved notes are a record: read only, whoever asks.
        return super().has_change_permission(request, obj) and (obj is None or obj.is_draft)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def add_view(self, request, form_url="", extra_context=None):
        """The protocol editor, after choosing the body and date."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return meeting_editor_view(request, self)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The protocol editor; those who may only view the meeting get the admin's read-only page."""
        meeting = self.get_object(request, unquote(object_id))
        if (
            request.method == "POST"
            and meeting is not None
            and not meeting.is_draft
            and super().has_change_permission(request, meeting)
        ):
            # An editor page left open while the record was adjusted or approved.
            messages.error(
                request,
                _(
                    "This record was adjusted or approved while you edited it and can no longer be changed. "
                    "Your changes were not saved."
                ),
            )
            return HttpResponseRedirect(request.path)
        if meeting is None or not self.has_change_permission(request, meeting):
            extra_context = {
                **(extra_context or {}),
                "transitions": transitions_for(request.user, meeting) if meeting else [],
                "may_correct": meeting is not None and self._may_correct(request, meeting),
            }
            return super().change_view(request, object_id, form_url, extra_context)
        return meeting_editor_view(request, self, meeting)

    def _may_correct(self, request, meeting: Meeting) -> bool:
        return (
            not meeting.is_draft
            and user_may_transition(request.user)
            and meeting.body in bodies_for_user(request.user)
        )

    def correct_view(self, request, object_id):
        """The editor for a correction (rättelse) of an adjusted or approved record, with its reason."""
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            raise Http404
        if not self._may_correct(request, meeting):
            raise PermissionDenied
        return meeting_editor_view(request, self, meeting, correction=True)

    def transition_view(self, request, object_id, transition):
        """The confirmation page of a step of the life cycle (adjust, post, approve, publish)."""
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None or not self.has_view_permission(request, meeting):
            raise Http404
        return meeting_transition_view(request, self, meeting, transition)

    def get_urls(self):
        urls = [
            path(
                "membership/",
                self.admin_site.admin_view(self.membership_view),
                name="meetings_meeting_membership",
            ),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="meetings_meeting_import",
            ),
            path(
                "<path:object_id>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name="meetings_meeting_correct",
            ),
            path(
                "<path:object_id>/lifecycle/<slug:transition>/",
                self.admin_site.admin_view(self.transition_view),
                name="meetings_meeting_transition",
            ),
        ]
        return urls + super().get_urls()

    def membership_view(self, request):
        """A person's party, organisation and role in a body on a date, for the editor's attendance lines."""
        body = get_object_or_404(bodies_for_user(request.user), pk=request.GET.get("body") or 0)
        try:
            on = datetime.date.fromisoformat(request.GET.get("date", ""))
        except ValueError:
            on = None
        person = request.GET.get("person", "")
        line = person_membership_line(body=body, person_id=int(person), on=on) if person.isdigit() else None
        return JsonResponse(line or {})

    def import_view(self, request):
        """The importer: a protocol file or text → a preview to check → a draft meeting."""
        return protocol_import_view(request, self)


class DecisionInline(admin.StackedInline):
    model = Decision
    formset = DecisionFormSet
    extra = 1
    fields = [("kind", "position"), "text"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # The empty row proposes the order after the item's last decision; unchanged, it is no error.
        following = (obj.decisions.aggregate(highest=Max("position"))["highest"] or 0) + 1 if obj else 1
        formset.form.base_fields["position"].initial = following
        return formset


# Addresses typed without a scheme are taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class AgendaItemLinkInline(admin.TabularInline):
    model = AgendaItemLink
    extra = 0
    formfield_overrides = URL_FIELDS


@admin.register(AgendaItem)
class AgendaItemAdmin(MeetingPartAdmin):
    list_display = ["__str__", "meeting", "position", "confidential"]
    list_filter = [("meeting__body", admin.RelatedOnlyFieldListFilter), "confidential"]
    list_select_related = ["meeting__body"]
    search_fields = ["title", "summary", "case_number"]
    autocomplete_fields = ["meeting", "presenters", "parent"]
    inlines = [DecisionInline, AgendaItemLinkInline]
    fields = ["meeting", ("number", "position"), ("parent", "label"), *AGENDA_ITEM_CONTENT_FIELDS]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or {"case_number", "meeting"} & set(form.changed_data):
            agenda_items_link_cases(item_ids=[obj.pk])

    def response_change(self, request, obj):
        """Saving an item leads back to its meeting, unless another button asked for something else."""
        response = super().response_change(request, obj)
        if "_continue" in request.POST or "_addanother" in request.POST or "_popup" in request.POST:
            return response
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[obj.meeting_id]))


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record the archive makes itself: listed and viewed here, never added, changed or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    """Cases are made from the paragraphs' case numbers (meetings.services.agenda_items_link_cases):
    here they are read, with their paragraphs, and reached from the public case page."""

    list_display = ["number", "organisation", "paragraph_count"]
    list_select_related = ["organisation"]
    list_filter = [("organisation", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["number", "slug", "items__title"]
    fields = ["number", "organisation", "slug", "paragraphs"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(paragraph_total=Count("items"))

    @admin.display(description=_("paragraphs"), ordering="paragraph_total")
    def paragraph_count(self, obj):
        return obj.paragraph_total

    @admin.display(description=_("paragraphs"))
    def paragraphs(self, obj):
        """A link to the case's paragraphs in the list of agenda items (the bodies one works on)."""
        url = reverse("admin:meetings_agendaitem_changelist") + f"?case__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("The case's paragraphs"))


@admin.register(Decision)
class DecisionAdmin(MeetingPartAdmin):
    meeting_path = "agenda_item__meeting"
    list_display = ["__str__", "kind", "agenda_item"]
    list_filter = ["kind", ("agenda_item__meeting__body", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agenda_item__meeting__body"]
    search_fields = ["text", "agenda_item__title"]
    autocomplete_fields = ["agenda_item"]


@admin.register(Attendance)
class AttendanceAdmin(MeetingPartAdmin):
    list_display = ["__str__", "meeting", "group", "present", "party", "organisation"]
    list_filter = ["group", "present", ("meeting__body", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["person", "meeting__body", "party", "organisation"]
    search_fields = ["person__name", "title"]
    autocomplete_fields = ["meeting", "person", "party", "organisation"]


@admin.register(Signature)
class SignatureAdmin(MeetingPartAdmin):
    list_display = ["__str__", "meeting", "method", "signed_at", "reference"]
    list_select_related = ["person", "meeting__body"]
    search_fields = ["person__name", "reference"]
    autocomplete_fields = ["meeting", "person"]


@admin.register(AgendaItemLink)
class AgendaItemLinkAdmin(MeetingPartAdmin):
    meeting_path = "agenda_item__meeting"
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "agenda_item"]
    search_fields = ["url", "label"]
    autocomplete_fields = ["agenda_item"]


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    """Corrections are made with "Correct" on a record's page; here they are only read."""

    list_display = ["meeting", "made_at", "made_by", "reason"]
    list_select_related = ["meeting__body", "made_by"]
    search_fields = ["reason", "meeting__body__name"]
    date_hierarchy = "made_at"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(meeting__body__in=bodies_for_user(request.user))
