"""What `gokata quiz --weak` drills (and `gokata interview` asks first): the questions of the
topics and tags answered worst lately, read from the progress store."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from runner.content.catalog import Catalog
from runner.content.models import AnyQuestion
from runner.errors import BadInput
from runner.progress.attempts import Recorder
from runner.progress.days import aware
from runner.progress.store import ProgressStore, QuestionTally

WINDOW = timedelta(days=30)  # "recent": answers older than this no longer say what is weak now
PRIOR_ACCURACY = 0.75  # a group with few answers is pulled towards this, so one slip is not "weakest"
PRIOR_WEIGHT = 2.0
WEAK_BELOW = 0.8  # groups under this smoothed accuracy are weak; with none, the single worst group is


@dataclass(frozen=True)
class GroupAccuracy:
    """A topic ("topic:defer") or tag ("tag:closures") and its recent answers."""

    group: str
    answered: int
    right: int

    @property
    def smoothed(self) -> float:
        return (self.right + PRIOR_ACCURACY * PRIOR_WEIGHT) / (self.answered + PRIOR_WEIGHT)


def group_accuracies(catalog: Catalog, tallies: dict[str, QuestionTally]) -> list[GroupAccuracy]:
    """Recent accuracy per topic and per tag of the current banks, weakest first."""
    answered: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for q in catalog.questions:
        tally = tallies.get(q.id)
        if tally is None:
            continue
        for group in (f"topic:{q.topic}", *(f"tag:{t}" for t in q.tags)):
            answered[group] += tally.answered
            right[group] += tally.right
    groups = [GroupAccuracy(g, answered[g], right[g]) for g in answered]
    groups.sort(key=lambda g: (g.smoothed, g.group))
    return groups


def weak_question_ids(
    catalog: Catalog,
    store: Recorder,
    *,
    now: datetime | None = None,
    topics: tuple[str, ...] = (),
) -> list[str]:
    """Question ids to drill, weakest first; [] when nothing was answered in the last 30 days.

    Weak groups are the topics and tags whose smoothed recent accuracy is under 80% (or, when
    none is, the single worst one). Every question in a weak group is drilled, unseen ones
    included; a question is ordered by its weakest group, then by its own recent accuracy
    (unseen questions count as 50%), then by id. `topics` restricts the result to those topics.
    A recorder that keeps nothing (NullRecorder) has no history: []. `now` defaults to the current time.
    """
    if not isinstance(store, ProgressStore):
        return []
    since = (aware(now or datetime.now(UTC)) - WINDOW).timestamp()
    tallies = store.question_tallies(since)
    groups = group_accuracies(catalog, tallies)
    if not groups:
        return []
    weak = [g for g in groups if g.smoothed < WEAK_BELOW] or groups[:1]
    rank = {g.group: g.smoothed for g in weak}
    picked: list[tuple[float, float, str]] = []
    for q in catalog.questions:
        if topics and q.topic not in topics:
            continue
        scores = [rank[g] for g in (f"topic:{q.topic}", *(f"tag:{t}" for t in q.tags)) if g in rank]
        if not scores:
            continue
        tally = tallies.get(q.id)
        own = tally.right / tally.answered if tally else 0.5
        picked.append((min(scores), own, q.id))
    picked.sort()
    return [qid for _, _, qid in picked]


def order_by_weakness(catalog: Catalog, pool: list[AnyQuestion], recorder: Recorder) -> list[AnyQuestion]:
    """`quiz --weak`: the pool, weakest topics and tags first (see `weak_question_ids`)."""
    ranked = weak_question_ids(catalog, recorder)
    if not ranked:
        raise BadInput("--weak needs some answers to go on: practise with `gokata quiz` first, then come back")
    allowed = {q.id for q in pool}
    by_id = catalog.by_id()
    return [by_id[i] for i in ranked if i in allowed]
