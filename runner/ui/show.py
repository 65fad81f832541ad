"""`gokata show ID`: one question with its answer, explanation and sources."""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

from runner.content.models import LETTERS, AnyQuestion, Lang, OpenQuestion
from runner.kinds.registry import kind_of
from runner.quiz.select import Presented
from runner.ui.messages import msg
from runner.ui.question import render_notes, render_question


def render_show(console: Console, q: AnyQuestion, *, lang: Lang) -> None:
    kind = kind_of(q)
    choices = kind.choices(q)
    render_question(console, Presented(q, tuple(range(len(choices)))), index=1, total=1, lang=lang)
    if choices:
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", ratio=2)
        table.add_column(overflow="fold", ratio=3)
        for letter, c in zip(LETTERS, choices, strict=False):
            why = c.why.get(lang) if c.why else ""
            table.add_row(
                f"{letter}.", "[green]✔[/]" if c.correct else "[red]✘[/]", escape(c.text.get(lang)), escape(why)
            )
        console.print(table)
    elif isinstance(q, OpenQuestion):
        console.print(f"[bold]{msg('show.framework', lang)}[/]")
        for i, point in enumerate(q.framework, 1):
            level = msg(f"show.level.{point.level}", lang)
            console.print(f"  {i}. {escape(f'[{level}]')} {escape(point.point.get(lang))}")
        console.print(f"[bold]{msg('show.model', lang)}[/]")
        console.print(Markdown(q.model_answer.get(lang)))
    else:
        render_notes(console, kind.solution(q, lang), lang=lang)
    console.print(Markdown(q.explanation.get(lang)))
    if q.go:
        console.print(f"[dim]{msg('feedback.go', lang, go=q.go)}[/]")
    for src in q.sources:
        console.print(f"[dim]↪ {escape(src)}[/]")
