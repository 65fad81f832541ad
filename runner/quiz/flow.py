"""One engine function per quiz command (`quiz`, `topics`, `show`), returning an Outcome.

The interactive loop itself lives in runner.ui.session (it reads and draws); what it runs is
planned here, and how a session ends (its exit status) is decided here too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import BadInput, ExitStatus
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.answers.result import OpenGrade
    from runner.content.catalog import Catalog
    from runner.content.models import AnyQuestion, Lang
    from runner.kinds.answer import Answer
    from runner.progress.attempts import QuestionAttempt, Recorder
    from runner.quiz.counts import TopicCount
    from runner.quiz.saved import SavedQuiz, Saver
    from runner.quiz.select import Filters, Presented
    from runner.quiz.session import QuizSession, SessionSummary
    from runner.quiz.verdict import Verdict

Review = Callable[["Verdict", "QuestionAttempt"], "int | None"]
"""Shows a graded answer (feedback, or "saved" in an exam) and returns a rating override, or None."""


@dataclass(frozen=True)
class QuizOptions:
    lang: Lang
    exam: bool = False
    self_grade: bool = False
    rate: bool = False


@dataclass(frozen=True)
class QuizPlan:
    """A quiz ready to run: new (`plan_quiz`) or resumed (`resumed` is the paused state)."""

    catalog: Catalog
    presented: list[Presented]
    options: QuizOptions
    seed: int | None
    recorder: Recorder
    saver: Saver
    resumed: SavedQuiz | None = None
    dropped: int = 0  # questions of a resumed quiz that the banks no longer have


@dataclass(frozen=True)
class Topics:
    counts: list[TopicCount]

    def to_json(self) -> dict[str, Any]:
        return {"total": sum(c.total for c in self.counts), "topics": [c.to_json() for c in self.counts]}


def load() -> Catalog:
    from runner.content.catalog import load_catalog

    return load_catalog()


def grade_file(answers: Path) -> Outcome[SessionSummary]:
    """`quiz --answers FILE`: grade a file of id: answer (nothing is recorded). Only the banks of
    the questions it answers are read."""
    from runner.content.outline import load_questions
    from runner.quiz.scripted import grade_answers

    summary = grade_answers(load_questions, answers)
    return Outcome(summary, ExitStatus.passed(not summary.missed))


def plan_quiz(
    catalog: Catalog, filters: Filters, *, count: int | None, seed: int | None, weak: bool, options: QuizOptions
) -> QuizPlan:
    from runner.progress.recorder import open_recorder
    from runner.quiz.saved import Saver
    from runner.quiz.select import filter_questions, new_seed, present

    pool = filter_questions(catalog, filters)
    recorder = open_recorder()
    if weak:
        from runner.quiz.weak import order_by_weakness

        pool = order_by_weakness(catalog, pool, recorder)
    if not pool:
        raise BadInput("no questions match these filters; see `gokata topics` for what there is")
    used_seed = seed if seed is not None else new_seed()
    presented = present(pool, count=count, seed=used_seed, shuffle=not weak)
    saver = Saver(lang=options.lang, exam=options.exam, self_grade=options.self_grade, rate=options.rate)
    return QuizPlan(catalog, presented, options, used_seed, recorder, saver)


def plan_resume(catalog: Catalog, state: SavedQuiz) -> QuizPlan:
    """The paused quiz `state`, ready to continue where it stopped."""
    from runner.progress.recorder import open_recorder
    from runner.quiz import saved

    presented, dropped = state.presented(catalog.by_id())
    base = state.model_copy(
        update={
            "items": state.items[: state.position]
            + tuple(saved.SavedItem(id=p.question.id, order=p.order) for p in presented)
        }
    )
    options = QuizOptions(lang=state.lang, exam=state.exam, self_grade=state.self_grade, rate=state.rate)
    saver = saved.Saver(lang=state.lang, exam=state.exam, self_grade=state.self_grade, rate=state.rate, base=base)
    return QuizPlan(catalog, presented, options, state.seed, open_recorder(), saver, resumed=state, dropped=dropped)


def finish(plan: QuizPlan, summary: SessionSummary) -> Outcome[SessionSummary]:
    """A finished (or paused) session: for a resumed quiz, counted with what was answered before."""
    from dataclasses import replace

    state = plan.resumed
    if state is None:
        return Outcome(summary, session_status(summary))
    summary = replace(summary, earlier=len(state.answered), skipped=(*state.skipped, *summary.skipped))
    return Outcome(summary, session_status(summary, earlier_all_right=all(a.fully_right for a in state.answered)))


def session_status(summary: SessionSummary, *, earlier_all_right: bool = True) -> ExitStatus:
    """OK when every question of the session was answered right, INTERRUPTED after Ctrl-C, else NOT_ALL_PASSED."""
    if summary.interrupted:
        return ExitStatus.INTERRUPTED
    return ExitStatus.passed(summary.all_right and earlier_all_right)


def answer_question(
    session: QuizSession,
    recorder: Recorder,
    given: Answer | None,
    *,
    started: float,
    hints: int,
    mode: str,
    review: Review,
    open_grade: OpenGrade | None = None,
    saved: Callable[[], None] | None = None,
) -> Verdict:
    """Grade the answer to the session's current question (None: "I don't know"), let `review` show
    it, then record it in the progress store and in the session, and call `saved()` (which saves
    the paused session), as one step no signal splits: the one place a quiz or review answer is
    graded and recorded. `open_grade` is a self-graded open answer (otherwise the framework grader
    grades it); `started` is when the question was shown (time.monotonic())."""
    from runner.content.models import OpenQuestion
    from runner.kinds.answer import TextAnswer
    from runner.quiz.verdict import dont_know, grade

    presented = session.current
    if presented is None:
        raise ValueError("the session has no current question")
    question = presented.question
    if given is None:
        verdict = dont_know(question)
    else:
        if isinstance(question, OpenQuestion) and open_grade is None:
            from runner.answers.framework import grade_open

            open_grade = grade_open(question, given.text if isinstance(given, TextAnswer) else "")
        verdict = grade(question, given, open_grade=open_grade)
    duration = time.monotonic() - started
    attempt = question_attempt(verdict, duration, mode, hints=hints)
    override = review(verdict, attempt)
    if override is not None:
        attempt = replace(attempt, rating_override=override)
    from runner.interrupts import held_back

    # The store and the paused session (`saved`) change together or not at all: a signal between
    # them left an answer recorded that --resume asked again.
    with held_back():
        recorder.record_question(attempt)
        session.record(verdict, duration)
        if saved is not None:
            saved()
    return verdict


def question_attempt(verdict: Verdict, duration: float, mode: str, *, hints: int = 0) -> QuestionAttempt:
    from runner.progress.recorder import QuestionAttempt

    return QuestionAttempt(
        question_id=verdict.question_id,
        topic=verdict.topic,
        kind=verdict.kind,
        answer=verdict.given,
        correct=verdict.correct,
        score=verdict.score,
        duration_s=round(duration, 3),
        mode=mode,
        hints=hints,
        missed_core=bool(verdict.open_grade and verdict.open_grade.missed_core),
    )


def topics(lang: str) -> Outcome[Topics]:
    from runner.content.outline import load_outline
    from runner.quiz.counts import topic_counts

    return Outcome(Topics(topic_counts(load_outline(), "zh" if lang == "zh" else "en")))


def question(question_id: str) -> Outcome[AnyQuestion]:
    return Outcome(load().question(question_id))


def question_json(q: AnyQuestion) -> dict[str, Any]:
    """`show --json`: the question as in the bank, with its answer."""
    data: dict[str, Any] = q.model_dump(mode="json", exclude_none=True)
    return data
