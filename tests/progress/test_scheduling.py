"""FSRS scheduling on a fixed clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runner.progress.rating import AGAIN, EASY, GOOD, HARD
from runner.progress.scheduling import DAY, LEARNING, RELEARNING, REVIEW, Card, replay, retrievability, review
from tests.progress.helpers import T0

NOW = T0.timestamp()


def test_new_question_answered_good_enters_learning_steps() -> None:
    card = review(None, GOOD, NOW)
    assert card.state == LEARNING
    assert card.due - NOW == pytest.approx(timedelta(minutes=10).total_seconds())
    assert card.last_review == NOW


def test_new_question_answered_easy_graduates_for_days() -> None:
    card = review(None, EASY, NOW)
    assert card.state == REVIEW
    assert card.due - NOW >= 7 * DAY


def test_again_comes_back_in_a_minute() -> None:
    card = review(None, AGAIN, NOW)
    assert card.due - NOW == pytest.approx(60)


def test_intervals_grow_with_good_answers_and_reset_on_a_lapse() -> None:
    card = review(None, EASY, NOW)
    intervals = []
    for _ in range(3):
        at = card.due
        card = review(card, GOOD, at)
        intervals.append(card.due - at)
    assert intervals == sorted(intervals) and intervals[0] < intervals[-1]
    lapsed = review(card, AGAIN, card.due)
    assert lapsed.state == RELEARNING
    assert lapsed.due - card.due < DAY


def test_hard_schedules_sooner_than_good_sooner_than_easy() -> None:
    base = review(None, EASY, NOW)
    at = base.due
    dues = [review(base, r, at).due for r in (HARD, GOOD, EASY)]
    assert dues[0] < dues[1] < dues[2]


def test_replay_equals_live_updates() -> None:
    log = [(NOW, GOOD), (NOW + 700, GOOD), (NOW + 3 * DAY, AGAIN), (NOW + 3 * DAY + 700, EASY)]
    live: Card | None = None
    for at, rating in log:
        live = review(live, rating, at)
    assert replay(log) == live
    assert replay([]) is None


def test_retrievability_is_ninety_percent_when_due() -> None:
    card = review(None, EASY, NOW)
    assert retrievability(card, NOW) == pytest.approx(1.0)
    assert retrievability(card, card.due) == pytest.approx(0.9, abs=0.01)
    assert retrievability(card, card.due + 30 * DAY) < 0.9


def test_retrievability_counts_hours_not_whole_days() -> None:
    card = review(None, AGAIN, NOW)
    assert retrievability(card, NOW + 12 * 3600) < 0.9


def test_pinned_parameters_are_the_fsrs_defaults() -> None:
    """Pinned so an fsrs upgrade cannot silently reschedule; this says when the defaults moved on."""
    import fsrs

    from runner.progress.scheduling import PARAMETERS

    assert tuple(fsrs.Scheduler().parameters) == pytest.approx(PARAMETERS)
