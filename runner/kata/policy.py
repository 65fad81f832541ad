"""What learner code may use: the kata's import allowlist, checked before anything runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from runner.toolchain import GoToolchain

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


def check_sources(
    go: GoToolchain,
    pkg_dir: Path,
    learner_files: tuple[str, ...],
    allowed: tuple[str, ...],
    shown: dict[str, str] | None = None,
) -> list[str]:
    """Refusals from Go's own parser (gohelper.py), before anything is compiled.

    * A package-scope declaration of a predeclared identifier (`func len`, `type error`,
      `var nil`, `const iota`...): the learner's files share a package with the kata's tests,
      so such a declaration would change what the tests' own `len` or `error` mean.
    * A file its build constraints leave out (with the race tag, as the run builds).
    * An import the kata does not allow (`import "C"` included).

    The package directory must hold only go.mod and the learner files at this point. A file
    that does not parse is left to the compiler, which reports it with its position.
    """
    from runner.kata.gohelper import file_facts

    shown = shown or {}
    facts = file_facts(go, pkg_dir, learner_files)
    reasons: list[str] = []
    for name in learner_files:
        fact = facts.get(name)
        if fact is None:
            continue
        where = shown.get(name, name)
        for s in fact.predeclared:
            reasons.append(
                f"{where}:{s.line}: `{s.kind} {s.name}` declares the predeclared identifier {s.name} "
                "at package scope, which changes what it means in the kata's tests too; "
                "give it another name"
            )
    reasons += [
        f"{name} is left out of the build by its build constraints (a //go:build line); remove them"
        for name in learner_files
        if (fact := facts.get(name)) is not None and fact.ignored
    ]
    by_path: dict[str, list[str]] = {}
    for name in learner_files:
        fact = facts.get(name)
        if fact is None or fact.ignored:
            continue
        for spec in fact.imports:
            by_path.setdefault(spec.path, []).append(f"{shown.get(name, name)}:{spec.line}")
    allowed_set = set(allowed)
    for path in sorted(by_path):
        if path in allowed_set:
            continue
        why = DANGEROUS.get(path) or _family_reason(path)
        what = f'import "{path}" in {", ".join(dict.fromkeys(by_path[path]))}'
        reasons.append(
            f"{what} is not allowed in this kata"
            + (f": {why}" if why else "")
            + (f" (allowed: {', '.join(allowed)})" if allowed else " (this kata allows no imports)")
        )
    return reasons


def _family_reason(path: str) -> str:
    for prefix in ("net/", "os/"):
        if path.startswith(prefix):
            return DANGEROUS[prefix.rstrip("/")]
    if "." in path.split("/", 1)[0]:
        return "only the standard library is available"
    return ""
