"""What learner code may use: the kata's import allowlist, checked before anything runs."""

from __future__ import annotations

import re
from pathlib import Path

from runner.kata.phrases import NOTHING, Said, say
from runner.toolchain import GoToolchain

# Named in refusals: these give a way around the sandbox or the result channel
# (the process, files, environment, memory, hidden identifiers). A kata can still allow one.
DANGEROUS = frozenset(
    {"os", "os/exec", "os/signal", "syscall", "unsafe", "runtime/debug", "reflect", "plugin", "net", "C"}
)
_DIRECTIVE = re.compile(r"^[ \t]*//go:([A-Za-z0-9_]*)", re.M)
# Compiler directives that change nothing the tests rely on. Every other one is refused: each
# changes how the compiled code meets the tests or the race detector (`//go:norace` turns a data
# race the hidden tests exist to catch into a pass), and none is needed to solve a kata.
_HARMLESS_DIRECTIVES = frozenset({"build", "generate", "noinline"})
MAX_LEARNER_FILE = 1 << 20


def check_files(pkg_dir: Path, learner_files: tuple[str, ...]) -> list[Said]:
    """Refusals that need no toolchain: compiler directives in the learner's text."""
    reasons: list[Said] = []
    for name in learner_files:
        text = (pkg_dir / name).read_text(encoding="utf-8", errors="replace")
        for m in _DIRECTIVE.finditer(text):
            directive = m.group(1)
            if directive in _HARMLESS_DIRECTIVES:
                continue
            line = text.count("\n", 0, m.start()) + 1
            if directive == "linkname":
                reasons.append(say("refuse.linkname", name=f"{name}:{line}"))
            elif directive.startswith("cgo_"):
                reasons.append(say("refuse.cgo", name=f"{name}:{line}"))
            else:
                reasons.append(say("refuse.directive", where=f"{name}:{line}", directive=directive))
    return reasons


def check_sources(
    go: GoToolchain,
    pkg_dir: Path,
    learner_files: tuple[str, ...],
    allowed: tuple[str, ...],
    shown: dict[str, str] | None = None,
) -> list[Said]:
    """Refusals from Go's own parser (gohelper.py), before anything is compiled.

    * A package-scope declaration of a predeclared identifier (`func len`, `type error`,
      `var nil`, `const iota`...): the learner's files share a package with the kata's tests,
      so such a declaration would change what the tests' own `len` or `error` mean.
    * A write to a variable of an imported package (`context.DeadlineExceeded = ...`,
      `http.DefaultClient.Timeout = ...`, `&io.EOF`), and a dot import, which would hide one: the
      tests compare with those variables and use them in the same process.
    * A file its build constraints leave out (with the race tag, as the run builds).
    * An import the kata does not allow (`import "C"` included).

    The package directory must hold only go.mod and the learner files at this point. A file
    that does not parse is left to the compiler, which reports it with its position.
    """
    from runner.kata.gohelper import file_facts

    shown = shown or {}
    facts = file_facts(go, pkg_dir, learner_files)
    reasons: list[Said] = []
    for name in learner_files:
        fact = facts.get(name)
        if fact is None:
            continue
        where = shown.get(name, name)
        for s in fact.predeclared:
            reasons.append(say("refuse.predeclared", where=where, line=s.line, kind=s.kind, ident=s.name))
        for w in fact.writes:
            reasons.append(say("refuse.foreign_write", where=where, line=w.line, target=w.target))
        for spec in fact.imports:
            if spec.dot:
                reasons.append(say("refuse.dot_import", where=f"{where}:{spec.line}", path=spec.path))
    reasons += [
        say("refuse.constraints", name=name)
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
        why = _danger(path)
        what = say("refuse.import_what", path=path, where=", ".join(dict.fromkeys(by_path[path])))
        reasons.append(
            say(
                "refuse.import",
                what=what,
                why=say("refuse.why", why=why) if why else NOTHING,
                allowed=say("refuse.allowed", names=", ".join(allowed)) if allowed else say("refuse.no_imports"),
            )
        )
    return reasons


def _danger(path: str) -> Said:
    """Why an import is named in a refusal: what it would give the learner's code."""
    if path in DANGEROUS:
        return say(f"danger.{path}")
    for family in ("net", "os"):
        if path.startswith(family + "/"):
            return say(f"danger.{family}")
    if "." in path.split("/", 1)[0]:
        return say("danger.module")
    return NOTHING
