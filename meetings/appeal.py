"""The appeal period of a protocol: three weeks from the day its adjustment was posted.

Kommunallagen (2017:725) 13 kap. 5 § gives three weeks from the day the notice of adjustment was
posted on the notice board. When the last day falls on a Saturday, Sunday or public holiday, or on
midsommarafton, julafton or nyårsafton, the period runs to the next weekday (lag (1930:173) om
beräkning av lagstadgad tid). The holidays come from the ``holidays`` package: its public Swedish
holidays and the three de facto ones the law names.
"""

import datetime
from functools import lru_cache

import holidays

APPEAL_PERIOD = datetime.timedelta(weeks=3)
# The latest day after adjustment on which the adjustment should be posted; later is allowed, with a warning.
POSTING_DAYS_AFTER_ADJUSTMENT = 2


@lru_cache(maxsize=64)
def _swedish_days_off(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.Sweden(years=year, categories=("public", "de_facto"), include_sundays=False))


def is_day_off(day: datetime.date) -> bool:
    """Whether a time limit ending on ``day`` moves to the next weekday."""
    return day.weekday() >= 5 or day in _swedish_days_off(day.year)


def next_weekday(day: datetime.date) -> datetime.date:
    """``day`` itself when it is a weekday that is no holiday, else the first such day after it."""
    while is_day_off(day):
        day += datetime.timedelta(days=1)
    return day


def appeal_period_end(posted_on: datetime.date) -> datetime.date:
    """The last day on which a decision of a protocol posted on ``posted_on`` can be appealed."""
    return next_weekday(posted_on + APPEAL_PERIOD)


def posting_date_latest(adjusted_on: datetime.date) -> datetime.date:
    """The latest posting date the admin proposes: the second day after adjustment."""
    return adjusted_on + datetime.timedelta(days=POSTING_DAYS_AFTER_ADJUSTMENT)
