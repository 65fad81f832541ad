"""The OS sandbox around the test binary, where the machine has one.

`go test -exec PREFIX` runs the compiled test binary as `PREFIX binary args`, so only the
learner's code (and the kata's tests) is inside; the go command and the compiler are not.

* bwrap (bubblewrap, the sandbox Flatpak uses), when it is on PATH and works here: the root
  file system read-only; the user's home, the katas (their hidden tests, solutions and mutants)
  and gokata's own folder hidden behind empty tmpfs mounts; the run's Go sources (the hidden tests
  among them, compiled by then) read as empty files; a private /tmp of TMP_BYTES that is also
  TMPDIR; only the run's own folder writable besides; no network (a new network namespace, with
  a loopback of its own and nothing else), a new PID namespace, a new session, and the sandbox dies
  with its parent.
* Else `unshare -rn` (a user and a network namespace) where the kernel allows it: no network,
  but files are as reachable as without a sandbox.
* Else nothing more than gokata's process limits, and the result carries a one-line notice.

Memory, process, output and file-size limits apply in every case (process.py).
GOKATA_SANDBOX=bwrap|unshare|limits-only chooses one (for tests); the default picks the best.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Isolation = Literal["bwrap", "unshare", "limits-only"]
NOTICE = (
    "No OS sandbox on this machine (install bubblewrap, `apt install bubblewrap`): the tests ran "
    "with gokata's process limits only, with the network and your files reachable."
)
_lock = threading.Lock()
_probed: dict[str, bool] = {}


@dataclass(frozen=True)
class Plan:
    """How the test binary is isolated: the kind of sandbox, and the command that runs it."""

    kind: Isolation
    prefix: tuple[str, ...]  # what `go test -exec` runs the test binary with; empty: run it directly

    def exec_flag(self, before: tuple[str, ...] = ()) -> list[str]:
        """go test's -exec: `before` (a run gate's prefix), then the sandbox's."""
        prefix = (*before, *self.prefix)
        return [f"-exec={' '.join(_quote(a) for a in prefix)}"] if prefix else []

    @property
    def notice(self) -> str:
        return NOTICE if self.kind == "limits-only" else ""


def plan_for(
    run_root: Path, *, private: Sequence[Path] = (), blank: Sequence[Path] = (), needed: Sequence[Path] = ()
) -> Plan:
    """The strongest isolation available for a run whose writable folder is `run_root`.

    With bwrap, the folders `private` are hidden (an empty tmpfs over each) and the files `blank`
    read as empty: the test binary needs neither, and the code under test must not read them. A
    private folder holding one of `needed` (GOROOT: time zones) or the run stays visible."""
    wanted = os.environ.get("GOKATA_SANDBOX", "").strip().lower()
    if wanted in ("", "auto", "bwrap"):
        bwrap = shutil.which("bwrap")
        if bwrap and _works("bwrap", [bwrap, *_bwrap_args(Path("/")), "true"]):
            hidden = [f for f in private if _hideable(f, [run_root, *needed])]
            # The folder holding the run folders (XDG_RUNTIME_DIR, TMPDIR, GOKATA_RUN_DIR) also
            # holds the other runs of a batch, whose hidden tests are plain text until compiled:
            # hidden too, and the run's own folder mounted back over it.
            if _hideable(run_root.parent, needed):
                hidden.append(run_root.parent)
            return Plan("bwrap", (bwrap, *_bwrap_args(run_root, hidden, blank)))
    if wanted in ("", "auto", "bwrap", "unshare"):
        unshare = shutil.which("unshare")
        if unshare and _works("unshare", [unshare, "-rn", "true"]):
            return Plan("unshare", (unshare, "-rn"))
    return Plan("limits-only", ())


# The private /tmp, which is also the test binary's TMPDIR and GOTMPDIR: a tmpfs is memory the per-process
# watchdog does not see, and a standard-library call that writes temporary files
# (ParseMultipartForm) could otherwise fill it, or the run's folder, without bound.
TMP_BYTES = 256 * 1024 * 1024


def _bwrap_args(run_root: Path, private: Sequence[Path] = (), blank: Sequence[Path] = ()) -> list[str]:
    args = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--size", str(TMP_BYTES), "--tmpfs", "/tmp"]
    home = Path.home()
    if home != Path("/") and home.is_dir():
        args += ["--tmpfs", str(home)]  # the user's files: not even readable
    for folder in private:
        args += ["--tmpfs", str(folder)]
    root = str(run_root)
    if root != "/":
        args += ["--bind", root, root]  # after the tmpfs mounts, so a run folder under /tmp stays visible
    for file in blank:
        if file.is_file() and not file.is_symlink():
            args += ["--ro-bind", os.devnull, str(file)]
    return [
        *args,
        "--setenv",
        "TMPDIR",
        "/tmp",
        "--setenv",
        "GOTMPDIR",  # where t.TempDir() goes when it is set
        "/tmp",
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--new-session",
        "--die-with-parent",
        "--",
    ]


_SYSTEM = tuple(Path(p) for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc", "/dev", "/proc", "/opt"))


def _hideable(folder: Path, needed: Sequence[Path]) -> bool:
    """Whether hiding `folder` leaves the run working: an existing folder two levels down or more
    that holds none of `needed` and none of the system's own folders (GOKATA_KATAS could be /usr)."""
    try:
        folder = folder.resolve()
        keep = [p.resolve() for p in (*needed, *_SYSTEM)]
    except OSError:
        return False
    if len(folder.parts) < 3 or not folder.is_dir():
        return False
    # Under /tmp or the home folder it is hidden already, and a mount there would make its
    # parents in the private, writable /tmp: code could then write where it seems not to.
    if any(h == folder or h in folder.parents for h in (Path("/tmp"), Path.home())):
        return False
    return not any(k == folder or folder in k.parents for k in keep)


def _works(name: str, argv: list[str]) -> bool:
    """Whether the sandbox starts here (user namespaces may be disabled). Asked once per process,
    and the answer is kept on disk for PROBE_TTL_S per tool, kernel and user, so a warm
    `kata test` does not pay for a probe run."""
    with _lock:
        if name in _probed:
            return _probed[name]
    key = _probe_key(argv[0])
    ok = _remembered(key)
    if ok is None:
        try:
            ok = (
                subprocess.run(argv, capture_output=True, timeout=20, check=False, stdin=subprocess.DEVNULL).returncode
                == 0
            )
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        _remember(key, ok)
    with _lock:
        _probed[name] = ok
    return ok


PROBE_TTL_S = 3600.0


def _probe_key(exe: str) -> str:
    try:
        st = os.stat(exe)
        stamp = f"{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        stamp = "?"
    uid = os.getuid() if hasattr(os, "getuid") else -1
    return f"{os.path.realpath(exe)}|{stamp}|{_kernel_release()}|{uid}"


def _kernel_release() -> str:
    # os.uname, not platform.release: importing platform costs a learner's run ~2 ms.
    return os.uname().release if hasattr(os, "uname") else "?"


def _probe_file() -> Path:
    from runner.toolchain import tools_dir

    return tools_dir() / "sandbox-probes.json"


def _remembered(key: str) -> bool | None:
    try:
        data = json.loads(_probe_file().read_text(encoding="utf-8"))
        ok, when = data[key]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(ok, bool) or not isinstance(when, int | float) or time.time() - when > PROBE_TTL_S:
        return None
    return ok


def _remember(key: str, ok: bool) -> None:
    with contextlib.suppress(OSError, ValueError):
        path = _probe_file()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict) or len(data) > 20:
            data = {}
        data[key] = [ok, time.time()]
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, path)


def _quote(arg: str) -> str:
    """One field for go's -exec, which splits on spaces and honours quotes."""
    if arg and not any(c in arg for c in " \t\n'\""):
        return arg
    return f"'{arg}'" if "'" not in arg else f'"{arg}"'


# ---- the run gate: at most n test binaries at once, however many builds run ----------------------
#
# A batch (exam grade --jobs N) builds more submissions at once than it runs: while a test binary
# runs (the race runtime's exit sleep, the sandbox set-up, the go command waiting on it), the
# cores would be idle, so the next submission is compiled and linked meanwhile. Test binaries,
# whose hidden tests may use real timers, still run at most N at a time.
#
# `go test -exec` runs `sh -c GATE_SCRIPT gokata-gate READY GO PREFIX... binary args`: a POSIX
# shell that writes one byte to the READY FIFO (the build is done), waits for a line on the GO
# FIFO (a slot is free) and execs the sandbox with the test binary, so the process go test waits
# on is the same as without a gate. go test writes its `start` event before it runs the prefix;
# the wait for a slot is not the program's time, and RunGate says when the binary was let go.

GATE_SCRIPT = 'printf x >"$1" && read -r _ <"$2" && shift 2 && exec "$@"; exit 125'
GATE_SHELL = "/bin/sh"


class RunSlots:
    """How many test binaries a batch runs at once (shared by all its threads)."""

    def __init__(self, n: int) -> None:
        self.n = max(1, n)
        self._sem = threading.Semaphore(self.n)

    def acquire(self, stop: threading.Event) -> bool:
        """Wait for a free slot; False if `stop` was set first."""
        while not stop.is_set():
            if self._sem.acquire(timeout=0.05):
                return True
        return False

    def release(self) -> None:
        self._sem.release()


def gate_available() -> bool:
    """Whether test binaries can be held at a gate here (a POSIX shell and FIFOs)."""
    return os.name == "posix" and hasattr(os, "mkfifo") and os.access(GATE_SHELL, os.X_OK)


class RunGate:
    """One run's place in its batch's RunSlots, as a context manager around the go test process.

    Where no FIFO can be made (an odd TMPDIR), the run holds a slot from start to end instead:
    slower, never more test binaries than slots."""

    def __init__(self, slots: RunSlots) -> None:
        self._slots = slots
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._held = False
        self._done = False  # the binary has finished, or the run is over: never take a slot again
        self.granted_at: float | None = None  # monotonic(): when the test binary was let go
        self.granted_wall: float | None = None  # time.time() of the same moment
        self.queued_at: float | None = None  # monotonic(): when its build was done and it asked for a slot
        self._fds: list[int] = []
        self._dir: Path | None = None
        self._keeper: threading.Thread | None = None
        try:
            self._dir = Path(tempfile.mkdtemp(prefix="gokata-gate-"))
            self._ready_path, self._go_path = self._dir / "ready", self._dir / "go"
            os.mkfifo(self._ready_path, 0o600)
            os.mkfifo(self._go_path, 0o600)
            # Both ends held open for the whole run (O_RDWR never blocks on a FIFO): the shell's
            # opens never wait for gokata, and a line written before the shell reads it is kept.
            self._ready = self._open(self._ready_path, os.O_RDWR | os.O_NONBLOCK)
            self._go = self._open(self._go_path, os.O_RDWR)
            self._wake_r, self._wake_w = os.pipe()
            self._fds += [self._wake_r, self._wake_w]
        except OSError:
            self._close()
            self._dir = None

    def _open(self, path: Path, flags: int) -> int:
        fd = os.open(path, flags)
        self._fds.append(fd)
        return fd

    @property
    def prefix(self) -> tuple[str, ...]:
        """What goes first in go test's -exec (nothing when the whole run holds a slot)."""
        if self._dir is None:
            return ()
        return (GATE_SHELL, "-c", GATE_SCRIPT, "gokata-gate", str(self._ready_path), str(self._go_path))

    @property
    def waited_s(self) -> float:
        """How long the built test binary waited for a slot."""
        if self.queued_at is None:
            return 0.0
        return max(0.0, (self.granted_at if self.granted_at is not None else time.monotonic()) - self.queued_at)

    def __enter__(self) -> RunGate:
        if self._dir is None:
            self._take(self._stop)
        else:
            self._keeper = threading.Thread(target=self._keep, name="gokata-run-gate", daemon=True)
            self._keeper.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._keeper is not None:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")
            self._keeper.join()
        self.release()
        self._close()

    def _close(self) -> None:
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds = []
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)

    def started_at(self, event_start: float | None) -> float | None:
        """For the run's wall clock: the moment the binary was let go; while it waits for a slot,
        always "just now" (the wait is nobody's time); before that, go test's `start` event."""
        if self._dir is None:
            return event_start
        if self.granted_at is not None:
            return self.granted_at
        if self.queued_at is not None:
            return time.monotonic()
        return event_start

    def release(self) -> None:
        """The test binary has finished (or never will run): its slot goes to the next one."""
        with self._lock:
            if self._dir is not None:
                self._done = True
            held, self._held = self._held, False
        if held:
            self._slots.release()

    def _take(self, stop: threading.Event) -> bool:
        if not self._slots.acquire(stop):
            return False
        with self._lock:
            if self._done:  # the run ended while this one was waiting
                self._slots.release()
                return False
            self._held = True
            self.granted_wall = time.time()
            self.granted_at = time.monotonic()
        return True

    def _keep(self) -> None:
        poller = select.poll()
        poller.register(self._ready, select.POLLIN)
        poller.register(self._wake_r, select.POLLIN)
        ready = {fd for fd, _ in poller.poll()}
        if self._wake_r in ready or self._ready not in ready:
            return
        self.queued_at = time.monotonic()
        if self._take(self._stop):
            with contextlib.suppress(OSError):
                os.write(self._go, b"go\n")
