"""Rendering for `gokata kata next|solution|edit`."""

from __future__ import annotations

from rich.markup import escape
from rich.syntax import Syntax

from runner.content.models import Lang
from runner.kata.edit import EditOutcome
from runner.kata.next import NextOutcome, Suggestion
from runner.kata.solution import SolutionView
from runner.ui.console import err, out
from runner.ui.messages import as_lang, msg


def _why(s: Suggestion, lang: Lang) -> list[str]:
    return [msg(f"next.why.{r.code}", lang, **r.fields) for r in s.reasons]


def render_next(outcome: NextOutcome, lang: str) -> None:
    lg = as_lang(lang)
    console = out()
    pick = outcome.pick
    if pick is None:
        console.print(msg("next.all_passed", lg, total=outcome.total), soft_wrap=True)
        return
    console.print(f"[bold]{msg('next.title', lg)}[/] {escape(pick.slug)} — {escape(pick.title)}", soft_wrap=True)
    console.print(
        msg(
            "next.facts", lg, topic=pick.topic, level="*" * pick.difficulty, passed=outcome.passed, total=outcome.total
        ),
        soft_wrap=True,
    )
    for line in _why(pick, lg):
        console.print(f"  - {escape(line)}", soft_wrap=True)
    # The command on a line of its own, never wrapped.
    console.print(f"{msg('next.start', lg)} [bold]{escape(pick.command)}[/]", soft_wrap=True)
    if outcome.also:
        console.print(msg("next.also", lg), soft_wrap=True)
        for s in outcome.also:
            console.print(f"  {escape(s.slug)} ({escape(s.topic)}, {'*' * s.difficulty})", soft_wrap=True)


def render_solution(view: SolutionView, lang: str) -> None:
    console = out()
    console.print(f"[bold]{msg('solution.title', as_lang(lang), slug=escape(view.slug))}[/]", soft_wrap=True)
    for f in view.files:
        console.rule(escape(f.name), style="dim")
        console.print(Syntax(f.text, "go", theme="ansi_dark", background_color="default", word_wrap=True))


def render_edit(outcome: EditOutcome) -> None:
    if outcome.editor_status != 0:
        err().print(f"the editor exited with status {outcome.editor_status}", soft_wrap=True)
