"""Rendering a question, its feedback, and an open question's framework result."""

from __future__ import annotations

from typing import assert_never

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runner.content.models import LETTERS, Lang, LocalText, OpenQuestion
from runner.kinds.base import Code, Diff, Note, Output, Say, pick
from runner.kinds.registry import choices_of, kind_of
from runner.quiz.select import Presented
from runner.quiz.verdict import Verdict
from runner.ui.answer import render_open_grade
from runner.ui.code import code_block as code_block  # re-exported: ui/exam.py and ui/interview.py import it here
from runner.ui.messages import msg


def t(text: LocalText | None, lang: Lang) -> str:
    return text.get(lang) if text else ""


def render_question(console: Console, p: Presented, *, index: int, total: int, lang: Lang) -> None:
    q = p.question
    kind = kind_of(q)
    label = pick(kind.label, lang)
    parts: list[RenderableType] = [Markdown(q.prompt.get(lang))]
    if q.code:
        parts.append(code_block(q.code, numbers=kind.numbered_code))
    if choices := kind.choices(q):
        table = Table.grid(padding=(0, 1))
        for letter, bank_index in zip(LETTERS, p.order, strict=False):
            table.add_row(Text(f"{letter}.", style="bold"), Markdown(choices[bank_index].text.get(lang)))
        parts.append(table)
    level = f"难度 {q.difficulty}" if lang == "zh" else f"difficulty {q.difficulty}"
    title = f"[bold]{index}/{total}[/]  {escape(q.id)}  [dim]{q.topic} · {label} · {level}[/]"
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style="cyan"))


def _mark(ok: bool, lang: Lang) -> str:
    if lang == "zh":
        return "[bold green]✔ 正确[/]" if ok else "[bold red]✘ 错误[/]"
    return "[bold green]✔ right[/]" if ok else "[bold red]✘ wrong[/]"


def render_feedback(console: Console, p: Presented, verdict: Verdict, *, lang: Lang) -> None:
    """Practice-mode feedback: right/wrong, why each choice is right or wrong, explanation, sources."""
    q = p.question
    if isinstance(q, OpenQuestion) and verdict.open_grade is not None:
        render_open_grade(console, q, verdict.open_grade, lang=lang)
    else:
        console.print(_mark(bool(verdict.correct), lang))
    if choices := choices_of(q):
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        # fold, not ellipsis: a Chinese sentence has no spaces to wrap at and would be cut short
        table.add_column(overflow="fold", ratio=2)
        table.add_column(overflow="fold", ratio=3)
        table.add_column(no_wrap=True)
        chosen = set(int(i) for i in _indices(verdict.given))
        for letter, bank_index in zip(LETTERS, p.order, strict=False):
            c = choices[bank_index]
            flag = "[green]✔[/]" if c.correct else "[red]✘[/]"
            picked = f"[bold]{msg('feedback.yours', lang)}[/]" if bank_index in chosen else ""
            table.add_row(f"{letter}.", flag, escape(c.text.get(lang)), escape(t(c.why, lang)), picked)
        console.print(table)
    elif not isinstance(q, OpenQuestion):
        render_notes(
            console, kind_of(q).feedback(q, correct=verdict.correct, given=verdict.given, lang=lang), lang=lang
        )
    console.print(Markdown(q.explanation.get(lang)))
    if q.go:
        console.print(f"[dim]{msg('feedback.go', lang, go=q.go)}[/]")
    for src in q.sources:
        console.print(f"[dim]↪ {escape(src)}[/]")


def render_notes(console: Console, notes: tuple[Note, ...], *, lang: Lang) -> None:
    """Draw what a kind says about its answer (runner/kinds/base.py)."""
    for note in notes:
        match note:
            case Say():
                console.print(msg(note.key, lang, **{k: f"[bold]{escape(v)}[/]" for k, v in note.fields.items()}))
            case Code():
                console.print(code_block(note.text, numbers=False))
            case Output():
                console.print(Panel(Text(note.text), border_style="green"))
            case Diff():
                console.print(Text(note.text))
            case _:
                assert_never(note)


def _indices(given: str) -> list[int]:
    return [LETTERS.index(x) for x in given.split(",") if x in LETTERS and x]
