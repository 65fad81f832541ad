"""`gokata answer QUESTION_ID`: grade a free-text answer to an open (interview) question."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from runner.content.models import OpenQuestion
    from runner.progress.recorder import Recorder


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


def answer(
    question_id: str = typer.Argument(..., help="An open question's id, e.g. context.interview-core-value."),
    text: str | None = typer.Option(None, "--text", "-t", help="The answer, instead of typing it."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the answer from a file ('-' for stdin)."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object (reads stdin without --text/--file)."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="Language of the question and feedback: en or zh."),
) -> None:
    """Grade an answer point by point against the question's answer framework.

    Exit code 0 when no core point is missed or contradicted and the score is at least 0.8, 1 otherwise.
    """
    import time

    from runner.answers.framework import grade_open
    from runner.content.catalog import load_catalog
    from runner.content.models import OpenQuestion
    from runner.errors import BadInput, Interrupted
    from runner.ui.answer import read_answer_text, render_grade, show_question
    from runner.ui.console import out

    if text is not None and file is not None:
        raise BadInput("give the answer with --text or --file, not both")
    question = load_catalog().question(question_id)
    if not isinstance(question, OpenQuestion):
        raise BadInput(
            f"{question_id} is a {question.kind} question; `gokata answer` grades open questions",
            hint=f"practise it with `gokata quiz --topic {question.topic}`",
        )
    from runner.progress.recorder import open_recorder

    # Open the progress store first: when it cannot be used, say so before any grading is shown.
    recorder = open_recorder()
    duration = 0.0  # not measured: the answer was written elsewhere
    if text is None and file is not None:
        text = _read_file(file)
    elif text is None and json_out:
        text = _read_file(Path("-"))
    elif text is None:
        show_question(out(), question, lang=lang.value)
        started = time.monotonic()
        try:
            text = read_answer_text(out(), lang=lang.value)
        except KeyboardInterrupt:
            raise Interrupted("interrupted: nothing was graded or recorded") from None
        duration = time.monotonic() - started
    if not text.strip():
        raise BadInput("the answer is empty", hint="write the answer, or pass it with --text or --file")
    grade = grade_open(question, text)
    _record(recorder, question, text, grade.score, grade.missed_core, duration)
    render_grade(question, grade, lang=lang.value, json_out=json_out)
    raise typer.Exit(0 if grade.passed else 1)


def _read_file(path: Path) -> str:
    import sys

    from runner.errors import BadInput

    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None


def _record(
    recorder: Recorder, question: OpenQuestion, text: str, score: float, missed_core: bool, duration: float
) -> None:
    from runner.progress.recorder import QuestionAttempt

    recorder.record_question(QuestionAttempt(
        question_id=question.id,
        topic=question.topic,
        kind="open",
        answer=text,
        correct=None,
        score=score,
        duration_s=duration,
        mode="practice",
        missed_core=missed_core,
    ))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("answer")(answer)
