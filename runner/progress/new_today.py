"""How many questions the learner met for the first time today: what the daily new-question
budget (the `new_per_day` setting) has already spent."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from runner.progress.days import day_number, utc_offset_s

if TYPE_CHECKING:
    from runner.progress.store import ProgressStore


def introduced_today(store: ProgressStore, now: datetime) -> int:
    """Question ids whose first recorded answer falls on `now`'s local day."""
    offset = utc_offset_s(now)
    today = day_number(now.timestamp(), offset)
    first: dict[str, float] = {}
    for row in store.question_rows():  # oldest first
        first.setdefault(str(row["question_id"]), float(row["at"]))
    return sum(1 for at in first.values() if day_number(at, offset) == today)


def new_left_today(per_day: int, *, now: datetime | None = None) -> int:
    """The rest of today's budget of never-seen questions (0 when spent or when the store cannot be read)."""
    from runner.errors import GokataError
    from runner.progress.store import open_store

    now = now or datetime.now().astimezone()
    try:
        with open_store() as store:
            return max(0, per_day - introduced_today(store, now))
    except GokataError:
        return per_day  # review itself reports the store's problem
