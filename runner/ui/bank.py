"""Rendering for `gokata bank ...`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table

from runner.ui.console import err, out

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.content.mistakes import MistakeTable
    from runner.content.snippets import SnippetReport


def render_lint_ok(catalog: Catalog) -> None:
    out().print(f"[green]ok[/]: {len(catalog.banks)} bank(s), {len(catalog.questions)} question(s), no problems")


def render_snippet_report(report: SnippetReport) -> None:
    table = Table(title=f"go {report.go_version}: {report.passed}/{len(report.results)} outputs match")
    table.add_column("question")
    table.add_column("go")
    table.add_column("result")
    for r in report.results:
        table.add_row(r.question_id, r.go, "[green]ok[/]" if r.ok else "[red]DIFFERS[/]")
    out().print(table)
    for r in report.results:
        if not r.ok:
            err().print(f"[bold red]{r.question_id}[/] ({r.origin}): expected vs actual")
            err().print(escape(r.diff), soft_wrap=True)


def render_mistakes(table: MistakeTable) -> None:
    view = Table(title=f"{table.taught} of {len(table.rows)} mistakes taught")
    view.add_column("#", justify="right", no_wrap=True)
    view.add_column("mistake")
    view.add_column("taught by", overflow="fold")
    for r in table.rows:
        where = ", ".join((*r.questions, *r.katas))
        view.add_row(str(r.number), r.title, escape(where) if where else "[red]not yet[/]")
    out().print(view)
