"""Anki's habits: suspend and unsuspend, undo the last rating, the 7-day forecast."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from runner.progress.due import due_questions, forecast
from runner.progress.store import open_store
from tests.cli_helpers import run_cli
from tests.progress.helpers import BANKS, attempt, catalog


@pytest.fixture(autouse=True)
def _banks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))


NOW = datetime(2026, 12, 5, 9, 0).astimezone()


def test_a_suspended_question_is_not_reviewed_until_unsuspended() -> None:
    with open_store() as store:
        store.record_question(attempt("alpha.one", mode="review", correct=False, at=NOW - timedelta(days=2)))
        assert "alpha.one" in due_questions(catalog(), store, now=NOW, new=0)
    result = run_cli("suspend", "alpha.one")
    assert result.exit_code == 0 and "alpha.one: suspended" in result.stdout
    assert "already suspended" in run_cli("suspend", "alpha.one").stdout
    with open_store() as store:
        assert "alpha.one" not in due_questions(catalog(), store, now=NOW, new=10)
        assert sum(forecast(catalog(), store, now=NOW)) == 0
    assert "back in reviews" in run_cli("unsuspend", "alpha.one").stdout
    assert "was not suspended" in run_cli("unsuspend", "alpha.one").stdout
    with open_store() as store:
        assert "alpha.one" in due_questions(catalog(), store, now=NOW, new=0)


def test_suspending_an_unknown_id_changes_nothing() -> None:
    result = run_cli("suspend", "alpha.one", "alpha.nope")
    assert result.exit_code == 2 and "alpha.nope" in result.stderr
    with open_store() as store:
        assert store.suspended() == frozenset()


def test_undo_takes_back_the_last_rating_and_restores_the_card() -> None:
    with open_store() as store:
        store.record_question(attempt("alpha.one", mode="review", at=NOW - timedelta(days=3)))
        before = store.cards()["alpha.one"]
        store.record_question(attempt("alpha.one", mode="review", correct=False, at=NOW - timedelta(days=1)))
        assert store.cards()["alpha.one"] != before
    result = run_cli("review", "--undo")
    assert result.exit_code == 0, result.output
    assert "alpha.one" in result.stdout and "Again" in result.stdout
    with open_store() as store:
        assert store.cards()["alpha.one"] == before
        assert len(list(store.question_rows())) == 1
    run_cli("review", "--undo")
    nothing = run_cli("review", "--undo")
    assert nothing.exit_code == 2 and "no rated answer" in nothing.stderr


def test_forecast_counts_each_card_once_on_the_day_it_falls_due() -> None:
    with open_store() as store:
        store.record_question(attempt("alpha.one", mode="review", correct=False, at=NOW - timedelta(days=5)))
        store.record_question(attempt("alpha.two", mode="review", at=NOW - timedelta(minutes=5)))
        days = forecast(catalog(), store, now=NOW)
        cards = store.cards()
    assert len(days) == 7
    assert days[0] >= 1  # alpha.one is overdue
    assert sum(days) == sum(1 for c in cards.values() if c.due <= NOW.timestamp() + 7 * 86400)
    data = json.loads(run_cli("stats", "--json").stdout)
    assert len(data["forecast"]) == 7
    assert "Reviews due" in run_cli("stats").stdout
