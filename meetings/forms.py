from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _


class UniqueWithinParentFormSet(BaseInlineFormSet):
    """An inline formset that reports values repeated among its rows as a form error.

    The database constraints behind these checks are conditional (``number IS NOT NULL``), which
    Django's own formset validation does not check; without this, a repeated value would only be
    caught by the database, as an error page.
    """

    #: (field name, message) pairs; empty values are never compared.
    distinct_fields: tuple[tuple[str, str], ...] = ()

    def clean(self):
        # Before Django's own uniqueness check, which reports an unconditional repeat (a decision's
        # order) only in general words above the rows, not next to the field.
        self._check_distinct()
        super().clean()

    def _check_distinct(self):
        for field, message in self.distinct_fields:
            seen = {}
            for form in self.forms:
                if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                    continue
                value = form.cleaned_data.get(field)
                if value in (None, ""):
                    continue
                if value in seen:
                    form.add_error(field, message)
                    raise ValidationError(message)
                seen[value] = form


class AgendaItemFormSet(UniqueWithinParentFormSet):
    distinct_fields = (
        ("number", _("This § number is already used in the meeting.")),
        ("position", _("Two items of the meeting have the same position.")),
    )


class AttendanceFormSet(UniqueWithinParentFormSet):
    distinct_fields = (("person", _("This person is already listed for the meeting.")),)


class DecisionFormSet(UniqueWithinParentFormSet):
    distinct_fields = (("position", _("Two decisions of the item have the same order.")),)
