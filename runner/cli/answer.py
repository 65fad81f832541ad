"""`gokata answer QUESTION_ID`: grade a free-text answer to an open (interview) question."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.answers import flow
    from runner.ui import answer as ui
    from runner.ui import answer_prompt as prompt
else:
    flow = lazy_module("runner.answers.flow")
    ui = lazy_module("runner.ui.answer")
    prompt = lazy_module("runner.ui.answer_prompt")


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


def answer(
    question_id: str = typer.Argument(..., help="An open question's id, e.g. context.interview-core-value."),
    text: str | None = typer.Option(None, "--text", "-t", help="The answer, instead of typing it."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the answer from a file ('-' for stdin)."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object (reads stdin without --text/--file)."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="Language of the question and feedback: en or zh."),
) -> ExitStatus:
    """Grade an answer point by point against the question's answer framework.

    Exit code 0 when no core point is missed or contradicted and the score is at least 0.8, 1 otherwise.
    """
    task = flow.open_answer(question_id, text=text, file=file)
    given = flow.given_text(text, file, stdin=json_out)
    # Not timed when given on the command line: the answer was written elsewhere.
    answer_text, duration = (given, 0.0) if given is not None else prompt.ask_answer(task.question, lang.value)
    outcome = flow.grade_answer(task, answer_text, duration)
    return present(
        "answer",
        outcome,
        json_out=json_out,
        data=lambda g: g.to_json(),
        draw=lambda g: ui.render_grade(task.question, g, lang=lang.value),
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("answer")(answer)
