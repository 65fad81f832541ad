"""The progress commands through the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from runner.progress.recorder import open_recorder
from runner.progress.store import ProgressStore, open_store
from tests.cli_helpers import run_cli
from tests.progress.helpers import BANKS, attempt


@pytest.fixture(autouse=True)
def _banks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))


def _store() -> ProgressStore:
    return open_store()


def test_stats_on_a_fresh_store() -> None:
    result = run_cli("stats")
    assert result.exit_code == 0, result.output
    assert "alpha" in result.output and "beta" in result.output
    assert "0/4" in result.output and "No answers in the last 14 days." in result.output


def test_stats_json_is_one_object() -> None:
    recorder = open_recorder()
    recorder.record_question(attempt("alpha.one"))
    recorder.record_question(attempt("alpha.two", correct=False))
    result = run_cli("stats", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["answered"], data["right"], data["streak"]) == (2, 1, 1)
    assert [t["topic"] for t in data["topics"]] == ["alpha", "beta"]
    assert data["days"][-1]["answered"] == 2


def test_stats_text_shows_bars_and_the_day_chart() -> None:
    open_recorder().record_question(attempt("alpha.one", duration_s=2.0))
    result = run_cli("stats")
    assert result.exit_code == 0
    assert "███░░░░░░░░░ 1/4" in result.output
    assert "Last 14 days (answers, accuracy)" in result.output
    assert "▇" * 30 + " 1  100%" in result.output
    assert "streak 1 day (best 1)" in result.output


def test_history_formats(tmp_path: Path) -> None:
    open_recorder().record_question(attempt("alpha.one"))
    result = run_cli("history")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["alpha.one"]
    result = run_cli("history", "--format", "json")
    assert json.loads(result.stdout)["questions"][0]["id"] == "alpha.one"
    out = tmp_path / "h.csv"
    assert run_cli("history", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("type,at,id,")


def test_progress_export_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_recorder().record_question(attempt("alpha.one"))
    target = tmp_path / "p.json"
    result = run_cli("progress", "export", str(target))
    assert result.exit_code == 0 and "Exported 1 answers" in result.output
    assert run_cli("progress", "export", str(target)).exit_code == 2
    monkeypatch.setenv("GOKATA_HOME", str(tmp_path / "other-machine"))
    result = run_cli("progress", "import", str(target))
    assert result.exit_code == 0
    assert "1 new answers (0 already here)" in result.output
    result = run_cli("progress", "import", str(target))
    assert "0 new answers (1 already here)" in result.output
    assert Path(os.environ["GOKATA_HOME"], "progress.db").exists()


def test_review_with_nothing_due() -> None:
    result = run_cli("review", "--new", "0")
    assert result.exit_code == 0
    assert "Nothing to review yet" in result.output
    open_recorder().record_question(attempt("alpha.one", duration_s=2.0))
    result = run_cli("review", "--new", "0")
    assert "Nothing due now. Next review due" in result.output


def test_review_unknown_topic_is_bad_input() -> None:
    result = run_cli("review", "--topic", "gamma")
    assert result.exit_code == 2
    assert "unknown topic 'gamma'" in result.output


def test_review_asks_new_questions_and_records_them_with_the_rating() -> None:
    # alpha.one (true) answered "t", the suggested rating accepted; alpha.four answered "f", rated Hard (2)
    result = run_cli("review", "--topic", "alpha", "--new", "2", input="t\n\nf\n2\n")
    assert result.exit_code == 1, result.output  # one answer wrong
    assert "Rating: " in result.output
    with _store() as store:
        rows = list(store.question_rows())
        assert [(r["question_id"], r["mode"], r["right"]) for r in rows] == [
            ("alpha.one", "review", 1),
            ("alpha.four", "review", 0),
        ]
        assert rows[0]["rating_override"] is None
        assert (rows[1]["rating_override"], rows[1]["rating"]) == (2, 2)
        assert set(store.cards()) == {"alpha.one", "alpha.four"}
