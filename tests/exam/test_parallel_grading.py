"""`exam grade --jobs N`: N test binaries at once while the next submission is built, the wait for
a slot left out of a run's clock, and the same reports whatever N is."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from runner.exam.batch import EXTRA_BUILDS, workers_for
from runner.kata.isolation import RunGate, RunSlots, gate_available
from tests.cli_helpers import run_cli

needs_gate = pytest.mark.skipif(not gate_available(), reason="the run gate needs a POSIX shell and FIFOs")

KATA_YAML = """\
title: {en: Close after a while, zh: 稍后关闭}
topic: channels
difficulty: 1
learner_files: [wait.go]
allowed_imports: [time, sync]
time_limit: %(limit)s
hints:
  - {en: "Start a goroutine.", zh: "启动一个 goroutine。"}
  - {en: "Sleep, then close.", zh: "先睡眠，再关闭。"}
  - {en: "Return the channel at once.", zh: "立即返回通道。"}
"""
STARTER = """package gatecheck

import "time"

// After returns a channel that is closed once d has passed.
func After(d time.Duration) <-chan struct{} {
	return nil
}
"""
VISIBLE = """package gatecheck

import (
	"testing"
	"time"
)

func TestReturnsAChannel(t *testing.T) {
	if After(time.Millisecond) == nil {
		t.Fatal("After returned nil")
	}
}
"""
# Real timers: the channel must close no sooner than asked, and not much later.
HIDDEN = """package gatecheck

import (
	"testing"
	"time"
)

func TestHiddenClosesOnTime(t *testing.T) {
	start := time.Now()
	select {
	case <-After(%(wait)s):
		if time.Since(start) < %(wait)s {
			t.Fatal("closed before the %(wait)s asked for")
		}
	case <-time.After(%(wait)s + 1500*time.Millisecond):
		t.Fatal("never closed")
	}
}
"""
SOLUTIONS = {
    "sleeps": "go func() { time.Sleep(d); close(ch) }()",
    "after-func": "time.AfterFunc(d, func() { close(ch) })",
    "at-once": "close(ch)",
    "never": "_ = d",
    "racy": "go func() { time.Sleep(d); done = true; close(ch) }()\n\tif done {\n\t\tprintln()\n\t}",
}


def code(body: str) -> str:
    return (
        'package gatecheck\n\nimport "time"\n\nvar done bool\n\n'
        "func After(d time.Duration) <-chan struct{} {\n\tch := make(chan struct{})\n\t" + body + "\n\treturn ch\n}\n"
    )


def make_kata(root: Path, *, limit: float = 30, wait: str = "150*time.Millisecond") -> Path:
    kata = root / "gatecheck"
    (kata / ".meta" / "hidden").mkdir(parents=True)
    (kata / ".meta" / "solution").mkdir(parents=True)
    (kata / "kata.yaml").write_text(KATA_YAML % {"limit": limit}, encoding="utf-8")
    (kata / "go.mod").write_text("module gokata.dev/katas/gatecheck\n\ngo 1.21\n", encoding="utf-8")
    (kata / "wait.go").write_text(STARTER, encoding="utf-8")
    (kata / "wait_test.go").write_text(VISIBLE, encoding="utf-8")
    (kata / ".meta" / "hidden" / "hidden_test.go").write_text(HIDDEN % {"wait": wait}, encoding="utf-8")
    (kata / ".meta" / "solution" / "wait.go").write_text(code(SOLUTIONS["sleeps"]), encoding="utf-8")
    (kata / "README.md").write_text("# Close after a while\n", encoding="utf-8")
    return kata


@contextmanager
def binaries_watched(name: str) -> Iterator[list[int]]:
    """The largest number of processes called `name` alive at once, sampled every few ms."""
    most = [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            alive = 0
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        with open(f"/proc/{pid}/comm", encoding="utf-8") as fh:
                            alive += fh.read().strip() == name[:15]
                    except OSError:
                        pass
            most[0] = max(most[0], alive)
            stop.wait(0.003)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield most
    finally:
        stop.set()
        watcher.join()


# ---- the gate on its own (no Go needed) ----------------------------------------------------------


@needs_gate
def test_the_gate_holds_a_program_until_a_slot_is_free_and_passes_its_exit_status_on() -> None:
    slots = RunSlots(1)
    with RunGate(slots) as first:
        assert first.started_at(None) is None  # still building
        assert subprocess.run([*first.prefix, "/bin/sh", "-c", "exit 3"], timeout=10, check=False).returncode == 3
        assert first.granted_at is not None and first.started_at(None) == first.granted_at
        with RunGate(slots) as second:
            proc = subprocess.Popen([*second.prefix, "/bin/sh", "-c", "exit 0"])
            time.sleep(0.3)
            assert proc.poll() is None  # built, waiting: the only slot is the first run's
            assert second.queued_at is not None and second.granted_at is None
            asked = time.monotonic()
            waiting_clock = second.started_at(123.0)  # the `start` event's time does not count yet
            assert waiting_clock is not None and waiting_clock >= asked  # "now": the clock has not started
            first.release()  # the first binary has finished
            assert proc.wait(timeout=10) == 0
            assert second.waited_s >= 0.25
    # both slots were given back: a third run goes through at once
    with RunGate(slots) as third:
        assert subprocess.run([*third.prefix, "true"], timeout=10, check=False).returncode == 0
        assert third.waited_s < 1


@needs_gate
def test_a_run_that_ends_before_its_binary_starts_gives_nothing_back_twice() -> None:
    slots = RunSlots(1)
    with RunGate(slots):
        pass  # a build that failed: the binary never asked for a slot
    with RunGate(slots) as gate:
        subprocess.run([*gate.prefix, "true"], timeout=10, check=True)
        gate.release()
        gate.release()
    assert slots.acquire(threading.Event())
    assert not slots._sem.acquire(blocking=False)  # exactly one slot, not two


def test_jobs_1_is_one_submission_at_a_time_and_n_builds_one_more_than_it_runs() -> None:
    assert workers_for(1) == (1, None)
    threads, slots = workers_for(2)
    if gate_available():
        assert threads == 2 + EXTRA_BUILDS and slots is not None and slots.n == 2
    else:
        assert threads == 2 and slots is None


# ---- with Go ---------------------------------------------------------------------------------------


@pytest.mark.go
@needs_gate
def test_a_binary_waiting_for_a_slot_is_not_timed_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Five runs through one slot: the last waits for four binaries of ~0.6 s, longer than its
    whole time limit; it still passes, and its reported time leaves the wait out."""
    import runner.kata.grade as grade
    from runner.kata.catalog import load_kata_dir

    monkeypatch.setattr(grade, "GRACE_S", 0.0)  # the watchdog stops a run at exactly its limit
    kata = load_kata_dir(make_kata(tmp_path, limit=2, wait="500*time.Millisecond"))
    slots = RunSlots(1)

    def one(i: int) -> tuple[str, float]:
        folder = tmp_path / f"c{i}"
        folder.mkdir()
        (folder / "wait.go").write_text(code(SOLUTIONS["sleeps"]) + f"\n// candidate {i}\n", encoding="utf-8")
        result = grade.grade_submission(kata, folder, run_slots=slots)
        return result.status, result.duration_s

    start = time.monotonic()
    with ThreadPoolExecutor(5) as pool:
        results = list(pool.map(one, range(5)))
    wall = time.monotonic() - start
    assert [status for status, _ in results] == ["pass"] * 5, results
    assert wall > 5 * 0.5
    assert max(d for _, d in results) < wall - 0.5  # nobody's time includes all the others' runs


@pytest.mark.go
@needs_gate
def test_jobs_2_runs_two_binaries_at_most_and_reports_what_jobs_1_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    katas = tmp_path / "katas"
    make_kata(katas)
    monkeypatch.setenv("GOKATA_KATAS", str(katas))
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        'title: "Timers"\ntime_limit_minutes: 30\npass_mark: 0.5\nsections:\n'
        "  - {id: coding, title: Coding, weight: 1, katas: [gatecheck]}\n",
        encoding="utf-8",
    )
    pack, work = tmp_path / "pack", tmp_path / "work"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text("{}", encoding="utf-8")
    result = run_cli("exam", "take", str(pack), "--dir", str(work), "--name", "c", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    bodies = [*SOLUTIONS.values(), "this is not Go", SOLUTIONS["sleeps"] + " // twice"]
    subs = []
    for i, body in enumerate(bodies):
        (work / "katas" / "gatecheck" / "wait.go").write_text(code(body), encoding="utf-8")
        out = tmp_path / f"s{i}.json"
        assert run_cli("exam", "submit", "--dir", str(work), "--out", str(out)).exit_code == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        data["candidate"] = f"candidate {i}"
        out.write_text(json.dumps(data), encoding="utf-8")
        subs.append(str(out))

    reports: dict[int, dict[str, Any]] = {}
    for jobs in (1, 2):
        with binaries_watched("gatecheck.test") as most:
            out = tmp_path / f"r{jobs}"
            result = run_cli("exam", "grade", str(spec), *subs, "--jobs", str(jobs), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert 1 <= most[0] <= jobs
        reports[jobs] = {p.parent.name: _without_times(json.loads(p.read_text())) for p in out.glob("*/report.json")}
        reports[jobs]["summary"] = _without_times(json.loads((out / "summary.json").read_text()))

    assert reports[1] == reports[2], _differences(reports[1], reports[2])
    statuses = sorted(r["katas"][0]["status"] for name, r in reports[2].items() if name != "summary")
    assert statuses == sorted(["pass", "pass", "fail", "fail", "race", "compile_error", "pass"])


def _differences(a: Any, b: Any, path: str = "") -> str:
    """Where two reports differ, one line per place: what a failure should show."""
    if isinstance(a, dict) and isinstance(b, dict):
        return "".join(_differences(a.get(k), b.get(k), f"{path}.{k}") for k in sorted(set(a) | set(b)))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return "".join(_differences(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b, strict=True)))
    return "" if a == b else f"\n{path}: {a!r} != {b!r}"


def _without_times(data: Any) -> Any:
    if isinstance(data, dict) and data.get("status") == "race":
        # Which of two racing accesses the detector saw second (the one it reports as the current
        # access, the other as "previous") depends on how the threads were scheduled; a loaded
        # machine can turn the order round. The places stay the same.
        data = {k: v for k, v in data.items() if k not in ("summary", "summary_zh", "races")} | {
            "race_places": sorted(a["location"] for r in data.get("races", []) for a in r["accesses"])
        }
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if k not in ("duration_s", "files", "signature")}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data
