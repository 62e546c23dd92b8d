from django.db import models, transaction
from django.utils.text import slugify

from .models import Person


def unique_slug(model: type[models.Model], text: str, *, exclude_pk=None, field: str = "slug") -> str:
    """A slug for ``text`` that no other row of ``model`` has: ``kent-lagrell``, ``kent-lagrell-2``…"""
    max_length = model._meta.get_field(field).max_length
    base = (slugify(text) or "x")[: max_length - 4].strip("-")
    candidate, n = base, 1
    others = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager.all()
    while others.filter(**{field: candidate}).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def person_create(*, name: str, alternative_names: list[str] | None = None) -> Person:
    """Creates a person with a unique slug; raises ValidationError for an empty name."""
    name = " ".join(name.split())
    person = Person(name=name, alternative_names=alternative_names or [])
    person.slug = unique_slug(Person, name)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_add_spelling(*, person: Person, spelling: str) -> Person:
    """Records another spelling of the person's name, unless it is already known."""
    spelling = " ".join(spelling.split())
    known = {name.casefold() for name in person.all_names}
    if spelling and spelling.casefold() not in known:
        person.alternative_names = [*person.alternative_names, spelling]
        person.full_clean()
        person.save(update_fields=["alternative_names"])
    return person
