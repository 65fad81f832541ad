"""Start-up of the commands that read content, each against a floor built in the same run.

The floor of a command (issue 16) is a minimal Typer app with one command taking the same
options as the real one and printing one Rich table: what any Typer + Rich tool pays before it
does any work. It is generated here from the real command's parameters, so it keeps up when a
command gains options. Target: every command within 1.25x of its floor. `gokata --help` is
measured against `import typer, rich.console` as before (issue 2: at most 1.5x).

Every command runs as a whole process (what a learner waits for) on the bundled banks and katas,
with a fresh GOKATA_HOME and warm caches (each command runs once before timing). Rounds are
interleaved, command and floor back to back, so machine load hurts both alike; medians reported.
Nothing here passes or fails on time.

Run: python -m tests.bench.bench_startup [--runs N] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench.common import bytecode_env

TARGET = 1.25
HELP_TARGET = 1.5


@dataclass(frozen=True)
class Case:
    name: str
    path: tuple[str, ...]  # the command's path under gokata: ("topics",), ("kata", "list")
    args: tuple[str, ...]  # the arguments after it


def _cases(work: Path) -> list[Case]:
    from runner.content.catalog import load_catalog
    from runner.content.models import OpenQuestion

    catalog = load_catalog()
    answers: dict[str, str] = {}
    opens = [q for q in catalog.questions if isinstance(q, OpenQuestion)]
    for q in catalog.questions:  # 20 answers, a few of them open (their grader compiles on first use)
        if len(answers) >= 20:
            break
        if isinstance(q, OpenQuestion):
            continue
        answers[q.id] = {"single": "A", "multi": "A", "truefalse": "true", "spot-the-bug": "1"}.get(q.kind, "x")
    for q in opens[:4]:
        answers.popitem()
        answers[q.id] = "The context carries cancellation and deadlines; callers must call cancel."
    answers_file = work / "answers.yaml"
    answers_file.write_text(json.dumps(answers), encoding="utf-8")  # JSON is YAML
    answer_file = work / "answer.txt"
    answer_file.write_text(
        "It is cancelled when the parent is cancelled, and cancel must be called to free it.\n", encoding="utf-8"
    )
    return [
        Case("topics", ("topics",), ()),
        Case("quiz --answers F --json", ("quiz",), ("--answers", str(answers_file), "--json")),
        Case("answer ID --file F --json", ("answer",), (opens[0].id, "--file", str(answer_file), "--json")),
        Case("review", ("review",), ("--new", "0")),
        Case("stats", ("stats",), ()),
        Case("kata list", ("kata", "list"), ()),
    ]


def floor_script(path: Sequence[str]) -> str:
    """A one-command Typer app with the same parameters as `gokata <path>`, printing one Rich table."""
    import typer

    from runner.cli.main import app

    command = typer.main.get_command(app)
    for part in path:
        command = command.commands[part]  # type: ignore[attr-defined]
    params: list[str] = []
    enums: dict[str, str] = {}

    def spell(annotation: Any) -> str:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is list:
            return f"list[{spell(args[0])}]"
        if origin in (typing.Union, types.UnionType):
            return " | ".join(spell(a) for a in args)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            name = f"E{len(enums)}"
            members = "\n".join(f"    m{j} = {m.value!r}" for j, m in enumerate(annotation))
            enums.setdefault(annotation.__qualname__, f"class {name}(StrEnum):\n{members}\n")
            return enums[annotation.__qualname__].split("(", 1)[0].removeprefix("class ")
        if annotation is type(None):
            return "None"
        return {int: "int", float: "float", bool: "bool", str: "str", Path: "Path"}.get(annotation, "str")

    for p in command.params:
        descriptor = getattr(p, "type_descriptor", None)
        py = spell(descriptor.annotation) if descriptor is not None else "str"
        if "Argument" in type(p).__name__:
            params.append(f"    {p.name}: {py} = typer.Argument(...),")
            continue
        decls = ", ".join(repr(o) for o in p.opts)
        bounds = "".join(f", {b}={getattr(p, b)!r}" for b in ("min", "max") if getattr(p, b, None) is not None)
        if getattr(p, "is_flag", False):
            params.append(f"    {p.name}: bool = typer.Option(False, {decls}, help='a flag'),")
        else:
            default = p.default
            if isinstance(default, enum.Enum):
                spelled = f"{spell(type(default))}({default.value!r})"
            elif isinstance(default, int | float | str) and not isinstance(default, bool):
                spelled = repr(default)
            else:
                spelled, py = "None", py if "None" in py else f"{py} | None"
            params.append(f"    {p.name}: {py} = typer.Option({spelled}, {decls}{bounds}, help='an option'),")
    return textwrap.dedent("""\
        from enum import StrEnum
        from pathlib import Path

        import typer
        from rich.console import Console
        from rich.table import Table

        app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)

        {enums}

        @app.command()
        def main(
        {params}
        ) -> None:
            table = Table("topic", "questions")
            table.add_row("slices", "42")
            Console().print(table)


        app()
        """).format(enums="\n".join(enums.values()), params="\n".join(params))


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run. CPU time is what a loaded machine distorts least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stderr.decode()[-2000:]}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", action="append", help="only the cases whose name starts with this")
    args = parser.parse_args()
    env, note = bytecode_env()
    with tempfile.TemporaryDirectory(prefix="gokata-bench-startup-") as tmp_name:
        work = Path(tmp_name)
        env = {**env, "GOKATA_HOME": str(work / "home"), "COLUMNS": "120", "NO_COLOR": "1"}
        for var in ("GOKATA_QUESTIONS", "GOKATA_KATAS"):
            env.pop(var, None)
        os.environ.update({"GOKATA_HOME": env["GOKATA_HOME"]})
        cases = [c for c in _cases(work) if not args.only or any(c.name.startswith(o) for o in args.only)]
        py = sys.executable
        pairs: list[tuple[str, list[str], list[str]]] = [
            ("--help", [py, "-m", "runner", "--help"], [py, "-c", "import typer, rich.console"]),
        ]
        for case in cases:
            script = work / f"floor_{len(pairs)}.py"
            script.write_text(floor_script(case.path), encoding="utf-8")
            pairs.append((case.name, [py, "-m", "runner", *case.path, *case.args], [py, str(script), *case.args]))
        for _, real, floor in pairs:  # warm: bank cache, bytecode, store schema
            _time(real, env)
            _time(floor, env)
        Sample = tuple[float, float]
        times: dict[str, tuple[list[Sample], list[Sample]]] = {name: ([], []) for name, _, _ in pairs}
        for _ in range(args.runs):
            for name, real, floor in pairs:
                times[name][0].append(_time(real, env))
                times[name][1].append(_time(floor, env))
    print(f"start-up, median of {args.runs} interleaved runs, load average {os.getloadavg()[0]:.1f}{note}")
    print("  (the target is on wall time; CPU time is the steadier figure on a busy machine)")
    for name, (real_t, floor_t) in times.items():
        r, f = statistics.median(w for w, _ in real_t), statistics.median(w for w, _ in floor_t)
        rc, fc = statistics.median(c for _, c in real_t), statistics.median(c for _, c in floor_t)
        target = HELP_TARGET if name == "--help" else TARGET
        floor_name = "import typer, rich.console" if name == "--help" else "floor app"
        print(
            f"  gokata {name:27s} {r * 1000:6.0f} ms   {floor_name} {f * 1000:5.0f} ms   "
            f"ratio {r / f:.2f}x (target <= {target}x)   CPU {rc * 1000:4.0f}/{fc * 1000:4.0f} ms = {rc / fc:.2f}x"
        )


if __name__ == "__main__":
    main()
