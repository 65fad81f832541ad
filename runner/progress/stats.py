"""`gokata stats`: per-topic accuracy, mastery and due counts, katas, streak and recent days.

Attempt counts come from SQL aggregates over indexed columns (fast on 100,000 attempts); only
the per-question review cards (one row per question seen) are walked in Python.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from runner.content.outline import Outline, outline_of
from runner.progress.days import DAY_S, aware, day_date, day_number, end_of_day, utc_offset_s
from runner.progress.due import forecast
from runner.progress.scheduling import REVIEW, retrievability
from runner.progress.store import ProgressStore

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.content.models import Lang

MASTERED_ABOVE = 0.9  # recall probability above which a graduated question counts as mastered
HISTORY_DAYS = 14


@dataclass(frozen=True)
class TopicStats:
    topic: str
    title: str
    questions: int  # in the current bank (0 for a topic whose bank is gone)
    answered: int  # attempts, including questions since removed
    right: int
    accuracy: float | None  # right / answered; None before the first answer
    mastered: int  # questions graduated to review with recall probability above 90% now
    mastery: float | None  # mastered / questions
    due_today: int  # seen questions due by the end of the local day
    unseen: int


@dataclass(frozen=True)
class DayStats:
    date: str  # ISO date, local
    answered: int
    right: int


@dataclass(frozen=True)
class Stats:
    generated_at: str
    topics: tuple[TopicStats, ...]
    days: tuple[DayStats, ...]  # the last HISTORY_DAYS local days, oldest first
    answered: int
    right: int
    due_today: int
    katas_passed: int
    katas_attempted: int
    kata_runs: int
    streak: int  # consecutive local days with practice, ending today (or yesterday, if not yet today)
    best_streak: int
    forecast: tuple[int, ...] = ()  # reviews falling due on each of the next 7 local days (today: with overdue)

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answered if self.answered else None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["topics"] = [asdict(t) for t in self.topics]
        data["days"] = [asdict(d) for d in self.days]
        data["accuracy"] = self.accuracy
        return data


def streaks(days_newest_first: list[int], today: int) -> tuple[int, int]:
    """(current, best) runs of consecutive days; today without practice yet does not break the run."""
    days = set(days_newest_first)
    start = today if today in days else today - 1
    current = 0
    while start - current in days:
        current += 1
    best = run = 0
    previous: int | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day == previous + 1 else 1
        best = max(best, run)
        previous = day
    return current, best


def compute_stats(content: Outline | Catalog, store: ProgressStore, *, now: datetime, lang: Lang = "en") -> Stats:
    outline = content if isinstance(content, Outline) else outline_of(content)
    now = aware(now)
    now_ts, day_end, offset = now.timestamp(), end_of_day(now), utc_offset_s(now)
    today = day_number(now_ts, offset)
    cards = store.cards()
    tallies = store.topic_tallies()

    topics: list[TopicStats] = []
    for bank in outline.banks:
        answered, right = tallies.get(bank.topic, (0, 0))
        mastered = due = unseen = 0
        for q in bank.questions:
            card = cards.get(q.id)
            if card is None:
                unseen += 1
                continue
            if card.due <= day_end:
                due += 1
            if card.state == REVIEW and retrievability(card, now_ts) > MASTERED_ABOVE:
                mastered += 1
        n = len(bank.questions)
        topics.append(
            TopicStats(
                bank.topic,
                bank.title.get(lang),
                n,
                answered,
                right,
                right / answered if answered else None,
                mastered,
                mastered / n if n else None,
                due,
                unseen,
            )
        )
    for topic in sorted(set(tallies) - {b.topic for b in outline.banks}):
        answered, right = tallies[topic]
        topics.append(TopicStats(topic, topic, 0, answered, right, right / answered, 0, None, 0, 0))

    first_day = today - HISTORY_DAYS + 1
    daily = store.daily_tallies(first_day * DAY_S - offset, offset)
    days = tuple(DayStats(day_date(d).isoformat(), *daily.get(d, (0, 0))) for d in range(first_day, today + 1))
    current, best = streaks(store.active_days(offset), today)
    passed, attempted, runs = store.kata_tallies()
    return Stats(
        generated_at=now.isoformat(timespec="seconds"),
        topics=tuple(topics),
        days=days,
        answered=sum(t.answered for t in topics),
        right=sum(t.right for t in topics),
        due_today=sum(t.due_today for t in topics),
        katas_passed=passed,
        katas_attempted=attempted,
        kata_runs=runs,
        streak=current,
        best_streak=best,
        forecast=forecast(outline, store, now=now),
    )
