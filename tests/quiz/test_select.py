"""Selecting and presenting questions: filters, seeds and the shown choice order."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog, load_catalog
from runner.errors import BadInput
from runner.quiz.select import Filters, filter_questions, present
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([FIXTURES / "banks" / "valid"])


def test_same_seed_same_questions_and_choice_order(catalog: Catalog) -> None:
    pool = filter_questions(catalog, Filters())
    a = present(pool, count=5, seed=42)
    b = present(pool, count=5, seed=42)
    assert [(p.question.id, p.order) for p in a] == [(p.question.id, p.order) for p in b]
    orders = {tuple((p.question.id, p.order) for p in present(pool, count=5, seed=s)) for s in range(10)}
    assert len(orders) > 1


def test_display_letters_map_to_bank_choices(catalog: Catalog) -> None:
    q = catalog.question("slices.reslice-shares-array")
    p = present([q], count=None, seed=1)[0]
    correct_bank = 1
    shown = p.bank_to_display([correct_bank])
    assert p.display_to_bank(shown) == (correct_bank,)


def test_filters(catalog: Catalog) -> None:
    assert {q.topic for q in filter_questions(catalog, Filters(topics=("defer",)))} == {"defer"}
    assert {q.kind for q in filter_questions(catalog, Filters(kinds=("output",)))} == {"output"}
    assert all("memory" in q.tags for q in filter_questions(catalog, Filters(tags=("memory",))))
    assert {q.difficulty for q in filter_questions(catalog, Filters(difficulties=(1,)))} == {1}
    with pytest.raises(BadInput, match="unknown topic 'nope'"):
        filter_questions(catalog, Filters(topics=("nope",)))
