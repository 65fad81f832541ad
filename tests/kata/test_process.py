"""The limits around a child process, tried on small Python programs (no Go needed)."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from runner.kata.process import Limits, ProcessOutcome, run_limited


class Sink:
    def __init__(self, start_marker: bytes | None = None) -> None:
        self.data = bytearray()
        self.started_at: float | None = None
        self.marker = start_marker

    def feed(self, chunk: bytes) -> None:
        self.data += chunk[: 1 << 20]
        if self.marker and self.marker in chunk and self.started_at is None:
            self.started_at = time.monotonic()


BASE = Limits(build_s=20, run_s=20, memory_bytes=1 << 30, max_processes=64, max_output_bytes=1 << 30)


def limits(**changes: Any) -> Limits:
    return replace(BASE, **changes)


def run(
    code: str,
    lim: Limits,
    sink: Sink | None = None,
    *,
    cancel: threading.Event | None = None,
    on_slow_start: Callable[[], None] | None = None,
    slow_after_s: float = 2.0,
) -> tuple[ProcessOutcome, Sink]:
    sink = sink or Sink()
    outcome = run_limited(
        [sys.executable, "-c", code],
        cwd=Path.cwd(),
        env=dict(os.environ),
        limits=lim,
        sink=sink,
        cancel=cancel,
        on_slow_start=on_slow_start,
        slow_after_s=slow_after_s,
    )
    return outcome, sink


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_output_and_exit_status_come_through() -> None:
    outcome, sink = run("import sys; print('hello'); sys.stderr.write('warn'); sys.exit(3)", limits())
    assert outcome.returncode == 3 and outcome.killed is None
    assert sink.data == b"hello\n" and outcome.stderr == "warn"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks processes through /proc")
def test_time_out_kills_the_whole_group_including_grandchildren(tmp_path: Path) -> None:
    pidfile = tmp_path / "grandchild"
    code = (
        "import subprocess, sys, time;"
        f"p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']);"
        f"open({str(pidfile)!r}, 'w').write(str(p.pid)); print('started', flush=True); time.sleep(60)"
    )
    outcome, _ = run(code, limits(build_s=120, run_s=1), Sink(start_marker=b"started"))
    assert outcome.killed == "timeout"
    grandchild = int(pidfile.read_text())
    deadline = time.monotonic() + 60  # a generous wait for the kernel to reap it, not a speed test
    while alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(grandchild)


def test_the_build_phase_has_its_own_clock() -> None:
    outcome, _ = run("import time; time.sleep(30)", limits(build_s=0.5, run_s=60))
    assert outcome.killed == "timeout"


def test_memory_hog_is_stopped() -> None:
    code = "blocks = []\nwhile True:\n    blocks.append(bytearray(16 << 20))"
    outcome, _ = run(code, limits(memory_bytes=200 << 20))
    assert outcome.killed == "memory"
    assert outcome.peak_rss_bytes > 200 << 20


def test_process_count_is_limited_once_the_tests_run() -> None:
    code = (
        "import subprocess, sys, time\nprint('started', flush=True)\n"
        "ps = [subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']) for _ in range(8)]\n"
        "time.sleep(30)"
    )
    outcome, _ = run(code, limits(max_processes=4), Sink(start_marker=b"started"))
    assert outcome.killed == "processes"


def test_an_output_flood_is_stopped() -> None:
    code = "import sys\nline = b'x' * 1023 + b'\\n'\nwhile True:\n    sys.stdout.buffer.write(line)"
    outcome, _ = run(code, limits(max_output_bytes=8 << 20))
    assert outcome.killed == "output"
    assert outcome.output_bytes >= 8 << 20


def test_stderr_is_capped() -> None:
    outcome, _ = run("import sys; sys.stderr.write('e' * 2_000_000)", limits())
    assert len(outcome.stderr) == 256 * 1024 and outcome.stderr_truncated


def test_cancel_stops_the_run() -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    outcome, _ = run("import time; time.sleep(30)", limits(), cancel=cancel)
    assert outcome.killed == "cancelled"


def test_slow_start_is_announced_once() -> None:
    told: list[str] = []
    run("import time; time.sleep(0.6)", limits(), on_slow_start=lambda: told.append("slow"), slow_after_s=0.2)
    assert told == ["slow"]
