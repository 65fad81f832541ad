"""`quiz --weak`: which questions to drill, on a fixed clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from runner.progress.attempts import NullRecorder
from runner.progress.store import ProgressStore
from runner.quiz.weak import group_accuracies, weak_question_ids
from tests.progress.helpers import T0, Clock, attempt, catalog, make_store


def _answer(store: ProgressStore, qid: str, right: bool, times: int = 1) -> None:
    for _ in range(times):
        store.record_question(attempt(qid, correct=right))


def test_nothing_answered_recently_means_nothing_weak(tmp_path: Path) -> None:
    clock = Clock(T0 - timedelta(days=40))
    with make_store(tmp_path, clock) as store:
        _answer(store, "alpha.two", False, 3)
        assert weak_question_ids(catalog(), store, now=T0) == []
    assert weak_question_ids(catalog(), NullRecorder(), now=T0) == []


def test_weakest_topic_first_with_its_unseen_questions(tmp_path: Path) -> None:
    clock = Clock(T0 - timedelta(days=40))
    with make_store(tmp_path, clock) as store:
        _answer(store, "beta.two", False, 5)  # long ago: no longer says beta is weak
        clock.now = T0 - timedelta(days=1)
        _answer(store, "alpha.two", False, 4)
        _answer(store, "alpha.three", False)
        _answer(store, "alpha.three", True)
        _answer(store, "beta.two", True, 4)
        _answer(store, "beta.one", True, 2)
        tallies = store.question_tallies((T0 - timedelta(days=30)).timestamp())
        groups = {g.group: g for g in group_accuracies(catalog(), tallies)}
        assert (groups["topic:alpha"].answered, groups["topic:alpha"].right) == (6, 1)
        assert groups["topic:alpha"].smoothed < groups["tag:shared"].smoothed < groups["topic:beta"].smoothed
        ids = weak_question_ids(catalog(), store, now=T0)
        # own accuracy orders within the group: alpha.two (0%) before the unseen and the half-right (50%)
        assert ids == ["alpha.two", "alpha.four", "alpha.one", "alpha.three"]
        assert weak_question_ids(catalog(), store, now=T0, topics=("beta",)) == []


def test_a_weak_tag_pulls_in_questions_from_other_topics(tmp_path: Path) -> None:
    with make_store(tmp_path, Clock(T0 - timedelta(hours=1))) as store:
        _answer(store, "alpha.one", False, 3)  # tagged "shared"
        _answer(store, "alpha.two", True, 10)
        _answer(store, "alpha.three", True, 10)
        _answer(store, "beta.two", True, 10)
        ids = weak_question_ids(catalog(), store, now=T0)
        assert ids[0] == "alpha.one"
        assert set(ids) == {"alpha.one", "beta.one"}


def test_when_nothing_is_under_the_bar_the_single_worst_group_is_drilled(tmp_path: Path) -> None:
    with make_store(tmp_path, Clock(T0 - timedelta(hours=1))) as store:
        _answer(store, "alpha.two", True, 20)
        _answer(store, "beta.two", True, 19)
        _answer(store, "beta.two", False, 1)
        # beta's one slip makes it the worst group; its unseen questions (50%) come before beta.two (95%)
        assert weak_question_ids(catalog(), store, now=T0) == ["beta.one", "beta.three", "beta.two"]
