"""The local Go toolchain: where it is, where its build cache is, and the errors when it cannot run a kata."""

from __future__ import annotations

import contextlib
import json
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
        self.hint = (
            "Katas are graded with -race, which needs cgo and a C compiler: install gcc or clang "
            "(e.g. `apt install gcc`, or `xcode-select --install` on macOS) and try again."
        )


class ToolchainTooOld(ToolchainMissing):
    def __init__(self, needed: str, have: str) -> None:
        super().__init__("kata commands")
        self.message = f"this kata needs Go {needed} or later; the installed Go is {have}"
        self.hint = "Install a newer Go from https://go.dev/doc/install and try again."


@dataclass(frozen=True)
class GoToolchain:
    exe: str
    version: str  # e.g. go1.26.8
    cache_dir: str  # gokata's own GOCACHE (see gocache.py): never the user's
    goroot: str = ""


def find_go(what: str = "kata commands") -> GoToolchain:
    """The `go` on PATH, or ToolchainMissing (exit 3) naming what needed it.

    Its facts (version, GOROOT) are read from the installation's VERSION file when it has the
    standard layout, else asked of `go env` once and remembered on disk per executable
    (path, size, mtime): no Go process is started for them on a warm machine.
    """
    exe = shutil.which("go")
    if exe is None:
        raise ToolchainMissing(what)
    with _lock:
        if exe in _cached:
            return _cached[exe]
    facts = _facts_from_layout(exe) or _facts_from_disk(exe) or _facts_from_go_env(exe, what)
    found = GoToolchain(exe, facts[0], str(own_cache_dir()), facts[1])
    with _lock:
        _cached[exe] = found
    return found


def _facts_from_layout(exe: str) -> tuple[str, str] | None:
    """GOROOT/bin/go beside GOROOT/VERSION, and no GOROOT override in the environment."""
    if os.environ.get("GOROOT"):
        return None
    real = Path(os.path.realpath(exe))
    root = real.parent.parent
    if real.parent.name != "bin" or not (root / "src" / "runtime").is_dir():
        return None
    try:
        first = (root / "VERSION").read_text(encoding="utf-8").splitlines()[0].strip()
    except (OSError, IndexError):
        return None
    return (first, str(root)) if first.startswith("go1") else None


def _exe_key(exe: str) -> str | None:
    try:
        real = os.path.realpath(exe)
        st = os.stat(real)
    except OSError:
        return None
    return f"{real}|{st.st_size}|{st.st_mtime_ns}|{os.environ.get('GOROOT', '')}"


def _facts_file() -> Path:
    return tools_dir() / "toolchains.json"


def _facts_from_disk(exe: str) -> tuple[str, str] | None:
    key = _exe_key(exe)
    try:
        data = json.loads(_facts_file().read_text(encoding="utf-8"))
        version, goroot = data[key]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (version, goroot) if isinstance(version, str) and isinstance(goroot, str) else None


def _facts_from_go_env(exe: str, what: str) -> tuple[str, str]:
    try:
        proc = subprocess.run(
            [exe, "env", "GOVERSION", "GOROOT"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "GOTOOLCHAIN": "local", "GOFLAGS": ""},
        )
    except (OSError, subprocess.TimeoutExpired):
        raise ToolchainMissing(what) from None
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) < 2 or not lines[0].strip():
        raise ToolchainMissing(what)
    facts = (lines[0].strip(), lines[1].strip())
    key = _exe_key(exe)
    if key is not None:
        with contextlib.suppress(OSError, ValueError):
            path = _facts_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            if not isinstance(data, dict) or len(data) > 50:
                data = {}
            data[key] = list(facts)
            partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps(data), encoding="utf-8")
            os.replace(partial, path)
    return facts


def _user_cache_root() -> Path:
    """gokata's folder in the platform's user cache directory. Not under GOKATA_HOME: the build
    cache is shared by every run on the machine, tests included, so warm runs stay warm."""
    override = os.environ.get("GOKATA_GO_CACHE_ROOT")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("gokata", appauthor=False))


def own_cache_dir() -> Path:
    """The GOCACHE of every sandboxed go command: gokata's own, capped and trimmed (gocache.py)."""
    path = _user_cache_root() / "go-build"
    path.mkdir(parents=True, exist_ok=True)
    return path


def tools_dir() -> Path:
    """Where gokata keeps what it builds or learns once per toolchain (the Go helper, go env facts)."""
    path = _user_cache_root() / "tools"
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


def sandbox_env(
    go: GoToolchain, *, home: Path, tmp: Path, memory_limit_mb: int, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """The whole environment of a sandboxed go command (call prepare_home on `home` first)."""
    env = {k: os.environ[k] for k in _KEEP if k in os.environ}
    env.setdefault("PATH", os.defpath)
    env.update(
        {
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
            "GORACE": "atexit_sleep_ms=100",  # grade.py adds log_path for the test run
        }
    )
    if extra:
        env.update(extra)
    return env
