"""What learner code may use: the kata's import allowlist, checked before anything runs."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Named in refusals: these give a way around the sandbox or the result channel
# (the process, files, environment, memory, hidden identifiers). A kata can still allow one.
DANGEROUS = {
    "os": "it reaches the process, its files and environment (os.Exit can fake a clean run)",
    "os/exec": "it starts other programs",
    "os/signal": "it can intercept the signals that stop a run",
    "syscall": "it makes raw system calls",
    "unsafe": "it reads and writes arbitrary memory",
    "runtime/debug": "it changes the runtime's limits and can hide crashes",
    "reflect": "it reaches unexported and generated identifiers",
    "plugin": "it loads compiled code",
    "net": "the sandbox has no network",
    "C": "cgo runs C code outside Go's safety",
}
_LINKNAME = re.compile(r"^\s*//go:linkname\b", re.M)
_CGO_DIRECTIVE = re.compile(r"^\s*//go:cgo_", re.M)
MAX_LEARNER_FILE = 1 << 20
_TOO_OLD = re.compile(r"requires go >= (\S+) \(running go (\S+?)[;)]")


@dataclass(frozen=True)
class Refusal:
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons)


def check_files(pkg_dir: Path, learner_files: tuple[str, ...]) -> list[str]:
    """Refusals that need no toolchain: linkname and cgo directives in the learner's text."""
    reasons: list[str] = []
    for name in learner_files:
        text = (pkg_dir / name).read_text(encoding="utf-8", errors="replace")
        if _LINKNAME.search(text):
            reasons.append(f"{name}: //go:linkname is refused (it reaches unexported runtime and test code)")
        if _CGO_DIRECTIVE.search(text):
            reasons.append(f"{name}: //go:cgo_ directives are refused")
    return reasons


def check_imports(go_exe: str, pkg_dir: Path, env: dict[str, str], learner_files: tuple[str, ...],
                  allowed: tuple[str, ...], *, timeout: float = 60.0) -> list[str]:
    """Ask `go list` (with -race, so files built only under the race tag count too) what the
    learner files import, and refuse what the kata does not allow.

    The package directory must hold only go.mod and the learner files at this point. A file
    that does not parse is left to the compiler, which reports it with its position.
    """
    try:
        proc = subprocess.run([go_exe, "list", "-e", "-json", "-race", "."], cwd=pkg_dir, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return ["the imports could not be checked in time"]
    too_old = _TOO_OLD.search(proc.stderr)
    if too_old:
        from runner.toolchain import ToolchainTooOld

        raise ToolchainTooOld(too_old.group(1), too_old.group(2))
    try:
        info = json.loads(proc.stdout) if proc.stdout.strip() else None
    except ValueError:
        info = None
    if not isinstance(info, dict):
        # Without a listing nothing is known about the imports, so nothing runs.
        detail = proc.stderr.strip().splitlines()[:3]
        return ["the imports could not be listed" + (f": {' '.join(detail)}" if detail else "")]
    reasons: list[str] = [
        f"{name} is left out of the build by its build constraints (a //go:build line); remove them"
        for name in info.get("IgnoredGoFiles") or [] if name in learner_files]
    imports: list[str] = list(info.get("Imports") or [])
    if info.get("CgoFiles") and "C" not in imports:
        imports.append("C")
    allowed_set = set(allowed)
    for path in sorted(set(imports)):
        if path in allowed_set:
            continue
        where = _importers(pkg_dir, learner_files, path)
        why = DANGEROUS.get(path) or _family_reason(path)
        what = f'import "{path}"' + (f" in {', '.join(where)}" if where else "")
        reasons.append(f"{what} is not allowed in this kata" + (f": {why}" if why else "")
                       + (f" (allowed: {', '.join(allowed)})" if allowed else " (this kata allows no imports)"))
    return reasons


def _family_reason(path: str) -> str:
    for prefix in ("net/", "os/"):
        if path.startswith(prefix):
            return DANGEROUS[prefix.rstrip("/")]
    if "." in path.split("/", 1)[0]:
        return "only the standard library is available"
    return ""


def _importers(pkg_dir: Path, learner_files: tuple[str, ...], path: str) -> list[str]:
    quoted = f'"{path}"'
    found = []
    for name in learner_files:
        try:
            if quoted in (pkg_dir / name).read_text(encoding="utf-8", errors="replace"):
                found.append(name)
        except OSError:
            continue
    return found
