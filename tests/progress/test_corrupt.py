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


# -- damage every command must notice before it writes ----------------------------------------------


def _copies(path: Path) -> list[Path]:
    return [p for p in path.parent.glob(f"{path.name}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]


def _home_store() -> Path:
    """The CLI's store (conftest's GOKATA_HOME) with two answers, fully checkpointed into the main file."""
    from runner.progress.recorder import open_recorder

    recorder = open_recorder()
    recorder.record_question(attempt("alpha.one"))
    recorder.record_question(attempt("beta.one", correct=False))
    path = Path(os.environ["GOKATA_HOME"]) / "progress.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _an_export_with_news(tmp_path: Path) -> Path:
    """An export from another machine holding a new answer to alpha.one (its card is rebuilt on import)."""
    from runner.progress.transfer import export_progress

    with open_store(tmp_path / "other.db") as other:
        other.record_question(attempt("alpha.one", correct=False))
        export_progress(other, tmp_path / "other.json")
    return tmp_path / "other.json"


# Every command that writes to the store (and the ones that only read it).
WRITERS = [
    ("progress", "import", "{export}"),
    ("review", "--new", "1"),
    ("review", "--undo"),
    ("suspend", "alpha.one"),
    ("unsuspend", "alpha.one"),
    ("quiz", "--count", "1"),
    ("answer", "slices.concurrent-results", "--text", "Use a mutex."),
    ("kata", "hint", "atomics-image-counter"),
    ("stats",),
    ("history",),
    ("progress", "export", "{out}"),
]


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c[:2]))
def test_a_damaged_page_stops_every_command_before_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    # The audit's damage: a page the write paths never read (an import went through, exit 0).
    if command[0] not in ("answer", "kata"):  # an open question and a kata: the bundled content has them
        monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))
    export = _an_export_with_news(tmp_path)
    path = _home_store()
    assert path.stat().st_size > 5 * 4096
    with path.open("r+b") as f:
        f.seek(12288)
        f.write(b"\xde\xad" * 2048)
    damaged = path.read_bytes()
    args = [a.format(export=export, out=tmp_path / "out.json") for a in command]
    result = run_cli(*args, input="t\n\n")
    assert result.exit_code == 2, result.output
    assert "is damaged" in result.output and "A copy was saved as" in result.output
    assert path.read_bytes() == damaged
    (copy,) = _copies(path)
    assert copy.read_bytes() == damaged
    assert not (tmp_path / "out.json").exists()


def test_opening_a_damaged_store_refuses_even_when_no_query_reads_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    with open_store(path) as store:
        store.record_question(attempt("alpha.one"))
    with path.open("r+b") as f:
        f.seek(12288)
        f.write(b"\xde\xad" * 2048)
    damaged = path.read_bytes()
    with pytest.raises(ProgressStoreError, match=r"is damaged \(Page 4"):
        open_store(path)
    assert path.read_bytes() == damaged
    (copy,) = _copies(path)
    assert copy.read_bytes() == damaged


# A value of a type gokata never writes, and the commands that read it (each stops with exit 2).
WRONG_VALUES = [
    ("UPDATE cards SET due = 'never'", ["stats", "review --new 0", "review --cram"]),
    ("UPDATE cards SET state = 7", ["stats", "review --new 0"]),
    ("UPDATE cards SET stability = -1", ["stats", "review --cram"]),
    ("UPDATE question_attempts SET at = 'garbage'", ["history", "progress export {out}", "progress import {export}"]),
    ("UPDATE question_attempts SET at = 1e300", ["history", "progress import {export}", "review --undo"]),
    ("UPDATE question_attempts SET rating = 9", ["history", "progress import {export}"]),
    ("UPDATE question_attempts SET answer = x'00ff'", ["history", "progress export {out}"]),
]


@pytest.mark.parametrize(("sql", "commands"), WRONG_VALUES, ids=[sql for sql, _ in WRONG_VALUES])
def test_a_wrongly_typed_value_is_damage_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sql: str, commands: list[str]
) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))
    export = _an_export_with_news(tmp_path)
    path = _home_store()
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    edited = path.read_bytes()
    for command in commands:
        args = command.format(export=export, out=tmp_path / "out.json").split()
        result = run_cli(*args, input="q\n")  # catch_exceptions=False: a traceback fails the test
        assert result.exit_code == 2, (command, result.output)
        assert "is damaged" in result.output and "which gokata never writes" in result.output, command
        assert path.read_bytes() == edited, command
    assert not (tmp_path / "out.json").exists()
    (copy,) = _copies(path)  # one copy however many commands refused
    assert copy.read_bytes() == edited
