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
from runner.ui.messages import as_lang, msg

if TYPE_CHECKING:
    from pathlib import Path

    from runner.errors import GokataError, Problem
    from runner.kata.catalog import Kata
    from runner.kata.hints import HintView
    from runner.kata.result import KataResult
    from runner.kata.verify import VerifyReport
    from runner.kata.workspace import ResetReport, StartReport

# Words from the catalogue (kata.verdict.*, kata.mark.*), styles here.
VERDICT = {
    "pass": "bold green",
    "fail": "bold red",
    "compile_error": "bold red",
    "timeout": "bold red",
    "race": "bold red",
    "rejected": "bold magenta",
}
TEST_MARK = {"pass": "green", "fail": "red", "skip": "yellow"}


def render_progress(message: str) -> None:
    err().print(f"[dim]{escape(message)}[/]", soft_wrap=True)


# -- list --------------------------------------------------------------------------------------


def render_list(rows: list[dict[str, Any]], problems: list[Problem], lang: str | None = None) -> None:
    lg = as_lang(lang)
    # Light rules and no outer edge leave the title room on an 80-column terminal.
    table = Table(
        title=msg("kata.list.title", lg, n=len(rows)),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    # The slug is what the learner types next, so it is never cut. On a narrow terminal the title
    # goes under its slug instead of into a column a dozen characters wide.
    slug_width = max((len(r["slug"]) for r in rows), default=4)
    narrow = out().width < slug_width + 70
    table.add_column(
        msg("kata.col.slug_title", lg) if narrow else msg("kata.col.slug", lg),
        no_wrap=not narrow,
        min_width=slug_width,
        overflow="fold",
    )
    if not narrow:
        table.add_column(msg("kata.col.title", lg), overflow="fold", ratio=1)
    table.add_column(msg("kata.col.topic", lg), no_wrap=True)
    table.add_column(msg("kata.col.level", lg), no_wrap=True)
    table.add_column(msg("kata.col.status", lg), no_wrap=True)
    style = {"passed": "green", "failing": "red", "not started": "dim"}
    for row in rows:
        slug, title = escape(row["slug"]), escape(row["title"])
        first: list[RenderableType] = (
            [Group(Text(row["slug"]), Padding(Text(row["title"], style="dim"), (0, 0, 0, 2)))]
            if narrow
            else [slug, title]
        )
        table.add_row(
            *first,
            escape(row["topic"]),
            "*" * row["difficulty"],
            f"[{style[row['status']]}]{msg('kata.status.' + row['status'], lg)}[/]",
        )
    out().print(table)
    if rows:
        out().print(msg("kata.list.start", lg))
    for problem in problems:
        err().print(f"[yellow]{msg('kata.list.broken', lg)}[/] {escape(str(problem))}", soft_wrap=True)


# -- start / reset / hint ----------------------------------------------------------------------


def render_start(kata: Kata, report: StartReport, *, lang: str, go_missing: str | None) -> None:
    console = out()
    lg = as_lang(lang)
    where = escape(str(report.directory))
    if report.created:
        console.print(f"[bold]{escape(kata.title(lang))}[/] ([dim]{escape(kata.slug)}[/])")
        console.print(f"{msg('kata.start.workspace', lg)} [bold]{where}[/]")
    else:
        console.print(msg("kata.start.exists", lg, slug=escape(kata.slug), where=where))
    if kata.spec.summary:
        console.print(escape(kata.spec.summary.get("zh" if lang == "zh" else "en")), soft_wrap=True)
    console.print(f"{msg('kata.start.read', lg)} {escape(str(report.directory / kata.readme(lang).name))}")
    console.print(
        f"{msg('kata.start.edit', lg)} {', '.join(escape(str(report.directory / n)) for n in report.learner_files)}"
    )
    if report.test_files:
        console.print(msg("kata.start.tests", lg, files=", ".join(escape(n) for n in report.test_files)))
    # One command per line, never wrapped: what to type next must survive 80 columns and pipes.
    console.print(f"{msg('kata.start.test', lg)} [bold]gokata kata test {escape(kata.slug)}[/]", soft_wrap=True)
    console.print(
        f"{msg('kata.start.watch', lg)} [bold]gokata kata watch {escape(kata.slug)}[/]  "
        f"{msg('kata.start.watch_note', lg)}",
        soft_wrap=True,
    )
    console.print(f"{msg('kata.start.stuck', lg)} [bold]gokata kata hint {escape(kata.slug)}[/]", soft_wrap=True)
    if go_missing:
        err().print(f"[yellow]{msg('kata.note', lg)}[/] {escape(go_missing)}", soft_wrap=True)


def render_reset(kata: Kata, report: ResetReport, lang: str | None = None) -> None:
    lg = as_lang(lang)
    out().print(msg("kata.reset.done", lg, slug=escape(kata.slug), where=escape(str(report.directory))))
    if report.backup:
        out().print(msg("kata.reset.backup", lg, where=escape(str(report.backup))))


def render_hint(view: HintView, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    for i, text in enumerate(view.earlier, start=1):
        console.print(f"[dim]{msg('kata.hint.label', lg, n=i, total=view.total)} {escape(text)}[/]", soft_wrap=True)
    console.print(
        f"[bold]{msg('kata.hint.label', lg, n=view.level, total=view.total)}[/] {escape(view.text)}", soft_wrap=True
    )
    if view.exhausted:
        console.print(f"[dim]{msg('kata.hint.last', lg)}[/]")


# -- a graded run ------------------------------------------------------------------------------


def render_result(result: KataResult, *, kata: Kata, code: str, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    which = msg("kata.result.visible" if result.visible_only else "kata.result.all", lg)
    console.print(f"[bold]{escape(kata.slug)}[/] — {escape(kata.title(lg))}")
    console.print(f"[dim]{msg('kata.result.code', lg, code=escape(code), which=which)}[/]")
    width = max((len(t.name) for t in result.tests), default=10)
    for test in result.tests:
        mark, style = msg(f"kata.mark.{test.status}", lg), TEST_MARK[test.status]
        tag = f" [dim]{msg('kata.result.hidden', lg)}[/]" if test.hidden else ""
        console.print(f" [{style}]{mark}[/]  {escape(test.name.ljust(width))}{tag}")
        if test.message and test.status != "pass" and result.status not in ("compile_error", "rejected"):
            # Wrapped at word boundaries and indented under the test, at any terminal width.
            console.print(Padding(Text(test.message_in(lg).rstrip("\n")), (0, 0, 0, 7)), highlight=False)
    if result.compile_errors:
        console.print(f"[bold]{msg('kata.result.compile_errors', lg)}[/]")
        for e in result.compile_errors:
            hidden = f" [dim]{msg('kata.result.in_hidden', lg)}[/]" if e.in_hidden_test else ""
            for i, line in enumerate(str(e).splitlines()):
                console.print(f"  {escape(line)}{hidden if i == 0 else ''}", soft_wrap=True)
    for race in result.races:
        heading = (
            msg("kata.result.race_during", lg, test=escape(race.test)) if race.test else msg("kata.result.race", lg)
        )
        console.print(f"[bold]{heading}[/]")
        for access in race.accesses:
            console.print(f"  {escape(str(access))}", soft_wrap=True)
    # A time-out's running tests and blocked goroutines are in the summary, printed last.
    if result.status in ("compile_error", "rejected") and result.tests:
        console.print(f"[dim]{msg('kata.result.every_test', lg, message=escape(result.tests[0].message_in(lg)))}[/]")
    details = result.details_in(lg)
    if details and result.status in ("rejected", "fail", "race") and details not in result.summary_in(lg):
        console.print(f"[bold]{msg('kata.result.details', lg)}[/]")
        for line in details.splitlines()[:20]:
            console.print(f"  {escape(line)}", soft_wrap=True)
    if result.ignored:
        console.print(f"[bold]{msg('kata.result.ignored', lg)}[/]")
        for note in result.ignored:
            console.print(f"  {escape(note)}", soft_wrap=True)
    for note in result.notes_in(lg):
        console.print(f"[yellow]{msg('kata.note', lg)}[/] {escape(note)}", soft_wrap=True)
    word, style = msg(f"kata.verdict.{result.status}", lg), VERDICT[result.status]
    line = msg(
        "kata.result.line",
        lg,
        passed=result.passed,
        total=result.total,
        score=f"{result.score:.2f}",
        seconds=f"{result.duration_s:.1f}",
    )
    console.print(f"[{style}]{word}[/]  {line}")
    for line in result.summary_in(lg).splitlines():
        console.print(escape(line), soft_wrap=True, highlight=False)


def render_watch_header(directory: Path, *, tty: bool, lang: str | None = None) -> None:
    lg = as_lang(lang)
    quit_how = msg("kata.watch.keys" if tty else "kata.watch.lines", lg)
    err().print(f"[dim]{msg('kata.watch.header', lg, where=escape(str(directory)), how=quit_how)}[/]")


def render_watch_separator() -> None:
    out().rule(style="dim")


def render_watch_error(exc: GokataError) -> None:
    from runner.ui.errors import render_error

    render_error(exc)


# -- verify ------------------------------------------------------------------------------------


def render_verify(report: VerifyReport, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    table = Table(
        title=msg("kata.verify.title", lg, n=len(report.katas), seconds=f"{report.duration_s:.1f}", jobs=report.jobs)
    )
    for column in ("kata", "runs", "mutants", "result"):
        table.add_column(msg(f"kata.verify.{column}", lg))
    for check in report.katas:
        table.add_row(
            escape(check.slug),
            str(check.runs),
            str(check.mutants),
            f"[green]{msg('ok', lg)}[/]"
            if check.ok
            else f"[red]{msg('kata.verify.problems', lg, n=len(check.problems))}[/]",
        )
    console.print(table)
    for check in report.katas:
        for line in check.text_lines():  # who rejected each mutant: visible, hidden tests or race detector
            console.print(escape(line), soft_wrap=True, highlight=False)
    for check in report.katas:
        for problem in check.problems:
            console.print(f"[red]{escape(check.slug)}[/]: {escape(problem)}", soft_wrap=True)
    for problem in report.content_problems:
        console.print(f"[red]{msg('kata.verify.content', lg)}[/]: {escape(problem)}", soft_wrap=True)
    console.print(f"[green]{msg('kata.verify.ok', lg)}[/]" if report.ok else f"[red]{msg('kata.verify.failed', lg)}[/]")


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
