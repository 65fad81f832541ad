"""Ctrl-C during a graded run: exit 130, every process of the run gone, the sandbox removed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, interruptible
from tests.kata.conftest import KATAS, submission

pytestmark = [
    pytest.mark.go,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds processes through /proc"),
]


def processes_in(folder: Path) -> list[int]:
    """Processes whose working directory is inside `folder`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cwd = os.readlink(entry / "cwd")
            except OSError:
                continue
            if cwd.startswith(str(folder)):
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_kills_the_run_and_removes_the_sandbox(tmp_path: Path, sig: signal.Signals) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    kata_dir = tmp_path / "katas"
    shutil.copytree(KATAS / "stats", kata_dir / "stats")
    spec = kata_dir / "stats" / "kata.yaml"
    spec.write_text(spec.read_text().replace("time_limit: 3", "time_limit: 120"))
    env = dict(os.environ, TMPDIR=str(scratch), GOKATA_KATAS=str(kata_dir))
    proc = subprocess.Popen(
        [sys.executable, "-m", "runner", "kata", "test", "stats", "--code", str(submission("stats", "infinite_loop"))],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    try:

        def test_binary_running() -> bool:
            for pid in processes_in(scratch):
                try:
                    if os.readlink(f"/proc/{pid}/exe").endswith(".test"):
                        return True
                except OSError:
                    continue  # it ended meanwhile
            return False

        wait_for(test_binary_running)
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr
    wait_for(lambda: not processes_in(scratch), timeout=60)
    assert list(scratch.iterdir()) == []
