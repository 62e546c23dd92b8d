"""Dates and times in Swedish text: "2024-01-23", "26 februari 2021", "kl. 13.00–15.00"."""

from __future__ import annotations

import datetime
import re

from .shapes import _MONTHS

# "16.4.2018", "13.06.2016": day, month and year, as Finland-Swedish minutes write dates.
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# "26-27 januari 2002": a meeting over two days is dated by its first.
_TEXT_DATE = re.compile(
    r"\b(?:(\d{1,2})(?::e|:a)?\s*[-–]\s*)?(\d{1,2})(?::e|:a)?\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_TIME_RANGE = re.compile(
    r"(?:\bkl(?:ockan)?\.?\s*)(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:[-–—]|till)\s*(\d{1,2})(?:[.:](\d{2}))?)?"
    r"|\b(\d{1,2})[.:](\d{2})\s*(?:[-–—]|till)\s*(\d{1,2})[.:](\d{2})\b",
    re.IGNORECASE,
)


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def dates_find(text: str, *, year: int | None = None) -> list[tuple[int, datetime.date]]:
    """Dates in the text with their offsets; a date without a year only when ``year`` is known."""
    found = []
    for match in _ISO_DATE.finditer(text):
        value = _date(*match.groups())
        if value and 1900 < value.year < 2200:
            found.append((match.start(), value))
    for match in _DOTTED_DATE.finditer(text):
        day, month, match_year = match.groups()
        value = _date(match_year, month, day)
        if value and 1900 < value.year < 2200:
            found.append((match.start(), value))
    for match in _TEXT_DATE.finditer(text):
        first_day, day, month, match_year = match.groups()
        day = first_day or day
        if match_year is None and year is None:
            continue
        value = _date(match_year or year, _MONTHS[month.casefold()], day)
        if value and 1900 < value.year < 2200:
            found.append((match.start(), value))
    return sorted(found, key=lambda pair: pair[0])


def _time(hour, minute) -> datetime.time | None:
    try:
        return datetime.time(int(hour), int(minute or 0))
    except (TypeError, ValueError):
        return None


_WEEKDAY = re.compile(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b", re.IGNORECASE)


def _range(match: re.Match) -> tuple[datetime.time | None, datetime.time | None]:
    groups = match.groups()
    if groups[0] is not None:
        return _time(groups[0], groups[1]), (_time(groups[2], groups[3]) if groups[2] else None)
    return _time(groups[4], groups[5]), _time(groups[6], groups[7])


def times_find(text: str) -> tuple[datetime.time | None, datetime.time | None]:
    """Start and end time from "kl. 13.00-15.00", "kl 9-11", "13:00–14:30".

    A meeting over several days ("fredag 14.00-18.00, lördag 09.00-18.15") starts with the first
    day's range and ends with the last day's.
    """
    ranges = list(_TIME_RANGE.finditer(text))
    if not ranges:
        return None, None
    start, end = _range(ranges[0])
    if len(ranges) >= 2 and len({w.casefold() for w in _WEEKDAY.findall(text)}) >= 2:
        last_end = _range(ranges[-1])[1]
        if start and last_end:
            return start, last_end
    # "9.52–10.13 10.30–11.59 12.10–12.57": sittings one after another, the meeting is their span.
    sittings = [_range(match) for match in ranges if match.group(0)[:1].isdigit()]
    if (
        len(sittings) >= 2
        and len(sittings) == len(ranges)
        and all(a and b for a, b in sittings)
        and all(sittings[i][1] <= sittings[i + 1][0] for i in range(len(sittings) - 1))
    ):
        return sittings[0][0], sittings[-1][1]
    if start and end and end <= start:
        end = None
    return start, end
