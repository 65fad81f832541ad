"""Local calendar days for a given moment: statistics and "due today" follow the learner's clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

DAY_S = 86400


def aware(now: datetime) -> datetime:
    """`now` with a timezone: a naive time is taken as local time."""
    return now if now.tzinfo is not None else now.astimezone()


def utc_offset_s(now: datetime) -> float:
    offset = aware(now).utcoffset()
    return offset.total_seconds() if offset is not None else 0.0


def day_number(ts: float, offset_s: float) -> int:
    """Days since 1970-01-01 in the zone with this UTC offset (matches the store's SQL grouping)."""
    return int((ts + offset_s) // DAY_S)


def day_date(number: int) -> date:
    return date(1970, 1, 1) + timedelta(days=number)


def end_of_day(now: datetime) -> float:
    """The Unix time at which `now`'s local day ends."""
    now = aware(now)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight + timedelta(days=1)).timestamp()
