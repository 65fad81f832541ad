"""Rendering for `gokata kata ...`, and the watch command's quit key."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from runner.ui.console import err, out

if TYPE_CHECKING:
    from pathlib import Path

    from runner.errors import GokataError, Problem
    from runner.kata.catalog import Kata
    from runner.kata.hints import HintView
    from runner.kata.result import KataResult
    from runner.kata.verify import VerifyReport
    from runner.kata.workspace import ResetReport, StartReport

VERDICT = {
    "pass": ("PASS", "bold green"),
    "fail": ("FAIL", "bold red"),
    "compile_error": ("COMPILE ERROR", "bold red"),
    "timeout": ("TIME-OUT", "bold red"),
    "race": ("DATA RACE", "bold red"),
    "rejected": ("REJECTED", "bold magenta"),
}
TEST_MARK = {"pass": ("PASS", "green"), "fail": ("FAIL", "red"), "skip": ("SKIP", "yellow")}


def render_progress(message: str) -> None:
    err().print(f"[dim]{escape(message)}[/]", soft_wrap=True)


# -- list --------------------------------------------------------------------------------------

def render_list(rows: list[dict[str, Any]], problems: list[Problem]) -> None:
    # Light rules and no outer edge leave the title room on an 80-column terminal.
    table = Table(title=f"{len(rows)} kata(s)", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  collapse_padding=True)
    # The slug is what the learner types next, so it is never cut. On a narrow terminal the title
    # goes under its slug instead of into a column a dozen characters wide.
    slug_width = max((len(r["slug"]) for r in rows), default=4)
    narrow = out().width < slug_width + 70
    table.add_column("slug / title" if narrow else "slug", no_wrap=not narrow, min_width=slug_width,
                     overflow="fold")
    if not narrow:
        table.add_column("title", overflow="fold", ratio=1)
    table.add_column("topic", no_wrap=True)
    table.add_column("level", no_wrap=True)
    table.add_column("status", no_wrap=True)
    style = {"passed": "green", "failing": "red", "not started": "dim"}
    for row in rows:
        slug, title = escape(row["slug"]), escape(row["title"])
        first: list[RenderableType] = (
            [Group(Text(row["slug"]), Padding(Text(row["title"], style="dim"), (0, 0, 0, 2)))]
            if narrow
            else [slug, title]
        )
        table.add_row(*first, escape(row["topic"]), "*" * row["difficulty"],
                      f"[{style[row['status']]}]{row['status']}[/]")
    out().print(table)
    if rows:
        out().print("Start one with [bold]gokata kata start SLUG[/].")
    for problem in problems:
        err().print(f"[yellow]skipped a broken kata:[/] {escape(str(problem))}", soft_wrap=True)


# -- start / reset / hint ----------------------------------------------------------------------

def render_start(kata: Kata, report: StartReport, *, lang: str, go_missing: str | None) -> None:
    console = out()
    where = escape(str(report.directory))
    if report.created:
        console.print(f"[bold]{escape(kata.title(lang))}[/] ([dim]{escape(kata.slug)}[/])")
        console.print(f"Workspace: [bold]{where}[/]")
    else:
        console.print(f"The workspace for {escape(kata.slug)} is already there: [bold]{where}[/] (left as it is; "
                      f"`gokata kata reset {escape(kata.slug)}` starts over).")
    if kata.spec.summary:
        console.print(escape(kata.spec.summary.get("zh" if lang == "zh" else "en")), soft_wrap=True)
    console.print(f"Read:  {escape(str(report.directory / kata.readme(lang).name))}")
    console.print(f"Edit:  {', '.join(escape(str(report.directory / n)) for n in report.learner_files)}")
    if report.test_files:
        console.print(f"Tests you can read: {', '.join(escape(n) for n in report.test_files)} "
                      "(hidden tests run too when you test)")
    # One command per line, never wrapped: what to type next must survive 80 columns and pipes.
    console.print(f"Test:  [bold]gokata kata test {escape(kata.slug)}[/]", soft_wrap=True)
    console.print(f"Watch: [bold]gokata kata watch {escape(kata.slug)}[/]  (re-tests on every save)", soft_wrap=True)
    console.print(f"Stuck: [bold]gokata kata hint {escape(kata.slug)}[/]", soft_wrap=True)
    if go_missing:
        err().print(f"[yellow]note:[/] {escape(go_missing)}", soft_wrap=True)


def render_reset(kata: Kata, report: ResetReport) -> None:
    out().print(f"{escape(kata.slug)}: the starter files are back in {escape(str(report.directory))}")
    if report.backup:
        out().print(f"Your previous files are kept in {escape(str(report.backup))}")


def render_hint(view: HintView) -> None:
    console = out()
    for i, text in enumerate(view.earlier, start=1):
        console.print(f"[dim]hint {i}/{view.total}: {escape(text)}[/]", soft_wrap=True)
    console.print(f"[bold]hint {view.level}/{view.total}:[/] {escape(view.text)}", soft_wrap=True)
    if view.exhausted:
        console.print("[dim]That was the last hint.[/]")


# -- a graded run ------------------------------------------------------------------------------

def render_result(result: KataResult, *, kata: Kata, code: str) -> None:
    console = out()
    which = "visible tests only" if result.visible_only else "visible and hidden tests"
    console.print(f"[bold]{escape(kata.slug)}[/] — {escape(kata.title())}")
    console.print(f"[dim]code: {escape(code)} ({which})[/]")
    width = max((len(t.name) for t in result.tests), default=10)
    for test in result.tests:
        mark, style = TEST_MARK[test.status]
        tag = " [dim](hidden)[/]" if test.hidden else ""
        console.print(f" [{style}]{mark}[/]  {escape(test.name.ljust(width))}{tag}")
        if test.message and test.status != "pass" and result.status not in ("compile_error", "rejected"):
            # Wrapped at word boundaries and indented under the test, at any terminal width.
            console.print(Padding(Text(test.message.rstrip("\n")), (0, 0, 0, 7)), highlight=False)
    if result.compile_errors:
        console.print("[bold]compile errors[/]")
        for e in result.compile_errors:
            hidden = " [dim](in a hidden test)[/]" if e.in_hidden_test else ""
            for i, line in enumerate(str(e).splitlines()):
                console.print(f"  {escape(line)}{hidden if i == 0 else ''}", soft_wrap=True)
    for race in result.races:
        during = f" during {escape(race.test)}" if race.test else ""
        console.print(f"[bold]data race{during}[/]")
        for access in race.accesses:
            console.print(f"  {escape(str(access))}", soft_wrap=True)
    # A time-out's running tests and blocked goroutines are in the summary, printed last.
    if result.status in ("compile_error", "rejected") and result.tests:
        console.print(f"[dim]every test: {escape(result.tests[0].message)}[/]")
    if result.details and result.status in ("rejected", "fail", "race") and result.details not in result.summary:
        console.print("[bold]details[/]")
        for line in result.details.splitlines()[:20]:
            console.print(f"  {escape(line)}", soft_wrap=True)
    if result.ignored:
        console.print("[bold]not used from your folder[/]")
        for note in result.ignored:
            console.print(f"  {escape(note)}", soft_wrap=True)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {escape(note)}", soft_wrap=True)
    word, style = VERDICT[result.status]
    console.print(f"[{style}]{word}[/]  {result.passed}/{result.total} tests passed · score {result.score:.2f}"
                  f" · {result.duration_s:.1f} s")
    for line in result.summary.splitlines():
        console.print(escape(line), soft_wrap=True, highlight=False)


def render_watch_header(directory: Path, *, tty: bool) -> None:
    quit_how = "press q (or Ctrl-C) to stop" if tty else "Ctrl-C or a line with q to stop"
    err().print(f"[dim]watching {escape(str(directory))} — re-testing on every save; {quit_how}[/]")


def render_watch_separator() -> None:
    out().rule(style="dim")


def render_watch_error(exc: GokataError) -> None:
    from runner.ui.errors import render_error

    render_error(exc)


# -- verify ------------------------------------------------------------------------------------

def render_verify(report: VerifyReport) -> None:
    console = out()
    table = Table(title=f"kata verify: {len(report.katas)} kata(s), {report.duration_s:.1f} s, {report.jobs} job(s)")
    for column in ("kata", "runs", "mutants", "result"):
        table.add_column(column)
    for check in report.katas:
        table.add_row(escape(check.slug), str(check.runs), str(check.mutants),
                      "[green]ok[/]" if check.ok else f"[red]{len(check.problems)} problem(s)[/]")
    console.print(table)
    for check in report.katas:
        for line in check.text_lines():  # who rejected each mutant: visible, hidden tests or race detector
            console.print(escape(line), soft_wrap=True, highlight=False)
    for check in report.katas:
        for problem in check.problems:
            console.print(f"[red]{escape(check.slug)}[/]: {escape(problem)}", soft_wrap=True)
    for problem in report.content_problems:
        console.print(f"[red]content[/]: {escape(problem)}", soft_wrap=True)
    console.print("[green]all katas verified[/]" if report.ok else "[red]verification failed[/]")


# -- the quit key --------------------------------------------------------------------------------

@contextmanager
def quit_key(stop: threading.Event) -> Iterator[bool]:
    """Set `stop` when the learner presses q. Yields whether stdin is a terminal.

    On a terminal, stdin goes to cbreak mode (keys arrive without Enter; Ctrl-C still interrupts)
    and is restored afterwards. Otherwise a line holding q does the same; end of input is ignored.
    """
    stdin = sys.stdin
    tty = False
    try:
        tty = stdin is not None and stdin.isatty()
    except (ValueError, OSError):
        tty = False
    saved: Any = None
    if tty:
        import termios
        import tty as tty_mod

        fd = stdin.fileno()
        saved = termios.tcgetattr(fd)
        tty_mod.setcbreak(fd)
    thread = threading.Thread(target=_read_keys if tty else _read_lines, args=(stop,), daemon=True)
    thread.start()
    try:
        yield tty
    finally:
        stop.set()
        if saved is not None:
            import termios

            termios.tcsetattr(stdin.fileno(), termios.TCSADRAIN, saved)


def _read_keys(stop: threading.Event) -> None:
    import select

    fd = sys.stdin.fileno()
    while not stop.is_set():
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            key = os.read(fd, 1)
            if not key:
                return
            if key in (b"q", b"Q"):
                stop.set()


def _read_lines(stop: threading.Event) -> None:
    try:
        for line in sys.stdin:
            if line.strip().lower() in ("q", "quit"):
                stop.set()
                return
    except (OSError, ValueError):
        return
