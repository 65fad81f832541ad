"""The OS sandbox around the test binary, where the machine has one.

`go test -exec PREFIX` runs the compiled test binary as `PREFIX binary args`, so only the
learner's code (and the kata's tests) is inside; the go command and the compiler are not.

* bwrap (bubblewrap, the sandbox Flatpak uses), when it is on PATH and works here: the root
  file system read-only, the user's home hidden behind an empty tmpfs, a private /tmp, only the
  run's own folder writable, no network (a new network namespace has only a loopback that is
  down), a new PID namespace, a new session, and the sandbox dies with its parent.
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
import platform
import shutil
import subprocess
import threading
import time
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
    kind: Isolation
    prefix: tuple[str, ...]  # what `go test -exec` runs the test binary with; empty: run it directly

    def exec_flag(self) -> list[str]:
        return [f"-exec={' '.join(_quote(a) for a in self.prefix)}"] if self.prefix else []

    @property
    def notice(self) -> str:
        return NOTICE if self.kind == "limits-only" else ""


def plan_for(run_root: Path) -> Plan:
    """The strongest isolation available for a run whose writable folder is `run_root`."""
    wanted = os.environ.get("GOKATA_SANDBOX", "").strip().lower()
    if wanted in ("", "auto", "bwrap"):
        bwrap = shutil.which("bwrap")
        if bwrap and _works("bwrap", [bwrap, *_bwrap_args(Path("/")), "true"]):
            return Plan("bwrap", (bwrap, *_bwrap_args(run_root)))
    if wanted in ("", "auto", "bwrap", "unshare"):
        unshare = shutil.which("unshare")
        if unshare and _works("unshare", [unshare, "-rn", "true"]):
            return Plan("unshare", (unshare, "-rn"))
    return Plan("limits-only", ())


def _bwrap_args(run_root: Path) -> list[str]:
    args = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    home = Path.home()
    if home != Path("/") and home.is_dir():
        args += ["--tmpfs", str(home)]  # the user's files: not even readable
    root = str(run_root)
    if root != "/":
        args += ["--bind", root, root]  # after the tmpfs mounts, so a run folder under /tmp stays visible
    return [
        *args,
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--new-session",
        "--die-with-parent",
        "--",
    ]


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
    return f"{os.path.realpath(exe)}|{stamp}|{platform.release()}|{uid}"


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
