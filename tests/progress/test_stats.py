"""`gokata stats` figures on a fixed clock in a non-UTC zone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from runner.progress.attempts import KataAttempt
from runner.progress.stats import HISTORY_DAYS, TopicStats, compute_stats, streaks
from tests.progress.helpers import T0, Clock, attempt, catalog, make_store


def _topic(topics: tuple[TopicStats, ...], name: str) -> TopicStats:
    return next(t for t in topics if t.topic == name)


def test_streaks() -> None:
    assert streaks([], 100) == (0, 0)
    assert streaks([100, 99, 98, 90, 89], 100) == (3, 3)
    assert streaks([99, 98], 100) == (2, 2)  # nothing yet today: the run is still alive
    assert streaks([98, 97], 100) == (0, 2)
    assert streaks([100, 50, 49, 48, 47], 100) == (1, 4)


def test_per_topic_figures(tmp_path: Path) -> None:
    clock = Clock(T0 - timedelta(hours=1))
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", duration_s=2.0))  # Easy: graduated, mastered
        store.record_question(attempt("alpha.two", correct=False))  # Again: due within the day
        store.record_question(attempt("alpha.two", mode="exam"))
        store.record_question(attempt("gone.removed", correct=None, kind="open", score=0.9))
        store.record_kata(KataAttempt("two-sum", "alpha", "fail", 0.5, 2, 4, 3.0))
        store.record_kata(KataAttempt("two-sum", "alpha", "pass", 1.0, 4, 4, 3.0))
        store.record_kata(KataAttempt("lru", "beta", "timeout", 0.0, 0, 3, 10.0))
        stats = compute_stats(catalog(), store, now=T0)

    alpha = _topic(stats.topics, "alpha")
    assert (alpha.questions, alpha.answered, alpha.right, alpha.unseen) == (4, 3, 2, 2)
    assert alpha.accuracy == 2 / 3
    assert (alpha.mastered, alpha.mastery) == (1, 0.25)
    assert alpha.due_today == 1
    assert alpha.title == "Alpha"
    beta = _topic(stats.topics, "beta")
    assert (beta.answered, beta.accuracy, beta.mastery, beta.due_today, beta.unseen) == (0, None, 0.0, 0, 3)
    gone = _topic(stats.topics, "gone")  # the bank is gone, the history stays
    assert (gone.questions, gone.answered, gone.right, gone.mastery) == (0, 1, 1, None)
    assert [t.topic for t in stats.topics] == ["alpha", "beta", "gone"]
    assert (stats.answered, stats.right, stats.due_today) == (4, 3, 1)
    assert (stats.katas_passed, stats.katas_attempted, stats.kata_runs) == (1, 2, 3)
    assert (stats.streak, stats.best_streak) == (1, 1)
    assert stats.accuracy == 0.75


def test_mastery_fades_and_cards_fall_due(tmp_path: Path) -> None:
    with make_store(tmp_path, Clock(T0)) as store:
        store.record_question(attempt("alpha.one", duration_s=2.0))
        later = compute_stats(catalog(), store, now=T0 + timedelta(days=60))
    alpha = _topic(later.topics, "alpha")
    assert (alpha.mastered, alpha.due_today) == (0, 1)


def test_days_follow_the_local_calendar(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        # T0 is 09:00 at UTC+8, so 02:00 local today is still "yesterday" in UTC
        clock.now = T0.replace(hour=2)
        store.record_question(attempt("alpha.one"))
        clock.now = T0 - timedelta(days=1)
        store.record_question(attempt("alpha.two", correct=False))
        clock.now = T0 - timedelta(days=2)
        store.record_question(attempt("beta.one"))
        store.record_question(attempt("beta.three"))
        for back in range(30, 35):
            clock.now = T0 - timedelta(days=back)
            store.record_question(attempt("beta.two"))
        stats = compute_stats(catalog(), store, now=T0)
    assert len(stats.days) == HISTORY_DAYS
    assert stats.days[-1].date == "2026-03-10"
    assert [(d.answered, d.right) for d in stats.days[-3:]] == [(2, 2), (1, 0), (1, 1)]
    assert sum(d.answered for d in stats.days) == 4
    assert (stats.streak, stats.best_streak) == (3, 5)


def test_json_shape(tmp_path: Path) -> None:
    with make_store(tmp_path, Clock()) as store:
        store.record_question(attempt("alpha.one"))
        data = compute_stats(catalog(), store, now=T0).to_json()
    assert set(data) >= {"topics", "days", "answered", "accuracy", "due_today", "katas_passed", "streak"}
    topics = data["topics"]
    assert isinstance(topics, list)
    assert set(topics[0]) == {
        "topic",
        "title",
        "questions",
        "answered",
        "right",
        "accuracy",
        "mastered",
        "mastery",
        "due_today",
        "unseen",
    }
