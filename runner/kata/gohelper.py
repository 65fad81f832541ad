"""gokata's small Go helper: Go's own parser, asked about the learner's files before any build.

The helper (gohelper_go/main.go) is compiled once per toolchain and helper source into gokata's
cache and reused by every run. It reads files; it never compiles or runs learner code.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from runner.errors import ToolchainMissing
from runner.toolchain import GoToolchain, prepare_home, sandbox_env, tools_dir

SOURCE = Path(__file__).with_name("gohelper_go") / "main.go"  # not gohelper/: it would shadow this module for mypy
_GO_MOD = "module gokatahelper\n\ngo 1.21\n"
_lock = threading.Lock()
_built: dict[tuple[str, str], Path] = {}


class HelperBuildFailed(ToolchainMissing):
    def __init__(self, detail: str) -> None:
        super().__init__("kata commands")
        self.message = f"gokata's Go helper did not build: {detail.strip()[:500]}"
        self.hint = "Check that `go build` works on this machine (a Go 1.21 or later toolchain)."


@dataclass(frozen=True)
class ImportSpec:
    """One import of a Go file: the package path and its line."""

    path: str
    line: int
    dot: bool = False  # import . "path"


@dataclass(frozen=True)
class ForeignWrite:
    """A statement that changes a variable of an imported package (context.DeadlineExceeded = ...)."""

    target: str
    line: int
    column: int


@dataclass(frozen=True)
class Shadow:
    """A package-scope declaration of a predeclared name (len, error, ...)."""

    name: str
    kind: str  # func, type, var or const
    line: int
    column: int


@dataclass(frozen=True)
class FileFacts:
    """What Go's parser and build constraints say about one file."""

    name: str
    ignored: bool  # left out of the build by its build constraints (with the race tag)
    parse_error: str
    imports: tuple[ImportSpec, ...]
    predeclared: tuple[Shadow, ...]
    writes: tuple[ForeignWrite, ...] = ()


def helper_path(go: GoToolchain) -> Path:
    """The built helper for this toolchain, built now if it is not in the cache yet."""
    source = SOURCE.read_bytes()
    key = hashlib.sha256(b"\0".join((go.version.encode(), go.goroot.encode(), source))).hexdigest()[:20]
    with _lock:
        cached = _built.get((go.exe, key))
        if cached is not None:
            return cached
        exe = tools_dir() / f"gokata-helper-{key}{'.exe' if os.name == 'nt' else ''}"
        if not exe.is_file():
            _build(go, source, exe)
        _built[(go.exe, key)] = exe
        return exe


def _build(go: GoToolchain, source: bytes, exe: Path) -> None:
    exe.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gokata-helper-") as tmp:
        root = Path(tmp)
        src = root / "src"
        src.mkdir()
        (src / "go.mod").write_text(_GO_MOD, encoding="utf-8")
        (src / "main.go").write_bytes(source)
        home = root / "home"
        prepare_home(home)
        env = sandbox_env(go, home=home, tmp=root, memory_limit_mb=1024, extra={"CGO_ENABLED": "0"})
        partial = exe.with_name(f"{exe.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            proc = subprocess.run(
                [go.exe, "build", "-trimpath", "-o", str(partial), "."],
                cwd=src,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise HelperBuildFailed(str(exc)) from None
        if proc.returncode != 0 or not partial.is_file():
            partial.unlink(missing_ok=True)
            raise HelperBuildFailed(proc.stderr or proc.stdout)
        os.replace(partial, exe)  # atomic: another process building the same helper is harmless


def file_facts(go: GoToolchain, pkg_dir: Path, names: tuple[str, ...]) -> dict[str, FileFacts]:
    """What Go's parser and build constraints say about each of `names` in `pkg_dir`."""
    exe = helper_path(go)
    try:
        proc = subprocess.run(
            [str(exe), "check", str(pkg_dir), *names],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
            env={"PATH": os.environ.get("PATH", os.defpath), "CGO_ENABLED": "1"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise HelperBuildFailed(f"the helper did not run: {exc}") from None
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        raise HelperBuildFailed(f"the helper printed no report: {proc.stderr}") from None
    out: dict[str, FileFacts] = {}
    for item in data.get("files") or []:
        out[item["name"]] = FileFacts(
            name=item["name"],
            ignored=bool(item.get("ignored")),
            parse_error=item.get("parse_error") or "",
            imports=tuple(ImportSpec(i["path"], int(i["line"]), bool(i.get("dot"))) for i in item.get("imports") or []),
            predeclared=tuple(
                Shadow(s["name"], s["kind"], int(s["line"]), int(s["col"])) for s in item.get("predeclared") or []
            ),
            writes=tuple(ForeignWrite(w["target"], int(w["line"]), int(w["col"])) for w in item.get("writes") or []),
        )
    return out


def universe(go: GoToolchain) -> list[str]:
    """The names of Go's universe scope, from go/types of this toolchain."""
    proc = subprocess.run(
        [str(helper_path(go)), "universe"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return proc.stdout.split()
