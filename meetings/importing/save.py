"""Step 4: a parse result (as reviewed by the secretary) into a draft meeting."""

from __future__ import annotations

import datetime
import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation, Party, Person
from members.services import person_add_spelling, person_create, unique_slug

from ..models import AgendaItem, AgendaItemLink, Attendance, Body, Decision, Meeting, Signature
from ..services import agenda_items_link_cases, agenda_items_refresh_search_document
from . import ImportProblem
from .match import names_match
from .parse import decision_kind, text_prepare
from .places import is_municipality

_GROUPS = {choice for choice, _label in Attendance.Group.choices}
_ROLE_TO_GROUP = {
    "chair": "member",
    "vice_chair": "member",
    "member": "member",
    "substitute": "substitute",
    "secretary": "secretary",
    "official": "official",
    "guest": "guest",
}


def text_fingerprint(text: str) -> str:
    """The same for two copies of a document that differ only in spacing, case or line breaks."""
    words = " ".join(line.strip() for line in text_prepare(text) if line.strip()).casefold().split()
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def meeting_find_imported(*, fingerprint: str = "", body: Body | None = None, date=None) -> Meeting | None:
    """The meeting that already holds this document (same fingerprint, or same body and date)."""
    if fingerprint:
        meeting = Meeting.objects.filter(source_fingerprint=fingerprint).select_related("body").first()
        if meeting:
            return meeting
    if body is not None and date is not None:
        return Meeting.objects.filter(body=body, date=date).select_related("body").first()
    return None


def meeting_duplicate_message(meeting: Meeting) -> str:
    """What to tell a secretary who imports a protocol the archive already holds."""
    return _(
        "This protocol is already in the archive: %(meeting)s (meeting %(pk)s). Nothing was imported."
    ) % {
        "meeting": meeting,
        "pk": meeting.pk,
    }


def result_names(data: dict) -> list[str]:
    """Every person's name in a result: attendees, chair, secretary, adjusters, presenters, signers."""
    names = [a.get("name") for a in data.get("attendees", [])]
    names += [data.get("chair"), data.get("secretary"), *data.get("adjusters", [])]
    for item in data.get("items", []):
        names += item.get("presenters", [])
    names += [s.get("name") for s in data.get("signatures", [])]
    return [name for name in dict.fromkeys(n.strip() for n in names if n and n.strip())]


def people_uncertain(*, data: dict, chosen: dict[str, Person | None]) -> list[str]:
    """Names that match someone only approximately and that the secretary has not decided on."""
    matches = names_match(names=[n for n in result_names(data) if n not in chosen])
    return [name for name, match in matches.items() if not match.certain]


def _people(data: dict, chosen: dict[str, Person | None]) -> dict[str, Person]:
    names = result_names(data)
    matches = names_match(names=[n for n in names if n not in chosen])
    uncertain = [name for name, match in matches.items() if not match.certain]
    if uncertain:
        raise ImportProblem(
            _("Confirm who these are before saving (an existing person or a new one): %(names)s")
            % {"names": ", ".join(uncertain)}
        )
    people: dict[str, Person] = {}
    for name in names:
        person = chosen[name] if name in chosen else matches[name].exact
        if person is None:
            person = person_create(name=name)
        else:
            person = person_add_spelling(person=person, spelling=name)
        people[name] = person
    return people


def _organisation(name: str | None, *, municipality: bool) -> Organisation | None:
    name = " ".join((name or "").split())[:200]
    if not name:
        return None
    # "Göteborgsregionen/FoU i Väst": the most specific part the archive knows, else the name as printed.
    parts = [part.strip() for part in name.split("/") if part.strip()]
    for candidate in [name, *reversed(parts if len(parts) > 1 else [])]:
        existing = Organisation.objects.named(candidate).first()
        if existing:
            return existing
    kind = (
        Organisation.Kind.MUNICIPALITY if municipality or is_municipality(name) else Organisation.Kind.OTHER
    )
    organisation = Organisation(name=name, kind=kind, slug=unique_slug(Organisation, name))
    organisation.full_clean()
    organisation.save()
    return organisation


def _party(abbreviation: str | None) -> Party | None:
    abbreviation = (abbreviation or "").strip()[:10]
    if not abbreviation:
        return None
    party = Party.objects.filter(abbreviation__iexact=abbreviation).first()
    return party or Party.objects.create(abbreviation=abbreviation)


def _time(value):
    if value in (None, "") or isinstance(value, datetime.time):
        return value or None
    return datetime.time.fromisoformat(str(value))


def _date(value):
    if value in (None, "") or isinstance(value, datetime.date):
        return value or None
    return datetime.date.fromisoformat(str(value))


@transaction.atomic
def meeting_import(
    *,
    data: dict,
    body: Body,
    date: datetime.date,
    people: dict[str, Person | None] | None = None,
    fingerprint: str = "",
) -> Meeting:
    """Saves a parse result as a draft meeting of ``body`` on ``date``.

    ``people`` maps spelled names to the person the secretary chose (``None``: a new person).
    Other names are resolved when certain; an unconfirmed approximate match raises ImportProblem,
    and so does a document or a body and date already in the archive.
    """
    duplicate = meeting_find_imported(fingerprint=fingerprint, body=body, date=date)
    if duplicate is not None:
        raise ImportProblem(meeting_duplicate_message(duplicate))
    persons = _people(data, people or {})

    def person(name):
        return persons.get(name.strip()) if name and name.strip() else None

    mode = data.get("mode") or ""
    meeting = Meeting(
        body=body,
        date=date,
        start_time=_time(data.get("start_time")),
        end_time=_time(data.get("end_time")),
        location=(data.get("location") or "")[:200],
        mode=mode if mode in Meeting.Mode.values else "",
        record_kind=data.get("record_kind") or Meeting.RecordKind.PROTOCOL,
        status=Meeting.Status.DRAFT,
        chair=person(data.get("chair")),
        secretary=person(data.get("secretary")),
        secretary_title=(data.get("secretary_title") or "")[:200],
        adjustment_place=(data.get("adjustment_place") or "")[:200],
        next_meeting_dates=sorted({_date(d) for d in data.get("next_meetings", []) if d}),
        source_fingerprint=fingerprint,
    )
    meeting.full_clean()
    meeting.save()
    meeting.adjusters.set([persons[n] for n in data.get("adjusters", []) if n and n.strip() in persons])

    seen: set[int] = set()
    for position, attendee in enumerate(data.get("attendees", []), start=1):
        who = person(attendee.get("name"))
        if who is not None and who.pk in seen:
            continue
        role = attendee.get("role") or "member"
        group = (
            attendee.get("group") if attendee.get("group") in _GROUPS else _ROLE_TO_GROUP.get(role, "member")
        )
        body_role = attendee.get("body_role")
        if body_role is None:
            body_role = role if role in ("chair", "vice_chair") else ""
        if who is None and group not in ("member", "substitute"):
            continue
        paragraphs = attendee.get("paragraphs") or [None, None]
        attendance = Attendance(
            meeting=meeting,
            person=who,
            group=group,
            present=bool(attendee.get("present", True)),
            role=body_role if body_role in Attendance.Role.values else "",
            title=(attendee.get("title") or "")[:200],
            party=_party(attendee.get("party")),
            organisation=_organisation(attendee.get("municipality"), municipality=True)
            or _organisation(attendee.get("organisation"), municipality=False),
            side=(attendee.get("side") or "")[:100],
            paragraph_from=paragraphs[0],
            paragraph_to=paragraphs[1] if paragraphs[0] is not None else None,
            agenda_position=attendee.get("agenda_position"),
            position=position,
        )
        attendance.full_clean()
        attendance.save()
        if who is not None:
            seen.add(who.pk)

    _items_save(meeting=meeting, items=data.get("items", []), persons=persons)

    for signature in data.get("signatures", []):
        signed_at = signature.get("signed_at")
        if isinstance(signed_at, str) and signed_at:
            signed_at = datetime.datetime.fromisoformat(signed_at)
        if isinstance(signed_at, datetime.datetime) and timezone.is_naive(signed_at):
            signed_at = timezone.make_aware(signed_at)
        record = Signature(
            meeting=meeting,
            person=person(signature.get("name")),
            signed_as=(signature.get("signed_as") or "")[:300],
            signed_at=signed_at or None,
            method=signature.get("method") or Signature.Method.BANKID,
            reference=(signature.get("reference") or "")[:200],
        )
        record.full_clean()
        record.save()
    return meeting


def _items_save(*, meeting: Meeting, items: list[dict], persons: dict[str, Person]) -> None:
    """The meeting's agenda items with their decisions, presenters and links, in a few bulk writes.

    A council's year of paragraphs is thousands of items: one INSERT per table, not per row. Each row
    is validated field by field first; numbers and positions are unique by construction (a repeated §
    number is saved without a number), so no per-row uniqueness query is needed.
    """
    records: list[AgendaItem] = []
    used_numbers: set[int] = set()
    for position, data_item in enumerate(items, start=1):
        number = data_item.get("number")
        if number in used_numbers:
            number = None
        item = AgendaItem(
            meeting=meeting,
            number=number,
            position=position,
            title=(data_item.get("title") or "–")[:500],
            case_number=(data_item.get("case_number") or "")[:100],
            summary=data_item.get("text") or "",
            discussion=data_item.get("discussion") or "",
        )
        item.full_clean(validate_unique=False, validate_constraints=False)
        records.append(item)
        if number is not None:
            used_numbers.add(number)
    AgendaItem.objects.bulk_create(records, batch_size=1000)

    presenters, links, decisions = [], [], []
    Presenter = AgendaItem.presenters.through
    for item, data_item in zip(records, items, strict=True):
        chosen = dict.fromkeys(
            persons[n] for n in data_item.get("presenters", []) if n and n.strip() in persons
        )
        presenters += [Presenter(agendaitem_id=item.pk, person_id=person.pk) for person in chosen]
        for order, url in enumerate(dict.fromkeys(data_item.get("links", [])), start=1):
            link = AgendaItemLink(agenda_item=item, url=url[:1000], position=order)
            try:
                link.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError:
                continue  # An address the parser took for a link but that is none is left in the text.
            links.append(link)
        item_decisions = data_item.get("decisions")
        if item_decisions is None:
            text = (data_item.get("decision") or "").strip()
            item_decisions = (
                [{"text": text, "kind": data_item.get("decision_kind") or decision_kind(text)}]
                if text
                else []
            )
        order = 0
        for decision in item_decisions:
            text = (decision.get("text") or "").strip()
            if not text:
                continue
            order += 1
            kind = (
                decision.get("kind") if decision.get("kind") in Decision.Kind.values else decision_kind(text)
            )
            record = Decision(agenda_item=item, kind=kind, text=text, position=order)
            record.full_clean(validate_unique=False, validate_constraints=False)
            decisions.append(record)
    Presenter.objects.bulk_create(presenters, batch_size=1000)
    AgendaItemLink.objects.bulk_create(links, batch_size=1000)
    Decision.objects.bulk_create(decisions, batch_size=1000)
    # bulk_create sends no signals: the search text of decisions and presenters is written here.
    agenda_items_refresh_search_document(item_ids=[item.pk for item in records])
    agenda_items_link_cases(item_ids=[item.pk for item in records if item.case_number])


def body_guess(name: str | None) -> Body | None:
    """The body a parsed name refers to, when exactly one body is called that."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip()
    bodies = list(Body.objects.filter(name__iexact=name)[:2]) or list(
        Body.objects.filter(short_name__iexact=name)[:2]
    )
    return bodies[0] if len(bodies) == 1 else None
