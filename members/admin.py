from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from meetings.signals import records_naming

from .models import Membership, Organisation, Party, Person
from .services import unique_slug


class NamedModelAdmin(SimpleHistoryAdmin):
    """Admin for models with a name, alternative spellings and a slug (people, organisations).

    Fills an empty slug from the name, so a person added from a popup needs only a name, and finds
    rows by any recorded spelling.
    """

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "slug" in form.base_fields:
            form.base_fields["slug"].required = False
        return form

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            obj.slug = unique_slug(type(obj), obj.name, exclude_pk=obj.pk)
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            results |= queryset.named(term)
        return results, may_have_duplicates


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["body", "party", "organisation"]


@admin.register(Person)
class PersonAdmin(NamedModelAdmin):
    list_display = ["name", "alternative_spellings", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    @admin.display(description=_("alternative spellings"))
    def alternative_spellings(self, obj):
        return ", ".join(obj.alternative_names)

    def get_deleted_objects(self, objs, request):
        """Also lists, as protected, the records a person adjusted or presented in (many-to-many
        relations, which the database's protection does not cover)."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = [
            *protected,
            *(f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in records_naming(list(objs))),
        ]
        return deleted, model_count, perms_needed, protected


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]


@admin.register(Organisation)
class OrganisationAdmin(NamedModelAdmin):
    list_display = ["name", "short_name", "kind", "parent"]
    list_select_related = ["parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "role", "party", "organisation", "start_date", "end_date"]
    list_filter = ["body", "role", "party"]
    list_select_related = ["person", "body", "party", "organisation"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body", "party", "organisation"]
