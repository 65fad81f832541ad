"""Moving progress between machines: export, import, merge without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.errors import BadInput
from runner.progress.attempts import KataAttempt
from runner.progress.store import HINT_COLUMNS, KATA_COLUMNS, QUESTION_COLUMNS, ProgressStore, open_store
from runner.progress.transfer import FIELDS, export_progress, import_progress
from tests.progress.helpers import Clock, attempt


def _machine(tmp_path: Path, name: str, clock: Clock) -> ProgressStore:
    (tmp_path / name).mkdir()
    return open_store(tmp_path / name / "progress.db", clock=clock)


def _snapshot(store: ProgressStore) -> tuple[object, ...]:
    return (
        sorted(r["uid"] for r in store.question_rows()),
        sorted(r["uid"] for r in store.kata_rows()),
        store.hint_rows(),
        store.cards(),
    )


def test_export_fields_match_the_store_columns() -> None:
    assert tuple(FIELDS["questions"]) == QUESTION_COLUMNS
    assert tuple(FIELDS["katas"]) == KATA_COLUMNS
    assert tuple(FIELDS["hints"]) == HINT_COLUMNS


def test_round_trip_and_import_twice_adds_nothing(tmp_path: Path) -> None:
    clock = Clock()
    a = _machine(tmp_path, "a", clock)
    a.record_question(attempt("alpha.one"))
    clock.advance(minutes=20)
    a.record_question(attempt("alpha.one", correct=False, rating_override=2))
    a.record_kata(KataAttempt("two-sum", "alpha", "pass", 1.0, 4, 4, 3.0))
    a.record_hint("two-sum", 1)
    counts = export_progress(a, tmp_path / "a.json")
    assert (counts.questions, counts.katas, counts.hints) == (2, 1, 1)

    b = _machine(tmp_path, "b", clock)
    merged = import_progress(b, tmp_path / "a.json")
    assert (merged.questions_added, merged.katas_added, merged.hints_added) == (2, 1, 1)
    assert _snapshot(b) == _snapshot(a)
    again = import_progress(b, tmp_path / "a.json")
    assert (again.questions_added, again.questions_skipped, again.katas_skipped, again.hints_skipped) == (0, 2, 1, 1)
    assert _snapshot(b) == _snapshot(a)
    assert next(b.question_rows()) == next(a.question_rows())


def test_two_machines_merge_both_ways_into_the_same_progress(tmp_path: Path) -> None:
    clock = Clock()
    a = _machine(tmp_path, "a", clock)
    b = _machine(tmp_path, "b", clock)
    a.record_question(attempt("alpha.one", duration_s=2.0))  # Easy on machine a
    clock.advance(days=3)
    b.record_question(attempt("alpha.one", correct=False))  # later, Again on machine b
    b.record_question(attempt("beta.one"))
    export_progress(a, tmp_path / "a.json")
    export_progress(b, tmp_path / "b.json")
    import_progress(a, tmp_path / "b.json")
    import_progress(b, tmp_path / "a.json")
    assert _snapshot(a) == _snapshot(b)
    assert len(list(a.question_rows())) == 3
    # the merged card is the replay of both machines' answers in time order: the lapse on b counts
    assert a.cards()["alpha.one"].due - clock.now.timestamp() < 86400


def test_export_never_overwrites_without_force(tmp_path: Path) -> None:
    store = _machine(tmp_path, "a", Clock())
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(BadInput, match="already exists"):
        export_progress(store, target)
    assert target.read_text(encoding="utf-8") == "precious"
    export_progress(store, target, force=True)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "gokata-progress"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"bad\.json:1:2: not valid JSON"),
        ('{"format": "something-else"}', "not a gokata progress export"),
        ('{"format": "gokata-progress", "version": 9}', "newer than this gokata reads"),
        ('{"format": "gokata-progress", "version": 1, "questions": {}}', "questions: expected a list"),
        ('{"format": "gokata-progress", "version": 1, "katas": [{"uid": "x"}]}', r"katas\[0\]: missing 'at'"),
    ],
)
def test_bad_import_files_are_refused_and_change_nothing(tmp_path: Path, content: str, message: str) -> None:
    store = _machine(tmp_path, "a", Clock())
    store.record_question(attempt("alpha.one"))
    before = _snapshot(store)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=message):
        import_progress(store, bad)
    assert _snapshot(store) == before


def test_a_bad_row_deep_in_the_file_rejects_the_whole_import(tmp_path: Path) -> None:
    a = _machine(tmp_path, "a", Clock())
    a.record_question(attempt("alpha.one"))
    a.record_question(attempt("alpha.two"))
    export_progress(a, tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    data["questions"][1]["score"] = "high"
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    b = _machine(tmp_path, "b", Clock())
    with pytest.raises(BadInput, match=r"questions\[1\]\.score: expected a score, got 'high'"):
        import_progress(b, tmp_path / "a.json")
    assert list(b.question_rows()) == []
    with pytest.raises(BadInput, match="no such file"):
        import_progress(b, tmp_path / "missing.json")


def test_a_key_given_twice_refuses_the_import_instead_of_keeping_the_last(tmp_path: Path) -> None:
    a = _machine(tmp_path, "a", Clock())
    a.record_question(attempt("alpha.one"))
    export_progress(a, tmp_path / "a.json")
    text = (tmp_path / "a.json").read_text(encoding="utf-8").rstrip()
    # A second "questions" would silently drop every answer of the first.
    (tmp_path / "d.json").write_text(text[:-1] + ', "questions": []}', encoding="utf-8")
    b = _machine(tmp_path, "b", Clock())
    with pytest.raises(BadInput, match="the key 'questions' is given twice"):
        import_progress(b, tmp_path / "d.json")
    assert list(b.question_rows()) == []


def test_export_refuses_a_store_whose_rows_import_would_refuse(tmp_path: Path) -> None:
    import sqlite3

    from runner.errors import ProgressStoreError

    a = _machine(tmp_path, "a", Clock())
    a.record_question(attempt("alpha.one"))
    a.close()
    with sqlite3.connect(tmp_path / "a" / "progress.db") as db:
        db.execute("update question_attempts set score = 9.9")
    a = open_store(tmp_path / "a" / "progress.db", clock=Clock())
    with pytest.raises(ProgressStoreError, match=r"questions record gokata never writes \(uid .*score"):
        export_progress(a, tmp_path / "a.json")
    assert not (tmp_path / "a.json").exists()
