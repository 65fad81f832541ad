"""What `gokata review` asks: due questions first, then a budget of new ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import chain, zip_longest
from typing import TYPE_CHECKING, Protocol, TypeVar

from runner.errors import BadInput
from runner.progress.days import aware, end_of_day
from runner.progress.scheduling import REVIEW, Card, retrievability
from runner.progress.store import ProgressStore

if TYPE_CHECKING:  # `stats` and `review` choose from the banks' outline, without the content models
    from runner.content.catalog import Catalog
    from runner.content.outline import Outline, QuestionOutline


class _Ordered(Protocol):
    @property
    def topic(self) -> str: ...
    @property
    def difficulty(self) -> int: ...


Q = TypeVar("Q", bound=_Ordered)


def is_due(card: Card, now_ts: float, day_end: float) -> bool:
    """Graduated cards are due for the whole local day they fall on (a card due tonight can be done in
    the morning); cards still in learning steps (minutes apart) only once their time has come."""
    return card.due <= (day_end if card.state == REVIEW else now_ts)


def _in_scope(content: Catalog | Outline, topics: Sequence[str]) -> list[QuestionOutline]:
    from runner.content.outline import Outline, outline_of

    outline = content if isinstance(content, Outline) else outline_of(content)
    for topic in topics:
        outline.bank(topic)  # an unknown topic is BadInput naming the known ones
    wanted = set(topics)
    # A follow-up item (`follows` set) is asked by `gokata interview`, never reviewed on its own.
    return [q for q in outline.questions if (not wanted or q.topic in wanted) and q.follows is None]


def new_order(questions: Sequence[Q]) -> list[Q]:
    """Unseen questions easiest first, taking turns between topics so one bank does not crowd out the rest."""
    by_topic: dict[str, list[Q]] = {}
    for q in questions:
        by_topic.setdefault(q.topic, []).append(q)
    queues = [sorted(qs, key=lambda q: q.difficulty) for qs in by_topic.values()]
    return [q for q in chain.from_iterable(zip_longest(*queues)) if q is not None]


def due_questions(
    catalog: Catalog | Outline,
    store: ProgressStore,
    *,
    now: datetime,
    topics: Sequence[str] = (),
    limit: int = 20,
    new: int = 10,
    cram: bool = False,
) -> list[str]:
    """Question ids for one review session, in the order to ask them.

    Seen questions come first, the least likely to be recalled first: those due now, or with
    `cram` every seen question whatever its due date. Then up to `new` questions never seen.
    At most `limit` in all. Questions removed from the banks are never offered (their history stays).
    """
    if limit < 1:
        raise BadInput(f"--limit must be 1 or more, got {limit}")
    if new < 0:
        raise BadInput(f"--new must be 0 or more, got {new}")
    now = aware(now)
    now_ts, day_end = now.timestamp(), end_of_day(now)
    cards = store.cards()
    suspended = store.suspended()
    scope = [q for q in _in_scope(catalog, topics) if q.id not in suspended]
    seen = [q for q in scope if q.id in cards]
    if not cram:
        seen = [q for q in seen if is_due(cards[q.id], now_ts, day_end)]
    seen.sort(key=lambda q: (retrievability(cards[q.id], now_ts), cards[q.id].due, q.id))
    fresh = new_order([q for q in scope if q.id not in cards])[:new]
    return [q.id for q in (seen + fresh)[:limit]]


def next_due(catalog: Catalog | Outline, store: ProgressStore, *, topics: Sequence[str] = ()) -> datetime | None:
    """When the next seen question in scope falls due (UTC); None when none has been seen."""
    cards = store.cards()
    suspended = store.suspended()
    dues = [cards[q.id].due for q in _in_scope(catalog, topics) if q.id in cards and q.id not in suspended]
    return datetime.fromtimestamp(min(dues), UTC) if dues else None


def forecast(catalog: Catalog | Outline, store: ProgressStore, *, now: datetime, days: int = 7) -> tuple[int, ...]:
    """How many seen questions fall due on each of the next `days` local days; today's count
    includes everything overdue. Suspended questions and questions no longer in the banks are left out."""
    now = aware(now)
    cards = store.cards()
    suspended = store.suspended()
    ends = [end_of_day(now + timedelta(days=d)) for d in range(days)]
    counts = [0] * days
    for q in catalog.questions:
        card = cards.get(q.id)
        if card is None or q.id in suspended:
            continue
        for d, end in enumerate(ends):
            if card.due <= end:
                counts[d] += 1
                break
    return tuple(counts)
