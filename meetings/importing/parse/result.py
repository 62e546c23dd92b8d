"""The parse result: the importer's JSON contract as dataclasses."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class Attendee:
    name: str | None
    party: str | None = None
    municipality: str | None = None
    organisation: str | None = None
    title: str | None = None
    present: bool = True
    # Attendance.Group: member, serving_substitute, substitute, secretary, official, guest.
    group: str = "member"
    # Attendance.Role: chair, vice_chair, second_vice_chair or "".
    body_role: str = ""
    paragraphs: tuple[int, int] | None = None
    agenda_position: int | None = None
    side: str | None = None

    @property
    def role(self) -> str:
        """The single role word of the JSON result."""
        if self.body_role in ("chair", "vice_chair"):
            return self.body_role
        if self.body_role == "second_vice_chair":
            return "vice_chair"
        return {"serving_substitute": "substitute"}.get(self.group, self.group)

    def as_dict(self, *, full: bool = False) -> dict:
        data = {
            "name": self.name,
            "party": self.party,
            "municipality": self.municipality,
            "role": self.role,
            "title": self.title,
            "organisation": self.organisation,
            "present": self.present,
            "paragraphs": list(self.paragraphs) if self.paragraphs else None,
        }
        if full:
            data.update(
                group=self.group,
                body_role=self.body_role,
                agenda_position=self.agenda_position,
                side=self.side,
            )
        return data


@dataclass
class DecisionText:
    text: str
    kind: str

    def as_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind}


@dataclass
class Item:
    number: int | None
    position: int
    title: str
    case_number: str | None = None
    presenters: list[str] = field(default_factory=list)
    text: str = ""
    discussion: str = ""
    decisions: list[DecisionText] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @property
    def decision(self) -> str | None:
        return "\n".join(d.text for d in self.decisions) or None

    def as_dict(self, *, full: bool = False) -> dict:
        data = {
            "number": self.number,
            "position": self.position,
            "title": self.title,
            "decision": self.decision,
            "presenters": list(self.presenters),
            "text": self.text,
        }
        if full:
            data.update(
                case_number=self.case_number,
                discussion=self.discussion,
                links=list(self.links),
                decisions=[d.as_dict() for d in self.decisions],
            )
        return data


@dataclass
class SignatureText:
    name: str | None
    signed_as: str = ""
    signed_at: datetime.datetime | None = None
    reference: str = ""
    method: str = "bankid"

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "signed_as": self.signed_as,
            "signed_at": self.signed_at.isoformat(sep=" ") if self.signed_at else None,
            "reference": self.reference,
            "method": self.method,
        }


@dataclass
class ParseResult:
    body: str | None = None
    organisation: str | None = None
    record_kind: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    location: str | None = None
    mode: str | None = None
    paragraph_range: tuple[int, int] | None = None
    attendees: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    secretary_title: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment_place: str | None = None
    items: list[Item] = field(default_factory=list)
    next_meetings: list[datetime.date] = field(default_factory=list)
    signatures: list[SignatureText] = field(default_factory=list)
    # What the parser saw but could not read, in words a secretary can act on; shown in the preview.
    problems: list[str] = field(default_factory=list)

    def as_dict(self, *, full: bool = False) -> dict:
        """The result as JSON-ready data; ``full`` adds what the JSON contract leaves out."""

        def iso(value):
            return value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else value

        data = {
            "body": self.body,
            "organisation": self.organisation,
            "record_kind": self.record_kind,
            "date": self.date.isoformat() if self.date else None,
            "start_time": iso(self.start_time),
            "end_time": iso(self.end_time),
            "location": self.location,
            "paragraph_range": list(self.paragraph_range) if self.paragraph_range else None,
            "attendees": [a.as_dict(full=full) for a in self.attendees],
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": list(self.adjusters),
            "items": [i.as_dict(full=full) for i in self.items],
            "next_meetings": [d.isoformat() for d in self.next_meetings],
            "problems": list(self.problems),
        }
        if full:
            data.update(
                mode=self.mode,
                secretary_title=self.secretary_title,
                adjustment_place=self.adjustment_place,
                signatures=[s.as_dict() for s in self.signatures],
            )
        return data
