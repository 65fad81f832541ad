"""`gokata quiz` and `gokata topics`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.kinds.registry import KIND_NAMES


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


if TYPE_CHECKING:
    KindOpt = StrEnum
else:  # one member per kind in the registry, so a new kind needs no change here
    KindOpt = StrEnum("KindOpt", {name.replace("-", "_"): name for name in KIND_NAMES})


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
) -> None:
    """Run a quiz in the terminal, or grade an answers file (--answers).

    At a prompt: ? shows a hint, s skips, ! records "I don't know", q pauses (resume with --resume).
    Exit 0 when every question was answered right, 1 otherwise, 130 on Ctrl-C.

    Examples: gokata quiz -t defer -n 5 · gokata quiz --kind output --lang zh · gokata quiz --resume
    """
    from runner.content.catalog import load_catalog

    catalog = load_catalog()
    if resume:
        from runner.ui.quiz_resume import resume_quiz

        raise typer.Exit(resume_quiz(catalog))
    if answers is not None:
        from runner.quiz.scripted import grade_answers
        from runner.ui.quiz import render_scripted

        summary = grade_answers(catalog, answers)
        render_scripted(summary, json_out=json_out, lang=lang.value)
        raise typer.Exit(0 if not summary.missed else 1)
    if json_out:
        from runner.errors import BadInput

        raise BadInput("--json goes with --answers (an interactive quiz prints for a person)")

    from runner.progress.recorder import open_recorder
    from runner.quiz.select import Filters, filter_questions, new_seed, present
    from runner.ui.console import out
    from runner.ui.session import run_session
    from runner.ui.summary import render_summary

    filters = Filters(tuple(topic or ()), tuple(tag or ()), tuple(difficulty or ()), tuple(k.value for k in kind or ()))
    pool = filter_questions(catalog, filters)
    recorder = open_recorder()
    if weak:
        from runner.quiz.weak import order_by_weakness

        pool = order_by_weakness(catalog, pool, recorder)
    if not pool:
        from runner.errors import BadInput

        raise BadInput("no questions match these filters; see `gokata topics` for what there is")
    used_seed = seed if seed is not None else new_seed()
    presented = present(pool, count=count, seed=used_seed, shuffle=not weak)
    from runner.progress.rating import suggested_rating
    from runner.quiz.saved import Saver
    from runner.ui.quiz_resume import exit_code

    saver = Saver(lang=lang.value, exam=exam, self_grade=self_grade, rate=rate)
    summary = run_session(
        presented,
        lang=lang.value,
        exam=exam,
        recorder=recorder,
        mode="exam" if exam else "practice",
        self_grade=self_grade,
        seed=used_seed,
        ask_rating=rate and not exam,
        suggest_rating=suggested_rating,
        on_step=saver,
    )
    render_summary(
        out(),
        summary,
        titles={t: catalog.title(t, lang.value) for t in catalog.topics()},
        lang=lang.value,
        resumable=summary.answered + len(summary.skipped) < summary.total,
    )
    raise typer.Exit(exit_code(summary))


def topics(
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
) -> None:
    """List the topics with question counts per kind and difficulty."""
    from runner.content.catalog import load_catalog
    from runner.quiz.counts import topic_counts
    from runner.ui.quiz import render_topics

    render_topics(topic_counts(load_catalog(), lang.value), json_out=json_out)


def show(
    question_id: str = typer.Argument(..., metavar="ID", help="A question id, e.g. defer.lifo."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="The question as in the bank, with its answer, as JSON."),
) -> None:
    """Show one question with its answer, explanation and sources (nothing is recorded).

    Example: gokata show defer.loopvar-go122-facts --lang zh
    """
    from runner.content.catalog import load_catalog

    question = load_catalog().question(question_id)
    if json_out:
        import json

        typer.echo(json.dumps(question.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2))
        return
    from runner.ui.console import out
    from runner.ui.show import render_show

    render_show(out(), question, lang=lang.value)


def register(app: typer.Typer) -> None:
    app.command()(quiz)
    app.command()(topics)
    app.command()(show)
