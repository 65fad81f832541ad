"""Choosing a review session's questions, on a fixed clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from runner.content.catalog import Catalog
from runner.errors import BadInput
from runner.progress.due import due_questions, new_order, next_due
from tests.progress.helpers import BANKS, T0, Clock, attempt, catalog, make_store

ALL_NEW = ["alpha.one", "beta.one", "alpha.four", "beta.three", "alpha.two", "beta.two", "alpha.three"]


def test_a_fresh_store_offers_new_questions_easiest_first_taking_turns_between_topics(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        assert due_questions(catalog(), store, now=T0, new=10) == ALL_NEW
        assert due_questions(catalog(), store, now=T0, new=3) == ALL_NEW[:3]
        assert due_questions(catalog(), store, now=T0, new=0) == []
        assert due_questions(catalog(), store, now=T0, new=10, limit=2) == ALL_NEW[:2]


def test_new_order_is_stable_within_a_difficulty() -> None:
    assert [q.id for q in new_order(catalog().questions)] == ALL_NEW


def test_only_due_questions_come_back_and_the_least_recalled_first(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", duration_s=2.0))  # Easy: due in days
        store.record_question(attempt("alpha.two", correct=False))  # Again: due in a minute
        store.record_question(attempt("beta.one", duration_s=30.0))  # Good: due in ten minutes
        cat = catalog()
        assert due_questions(cat, store, now=T0, new=0) == []
        assert due_questions(cat, store, now=T0 + timedelta(minutes=2), new=0) == ["alpha.two"]
        later = T0 + timedelta(minutes=11)
        assert due_questions(cat, store, now=later, new=0) == ["alpha.two", "beta.one"]
        # the graduated card is not due for days; cram takes it anyway, most recalled last
        crammed = due_questions(cat, store, now=later, new=0, cram=True)
        assert crammed == ["alpha.two", "beta.one", "alpha.one"]
        # reviews come before new questions, which fill what the limit leaves
        assert due_questions(cat, store, now=later, new=2, limit=3) == ["alpha.two", "beta.one", "alpha.four"]


def test_a_graduated_card_is_due_all_day_on_its_date(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", duration_s=2.0))
        due = store.cards()["alpha.one"].due
        due_day_morning = (T0 + timedelta(seconds=due - T0.timestamp())).replace(hour=0, minute=1)
        assert due_questions(catalog(), store, now=due_day_morning, new=0) == ["alpha.one"]
        assert due_questions(catalog(), store, now=due_day_morning - timedelta(minutes=2), new=0) == []


def test_topic_filter_and_unknown_topic(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        assert due_questions(catalog(), store, now=T0, topics=["beta"]) == ["beta.one", "beta.three", "beta.two"]
        with pytest.raises(BadInput, match="unknown topic 'gamma'"):
            due_questions(catalog(), store, now=T0, topics=["gamma"])
        with pytest.raises(BadInput):
            due_questions(catalog(), store, now=T0, limit=0)
        with pytest.raises(BadInput):
            due_questions(catalog(), store, now=T0, new=-1)


def _edited_catalog(tmp_path: Path, *, drop: str | None = None) -> Catalog:
    from runner.content.catalog import load_catalog

    folder = tmp_path / "banks"
    folder.mkdir(exist_ok=True)
    for bank in BANKS.iterdir():
        text = bank.read_text(encoding="utf-8").replace("Alpha two is false.", "Alpha two, reworded, is false.")
        if drop:
            head, _, rest = text.partition(f"  - id: {drop}\n")
            if rest:
                text = head + rest[rest.index("  - id:") :]
        (folder / bank.name).write_text(text, encoding="utf-8")
    return load_catalog([folder])


def test_question_ids_are_the_identity(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.two", correct=False))
        store.record_question(attempt("alpha.one", correct=False))
        later = T0 + timedelta(minutes=5)
        edited = _edited_catalog(tmp_path)
        assert edited.question("alpha.two").prompt.en == "Alpha two, reworded, is false."
        assert due_questions(edited, store, now=later, new=0) == ["alpha.one", "alpha.two"]
        removed = _edited_catalog(tmp_path, drop="alpha.one")
        assert "alpha.one" not in removed.by_id()
        assert due_questions(removed, store, now=later, new=0) == ["alpha.two"]
        # the removed question's history stays
        assert [r["question_id"] for r in store.question_rows()] == ["alpha.two", "alpha.one"]


def test_next_due(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        assert next_due(catalog(), store) is None
        store.record_question(attempt("alpha.one", duration_s=30.0))
        when = next_due(catalog(), store)
        assert when is not None and when == T0 + timedelta(minutes=10)
        assert next_due(catalog(), store, topics=["beta"]) is None
