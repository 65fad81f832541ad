"""Forward migration from the v1 fixture store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from runner.errors import ProgressStoreError
from runner.progress import schema
from runner.progress.attempts import KataRecord
from runner.progress.rating import AGAIN, EASY, GOOD, HARD
from runner.progress.scheduling import replay
from runner.progress.store import open_store
from tests.progress.helpers import PROGRESS_FIXTURES

V1_DB = PROGRESS_FIXTURES / "v1.db"
DAY = 86400.0


def _copy_v1(tmp_path: Path) -> Path:
    target = tmp_path / "progress.db"
    shutil.copy(V1_DB, target)
    return target


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_fixture_is_a_v1_store() -> None:
    assert _version(V1_DB) == 1
    assert schema.SCHEMA_VERSION == 3  # v3 added the suspended table


def test_v1_store_migrates_forward_keeping_everything(tmp_path: Path) -> None:
    path = _copy_v1(tmp_path)
    with open_store(path) as store:
        rows = list(store.question_rows())
        katas = list(store.kata_rows())
        hints = store.hint_rows()
        cards = store.cards()
        assert store.kata_statuses() == {"two-sum": KataRecord(True, "pass")}
        assert store.hints_shown("two-sum") == 1
    assert _version(path) == schema.SCHEMA_VERSION
    assert [r["question_id"] for r in rows] == ["alpha.one", "alpha.two", "alpha.one", "beta.two", "gone.removed"]
    # ratings back-filled under the rules: fast right, wrong, right, right with a hint, open missing a core point
    assert [r["rating"] for r in rows] == [EASY, AGAIN, GOOD, HARD, AGAIN]
    assert [r["right"] for r in rows] == [1, 0, 1, 1, 0]
    assert all(r["rating_override"] is None for r in rows)
    assert all(r["uid"].startswith("v1-") for r in rows + katas)
    assert len({r["uid"] for r in rows}) == 5
    assert len(katas) == 2 and hints == [{"slug": "two-sum", "level": 1, "at": hints[0]["at"]}]
    # the stale v1 card is replaced by a replay of the log
    t0 = rows[0]["at"]
    assert cards["alpha.one"] == replay([(t0, EASY), (t0 + DAY, GOOD)])
    assert cards["alpha.one"].stability != 99.0
    assert set(cards) == {"alpha.one", "alpha.two", "beta.two", "gone.removed"}


def test_migration_keeps_a_copy_of_the_old_version(tmp_path: Path) -> None:
    path = _copy_v1(tmp_path)
    open_store(path).close()
    backup = tmp_path / "progress.db.v1-backup"
    assert _version(backup) == 1
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT COUNT(*) FROM question_attempts").fetchone()[0] == 5
    conn.close()


def test_migrated_uids_are_deterministic(tmp_path: Path) -> None:
    uids = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        with open_store(_copy_v1(tmp_path / name)) as store:
            uids.append([r["uid"] for r in store.question_rows()])
    assert uids[0] == uids[1]


def test_reopening_a_current_store_changes_nothing(tmp_path: Path) -> None:
    path = _copy_v1(tmp_path)
    open_store(path).close()
    with open_store(path) as store:
        first = list(store.question_rows())
    with open_store(path) as store:
        assert list(store.question_rows()) == first


def test_a_failing_migration_leaves_the_old_version_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy_v1(tmp_path)

    def broken_v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE question_attempts ADD COLUMN uid TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken_v2))
    with pytest.raises(RuntimeError):
        open_store(path)
    assert _version(path) == 1
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(question_attempts)")]
    conn.close()
    assert "uid" not in columns
    monkeypatch.undo()
    with open_store(path) as store:
        assert len(list(store.question_rows())) == 5


def test_a_store_from_a_newer_gokata_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProgressStoreError, match=r"newer gokata \(schema v99") as info:
        open_store(path)
    assert info.value.exit_code == 2
    assert path.read_bytes() == before
    backups = list(tmp_path.glob("progress.db.newer-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert str(backups[0]) in info.value.message
