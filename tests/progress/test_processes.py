"""Real processes: two writers at once, and a writer killed mid-session."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

from runner.progress.cards import _IN_MODES, _MODES
from runner.progress.scheduling import replay
from runner.progress.store import open_store
from tests.conftest import REPO


def _writer(db: Path, count: int, tag: str, pause: float = 0.0) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.progress.writer", str(db), str(count), tag, str(pause)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    n = 300
    writers = [_writer(db, n, tag, pause=0.001) for tag in ("a", "b")]
    for proc in writers:  # both are open and waiting; release them together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = [proc.communicate(timeout=120)[0] for proc in writers]
    assert [proc.returncode for proc in writers] == [0, 0]
    assert all(out.count("ok ") == n for out in outputs)
    assert _integrity(db) == "ok"
    with open_store(db) as store:
        rows = list(store.question_rows())
        assert len(rows) == 2 * n
        assert {r["answer"] for r in rows} == {f"{t}-{i}" for t in "ab" for i in range(n)}
        by_commit = [r[0][0] for r in store._conn.execute("SELECT answer FROM question_attempts ORDER BY id")]
        switches = sum(a != b for a, b in pairwise(by_commit))
        assert switches > 10, "the two writers did not overlap, so this test proved little"
        # every card equals a replay of its full log: no lost update between the processes
        for qid, card in store.cards().items():
            log = store._conn.execute(
                f"SELECT at, rating FROM question_attempts WHERE question_id = ? AND {_IN_MODES} ORDER BY at, id",
                (qid, *_MODES),
            ).fetchall()
            assert card == replay(log), qid


def test_a_killed_session_keeps_every_committed_answer(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    proc = _writer(db, 100_000, "k")
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    k = 40
    for i in range(k):
        assert proc.stdout.readline().strip() == f"ok {i}"
    proc.send_signal(signal.SIGKILL)  # while it is answering the next ones
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stdin.close()
    assert proc.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    with open_store(db) as store:
        answers = [r["answer"] for r in store.question_rows()]
    assert answers[:k] == [f"k-{i}" for i in range(k)]
    assert len(answers) < 100_000  # it really was cut short; at most the in-flight answers are missing
