"""`history`: every attempt as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from runner.progress.attempts import KataAttempt
from runner.progress.history import history
from runner.reports.history import CSV_COLUMNS, history_csv, history_json
from tests.progress.helpers import Clock, attempt, make_store


def test_csv_and_json_hold_every_attempt(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", answer='say "hi", twice\nthen stop', hints=1))
        store.record_question(attempt("gone.removed", correct=None, kind="open", score=0.5, rating_override=3))
        store.record_kata(KataAttempt("two-sum", "alpha", "race", 0.0, 1, 4, 9.5))
        records = history(store)
        assert len(records) == 3
        text = io.StringIO(history_csv(records))
        blob = io.StringIO(history_json(records))
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["type"], r["id"]) for r in rows] == [
        ("question", "alpha.one"),
        ("question", "gone.removed"),
        ("kata", "two-sum"),
    ]
    assert rows[0]["answer"] == 'say "hi", twice\nthen stop'
    assert rows[0]["at"] == "2026-03-10T01:00:00.000Z"
    assert (rows[1]["correct"], rows[1]["rating"], rows[1]["rating_override"]) == ("", "3", "3")
    assert (rows[2]["status"], rows[2]["tests_passed"], rows[2]["answer"]) == ("race", "1", "")
    data = json.loads(blob.getvalue())
    assert [q["id"] for q in data["questions"]] == ["alpha.one", "gone.removed"]
    assert data["questions"][0]["hints"] == 1 and data["questions"][1]["correct"] is None
    assert data["katas"][0]["status"] == "race"
