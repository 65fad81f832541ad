"""The interactive question loop shared by `gokata quiz` and `gokata review`.

The loop is presentation: it reads and renders. Each answer goes to one engine call,
runner.quiz.flow.answer_question, which grades it, lets the loop show it, and records it at
once (so Ctrl-C loses at most the answer in flight). Grading and session state live in runner.quiz.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Sequence
from enum import Enum

from rich.console import Console
from rich.markup import escape

from runner.answers.result import OpenGrade
from runner.answers.self_grade import self_grade
from runner.content.models import LETTERS, AnyQuestion, Lang, OpenQuestion
from runner.interrupts import ends_like_ctrl_c
from runner.kinds.answer import Answer, AnswerFormatError, TextAnswer
from runner.kinds.base import pick
from runner.kinds.registry import choices_of, kind_of
from runner.progress.attempts import QuestionAttempt, Recorder
from runner.quiz.flow import answer_question
from runner.quiz.hints import hints_for
from runner.quiz.select import Presented
from runner.quiz.session import QuizSession, SessionSummary
from runner.quiz.verdict import Verdict
from runner.ui.answer import render_open_grade
from runner.ui.console import out
from runner.ui.messages import msg
from runner.ui.prompts import QuitSession, prompt_for, read_line, read_multiline, read_yes_no
from runner.ui.question import render_feedback, render_question

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
SuggestRating = Callable[[QuestionAttempt], int]


def _as_presented(items: Sequence[AnyQuestion | Presented], seed: int | None) -> list[Presented]:
    rng = random.Random(seed)
    result: list[Presented] = []
    for item in items:
        if isinstance(item, Presented):
            result.append(item)
            continue
        order: tuple[int, ...] = ()
        if choices := choices_of(item):
            idx = list(range(len(choices)))
            rng.shuffle(idx)
            order = tuple(idx)
        result.append(Presented(item, order))
    return result


class Control(Enum):
    """What a learner can type at any answer prompt instead of an answer."""

    HINT = "hint"
    SKIP = "skip"
    DONT_KNOW = "dont-know"


_CONTROLS = {
    "?": Control.HINT,
    "hint": Control.HINT,
    "h": Control.HINT,
    "？": Control.HINT,
    "s": Control.SKIP,
    "skip": Control.SKIP,
    "!": Control.DONT_KNOW,
    "！": Control.DONT_KNOW,
    "idk": Control.DONT_KNOW,
}


def _control(raw: str, q: AnyQuestion) -> Control | None:
    word = raw.strip().lower()
    if word == "h" and len(choices_of(q)) > LETTERS.index("H"):
        return None  # a question with eight choices: H is a choice
    return _CONTROLS.get(word)


def _read_answer(console: Console, p: Presented, lang: Lang) -> Answer | Control:
    q = p.question
    kind = kind_of(q)
    if kind.multiline:
        label = pick(kind.prompt, lang)
        while True:
            text = read_multiline(console, label, msg("prompt.multiline", lang), lang=lang)
            if (control := _control(text, q)) is not None:
                return control
            if text:
                return TextAnswer(text)
            console.print(f"[yellow]{msg('answer.empty', lang)}[/]")
    while True:
        raw = read_line(console, prompt_for(q, lang)).strip()
        if raw.lower() in {"q", "quit", "exit"}:
            raise QuitSession
        if not raw:
            continue
        if (control := _control(raw, q)) is not None:
            return control
        try:
            return kind.parse(q, raw, p.order)
        except AnswerFormatError as exc:
            console.print(f"[yellow]{exc}[/]")


def _self_grade_open(console: Console, q: OpenQuestion, text: str, *, lang: Lang) -> OpenGrade:
    console.print("[bold]Mark each point of the answer framework you covered:[/]")
    covered: dict[str, bool] = {}
    for i, point in enumerate(q.framework, 1):
        core = " (core)" if point.core else ""
        covered[point.id] = read_yes_no(console, f"  {i}. {point.point.get(lang)}{core} (weight {point.weight:g})?")
    return self_grade(q, covered)


def _ask_rating(console: Console, suggested: int) -> int | None:
    """None keeps the suggestion; a digit 1-4 overrides it."""
    choices = ", ".join(f"{k} {v}" for k, v in RATINGS.items())
    while True:
        reply = read_line(console, f"Rating: {RATINGS[suggested]} — Enter to accept, or {choices}: ").strip()
        if not reply:
            return None
        if reply in {"1", "2", "3", "4"}:
            value = int(reply)
            return None if value == suggested else value
        if reply.lower() == "q":
            raise QuitSession
        console.print(f"[yellow]Enter, or one of {choices} (q pauses)[/]")


def run_session(
    questions: Sequence[AnyQuestion | Presented],
    *,
    lang: Lang,
    exam: bool,
    recorder: Recorder,
    mode: str,
    ask_rating: bool = False,
    self_grade: bool = False,
    seed: int | None = None,
    suggest_rating: SuggestRating | None = None,
    console: Console | None = None,
    on_step: Callable[[QuizSession], None] | None = None,
) -> SessionSummary:
    """Ask every question; stop cleanly on q, end of input or Ctrl-C, and summarise what was answered.

    `on_step` sees the session after every answer or skip (and once at the start), so a caller can
    save it for `--resume`."""
    console = console or out()
    session = QuizSession(_as_presented(questions, seed), exam=exam, seed=seed)
    total = len(session.presented)
    if on_step is not None:
        on_step(session)
    try:
        with ends_like_ctrl_c():  # closing the terminal or `kill` pauses like Ctrl-C
            while (p := session.current) is not None:
                render_question(console, p, index=session.position + 1, total=total, lang=lang)
                console.print(f"[dim]{msg('keys.help', lang)}[/]")
                started = time.monotonic()
                hints = hints_for(p, lang)
                shown = 0
                q = p.question
                while True:
                    answer = _read_answer(console, p, lang)
                    if answer is not Control.HINT:
                        break
                    if shown < len(hints):
                        console.print(
                            f"[cyan]{msg('hint.label', lang, n=shown + 1, total=len(hints))}[/] {escape(hints[shown])}"
                        )
                        shown += 1
                    else:
                        console.print(f"[dim]{msg('hint.none', lang)}[/]")
                if answer is Control.SKIP:
                    console.print(f"[dim]{msg('skip.done', lang)}[/]")
                    session.skip()
                    if on_step is not None:
                        on_step(session)
                    console.rule(style="dim")
                    continue
                if answer is Control.DONT_KNOW:
                    console.print(f"[dim]{msg('dontknow.done', lang)}[/]")
                    given = None
                    open_grade = None
                else:
                    assert not isinstance(answer, Control)
                    given = answer
                    open_grade = None
                    if self_grade and isinstance(q, OpenQuestion):
                        text = answer.text if isinstance(answer, TextAnswer) else ""
                        open_grade = _self_grade_open(console, q, text, lang=lang)

                stopped_at_rating: list[BaseException] = []

                def review(
                    verdict: Verdict,
                    attempt: QuestionAttempt,
                    p: Presented = p,
                    stopped_at_rating: list[BaseException] = stopped_at_rating,
                ) -> int | None:
                    if exam:
                        console.print(f"[dim]{msg('saved', lang)}[/]")
                    else:
                        render_feedback(console, p, verdict, lang=lang)
                    if ask_rating and not exam and suggest_rating is not None:
                        try:
                            return _ask_rating(console, suggest_rating(attempt))
                        except (QuitSession, KeyboardInterrupt) as stop:
                            # The answer and its feedback were seen: it is recorded (with the
                            # suggested rating) before the session stops, not asked again on resume.
                            stopped_at_rating.append(stop)
                    return None

                answer_question(
                    session,
                    recorder,
                    given,
                    started=started,
                    hints=shown,
                    mode=mode,
                    review=review,
                    open_grade=open_grade,
                    saved=None if on_step is None else lambda: on_step(session),
                )
                if stopped_at_rating:
                    raise stopped_at_rating[0]
                console.rule(style="dim")
    except (QuitSession, KeyboardInterrupt) as stop:
        session.stop(interrupted=isinstance(stop, KeyboardInterrupt))
        if on_step is not None:
            # saved again on the way out: another quiz may have written over the file meanwhile
            with contextlib.suppress(OSError, KeyboardInterrupt):
                on_step(session)
        console.print()
        return session.summary()
    if exam:
        render_exam_review(console, session, lang=lang)
    return session.summary()


def render_exam_review(console: Console, session: QuizSession, *, lang: Lang) -> None:
    """Exam mode holds feedback back until the end; then every answer is explained."""
    console.rule("[bold]Review[/]")
    for p, verdict in zip(session.presented, session.verdicts, strict=False):
        console.print(f"[bold]{p.question.id}[/]")
        if isinstance(p.question, OpenQuestion) and verdict.open_grade is not None:
            render_open_grade(console, p.question, verdict.open_grade, lang=lang)
            continue
        render_feedback(console, p, verdict, lang=lang)
