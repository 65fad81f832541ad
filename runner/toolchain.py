"""The local Go toolchain: where it is, where its build cache is, and the errors when it cannot run a kata."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from runner.errors import ToolchainMissing

_lock = threading.Lock()
_cached: dict[str, GoToolchain] = {}


class RaceToolchainMissing(ToolchainMissing):
    """Go is there, but the race detector cannot build (it needs cgo and a C compiler)."""

    def __init__(self, detail: str) -> None:
        super().__init__("kata commands")
        self.message = f"the Go race detector cannot build here: {detail.strip()}"
        self.hint = ("Katas are graded with -race, which needs cgo and a C compiler: install gcc or clang "
                     "(e.g. `apt install gcc`, or `xcode-select --install` on macOS) and try again.")


class ToolchainTooOld(ToolchainMissing):
    def __init__(self, needed: str, have: str) -> None:
        super().__init__("kata commands")
        self.message = f"this kata needs Go {needed} or later; the installed Go is {have}"
        self.hint = "Install a newer Go from https://go.dev/doc/install and try again."


@dataclass(frozen=True)
class GoToolchain:
    exe: str
    version: str  # e.g. go1.26.8
    cache_dir: str  # the user's GOCACHE, shared so warm runs are fast


def find_go(what: str = "kata commands") -> GoToolchain:
    """The `go` on PATH, or ToolchainMissing (exit 3) naming what needed it."""
    exe = shutil.which("go")
    if exe is None:
        raise ToolchainMissing(what)
    with _lock:
        if exe in _cached:
            return _cached[exe]
    try:
        proc = subprocess.run([exe, "env", "GOVERSION", "GOCACHE"], capture_output=True, text=True, timeout=60,
                              check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        raise ToolchainMissing(what) from None
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) < 2:
        raise ToolchainMissing(what)
    version, cache = lines[0].strip(), lines[1].strip()
    if not cache or cache == "off":
        cache = str(_own_cache_dir())
    found = GoToolchain(exe, version, cache)
    with _lock:
        _cached[exe] = found
    return found


def _own_cache_dir() -> Path:
    import platformdirs

    path = Path(platformdirs.user_cache_dir("gokata", appauthor=False)) / "go-build"
    path.mkdir(parents=True, exist_ok=True)
    return path


# Kept from the caller's environment: finding programs and the C compiler the race detector
# needs. Everything else (tokens, GOFLAGS, proxies, GODEBUG...) is dropped.
_KEEP = ("PATH", "GOROOT", "CC", "CXX", "SDKROOT", "DEVELOPER_DIR", "SYSTEMROOT", "LANG")


def prepare_home(home: Path) -> None:
    """Turn Go telemetry off in the sandbox's HOME. Otherwise every go command counts into
    HOME/.config/go/telemetry and may leave an uploader process writing there while the
    sandbox is being removed."""
    for config in (home / ".config", home / "Library" / "Application Support"):
        mode = config / "go" / "telemetry" / "mode"
        mode.parent.mkdir(parents=True, exist_ok=True)
        mode.write_text("off\n", encoding="utf-8")


def sandbox_env(go: GoToolchain, *, home: Path, tmp: Path, memory_limit_mb: int,
                extra: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a sandboxed go command (call prepare_home on `home` first)."""
    env = {k: os.environ[k] for k in _KEEP if k in os.environ}
    env.setdefault("PATH", os.defpath)
    env.update({
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GOCACHE": go.cache_dir,
        "GOPATH": str(home / "go"),
        "GOMODCACHE": str(home / "go" / "pkg" / "mod"),
        "GOFLAGS": "",
        "GOENV": "off",
        "GOWORK": "off",
        "GOPROXY": "off",
        "GOSUMDB": "off",
        "GOTOOLCHAIN": "local",
        "GO111MODULE": "on",
        "CGO_ENABLED": "1",  # -race needs cgo
        "TMPDIR": str(tmp),
        "GOTMPDIR": str(tmp),
        # A soft heap target well under the hard limit: a legitimate program collects garbage
        # sooner instead of being stopped; a hog still grows and is stopped by the watchdog.
        "GOMEMLIMIT": f"{max(memory_limit_mb // 2, 64)}MiB",
        # The race runtime sleeps 1 s at exit by default so late races in leaked goroutines
        # get reported; 100 ms keeps most of that while not costing a second per run.
        "GORACE": "atexit_sleep_ms=100",
    })
    if extra:
        env.update(extra)
    return env
