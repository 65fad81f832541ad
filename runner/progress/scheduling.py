"""FSRS scheduling of one question's reviews (the `fsrs` package, imported only when needed).

Fuzzing is off: the schedule is a pure function of the (time, rating) log, so a store can
rebuild any card by replaying its attempts (after an import merge or a migration) and get
exactly what live updates produced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import fsrs

LEARNING, REVIEW, RELEARNING = 1, 2, 3
DAY = 86400.0

# The FSRS-6 default weights, pinned here rather than taken from whatever fsrs release is
# installed: a new default in a minor release would otherwise silently change every rebuilt
# schedule. PARAMETERS[20] is the forgetting curve's decay (used without importing fsrs).
PARAMETERS: tuple[float, ...] = (
    0.212,
    1.2931,
    2.3065,
    8.2956,
    6.4133,
    0.8334,
    3.0194,
    0.001,
    1.8722,
    0.1666,
    0.796,
    1.4835,
    0.0614,
    0.2629,
    1.6483,
    0.6014,
    1.8729,
    0.5425,
    0.0912,
    0.0658,
    0.1542,
)
DESIRED_RETENTION = 0.9


@dataclass(frozen=True)
class Card:
    """One question's review state; times are Unix seconds (UTC)."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: float
    last_review: float | None


@cache
def _scheduler() -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(parameters=PARAMETERS, desired_retention=DESIRED_RETENTION, enable_fuzzing=False)


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def review(card: Card | None, rating: int, at: float) -> Card:
    """The card after a review with `rating` (1..4) at time `at`; None is a question never reviewed."""
    import fsrs

    when = _dt(at)
    if card is None:
        # card_id is given because fsrs otherwise sleeps 1 ms to make ids unique.
        before = fsrs.Card(card_id=1, due=when)
    else:
        before = fsrs.Card(
            card_id=1,
            state=fsrs.State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_dt(card.due),
            last_review=_dt(card.last_review) if card.last_review is not None else None,
        )
    after, _ = _scheduler().review_card(before, fsrs.Rating(rating), review_datetime=when)
    return Card(
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due.timestamp(),
        last_review=after.last_review.timestamp() if after.last_review else None,
    )


def replay(reviews: Iterable[tuple[float, int]]) -> Card | None:
    """The card after every (time, rating) review in order; None when there were none."""
    card: Card | None = None
    for at, rating in reviews:
        card = review(card, rating, at)
    return card


def retrievability(card: Card, now: float) -> float:
    """Predicted probability of recalling the question at `now` (the FSRS forgetting curve).

    Elapsed time is fractional days here, unlike fsrs.Scheduler.get_card_retrievability which
    truncates to whole days and so reports 100% for anything answered (even wrongly) today.
    """
    if card.stability is None or card.last_review is None or card.stability <= 0:
        return 0.0
    decay = -PARAMETERS[20]
    factor = 0.9 ** (1 / decay) - 1  # R = 90% when elapsed days equal the stability
    days = max(0.0, (now - card.last_review) / DAY)
    return float((1 + factor * days / card.stability) ** decay)
