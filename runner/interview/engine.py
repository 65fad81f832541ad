"""The interview as a state machine: which question comes next, grading, recording main answers.

The caller (the terminal UI, or a script of answers) asks `pending`, reads an answer, calls
`grade`, may replace a doubtful grade by the learner's own marks, then `submit`s. Main answers
are recorded as they are given (mode "interview", which moves the review schedule), so a Ctrl-C
keeps everything answered before it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from runner.answers.framework import grade_open
from runner.answers.result import OpenGrade
from runner.content.catalog import Catalog
from runner.content.models import AnyQuestion, OpenQuestion
from runner.errors import BadInput
from runner.interview.followups import MAX_FOLLOW_UPS, is_strong, next_follow_up, stretch_for
from runner.interview.model import Asked, Ending, TurnKind, TurnRecord
from runner.progress.attempts import NullRecorder, QuestionAttempt, Recorder
from runner.progress.rating import RATING_NAMES, rating_for

MODE = "interview"
MIN_QUESTIONS, MAX_QUESTIONS, DEFAULT_QUESTIONS = 3, 5, 4
WEAK_POOL = 10  # the weakest open questions a seeded draw picks from


def main_pool(catalog: Catalog, topics: Sequence[str] = ()) -> list[OpenQuestion]:
    """Open questions that can open a round: never a follow-up item."""
    for topic in topics:
        catalog.bank(topic)  # an unknown topic is BadInput naming the known ones
    return [
        q
        for q in catalog.questions
        if isinstance(q, OpenQuestion) and q.follows is None and (not topics or q.topic in topics)
    ]


@dataclass(frozen=True)
class Selection:
    questions: tuple[OpenQuestion, ...]
    source: str  # "weak" (from the weak areas), "topics" (from --topic), "all" (no history yet)


def choose_questions(
    catalog: Catalog, recorder: Recorder, *, topics: Sequence[str] = (), count: int = DEFAULT_QUESTIONS, seed: int = 0
) -> Selection:
    """3-5 main questions: from the weak areas (as `quiz --weak`), or from the topics given; seeded."""
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        raise BadInput(f"--count must be {MIN_QUESTIONS} to {MAX_QUESTIONS}, got {count}")
    pool = main_pool(catalog, topics)
    if not pool:
        raise BadInput("no open questions to interview on", hint="see `gokata topics` for what there is")
    rng = random.Random(seed)
    if topics:
        candidates, source = sorted(pool, key=lambda q: q.id), "topics"
    else:
        from runner.quiz.weak import weak_question_ids

        allowed = {q.id: q for q in pool}
        weak = [allowed[i] for i in weak_question_ids(catalog, recorder) if i in allowed]
        if weak:
            candidates, source = weak[: max(WEAK_POOL, count)], "weak"
        else:
            candidates, source = sorted(pool, key=lambda q: q.id), "all"
    rng.shuffle(candidates)
    return Selection(tuple(candidates[:count]), source)


@dataclass
class Interview:
    questions: tuple[OpenQuestion, ...]
    bank: dict[str, AnyQuestion]  # every question by id: where probe items are found
    recorder: Recorder = field(default_factory=NullRecorder)
    budget_s: float | None = None  # --minutes, in seconds: a soft budget
    seed: int = 0
    turns: list[TurnRecord] = field(default_factory=list)
    ending: Ending | None = None
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    _pending: Asked | None = None
    _next_main: int = 0

    def __post_init__(self) -> None:
        self._pending = self._ask_main()

    # -- the flow ---------------------------------------------------------------------------
    @property
    def pending(self) -> Asked | None:
        """The question waiting for an answer; None once the interview has ended."""
        return None if self.ending is not None else self._pending

    @property
    def elapsed(self) -> float:
        return sum(t.seconds for t in self.turns)

    @property
    def over_budget(self) -> bool:
        return self.budget_s is not None and self.elapsed >= self.budget_s

    def grade(self, text: str) -> OpenGrade | None:
        """The pending answer's grade (None for a stretch question: it is discussed, not graded)."""
        asked = self._need_pending()
        return grade_open(asked.framework, text) if asked.framework is not None else None

    def submit(self, text: str, seconds: float, grade: OpenGrade | None, *, low_confidence: bool = False) -> TurnRecord:
        """Keep the answer (recording a main one at once) and decide what comes next."""
        asked = self._need_pending()
        rating = None
        if asked.kind is TurnKind.MAIN and grade is not None:
            rating = self._record(asked, text, seconds, grade)
        record = TurnRecord(asked, text, seconds, grade, low_confidence=low_confidence, rating=rating)
        self.turns.append(record)
        self._pending = self._after(asked)
        if self._pending is None and self.ending is None:
            self.ending = Ending.TIME if self.over_budget and self._next_main < len(self.questions) else Ending.DONE
        return record

    def stop(self, ending: Ending) -> None:
        if self.ending is None:
            self.ending = ending

    # -- internals --------------------------------------------------------------------------
    def _need_pending(self) -> Asked:
        if self.pending is None:
            raise BadInput("the interview has ended: there is no question to answer")
        return self.pending

    def _ask_main(self) -> Asked | None:
        if self._next_main >= len(self.questions) or (self.turns and self.over_budget):
            return None
        q = self.questions[self._next_main]
        self._next_main += 1
        return Asked(
            main=self._next_main, kind=TurnKind.MAIN, prompt=q.prompt, parent_id=q.id, framework=q, code=q.code
        )

    def _after(self, asked: Asked) -> Asked | None:
        if self.over_budget:
            return self._ask_main()  # at time: no more digging; _ask_main ends the round
        main = self.questions[asked.main - 1]
        mine = [t for t in self.turns if t.asked.main == asked.main]
        main_grade = mine[0].grade
        if asked.kind is TurnKind.MAIN and main_grade is not None and is_strong(main, main_grade):
            stretch = stretch_for(asked.main, main, random.Random(f"{self.seed}:{main.id}").randrange(1 << 16))
            return stretch or self._ask_main()
        follow_ups = [t for t in mine if t.asked.kind is TurnKind.FOLLOW_UP]
        if main_grade is None or asked.kind is TurnKind.STRETCH or len(follow_ups) >= MAX_FOLLOW_UPS:
            return self._ask_main()
        asked_points = {t.asked.point_id for t in follow_ups if t.asked.point_id}
        return next_follow_up(asked.main, main, main_grade, asked_points, self.bank) or self._ask_main()

    def _record(self, asked: Asked, text: str, seconds: float, grade: OpenGrade) -> str:
        q = self.questions[asked.main - 1]
        attempt = QuestionAttempt(
            question_id=q.id,
            topic=q.topic,
            kind="open",
            answer=text,
            correct=None,
            score=grade.score,
            duration_s=seconds,
            mode=MODE,
            missed_core=grade.missed_core,
        )
        self.recorder.record_question(attempt)
        return RATING_NAMES[rating_for(attempt)]
