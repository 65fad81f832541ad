"""A damaged or foreign store is reported, backed up and never overwritten."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from runner.errors import ProgressStoreError
from runner.progress.store import open_store
from tests.cli_helpers import run_cli
from tests.progress.helpers import BANKS, attempt


def _garbage(path: Path) -> bytes:
    data = b"this is not a database\n" + bytes(range(256)) * 40
    path.write_bytes(data)
    return data


def test_a_file_that_is_not_a_database_is_refused_backed_up_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    data = _garbage(path)
    with pytest.raises(ProgressStoreError, match="is damaged") as info:
        open_store(path)
    assert info.value.hint and "move progress.db aside" in info.value.hint
    assert path.read_bytes() == data
    backups = sorted(tmp_path.glob("progress.db.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == data
    # trying again neither overwrites the file nor piles up identical copies
    with pytest.raises(ProgressStoreError):
        open_store(path)
    assert path.read_bytes() == data
    assert sorted(tmp_path.glob("progress.db.corrupt-*")) == backups


def test_damaged_pages_are_detected_when_read(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    with open_store(path) as store:
        for i in range(3000):
            store.record_question(attempt(f"alpha.q{i % 50}", answer="x" * 50, mode="warmup"))
    size = path.stat().st_size
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    page = 4096
    with path.open("r+b") as f:  # wreck every page in the middle third, headers included
        f.seek(size // 3 // page * page)
        f.write(b"\xff" * (size // 3 // page * page))
    damaged = path.read_bytes()
    with pytest.raises(ProgressStoreError, match="is damaged"), open_store(path) as store:
        list(store.question_rows())
    assert path.read_bytes() == damaged
    assert len(list(tmp_path.glob("progress.db.corrupt-*"))) == 1


def test_an_unrelated_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProgressStoreError, match="not a gokata progress store"):
        open_store(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("progress.db.*")) == []


def test_cli_reports_a_damaged_store_with_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))
    home = Path(os.environ["GOKATA_HOME"])
    home.mkdir(parents=True)
    data = _garbage(home / "progress.db")
    result = run_cli("stats")
    assert result.exit_code == 2
    assert "is damaged" in result.output and "Traceback" not in result.output
    assert (home / "progress.db").read_bytes() == data
