"""Parsing and grading `multi` answers."""

from __future__ import annotations

from runner.content.catalog import Catalog
from tests.kinds.helpers import g


def test_multi_needs_all_and_only_the_correct_choices(catalog: Catalog) -> None:
    qid = "slices.copy-ways"
    assert g(catalog, qid, ["A", "C"]) is True
    assert g(catalog, qid, "C, A") is True
    assert g(catalog, qid, "AC") is True
    assert g(catalog, qid, ["A"]) is False
    assert g(catalog, qid, ["A", "B", "C"]) is False


def test_shown_letters_map_to_the_bank_order(catalog: Catalog) -> None:
    from runner.kinds.answer import ChoiceAnswer
    from runner.kinds.registry import kind_of

    q = catalog.question("slices.copy-ways")
    kind = kind_of(q)
    n = len(kind.choices(q))
    order = tuple((i + 1) % n for i in range(n))  # letter A shows the bank's second choice
    shown = kind.expected_shown(q, order)
    assert shown != kind.expected(q)
    answer = kind.parse(q, shown, order)
    assert isinstance(answer, ChoiceAnswer) and answer.as_text() == kind.expected(q)
    assert kind.is_correct(q, answer)
