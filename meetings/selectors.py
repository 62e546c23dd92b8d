from django.db.models import Max

from .models import AgendaItem, Body, Meeting


def body_next_paragraph_number(*, body: Body, exclude_meeting: Meeting | None = None) -> int:
    """The next free § number of a body: numbering runs on through the body's meetings."""
    items = AgendaItem.objects.filter(meeting__body=body)
    if exclude_meeting is not None and exclude_meeting.pk:
        items = items.exclude(meeting=exclude_meeting)
    highest = items.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def meeting_next_item_numbers(*, meeting: Meeting | None, body: Body | None, count: int) -> list[dict]:
    """Initial § numbers and positions for ``count`` new agenda items of a meeting.

    A record of notes gets positions only; a protocol continues from the highest § number of the
    meeting, or of the body when the meeting has none yet.
    """
    existing = (
        AgendaItem.objects.filter(meeting=meeting) if meeting and meeting.pk else AgendaItem.objects.none()
    )
    aggregate = existing.aggregate(number=Max("number"), position=Max("position"))
    next_position = (aggregate["position"] or 0) + 1
    numbered = not (meeting and meeting.record_kind == Meeting.RecordKind.NOTES)
    if aggregate["number"] is not None:
        next_number = aggregate["number"] + 1
    elif body is not None and numbered:
        next_number = body_next_paragraph_number(body=body, exclude_meeting=meeting)
    else:
        next_number = None
    return [
        {
            "position": next_position + offset,
            "number": next_number + offset if next_number is not None and numbered else None,
        }
        for offset in range(count)
    ]
