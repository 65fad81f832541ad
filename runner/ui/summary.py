"""The end-of-session summary."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from runner.quiz.session import SessionSummary


def render_summary(console: Console, summary: SessionSummary, *, titles: dict[str, str] | None = None) -> None:
    titles = titles or {}
    table = Table(title="Summary by topic")
    table.add_column("topic")
    table.add_column("answered", justify="right")
    table.add_column("right", justify="right")
    table.add_column("score", justify="right")
    for line in summary.by_topic:
        pct = line.score / line.answered if line.answered else 0.0
        table.add_row(titles.get(line.topic, line.topic), str(line.answered), str(line.right), f"{pct:.0%}")
    console.print(table)
    note = " (interrupted)" if summary.interrupted else ""
    console.print(f"[bold]Score: {summary.score:.0%}[/] — {summary.answered} of {summary.total} answered{note}")
    if summary.missed:
        console.print("Missed: " + ", ".join(summary.missed))
    if summary.seed is not None:
        console.print(f"[dim]Replay this selection with --seed {summary.seed}[/]")
