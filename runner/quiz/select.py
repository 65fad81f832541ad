"""Choosing questions and fixing their presentation (order of questions and of choices).

The same seed gives the same questions in the same order with the same choice order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from runner.content.catalog import Catalog
from runner.content.models import KINDS, LETTERS, AnyQuestion
from runner.errors import BadInput
from runner.kinds.registry import choices_of


@dataclass(frozen=True)
class Filters:
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Presented:
    """A question as shown: `order[i]` is the bank index of the choice shown at letter i."""

    question: AnyQuestion
    order: tuple[int, ...] = ()

    def display_to_bank(self, letters: Iterable[str]) -> tuple[int, ...]:
        return tuple(sorted(self.order[LETTERS.index(x)] for x in letters))

    def bank_to_display(self, indices: Iterable[int]) -> tuple[str, ...]:
        return tuple(sorted(LETTERS[self.order.index(i)] for i in indices))


def filter_questions(catalog: Catalog, filters: Filters) -> list[AnyQuestion]:
    known_topics = set(catalog.topics())
    unknown = [t for t in filters.topics if t not in known_topics]
    if unknown:
        raise BadInput(
            f"unknown topic {', '.join(map(repr, unknown))}; known topics: {', '.join(sorted(known_topics))}"
        )
    bad_kinds = [k for k in filters.kinds if k not in KINDS]
    if bad_kinds:
        raise BadInput(f"unknown kind {', '.join(map(repr, bad_kinds))}; kinds: {', '.join(KINDS)}")
    by_id = catalog.by_id()
    missing = [i for i in filters.ids if i not in by_id]
    if missing:
        raise BadInput(f"unknown question id(s): {', '.join(missing)}")
    out: list[AnyQuestion] = []
    for q in catalog.questions:
        if filters.topics and q.topic not in filters.topics:
            continue
        if filters.tags and not set(filters.tags) & set(q.tags):
            continue
        if filters.difficulties and q.difficulty not in filters.difficulties:
            continue
        if filters.kinds and q.kind not in filters.kinds:
            continue
        if filters.ids and q.id not in filters.ids:
            continue
        if getattr(q, "follows", None) is not None and not filters.ids:
            continue  # a follow-up item is asked by `gokata interview`, never drawn on its own
        out.append(q)
    return out


def present(questions: Sequence[AnyQuestion], *, count: int | None, seed: int, shuffle: bool = True) -> list[Presented]:
    """Draw `count` questions (all when None) in a seeded order, choices shuffled by the same seed."""
    rng = random.Random(seed)
    pool = list(questions)
    if shuffle:
        rng.shuffle(pool)
    if count is not None:
        pool = pool[:count]
    result: list[Presented] = []
    for q in pool:
        order: tuple[int, ...] = ()
        if choices := choices_of(q):
            idx = list(range(len(choices)))
            if shuffle:
                rng.shuffle(idx)
            order = tuple(idx)
        result.append(Presented(q, order))
    return result


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)
