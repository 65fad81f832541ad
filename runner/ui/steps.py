"""Showing the progress of long work: a Rich bar on a terminal, a line per step through a pipe,
nothing when `quiet` (with --json stdout carries one JSON object, and stderr stays quiet)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from runner.steps import OnStep, Step
from runner.ui.console import err


@contextmanager
def step_reporter(what: str, *, quiet: bool = False, console: Console | None = None) -> Iterator[OnStep | None]:
    if quiet:
        yield None
        return
    console = console or err()
    if not console.is_terminal:

        def line(step: Step) -> None:
            mark = "ok" if step.ok else "FAILED"
            console.print(f"[{step.done}/{step.total}] {escape(step.label)}: {mark}", soft_wrap=True, highlight=False)

        yield line
        return
    progress = Progress(
        TextColumn(f"{escape(what)}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[red]{task.fields[failures]} failed[/]"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task(what, total=None, failures=0)

    def bar(step: Step) -> None:
        progress.update(task, total=step.total, completed=step.done, failures=step.failures, refresh=True)

    with progress:
        yield bar
