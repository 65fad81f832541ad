"""Grading one submission against the spec with the full bank and the hidden tests.

Three steps, each a function of its own: scoring (questions and katas), integrity flags (what
calls for a human look), and assembly into a CandidateReport. Every setting comes from the spec
(time limit, sections, weights, pass mark); the submission supplies answers, code and the
session's event log, and nothing it says about itself (late, pasted, its own time limit) is
taken on trust.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from runner import __version__
from runner.content.catalog import Catalog
from runner.content.models import LETTERS, AnyQuestion, OpenQuestion
from runner.errors import GokataError
from runner.exam.candidate import FAST_ANSWER_S, FAST_ANSWERS_TO_FLAG, is_pasted
from runner.exam.events import SLACK_S, answer_digest, chain_problems, timing_problems
from runner.exam.model import (
    CandidateReport,
    ChoiceRow,
    Criterion,
    Flag,
    Interviewer,
    KataRow,
    KataTestRow,
    MisconceptionRow,
    OpenDetail,
    PointRow,
    QuestionRow,
    SectionScore,
    TimeInfo,
    TopicScore,
    json_safe,
    non_finite,
)
from runner.exam.pack import Shown, presentation
from runner.exam.similarity import model_answer_flag, own_work
from runner.exam.spec import ResolvedExam
from runner.exam.submission import AnswerRecord, NotGradable, Submission, read_submission
from runner.files import file_safe
from runner.kinds.answer import AnswerFormatError, ChoiceAnswer, TextAnswer
from runner.kinds.registry import choices_of, kind_of, parse_answer
from runner.quiz.verdict import grade

MAX_STRETCH = 3
INTERNAL = "gokata could not grade it"
MAX_SHOWN = 20_000  # characters of a non-open answer kept in the report


@dataclass(frozen=True)
class KataTest:
    name: str
    hidden: bool
    status: str  # pass | fail | skip
    message: str
    message_zh: str = ""  # gokata's own reason in Chinese; Go's text stays as Go wrote it

    def message_in(self, lang: str) -> str:
        return self.message_zh if lang == "zh" and self.message_zh else self.message


@dataclass(frozen=True)
class KataOutcome:
    slug: str
    title: str
    topic: str
    status: str  # pass | fail | compile_error | timeout | race | rejected | missing
    score: float
    tests: tuple[KataTest, ...]
    duration_s: float
    summary: str = ""  # plain-language verdict (time-out with blocked goroutines, race locations, ...)
    isolation: str | None = None  # how the run was sandboxed, when the kata runner says
    summary_zh: str = ""  # the same verdict in Chinese, for the candidate's `exam test --lang zh`

    def summary_in(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" and self.summary_zh else self.summary


class KataGrader(Protocol):
    def __call__(self, slug: str, files: dict[str, str]) -> KataOutcome: ...


@dataclass(frozen=True)
class GradingContext:
    """What every submission of a batch is graded against: built once, shared by all workers."""

    exam: ResolvedExam
    catalog: Catalog
    pack_hash: str
    grade_kata: KataGrader
    starters: dict[str, dict[str, str]]  # kata -> learner file -> starter text
    public_bank: bool = False  # the questions come from the bundled public bank

    def shown(self) -> dict[str, Shown]:
        return {x.question_id: x for x in presentation(self.exam, self.catalog)}


# ---- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    questions: tuple[QuestionRow, ...]
    katas: tuple[KataRow, ...]
    sections: tuple[SectionScore, ...]
    topics: tuple[TopicScore, ...]
    score: float


def _choices(q: AnyQuestion, shown: Shown, chosen_bank: set[int]) -> tuple[ChoiceRow, ...]:
    choices = choices_of(q)
    return tuple(
        ChoiceRow(LETTERS[i], choices[b].text.en, choices[b].correct, b in chosen_bank)
        for i, b in enumerate(shown.order)
    )


def _open_detail(q: OpenQuestion, text: str) -> tuple[float, OpenDetail]:
    from runner.answers.framework import grade_open
    from runner.answers.result import PointVerdict

    og = grade_open(q, text)
    points = tuple(
        PointRow(
            p.point_id, p.point.en, p.verdict.value, p.weight, round(p.credit, 3), p.core, p.evidence, p.other_words
        )
        for p in og.points
    )
    misconceptions = tuple(
        MisconceptionRow(m.misconception_id, m.belief.en, m.correction.en, m.evidence) for m in og.misconceptions
    )
    follow_ups: tuple[str, ...] = tuple(f.en for f in og.follow_ups)
    stretch: tuple[str, ...] = ()
    if og.passed:
        # A strong answer still gets something to talk about: where the framework goes further.
        by_point = {p.id: p for p in q.framework}
        deeper = [
            by_point[p.point_id].follow_up
            for p in og.points
            if p.verdict is PointVerdict.COVERED and by_point[p.point_id].follow_up is not None
        ]
        stretch = tuple(dict.fromkeys(f.en for f in (*q.follow_ups, *deeper) if f is not None))[:MAX_STRETCH]
        follow_ups = ()
    return og.score, OpenDetail(
        points,
        misconceptions,
        follow_ups,
        stretch,
        og.keyword_only,
        round(og.confidence, 3),
        og.needs_review,
        tuple(og.review_reasons),
        og.waved_away,
        og.about_instead,
    )


def _question_row(
    q: AnyQuestion, shown: Shown, section: str, given: AnswerRecord | None, deadline: float, logged_at: float | None
) -> QuestionRow:
    expected = kind_of(q).expected_shown(q, shown.order)
    row = QuestionRow(
        id=q.id,
        public_id=shown.public_id,
        kind=q.kind,
        topic=q.topic,
        section=section,
        difficulty=q.difficulty,
        prompt=q.prompt.en,
        answered=False,
        score=0.0,
        correct=False,
        given=None,
        expected=expected,
        choices=_choices(q, shown, set()),
    )
    if given is None:
        return row
    raw = given.raw
    at = logged_at if logged_at is not None else given.at
    if isinstance(raw, bool):
        given_text = "true" if raw else "false"
    else:
        given_text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    if isinstance(given.answer, tuple):
        given_text = ",".join(map(str, given.answer))
    row = replace(
        row,
        answered=True,
        duration_s=given.duration_s,
        given=given_text[:MAX_SHOWN],
        late=at is not None and at > deadline + SLACK_S,
        pasted=not given.from_file and is_pasted(len(given_text), given.duration_s),
    )
    try:
        # the candidate saw the choices in the pack's order: the kind grades in bank order
        answer = parse_answer(q, raw, shown.order)
    except AnswerFormatError as exc:
        return replace(row, note=f"answer not understood: {exc}")
    chosen = set(answer.indices) if isinstance(answer, ChoiceAnswer) else set()
    if isinstance(q, OpenQuestion):
        text = answer.text if isinstance(answer, TextAnswer) else ""
        score, detail = _open_detail(q, text)
        return replace(row, score=round(score, 4), correct=None, given=text, open=detail)
    verdict = grade(q, answer)
    return replace(row, score=verdict.score, correct=verdict.correct, choices=_choices(q, shown, chosen))


def _kata_row(o: KataOutcome, section: str, own: str) -> KataRow:
    return KataRow(
        o.slug,
        o.title,
        o.topic,
        section,
        o.status,
        round(o.score, 4),
        sum(t.status == "pass" for t in o.tests),
        len(o.tests),
        round(o.duration_s, 2),
        o.summary,
        tuple(KataTestRow(t.name, t.hidden, t.status, t.message) for t in o.tests),
        o.isolation,
        own,
    )


def _joined(files: dict[str, str]) -> str:
    return "\n".join(files[name] for name in sorted(files))


def score_submission(sub: Submission, ctx: GradingContext, logged_at: dict[str, float], deadline: float) -> Scores:
    by_id = ctx.catalog.by_id()
    shown = ctx.shown()
    questions: list[QuestionRow] = []
    katas: list[KataRow] = []
    sections: list[SectionScore] = []
    for s in ctx.exam.sections:
        scores: list[float] = []
        for qid in s.question_ids:
            pub = shown[qid].public_id
            row = _question_row(by_id[qid], shown[qid], s.id, sub.answers.get(pub), deadline, logged_at.get(pub))
            questions.append(row)
            scores.append(row.score)
        for slug in s.katas:
            files = sub.katas.get(slug, {})
            outcome = ctx.grade_kata(slug, files)
            starter = _joined(ctx.starters.get(slug, {}))
            katas.append(_kata_row(outcome, s.id, own_work(_joined(files), starter) if files else ""))
            scores.append(outcome.score)
        sections.append(SectionScore(s.id, s.title, s.weight, round(sum(scores) / len(scores), 4) if scores else 0.0))
    # Weights taken relative to the largest: two finite weights near the float limit (1e308)
    # would otherwise sum to infinity and turn the score into NaN.
    top = max((s.weight for s in sections), default=0.0)
    shares = [s.weight / top for s in sections] if top > 0 else [0.0 for _ in sections]
    total_share = sum(shares)
    score = sum(s.score * w for s, w in zip(sections, shares, strict=True)) / total_share if total_share else 0.0
    by_topic: dict[str, list[float]] = defaultdict(list)
    for qr in questions:
        by_topic[qr.topic].append(qr.score)
    for kr in katas:
        by_topic[kr.topic].append(kr.score)
    topics = tuple(TopicScore(t, round(sum(v) / len(v), 4), len(v)) for t, v in sorted(by_topic.items()))
    return Scores(tuple(questions), tuple(katas), tuple(sections), topics, round(score, 4))


# ---- integrity -------------------------------------------------------------------------------


def _logged_answers(sub: Submission) -> dict[str, float]:
    """When each question was last answered, by the event log."""
    return {e.qid: e.at for e in sub.events if e.kind == "answer"}


def integrity_flags(sub: Submission, ctx: GradingContext, scores: Scores, deadline: float) -> list[Flag]:
    flags: list[Flag] = []
    if sub.pack_hash != ctx.pack_hash:
        flags.append(
            Flag(
                "pack-mismatch",
                "The submission was taken from a different pack than this spec builds "
                "(another spec, seed, setting or bank version): the questions may differ.",
            )
        )
    public_ids = {x.public_id for x in ctx.shown().values()}
    changed = []
    last_digest = {e.qid: e.data for e in sub.events if e.kind == "answer"}
    for qid, record in sub.answers.items():
        if qid in public_ids and last_digest.get(qid) != answer_digest(qid, record.as_logged()):
            changed.append(qid)
    if not sub.digest_ok or changed:
        why = []
        if not sub.digest_ok:
            why.append("the file's digest does not match its content")
        if changed:
            why.append(f"answers differ from the session's log: {', '.join(sorted(changed))}")
        flags.append(
            Flag("altered", "The submission was changed after `gokata exam submit` wrote it (" + "; ".join(why) + ").")
        )
    unknown = sorted(set(sub.answers) - public_ids)
    if unknown:
        flags.append(Flag("unexpected-answers", f"Answers to questions not in this exam: {', '.join(unknown[:20])}."))
    chain = chain_problems(sub.events, sub.pack_hash)
    start = sub.events[0].at if sub.events and sub.events[0].kind == "start" else None
    if sub.started_at is not None and start is not None and abs(sub.started_at - start) > SLACK_S:
        gap = abs(sub.started_at - start)
        chain.append(f"the submission's start time differs from the logged start by {gap:.0f} s")
    if chain:
        flags.append(Flag("broken-chain", "The session's event log was edited: " + "; ".join(chain) + "."))
    durations = {qid: a.duration_s for qid, a in sub.answers.items() if a.duration_s is not None and not a.from_file}
    timing = timing_problems(sub.events, durations)
    if timing:
        flags.append(Flag("impossible-timing", "Timings no real session produces: " + "; ".join(timing) + "."))
    pasted = [q.public_id for q in scores.questions if q.pasted]
    if pasted:
        flags.append(
            Flag("pasted", f"Long answers typed faster than a person types (likely pasted): {', '.join(pasted)}.")
        )
    scripted = [qid for qid, a in sub.answers.items() if a.from_file]
    if scripted:
        flags.append(
            Flag(
                "answers-from-file",
                f"{len(scripted)} answer(s) were loaded from a file "
                "(`exam take --answers`), not typed in the session; timings are unknown for them.",
            )
        )
    if any(a.terminal is False for a in sub.answers.values() if not a.from_file):
        flags.append(
            Flag("not-typed", "Answers were fed to `exam take` through a pipe or file, not typed at a terminal.")
        )
    fast = [
        q.public_id
        for q in scores.questions
        if q.answered
        and q.duration_s is not None
        and not (sub.answers.get(q.public_id) or AnswerRecord(None)).from_file
        and q.duration_s < FAST_ANSWER_S
    ]
    if len(fast) >= FAST_ANSWERS_TO_FLAG:
        flags.append(
            Flag(
                "too-fast",
                f"{len(fast)} answers came faster than a question can be read "
                f"(under {FAST_ANSWER_S:g} s): {', '.join(fast)}.",
            )
        )
    submitted = _submitted_at(sub)
    late = [q.public_id for q in scores.questions if q.late]
    if (submitted is not None and submitted > deadline + SLACK_S) or late:
        over = (
            f" {(submitted - deadline) / 60:.0f} minute(s) after the time limit"
            if submitted is not None and submitted > deadline + SLACK_S
            else ""
        )
        flags.append(
            Flag(
                "late",
                f"Submitted{over or ' in time'} against the spec's "
                f"{ctx.exam.spec.time_limit_minutes} minutes"
                + (f"; answered late: {', '.join(late)}" if late else "")
                + ".",
            )
        )
    by_id = ctx.catalog.by_id()
    for q in scores.questions:
        question = by_id[q.id]
        if isinstance(question, OpenQuestion) and q.given:
            flag = model_answer_flag(q.public_id, q.given, question.model_answer, public=ctx.public_bank)
            if flag is not None:
                flags.append(flag)
    return flags


def _submitted_at(sub: Submission) -> float | None:
    logged = [e.at for e in sub.events if e.kind == "submit"]
    return logged[-1] if logged else sub.submitted_at


# ---- assembly --------------------------------------------------------------------------------


def weakest_areas(scores: Scores, n: int = 3) -> tuple[TopicScore, ...]:
    """The lowest-scoring topics with something short of full marks. A topic's score alone cannot
    say so: a complete open answer is worth TOP (the interviewer's scale), not 1.0."""
    short = {q.topic for q in scores.questions if not q.fully_right} | {k.topic for k in scores.katas if k.score < 1.0}
    return tuple(sorted((t for t in scores.topics if t.topic in short), key=lambda t: (t.score, t.topic))[:n])


def criteria_of(ctx: GradingContext) -> tuple[Criterion, ...]:
    return tuple(Criterion(c.id, c.title) for c in ctx.exam.spec.scorecard)


def assemble(sub: Submission, ctx: GradingContext, scores: Scores, flags: list[Flag]) -> CandidateReport:
    spec = ctx.exam.spec
    start = sub.events[0].at if sub.events and sub.events[0].kind == "start" else sub.started_at
    submitted = _submitted_at(sub)
    used = round((submitted - start) / 60, 1) if submitted is not None and start is not None else None
    deadline_over = (
        submitted is not None and start is not None and submitted > start + spec.time_limit_minutes * 60 + SLACK_S
    )
    return CandidateReport(
        exam=spec.title,
        candidate=sub.candidate,
        folder=file_safe(sub.candidate).lower(),
        submission=json_safe(sub.path.name),
        status="graded",
        score=scores.score,
        pass_mark=spec.pass_mark,
        passed=scores.score >= spec.pass_mark,
        pack_hash=sub.pack_hash,
        pack_hash_ok=sub.pack_hash == ctx.pack_hash,
        digest_ok=sub.digest_ok,
        chain_ok=not any(f.kind == "broken-chain" for f in flags),
        tool_version=sub.tool_version,
        graded_with=__version__,
        grader=_grader(),
        sections=scores.sections,
        topics=scores.topics,
        weakest=weakest_areas(scores),
        questions=scores.questions,
        katas=scores.katas,
        time=TimeInfo(start, submitted, used, spec.time_limit_minutes, deadline_over, len(sub.events)),
        flags=tuple(flags),
        interviewer=Interviewer(criteria=criteria_of(ctx)),
    )


def _grader() -> str:
    from runner.answers import meaning

    return "meaning" if meaning.enabled() else "words"


def grade_read(sub: Submission, ctx: GradingContext) -> CandidateReport:
    start = sub.events[0].at if sub.events and sub.events[0].kind == "start" else sub.started_at
    deadline = (start if start is not None else 0.0) + ctx.exam.spec.time_limit_minutes * 60
    scores = score_submission(sub, ctx, _logged_answers(sub), deadline if start is not None else float("inf"))
    flags = integrity_flags(sub, ctx, scores, deadline if start is not None else float("inf"))
    report = assemble(sub, ctx, scores, flags)
    bad = non_finite(report)
    if bad:
        # NaN ranks and compares as nothing else does, and JSON cannot hold it: say so instead of
        # writing "nan%" and a report.json no strict reader accepts. Lint refuses non-finite
        # weights, so this is a time out of range or a fault of gokata's.
        raise NotFinite(f"grading gave a number that is not finite at {', '.join(bad[:3])}")
    return report


class NotFinite(GokataError):
    """A grade with NaN or infinity in it: reported as the submission's not-graded reason."""


def not_graded(path: Path, ctx: GradingContext, reason: str) -> CandidateReport:
    return CandidateReport(
        exam=ctx.exam.spec.title,
        # a file name may hold undecodable bytes (surrogate escapes): made printable-safe like any text
        candidate=json_safe(path.stem[:80]) or "submission",
        folder=file_safe(path.stem).lower(),
        submission=json_safe(path.name),
        status="not-graded",
        reason=reason,
        pass_mark=ctx.exam.spec.pass_mark,
        graded_with=__version__,
        grader=_grader(),
        interviewer=Interviewer(criteria=criteria_of(ctx)),
    )


def grade_submission(path: Path, ctx: GradingContext) -> CandidateReport:
    """One submission, whatever the file holds: a report, or a not-graded report saying why."""
    from runner.errors import Interrupted, ToolchainMissing

    try:
        return grade_read(read_submission(path), ctx)
    except NotGradable as exc:
        return not_graded(path, ctx, exc.reason)
    except (Interrupted, ToolchainMissing):
        raise  # about the machine, not the submission: the batch stops with its own message
    except GokataError as exc:
        return not_graded(path, ctx, exc.message)
    except Exception as exc:  # a fault in gokata itself: the other candidates are still graded
        return not_graded(path, ctx, f"{INTERNAL} ({type(exc).__name__}: {str(exc)[:200]}); please report it")


GradeOne = Callable[[Path], CandidateReport]
