"""The store as a Recorder: what is kept, what schedules, what survives a reopen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from runner.progress.attempts import KataAttempt, KataRecord, NullRecorder, Recorder
from runner.progress.location import DB_NAME, data_dir, db_path
from runner.progress.recorder import open_recorder
from runner.progress.scheduling import LEARNING
from runner.progress.store import ProgressStore, open_store
from tests.progress.helpers import Clock, attempt, make_store


def test_location_follows_gokata_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_HOME", str(tmp_path / "h"))
    assert data_dir() == tmp_path / "h"
    assert db_path() == tmp_path / "h" / DB_NAME
    monkeypatch.delenv("GOKATA_HOME")
    assert data_dir().name.lower() == "gokata"


def test_open_recorder_is_the_sqlite_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_HOME", str(tmp_path / "h"))
    recorder: Recorder = open_recorder()
    assert isinstance(recorder, ProgressStore)
    recorder.record_question(attempt("alpha.one"))
    assert (tmp_path / "h" / DB_NAME).exists()


def _store_is_a_recorder(store: ProgressStore) -> Recorder:
    return store  # mypy --strict checks ProgressStore against the Recorder protocol here


def _null_is_a_recorder(null: NullRecorder) -> Recorder:
    return null


def test_opening_does_not_import_fsrs(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from runner.progress.store import open_store;"
        f"open_store(Path({str(tmp_path / 'p.db')!r})); print('fsrs' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_store_uses_wal_and_full_sync(tmp_path: Path) -> None:
    make_store(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "progress.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_answers_persist_across_reopen_with_their_time(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", duration_s=3.0))
        clock.advance(minutes=5)
        store.record_question(attempt("alpha.two", correct=False, answer="true"))
    with make_store(tmp_path, clock) as store:
        rows = list(store.question_rows())
    assert [r["question_id"] for r in rows] == ["alpha.one", "alpha.two"]
    assert rows[0]["at"] == Clock().now.timestamp()
    assert rows[0]["rating"] == 4 and rows[1]["rating"] == 1
    assert rows[0]["right"] == 1 and rows[1]["right"] == 0
    assert len({r["uid"] for r in rows}) == 2


def test_scripted_answers_are_not_recorded_and_unscheduled_modes_do_not_schedule(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        store.record_question(attempt("alpha.one", mode="scripted"))
        assert list(store.question_rows()) == []
        store.record_question(attempt("alpha.one", mode="warmup"))
        assert len(list(store.question_rows())) == 1
        assert store.cards() == {}
        for mode in ("practice", "review", "exam"):
            store.record_question(attempt(f"alpha.{mode}", mode=mode))
        assert set(store.cards()) == {"alpha.practice", "alpha.review", "alpha.exam"}


def test_record_question_updates_the_card(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        store.record_question(attempt("alpha.one", duration_s=30.0))
        card = store.cards()["alpha.one"]
        assert card.state == LEARNING
        assert card.due == pytest.approx(clock.now.timestamp() + 600)


def test_override_is_stored_and_drives_the_schedule(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        store.record_question(attempt("alpha.one", correct=False, rating_override=4))
        row = next(store.question_rows())
        assert row["rating_override"] == 4 and row["rating"] == 4
        assert store.cards()["alpha.one"].due - row["at"] > 86400


def test_an_attempt_older_than_the_last_review_replays_the_log(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        late = clock.now
        store.record_question(attempt("alpha.one", at=late, duration_s=30.0))
        store.record_question(attempt("alpha.one", at=late - (clock.advance(days=1) - late), correct=False))
        card = store.cards()["alpha.one"]
        # replayed in time order: Again first, then Good; the card's last review is the later one
        assert card.last_review == late.timestamp()


def test_kata_runs_and_hints(tmp_path: Path) -> None:
    clock = Clock()
    with make_store(tmp_path, clock) as store:
        assert store.kata_statuses() == {} and store.hints_shown("two-sum") == 0
        store.record_kata(KataAttempt("two-sum", "alpha", "fail", 0.5, 2, 4, 3.0))
        clock.advance(minutes=1)
        store.record_kata(KataAttempt("two-sum", "alpha", "pass", 1.0, 4, 4, 3.0))
        clock.advance(minutes=1)
        store.record_kata(KataAttempt("two-sum", "alpha", "fail", 0.5, 2, 4, 3.0))
        store.record_kata(KataAttempt("lru", "beta", "compile_error", 0.0, 0, 3, 1.0))
        store.record_hint("two-sum", 1)
        store.record_hint("two-sum", 2)
        store.record_hint("two-sum", 1)
        assert store.kata_statuses() == {"two-sum": KataRecord(True, "fail"), "lru": KataRecord(False, "compile_error")}
        assert store.hints_shown("two-sum") == 2
        assert store.hints_shown("lru") == 0
        assert store.kata_tallies() == (1, 2, 4)


def test_a_failed_write_rolls_back(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        with pytest.raises(ValueError), store._write() as c:
            c.execute("INSERT INTO kata_hints (slug, level, at) VALUES ('x', 1, 0)")
            raise ValueError("boom")
        assert store.hint_rows() == []


def test_two_stores_on_one_file_see_each_others_answers(tmp_path: Path) -> None:
    a = open_store(tmp_path / "p.db")
    b = open_store(tmp_path / "p.db")
    a.record_question(attempt("alpha.one"))
    b.record_question(attempt("alpha.one"))
    assert len(list(a.question_rows())) == 2
    a.close()
    b.close()


def test_a_store_locked_beyond_the_busy_timeout_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runner.errors import ProgressStoreError
    from runner.progress import store as store_module

    path = tmp_path / "p.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process mid-write, never finishing
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    with open_store(path) as store, pytest.raises(ProgressStoreError, match="stayed locked") as info:
        store.record_question(attempt("alpha.one"))
    assert info.value.hint and "holds a write lock" in info.value.hint
    holder.execute("ROLLBACK")
    holder.close()
    with open_store(path) as store:
        store.record_question(attempt("alpha.one"))
        assert len(list(store.question_rows())) == 1
    assert not list(tmp_path.glob("p.db.corrupt-*"))
