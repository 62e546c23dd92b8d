"""The version of the public archive as a whole: what is cached per version of the archive (the
search filters' choice lists, the person and body pages) is cached under it.

Two parts, read in one query:

* the newest ``updated_at`` of any meeting (one step down the index ``meeting_updated_idx``):
  everything a meeting page shows bumps it when it is written (``meetings.signals``,
  ``services.meetings_touch``), publishing and correcting a protocol included;
* the archive's revision (:class:`~meetings.models.ArchiveRevision`), bumped by the writes that
  change lists and pages without touching a meeting: a membership, a party, an organisation, a
  body or a person saved or deleted, a meeting deleted (:func:`archive_changed`, called by the
  signals).

Both are written in the transaction of the change, so every process sees the new version when the
change commits, not before (a page rendered before the commit cannot be cached under the new
version) and not later. Today's date is part of each cache key as well: a protocol posted for a
future date becomes public on that date.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db.models import F, Subquery
from django.utils import timezone

from .models import ArchiveRevision, Meeting

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

T = TypeVar("T")


@dataclass(frozen=True)
class ArchiveVersion:
    key: tuple
    last_modified: datetime.datetime  # the newest of the two parts' times, for Last-Modified


def archive_version() -> ArchiveVersion:
    newest_meeting = Meeting.objects.order_by("-updated_at").values("updated_at")[:1]
    row = (
        ArchiveRevision.objects.filter(pk=1)
        .values_list("number", "changed_at", Subquery(newest_meeting))
        .first()
    )
    if row is None:  # no revision yet (a database emptied by a test's flush)
        row = (0, None, Meeting.objects.order_by("-updated_at").values_list("updated_at", flat=True).first())
    number, changed_at, latest = row
    times = [time for time in (changed_at, latest) if time is not None]
    return ArchiveVersion(
        key=(latest.timestamp() if latest else 0, number), last_modified=max(times, default=_EPOCH)
    )


# What is kept per version lives an hour at most; a new version never reuses an old key.
PER_VERSION_TIMEOUT = 3600


def cached_per_version(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the cache under ``name`` for this version of the archive and today
    (what is public depends on the day): a change of the archive, or midnight, computes it again."""
    latest, revision = archive_version().key
    key = f"{name}:{timezone.localdate().isoformat()}:{latest}:{revision}"
    return cache.get_or_set(key, compute, PER_VERSION_TIMEOUT)


def archive_changed() -> None:
    """Bumps the revision, in the current transaction (for writes that touch no meeting)."""
    now = timezone.now()
    if not ArchiveRevision.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        ArchiveRevision.objects.get_or_create(pk=1, defaults={"number": 1, "changed_at": now})
