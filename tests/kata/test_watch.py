from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from runner.errors import BadInput, GokataError
from runner.kata.result import KataResult
from runner.kata.watch import relevant, watch_and_grade
from tests.conftest import REPO, spawn_gokata
from tests.kata.conftest import KATAS, submission

NAMES = ("stats.go",)


def result(status: str = "pass") -> KataResult:
    return KataResult("stats", "pass" if status == "pass" else "fail", 1.0, (), 0.1, "ok")


def test_only_learner_files_in_the_folder_itself_count(tmp_path: Path) -> None:
    assert relevant([(1, str(tmp_path / "stats.go"))], tmp_path, NAMES)
    assert not relevant([(1, str(tmp_path / "stats_test.go"))], tmp_path, NAMES)
    assert not relevant([(1, str(tmp_path / ".stats.go.swp"))], tmp_path, NAMES)
    assert not relevant([(1, str(tmp_path / "sub" / "stats.go"))], tmp_path, NAMES)
    # an editor's rename-save: a temporary file deleted, the learner file added
    assert relevant([(3, str(tmp_path / "stats.go.tmp")), (1, str(tmp_path / "stats.go"))], tmp_path, NAMES)


def test_grades_once_then_on_each_relevant_batch_while_the_file_exists(tmp_path: Path) -> None:
    (tmp_path / "stats.go").write_text("package stats\n")
    calls: list[int] = []
    seen: list[KataResult] = []
    errors: list[GokataError] = []

    def grade() -> KataResult:
        calls.append(1)
        if len(calls) == 3:
            raise BadInput("broken for a moment")
        return result()

    batches = [
        [(2, str(tmp_path / "stats.go"))],  # a save
        [(2, str(tmp_path / "README.md"))],  # not a learner file
        [(2, str(tmp_path / "stats.go"))],  # a save whose run fails with a GokataError
        [(3, str(tmp_path / "missing.go")), (2, str(tmp_path / "stats.go"))],
    ]
    runs = watch_and_grade(
        tmp_path, NAMES, grade, on_result=seen.append, on_error=errors.append, stop=threading.Event(), changes=batches
    )
    assert runs == 4 and len(seen) == 3 and len(errors) == 1
    (tmp_path / "stats.go").unlink()  # mid-rename: nothing to grade
    runs = watch_and_grade(
        tmp_path,
        NAMES,
        grade,
        on_result=seen.append,
        on_error=errors.append,
        stop=threading.Event(),
        changes=[[(3, str(tmp_path / "stats.go"))]],
    )
    assert runs == 1


def test_a_folder_moved_or_deleted_while_watched_ends_the_watch_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "stats"
    folder.mkdir()
    (folder / "stats.go").write_text("package stats\n")

    def wake_ups() -> Iterator[list[tuple[int, str]]]:
        yield []  # the watcher's half-second wake-up with nothing new
        shutil.rmtree(folder)
        while True:  # it went on waking forever, printing nothing
            yield []

    with pytest.raises(BadInput, match="the kata's folder is gone"):
        watch_and_grade(
            folder,
            NAMES,
            result,
            on_result=lambda _: None,
            on_error=lambda _: None,
            stop=threading.Event(),
            changes=wake_ups(),
        )


def test_a_real_watch_sees_a_rename_save_during_a_run_and_stops_on_request(tmp_path: Path) -> None:
    target = tmp_path / "stats.go"
    target.write_text("package stats // v1\n")
    stop = threading.Event()
    runs: list[str] = []

    def grade() -> KataResult:
        runs.append(target.read_text())
        if len(runs) == 1:
            # An editor's atomic save, while this run is still going.
            temp = tmp_path / ".stats.go.~tmp"
            temp.write_text("package stats // v2\n")
            os.replace(temp, target)
        else:
            stop.set()
        return result()

    watchdog = threading.Timer(20, stop.set)
    watchdog.start()
    try:
        watch_and_grade(tmp_path, NAMES, grade, on_result=lambda _r: None, on_error=lambda _e: None, stop=stop)
    finally:
        watchdog.cancel()
    assert runs == ["package stats // v1\n", "package stats // v2\n"]


@pytest.mark.go
@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_watch_command_in_a_terminal(tmp_path: Path) -> None:
    import pexpect

    ws = tmp_path / "ws"
    shutil.copytree(KATAS / "stats", ws / "stats", ignore=shutil.ignore_patterns(".meta", "kata.yaml"))
    env = {"GOKATA_KATAS": str(KATAS), "GOKATA_WORKSPACE": str(ws)}
    child = spawn_gokata("kata", "watch", "stats", env=env, cwd=REPO, timeout=120, dimensions=None)
    try:
        child.expect("press q")
        child.expect(r"FAIL  1/5 tests passed")
        temp = ws / "stats" / "stats.go.new"
        shutil.copyfile(submission("stats", "passing") / "stats.go", temp)
        os.replace(temp, ws / "stats" / "stats.go")  # how many editors save
        child.expect(r"PASS  5/5 tests passed")
        child.send("q")
        child.expect("stopped watching")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def test_a_change_the_watcher_missed_is_caught_on_its_next_wake_up(tmp_path: Path) -> None:
    target = tmp_path / "stats.go"
    target.write_text("package stats // v1\n")
    graded: list[str] = []

    def grade() -> KataResult:
        graded.append(target.read_text())
        return result()

    def quiet_wake_ups() -> Iterator[list[tuple[int, str]]]:
        yield []  # nothing changed: no run
        target.write_text("package stats // v2\n")  # saved while no event reached the watcher
        yield []
        yield []

    watch_and_grade(
        tmp_path,
        NAMES,
        grade,
        on_result=lambda _r: None,
        on_error=lambda _e: None,
        stop=threading.Event(),
        changes=quiet_wake_ups(),
    )
    assert graded == ["package stats // v1\n", "package stats // v2\n"]
