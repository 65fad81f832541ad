"""The import graph of runner/: no cycles, and every arrow points down the layers of DESIGN.md.

Imports are read with `ast`, so imports inside functions count as much as those at the top;
only imports under `if TYPE_CHECKING:` are left out (they never run).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

RUNNER = Path(__file__).resolve().parent.parent / "runner"

# The layers, lowest first (DESIGN.md 8: cli -> ui -> engines -> reports -> results -> kinds -> content -> base). A module
# may import its own layer (engines: see ENGINE_ARROWS) and any layer below it, never one above.
# Each entry: layer name, then the module prefixes in it (the longest matching prefix wins).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # base: errors, paths, toolchain and the small helpers every layer may use; imports nothing above
    (
        "base",
        (
            "runner",
            "runner.errors",
            "runner.paths",
            "runner.files",
            "runner.toolchain",
            "runner.steps",
            "runner.program_output",
            "runner.digests",
            "runner.verified",  # the cache of checks that passed (kata verify, verify-snippets)
            "runner.config",  # the settings file: read, checked, written (errors and files only)
            "runner.outcome",  # the typed result every flow returns: a value and an ExitStatus
            "runner.lazy",  # import-on-first-use, so command modules stay cheap to load
            "runner.reports.jsonout",  # the one JSON writer: standard library only
            "runner.reports.files",  # writing a text file or stdout: standard library only
            "runner.answers.scale",  # the interviewer's scale of open scores: one pure function
            "runner.answers.limits",  # how long an answer may be: one number
            "runner.visible",  # outside text made safe to show (terminal, XML): standard library only
            "runner.interrupts",  # SIGTERM/SIGHUP as Ctrl-C, signals held back over writes that belong together
        ),
    ),
    # content: the bank and kata models, YAML loading, validation, lint
    ("content", ("runner.content",)),
    # kinds: one module per question kind, over the models; the registry dispatches to them
    ("kinds", ("runner.kinds",)),
    # results: the engines' plain result types (standard library only), which the writers below format
    ("results", ("runner.exam.model", "runner.kata.result")),
    # reports: writers of files and exports (DESIGN.md 8: runner/reports/): they turn result data into
    # JSON, Markdown, HTML, JUnit and CSV text; engines call them to write report files
    ("reports", ("runner.reports",)),
    # engines: the work of each feature; return values, raise GokataError, never print
    (
        "engines",
        (
            "runner.quiz",
            "runner.answers",
            "runner.kata",
            "runner.exam",
            "runner.interview",
            "runner.progress",
            "runner.doctor",
        ),
    ),
    # ui: Rich only: terminal renderers, prompts, the message catalogue
    ("ui", ("runner.ui",)),
    # cli: Typer commands, the error boundary and the entry point
    ("cli", ("runner.cli", "runner.__main__")),
)

# Engines may use each other only along these arrows (package -> packages it may import). They form
# no cycle, and each says why: the exam grades with the quiz's verdicts, the open-answer grader and
# the kata runner; the quiz and the interview read the progress store (weak topics, ratings) and
# grade open answers with the grader; the kata runner records through the Recorder protocol.
ENGINE_ARROWS: dict[str, frozenset[str]] = {
    # the quiz: verdicts carry the open-answer grade; --weak and saved sessions read the progress store
    "runner.quiz": frozenset({"runner.answers", "runner.progress"}),
    # the open-answer grader stands alone; its flow (`gokata answer`) records the graded answer
    "runner.answers": frozenset({"runner.progress"}),
    # the kata runner hands attempts and hint counts to a Recorder (progress/attempts.py)
    # (and `kata next` ranks katas by the quiz's weak topics)
    "runner.kata": frozenset({"runner.progress", "runner.quiz"}),
    # the exam: quiz verdicts and scripted answers, the open-answer grader, the kata runner for kata tasks
    "runner.exam": frozenset({"runner.quiz", "runner.answers", "runner.kata"}),
    # the interview: the grader, ratings and attempts from progress, weak topics from the quiz
    # (and the kata catalog, for the katas the debrief suggests)
    "runner.interview": frozenset({"runner.answers", "runner.progress", "runner.quiz", "runner.kata"}),
    # progress: the store, scheduling, statistics; uses no other engine
    "runner.progress": frozenset(),
    # doctor: checks the progress store, the kata workspace and whether the grader's extra is installed
    "runner.doctor": frozenset({"runner.progress", "runner.kata", "runner.answers"}),
}
RANK = {name: i for i, (name, _) in enumerate(LAYERS)}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in RUNNER.rglob("*.py"):
        parts = list(path.relative_to(RUNNER.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """(imported runner module, line) for every import that runs, at any depth."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]

    def resolve(name: str) -> str | None:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        return name or None

    def walk(node: ast.AST) -> Iterator[tuple[str, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    yield from walk_one(other)
                continue
            yield from walk_one(child)

    def walk_one(node: ast.AST) -> Iterator[tuple[str, int]]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "runner" and (target := resolve(alias.name)):
                    yield target, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            if source.split(".")[0] != "runner":
                return
            for alias in node.names:  # `from runner.kinds import single` imports a module
                target = resolve(f"{source}.{alias.name}") if f"{source}.{alias.name}" in MODULES else resolve(source)
                if target:
                    yield target, node.lineno
        else:
            yield from walk(node)

    yield from walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))


@functools.cache
def _graph() -> dict[str, dict[str, int]]:
    graph: dict[str, dict[str, int]] = {m: {} for m in MODULES}
    for module, path in MODULES.items():
        for target, line in _imported(module, path):
            if target != module:
                graph[module].setdefault(target, line)
    return graph


def _best(module: str, prefixes: tuple[str, ...]) -> str | None:
    # `runner` itself (runner/__init__.py) is one module, not the prefix of every other
    hits = [p for p in prefixes if module == p or (p != "runner" and module.startswith(p + "."))]
    return max(hits, key=len) if hits else None


def _layer(module: str) -> str:
    ranked = [(len(hit), name) for name, prefixes in LAYERS if (hit := _best(module, prefixes))]
    assert ranked, f"{module} is in no layer: add it to LAYERS in tests/test_imports.py"
    return max(ranked)[1]


def _engine(module: str) -> str:
    hit = _best(module, tuple(ENGINE_ARROWS))
    assert hit, module
    return hit


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_reader_sees_imports_inside_functions_and_skips_type_checking() -> None:
    edges = _graph()
    assert "runner.kinds.single" in edges["runner.kinds.registry"]  # imported inside `by_name`
    assert "runner.progress.store" in edges["runner.progress.recorder"]  # inside `open_recorder`
    assert "runner.kinds.base" not in edges["runner.kinds.registry"]  # only under TYPE_CHECKING


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def _unit(module: str) -> str:
    """The package a module belongs to (runner.quiz), or the module itself when it is listed alone."""
    listed = {p for _, prefixes in LAYERS for p in prefixes}
    return module if module in listed else ".".join(module.split(".")[:2])


def test_no_cycles_between_packages_either() -> None:
    packages: dict[str, dict[str, int]] = {}
    for module, targets in _graph().items():
        src = _unit(module)
        packages.setdefault(src, {})
        for target in targets:
            dst = _unit(target)
            packages.setdefault(dst, {})
            if dst != src:
                packages[src][dst] = 0
    assert _cycles(packages) == []


def test_every_import_points_down_the_layers() -> None:
    upward: list[str] = []
    for module, targets in sorted(_graph().items()):
        here = _layer(module)
        for target, line in sorted(targets.items()):
            there = _layer(target)
            if RANK[there] > RANK[here]:
                upward.append(
                    f"{MODULES[module].relative_to(RUNNER.parent)}:{line}: {module} ({here}) -> {target} ({there})"
                )
            elif here == there == "engines":
                src, dst = _engine(module), _engine(target)
                if src != dst and dst not in ENGINE_ARROWS[src]:
                    upward.append(
                        f"{MODULES[module].relative_to(RUNNER.parent)}:{line}: {src} -> {dst} is not in ENGINE_ARROWS"
                    )
    assert upward == [], "\n".join(upward)


def test_engine_arrows_have_no_cycle() -> None:
    graph = {src: dict.fromkeys(dsts, 0) for src, dsts in ENGINE_ARROWS.items()}
    assert _cycles(graph) == []


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        _layer(module)
