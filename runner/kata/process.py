"""Run one child process under limits: its own process group, a wall clock in two phases,
resident memory and process count checked by a watchdog, and bounded reading of its output.

Why a watchdog and not rlimits for memory: RLIMIT_AS breaks the race detector, which reserves
terabytes of virtual address space for its shadow memory, and RLIMIT_NPROC counts every process
and thread of the user (and is ignored for root), so neither measures what a kata run uses.
Instead the process tree is sampled every 100 ms (/proc on Linux, `ps` elsewhere) and the whole
group is killed when one process's resident memory or the number of processes passes the limit.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

KillReason = Literal["timeout", "memory", "processes", "output", "cancelled"]
_SAMPLE_EVERY = 0.1
_DRAIN_AFTER_KILL = 1.0
_CPUS = os.cpu_count() or 2


class CancelFlag(Protocol):
    """What stops a run early: a threading.Event, or several read as one (build.AnyOf)."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Limits:
    """What a run may use: time for the build and for the test binary, memory, processes, output."""

    build_s: float  # until the test binary starts (compiling, linking; the race runtime on a cold cache)
    run_s: float  # from the test binary's start: the kata's time limit plus a grace period
    memory_bytes: int  # resident memory of any one process
    max_processes: int
    max_output_bytes: int  # stdout read in total; beyond it the run is stopped
    max_stderr_bytes: int = 256 * 1024  # stderr kept (the rest is read and dropped)
    file_size_bytes: int = 1 << 30  # RLIMIT_FSIZE where the platform allows setting it on a child


class OutputSink(Protocol):
    def feed(self, chunk: bytes) -> None: ...

    @property
    def started_at(self) -> float | None:
        """monotonic() time the test binary started, once known (switches the wall clock to run_s)."""
        ...


@dataclass
class ProcessOutcome:
    """How a limited process ended: its exit code, why it was stopped, its stderr, what it used."""

    returncode: int | None
    killed: KillReason | None
    stderr: str
    duration_s: float
    peak_rss_bytes: int = 0
    peak_processes: int = 0
    stderr_truncated: bool = False
    output_bytes: int = 0
    notes: list[str] = field(default_factory=list)
    finished_wall: float = 0.0  # time.time() once the process had exited and its output was read


def run_limited(
    argv: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    limits: Limits,
    sink: OutputSink,
    cancel: CancelFlag | None = None,
    on_slow_start: Callable[[], None] | None = None,
    slow_after_s: float = 2.0,
) -> ProcessOutcome:
    t0 = time.monotonic()
    proc = subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    pgid = proc.pid  # start_new_session: the child leads its own session and group
    _limit_child(proc.pid, limits)
    assert proc.stdout is not None and proc.stderr is not None
    stdout_fd = proc.stdout.fileno()
    outcome = ProcessOutcome(returncode=None, killed=None, stderr="", duration_s=0.0)
    stderr_buf = bytearray()
    watchdog = _Watchdog(proc.pid, pgid)
    sel = selectors.DefaultSelector()
    for stream in (proc.stdout, proc.stderr):
        os.set_blocking(stream.fileno(), False)
        sel.register(stream, selectors.EVENT_READ)
    reaped = False
    try:
        slow_told = False
        next_sample = t0
        while sel.get_map():
            now = time.monotonic()
            started = sink.started_at
            deadline = started + limits.run_s if started is not None else t0 + limits.build_s
            reason: KillReason | None = None
            if cancel is not None and cancel.is_set():
                reason = "cancelled"
            elif now >= deadline:
                reason = "timeout"
            elif now >= next_sample:
                next_sample = now + watchdog.interval
                rss, count = watchdog.sample()
                outcome.peak_rss_bytes = max(outcome.peak_rss_bytes, rss)
                outcome.peak_processes = max(outcome.peak_processes, count)
                # While building, only the toolchain runs, with one compiler per CPU on a cold cache.
                allowed = limits.max_processes if started is not None else limits.max_processes + 4 * _CPUS
                if rss > limits.memory_bytes:
                    reason = "memory"
                elif count > allowed:
                    reason = "processes"
            if outcome.output_bytes > limits.max_output_bytes:
                reason = "output"
            if reason is not None:
                outcome.killed = reason
                _kill_group(pgid)
                _drain(sel, stdout_fd, sink, stderr_buf, limits, outcome, time.monotonic() + _DRAIN_AFTER_KILL)
                break
            if not slow_told and started is None and on_slow_start and now - t0 > slow_after_s:
                slow_told = True
                on_slow_start()
            wait = max(0.0, min(_SAMPLE_EVERY, deadline - now))
            for key, _ in sel.select(timeout=wait):
                _read_ready(key, sel, stdout_fd, sink, stderr_buf, limits, outcome)
        # Output closed. Kill what is left of the group before reaping the leader: while the
        # leader is unreaped its pid (our group id) cannot be reused by an unrelated process.
        remaining = max(0.5, (t0 + limits.build_s + limits.run_s) - time.monotonic())
        try:
            proc.wait(timeout=remaining if outcome.killed is None else 5)
        except subprocess.TimeoutExpired:
            if outcome.killed is None:
                outcome.killed = "timeout"
        _kill_group(pgid)
        proc.wait()
        reaped = True
        outcome.finished_wall = time.time()
        outcome.returncode = proc.returncode
    finally:
        if not reaped:
            _kill_group(pgid)
            with contextlib.suppress(Exception):
                proc.wait(timeout=5)
        sel.close()
        for stream in (proc.stdout, proc.stderr):
            with contextlib.suppress(OSError):
                stream.close()
    outcome.duration_s = time.monotonic() - t0
    outcome.stderr = stderr_buf.decode("utf-8", errors="replace")
    return outcome


def _read_ready(
    key: selectors.SelectorKey,
    sel: selectors.BaseSelector,
    stdout_fd: int,
    sink: OutputSink,
    stderr_buf: bytearray,
    limits: Limits,
    outcome: ProcessOutcome,
) -> None:
    try:
        data = os.read(key.fd, 65536)
    except BlockingIOError:
        return
    except OSError:
        data = b""
    if not data:
        sel.unregister(key.fileobj)
        return
    if key.fd == stdout_fd:
        outcome.output_bytes += len(data)
        if outcome.killed != "output":
            sink.feed(data)
        return
    room = limits.max_stderr_bytes - len(stderr_buf)
    if room > 0:
        stderr_buf += data[:room]
    if len(data) > room:
        outcome.stderr_truncated = True


def _drain(
    sel: selectors.BaseSelector,
    stdout_fd: int,
    sink: OutputSink,
    stderr_buf: bytearray,
    limits: Limits,
    outcome: ProcessOutcome,
    until: float,
) -> None:
    """After a kill, read what is still buffered (a goroutine dump printed just before) for a moment."""
    while sel.get_map() and time.monotonic() < until:
        for key, _ in sel.select(timeout=0.05):
            _read_ready(key, sel, stdout_fd, sink, stderr_buf, limits, outcome)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _limit_child(pid: int, limits: Limits) -> None:
    """Core dumps off and a cap on written file size, set on the child right after it starts.

    prlimit on the running child instead of a preexec_fn: preexec_fn is unsafe when threads run
    (kata verify grades from several threads). The go command starts its own children later,
    and they inherit these limits.
    """
    prlimit = getattr(__import__("resource"), "prlimit", None) if sys.platform.startswith("linux") else None
    if prlimit is None:
        return
    import resource

    for which, value in ((resource.RLIMIT_CORE, 0), (resource.RLIMIT_FSIZE, limits.file_size_bytes)):
        with contextlib.suppress(OSError, ValueError):
            prlimit(pid, which, (value, value))


class _Watchdog:
    """Samples the resident memory and the number of processes of the child's tree."""

    def __init__(self, root_pid: int, pgid: int) -> None:
        self.root = root_pid
        self.pgid = pgid
        self.proc_fs = Path(f"/proc/{root_pid}").exists()
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        # Reading /proc is cheap; running `ps` is not, so it is sampled less often.
        self.interval = _SAMPLE_EVERY if self.proc_fs else 0.5

    def sample(self) -> tuple[int, int]:
        """(largest resident set of one process in bytes, number of processes)."""
        return self._sample_proc() if self.proc_fs else self._sample_ps()

    def _sample_proc(self) -> tuple[int, int]:
        seen: set[int] = set()
        todo = [self.root]
        biggest = 0
        while todo:
            pid = todo.pop()
            if pid in seen:
                continue
            seen.add(pid)
            try:
                with open(f"/proc/{pid}/statm", "rb") as f:
                    biggest = max(biggest, int(f.read().split()[1]) * self.page)
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                        todo.extend(int(c) for c in f.read().split())
            except (OSError, ValueError, IndexError):
                continue
        return biggest, len(seen)

    def _sample_ps(self) -> tuple[int, int]:
        try:
            out = subprocess.run(
                ["ps", "-A", "-o", "pgid=,rss="], capture_output=True, text=True, timeout=5, check=False
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return 0, 0
        biggest, count = 0, 0
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == str(self.pgid):
                count += 1
                biggest = max(biggest, int(parts[1]) * 1024)
        return biggest, count
