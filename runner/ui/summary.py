"""The end-of-session summary."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from runner.content.models import Lang
from runner.quiz.session import SessionSummary
from runner.ui.messages import msg


def render_summary(
    console: Console,
    summary: SessionSummary,
    *,
    titles: dict[str, str] | None = None,
    lang: Lang = "en",
    resumable: bool = False,
) -> None:
    titles = titles or {}
    if summary.by_topic:
        table = Table(title=msg("summary.title", lang))
        table.add_column(msg("summary.topic", lang), overflow="fold")
        table.add_column(msg("summary.answered", lang), justify="right")
        table.add_column(msg("summary.right", lang), justify="right")
        table.add_column(msg("summary.score", lang), justify="right")
        for line in summary.by_topic:
            pct = line.score / line.answered if line.answered else 0.0
            table.add_row(titles.get(line.topic, line.topic), str(line.answered), str(line.right), f"{pct:.0%}")
        console.print(table)
        note = msg("summary.interrupted", lang) if summary.interrupted else ""
        score = msg("summary.line", lang, score=f"{summary.score:.0%}", answered=summary.answered, total=summary.total)
        console.print(f"[bold]{score}[/]{note}")
    else:
        console.print(msg("summary.nothing", lang))
    if summary.earlier:
        console.print(msg("summary.earlier", lang, n=summary.earlier))
    if summary.missed:
        console.print(msg("summary.missed", lang, ids=", ".join(summary.missed)), soft_wrap=True)
    if summary.skipped:
        console.print(msg("summary.skipped", lang, ids=", ".join(summary.skipped)), soft_wrap=True)
    if resumable:
        console.print(f"[bold]{escape(msg('summary.resume', lang))}[/]")
    elif summary.seed is not None:
        console.print(f"[dim]{msg('summary.replay', lang, seed=summary.seed)}[/]")
