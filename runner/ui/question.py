"""Rendering a question, its feedback, and an open question's framework result."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from runner.content.models import (
    LETTERS,
    Lang,
    LocalText,
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
    TrueFalseQuestion,
)
from runner.quiz.grading import DONT_KNOW, Verdict, output_diff
from runner.quiz.select import Presented
from runner.ui.messages import msg

_KIND_LABEL = {
    "single": ("choose one", "单选"),
    "multi": ("choose all that apply", "多选"),
    "truefalse": ("true or false", "判断"),
    "output": ("what does it print?", "写出输出"),
    "spot-the-bug": ("which line(s) are wrong?", "找出有问题的行"),
    "open": ("interview question: answer in your own words", "面试题：用自己的话回答"),
}


def t(text: LocalText | None, lang: Lang) -> str:
    return text.get(lang) if text else ""


def code_block(code: str, *, numbers: bool) -> Syntax:
    return Syntax(code.rstrip("\n"), "go", line_numbers=numbers, theme="ansi_dark", word_wrap=True,
                  background_color="default")


def render_question(console: Console, p: Presented, *, index: int, total: int, lang: Lang) -> None:
    q = p.question
    label = _KIND_LABEL[q.kind][1 if lang == "zh" else 0]
    parts: list[RenderableType] = [Markdown(q.prompt.get(lang))]
    if q.code:
        parts.append(code_block(q.code, numbers=isinstance(q, SpotTheBugQuestion | OutputQuestion)))
    if isinstance(q, SingleQuestion | MultiQuestion):
        table = Table.grid(padding=(0, 1))
        for letter, bank_index in zip(LETTERS, p.order, strict=False):
            table.add_row(Text(f"{letter}.", style="bold"), Markdown(q.choices[bank_index].text.get(lang)))
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
        from runner.ui.answer import render_open_grade

        render_open_grade(console, q, verdict.open_grade, lang=lang)
    else:
        console.print(_mark(bool(verdict.correct), lang))
    if isinstance(q, SingleQuestion | MultiQuestion):
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        # fold, not ellipsis: a Chinese sentence has no spaces to wrap at and would be cut short
        table.add_column(overflow="fold", ratio=2)
        table.add_column(overflow="fold", ratio=3)
        table.add_column(no_wrap=True)
        chosen = set(int(i) for i in _indices(verdict.given))
        for letter, bank_index in zip(LETTERS, p.order, strict=False):
            c = q.choices[bank_index]
            flag = "[green]✔[/]" if c.correct else "[red]✘[/]"
            picked = f"[bold]{msg('feedback.yours', lang)}[/]" if bank_index in chosen else ""
            table.add_row(f"{letter}.", flag, escape(c.text.get(lang)), escape(t(c.why, lang)), picked)
        console.print(table)
    elif isinstance(q, TrueFalseQuestion):
        answer = ("对" if q.answer else "错") if lang == "zh" else ("true" if q.answer else "false")
        console.print(msg("feedback.answer", lang, answer=f"[bold]{answer}[/]"))
    elif isinstance(q, OutputQuestion) and not verdict.correct:
        console.print(msg("feedback.expected", lang))
        console.print(Panel(Text(q.expected_output.rstrip("\n")), border_style="green"))
        if verdict.given and verdict.given != DONT_KNOW:
            console.print(msg("feedback.diff", lang))
            console.print(Text(output_diff(verdict.given, q.expected_output)))
    elif isinstance(q, SpotTheBugQuestion):
        console.print(msg("feedback.lines", lang, lines=f"[bold]{', '.join(map(str, q.bug_lines))}[/]"))
        if q.fix:
            console.print(code_block(q.fix, numbers=False))
    console.print(Markdown(q.explanation.get(lang)))
    if q.go:
        console.print(f"[dim]{msg('feedback.go', lang, go=q.go)}[/]")
    for src in q.sources:
        console.print(f"[dim]↪ {escape(src)}[/]")


def _indices(given: str) -> list[int]:
    return [LETTERS.index(x) for x in given.split(",") if x in LETTERS and x]
