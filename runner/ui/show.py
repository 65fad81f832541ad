"""`gokata show ID`: one question with its answer, explanation and sources."""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runner.content.models import (
    LETTERS,
    AnyQuestion,
    Lang,
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
    TrueFalseQuestion,
)
from runner.quiz.select import Presented
from runner.ui.messages import msg
from runner.ui.question import code_block, render_question


def render_show(console: Console, q: AnyQuestion, *, lang: Lang) -> None:
    order = tuple(range(len(q.choices))) if isinstance(q, SingleQuestion | MultiQuestion) else ()
    render_question(console, Presented(q, order), index=1, total=1, lang=lang)
    match q:
        case SingleQuestion() | MultiQuestion():
            table = Table(show_header=False, box=None, padding=(0, 1))
            table.add_column(no_wrap=True)
            table.add_column(no_wrap=True)
            table.add_column(overflow="fold", ratio=2)
            table.add_column(overflow="fold", ratio=3)
            for letter, c in zip(LETTERS, q.choices, strict=False):
                why = c.why.get(lang) if c.why else ""
                table.add_row(
                    f"{letter}.", "[green]✔[/]" if c.correct else "[red]✘[/]", escape(c.text.get(lang)), escape(why)
                )
            console.print(table)
        case TrueFalseQuestion():
            answer = ("对" if q.answer else "错") if lang == "zh" else ("true" if q.answer else "false")
            console.print(msg("feedback.answer", lang, answer=f"[bold]{answer}[/]"))
        case OutputQuestion():
            console.print(msg("feedback.expected", lang))
            console.print(Panel(Text(q.expected_output.rstrip("\n")), border_style="green"))
        case SpotTheBugQuestion():
            console.print(msg("feedback.lines", lang, lines=f"[bold]{', '.join(map(str, q.bug_lines))}[/]"))
            if q.fix:
                console.print(code_block(q.fix, numbers=False))
        case OpenQuestion():
            console.print(f"[bold]{msg('show.framework', lang)}[/]")
            for i, point in enumerate(q.framework, 1):
                level = msg(f"show.level.{point.level}", lang)
                console.print(f"  {i}. {escape(f'[{level}]')} {escape(point.point.get(lang))}")
            console.print(f"[bold]{msg('show.model', lang)}[/]")
            console.print(Markdown(q.model_answer.get(lang)))
    console.print(Markdown(q.explanation.get(lang)))
    if q.go:
        console.print(f"[dim]{msg('feedback.go', lang, go=q.go)}[/]")
    for src in q.sources:
        console.print(f"[dim]↪ {escape(src)}[/]")
