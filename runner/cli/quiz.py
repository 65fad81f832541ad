"""`gokata quiz` and `gokata topics`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import present
from runner.errors import BadInput, ExitStatus
from runner.kinds.registry import KIND_NAMES
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.quiz import flow, select
    from runner.ui import console
    from runner.ui import quiz as ui
    from runner.ui import quiz_resume as quiz_ui
    from runner.ui import show as show_ui
else:
    flow = lazy_module("runner.quiz.flow")
    select = lazy_module("runner.quiz.select")
    console = lazy_module("runner.ui.console")
    quiz_ui = lazy_module("runner.ui.quiz_resume")
    show_ui = lazy_module("runner.ui.show")
    ui = lazy_module("runner.ui.quiz")


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


if TYPE_CHECKING:
    KindOpt = StrEnum
else:  # one member per kind in the registry, so a new kind needs no change here
    KindOpt = StrEnum("KindOpt", {name.replace("-", "_"): name for name in KIND_NAMES})


def _check_flags(answers: bool, *, json_out: bool, **given: bool) -> None:
    """With --answers the file names its questions and nothing is asked: a selection or a mode
    would be silently ignored, and --resume would drop the file for an interactive quiz. Without
    it, --json has nothing to print."""
    if not answers:
        if json_out and not given["resume"]:
            raise BadInput("--json goes with --answers (an interactive quiz prints for a person)")
        return
    flags = [f"--{name.replace('_', '-')}" for name, on in given.items() if on]
    if flags:
        raise BadInput(f"--answers grades the questions its file names; {', '.join(flags)} does not go with it")


def quiz(
    topic: list[str] = typer.Option(None, "--topic", "-t", help="Only this topic (repeatable)."),
    tag: list[str] = typer.Option(None, "--tag", help="Only questions with this tag (repeatable)."),
    difficulty: list[int] = typer.Option(
        None, "--difficulty", "-d", min=1, max=5, help="Only this difficulty, 1-5 (repeatable)."
    ),
    kind: list[KindOpt] = typer.Option(None, "--kind", "-k", help="Only this kind (repeatable)."),
    count: int | None = typer.Option(10, "--count", "-n", min=1, help="How many questions."),
    seed: int | None = typer.Option(None, "--seed", help="Same seed, same questions and choice order."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (falls back to English where untranslated)."),
    exam: bool = typer.Option(False, "--exam", help="No feedback until the end."),
    self_grade: bool = typer.Option(False, "--self-grade", help="Mark open answers yourself instead of the grader."),
    weak: bool = typer.Option(False, "--weak", help="Draw from your weakest topics and tags."),
    rate: bool = typer.Option(False, "--rate", help="After each answer, confirm or override the review rating."),
    answers: Path | None = typer.Option(None, "--answers", help="Grade a YAML file of id: answer, no prompts."),
    json_out: bool = typer.Option(False, "--json", help="With --answers: print one JSON object."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue the quiz paused with q (or cut off), where it stopped."
    ),
) -> ExitStatus:
    """Run a quiz in the terminal, or grade an answers file (--answers).

    At a prompt: ? shows a hint, s skips, ! records "I don't know", q pauses (resume with --resume).
    Exit 0 when every question was answered right, 1 otherwise, 130 on Ctrl-C.

    Examples: gokata quiz -t defer -n 5 · gokata quiz --kind output --lang zh · gokata quiz --resume
    """
    _check_flags(
        answers is not None,
        json_out=json_out,
        resume=resume,
        topic=bool(topic),
        tag=bool(tag),
        difficulty=bool(difficulty),
        kind=bool(kind),
        weak=weak,
        exam=exam,
        self_grade=self_grade,
        rate=rate,
        seed=seed is not None,
    )
    if answers is not None:
        outcome = flow.grade_file(answers)
        return present(
            "quiz",
            outcome,
            json_out=json_out,
            data=lambda s: s.to_json(),
            draw=lambda s: ui.render_scripted(s, lang=lang.value),
        )
    catalog = flow.load()
    if resume:
        return quiz_ui.resume_quiz(catalog)
    filters = select.Filters(
        tuple(topic or ()), tuple(tag or ()), tuple(difficulty or ()), tuple(k.value for k in kind or ())
    )
    return quiz_ui.run_quiz(
        flow.plan_quiz(
            catalog,
            filters,
            count=count,
            seed=seed,
            weak=weak,
            options=flow.QuizOptions(lang=lang.value, exam=exam, self_grade=self_grade, rate=rate),
        )
    )


def topics(
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
) -> ExitStatus:
    """List the topics with question counts per kind and difficulty."""
    outcome = flow.topics(lang.value)
    return present(
        "topics", outcome, json_out=json_out, data=flow.Topics.to_json, draw=lambda t: ui.render_topics(t.counts)
    )


def show(
    question_id: str = typer.Argument(..., metavar="ID", help="A question id, e.g. defer.lifo."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="The question as in the bank, with its answer, as JSON."),
) -> ExitStatus:
    """Show one question with its answer, explanation and sources (nothing is recorded).

    Example: gokata show defer.loopvar-go122-facts --lang zh
    """
    outcome = flow.question(question_id)
    return present(
        "show",
        outcome,
        json_out=json_out,
        data=flow.question_json,
        draw=lambda q: show_ui.render_show(console.out(), q, lang=lang.value),
    )


def register(app: typer.Typer) -> None:
    app.command()(quiz)
    app.command()(topics)
    app.command()(show)
