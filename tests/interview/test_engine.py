"""The interview engine: which point a follow-up digs into, how it is graded, what is recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from runner.content.catalog import Catalog
from runner.content.models import OpenQuestion
from runner.errors import BadInput
from runner.interview.debrief import Signal, debrief
from runner.interview.engine import Interview, choose_questions, main_pool
from runner.interview.followups import is_strong, point_framework, targets
from runner.interview.model import Ending, TurnKind, Why
from runner.progress.attempts import NullRecorder, QuestionAttempt
from runner.progress.rating import SCHEDULING_MODES

WRONG_EVAL = "The arguments are evaluated when the function returns, and deferred calls run last in, first out."
STRONG_EVAL = "The arguments are evaluated at the defer statement and the calls run LIFO."


@dataclass
class Keep(NullRecorder):
    attempts: list[QuestionAttempt] = field(default_factory=list)

    def record_question(self, attempt: QuestionAttempt) -> None:
        self.attempts.append(attempt)


def _open(catalog: Catalog, qid: str) -> OpenQuestion:
    q = catalog.question(qid)
    assert isinstance(q, OpenQuestion)
    return q


def _interview(catalog: Catalog, *ids: str, **kw: object) -> Interview:
    return Interview(tuple(_open(catalog, i) for i in ids), catalog.by_id(), **kw)  # type: ignore[arg-type]


def test_follow_up_items_never_open_a_round(catalog: Catalog) -> None:
    ids = {q.id for q in main_pool(catalog)}
    assert ids == {"defer.iv-eval", "defer.iv-loop"}  # not the probe item, not the true/false one


def test_choice_is_seeded_and_bounded(catalog: Catalog) -> None:
    one = choose_questions(catalog, NullRecorder(), count=3, seed=5)
    assert one == choose_questions(catalog, NullRecorder(), count=3, seed=5)
    assert one.source == "all" and len(one.questions) == 2  # the pool is smaller than the count
    assert choose_questions(catalog, NullRecorder(), topics=("defer",), seed=1).source == "topics"
    with pytest.raises(BadInput):
        choose_questions(catalog, NullRecorder(), count=6)
    with pytest.raises(BadInput):
        choose_questions(catalog, NullRecorder(), topics=("nope",))


def test_contradicted_point_comes_before_anything_else(catalog: Catalog) -> None:
    q = _open(catalog, "defer.iv-loop")
    iv = _interview(catalog, "defer.iv-loop")
    grade = iv.grade("The files are closed at the end of each iteration, so nothing goes wrong.")
    assert grade is not None
    order = [(p.id, why) for p, why in targets(q, grade)]
    assert order == [("runs-at-return", Why.CONTRADICTED), ("fix", Why.MISSED)]


def test_follow_up_through_the_probe_item(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-eval")
    iv.submit(WRONG_EVAL, 30, iv.grade(WRONG_EVAL))
    asked = iv.pending
    assert asked is not None and asked.kind is TurnKind.FOLLOW_UP
    assert asked.point_id == "eval-at-defer" and asked.why is Why.CONTRADICTED
    assert asked.probe_id == "defer.iv-eval-probe-when" and asked.graded_id == "defer.iv-eval-probe-when"
    grade = iv.grade("It prints 1, because x was evaluated at the defer statement.")
    assert grade is not None and grade.passed


def test_follow_up_without_probe_is_graded_on_that_point_alone(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-loop")
    iv.submit(
        "The files are closed at the end of each iteration.",
        10,
        iv.grade("The files are closed at the end of each iteration."),
    )
    asked = iv.pending
    assert asked is not None and asked.point_id == "runs-at-return" and asked.probe_id is None
    assert asked.framework is not None and [p.id for p in asked.framework.framework] == ["runs-at-return"]
    assert asked.prompt.en == "When exactly does each of those Close calls run?"
    good = iv.grade("They all run when the function returns.")
    bad = iv.grade("Each Close runs at the end of each iteration.")
    assert good is not None and good.passed
    assert bad is not None and bad.contradicted


def test_point_framework_keeps_claims_and_makes_the_point_owed(catalog: Catalog) -> None:
    q = _open(catalog, "defer.iv-eval")
    small = point_framework(q, q.framework[1])
    assert small.framework[0].claims == q.framework[1].claims
    assert small.framework[0].core and small.framework[0].probe is None and small.follows == q.id


def test_at_most_two_follow_ups_then_next_question(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-loop", "defer.iv-eval")
    kinds = []
    while (asked := iv.pending) is not None and asked.main == 1:
        kinds.append((asked.kind, asked.point_id))
        iv.submit("I don't know.", 5, iv.grade("I don't know."))
    assert kinds == [(TurnKind.MAIN, None), (TurnKind.FOLLOW_UP, "runs-at-return"), (TurnKind.FOLLOW_UP, "fix")]
    assert iv.pending is not None and iv.pending.parent_id == "defer.iv-eval"


def test_strong_answer_earns_a_stretch_question(catalog: Catalog) -> None:
    q = _open(catalog, "defer.iv-eval")
    iv = _interview(catalog, "defer.iv-eval")
    grade = iv.grade(STRONG_EVAL)
    assert grade is not None and is_strong(q, grade)
    iv.submit(STRONG_EVAL, 20, grade)
    asked = iv.pending
    assert asked is not None and asked.kind is TurnKind.STRETCH and asked.framework is None
    assert iv.grade("With a named result.") is None
    iv.submit("With a named result.", 5, None)
    assert iv.pending is None and iv.ending is Ending.DONE


def test_main_answers_are_recorded_as_given_and_schedule_reviews(catalog: Catalog) -> None:
    keep = Keep()
    iv = _interview(catalog, "defer.iv-eval", "defer.iv-loop", recorder=keep)
    iv.submit(WRONG_EVAL, 30, iv.grade(WRONG_EVAL))
    assert [a.question_id for a in keep.attempts] == ["defer.iv-eval"]
    iv.submit("It prints 2.", 10, iv.grade("It prints 2."))  # a follow-up: in the transcript only
    assert len(keep.attempts) == 1
    a = keep.attempts[0]
    assert a.mode == "interview" and a.mode in SCHEDULING_MODES and a.duration_s == 30 and a.missed_core
    assert iv.turns[0].rating == "Again"


def test_soft_budget_stops_digging_and_ends_the_round(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-eval", "defer.iv-loop", budget_s=60)
    iv.submit(WRONG_EVAL, 90, iv.grade(WRONG_EVAL))
    assert iv.pending is None and iv.ending is Ending.TIME


def test_quit_keeps_what_was_answered(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-eval", "defer.iv-loop")
    iv.submit(STRONG_EVAL, 20, iv.grade(STRONG_EVAL))
    iv.stop(Ending.QUIT)
    assert iv.pending is None
    d = debrief(iv.turns, Ending.QUIT, {})
    assert [line.question_id for line in d.lines] == ["defer.iv-eval"]
    assert d.signal is Signal.MIXED and ("reason.few", {"n": 1}) in d.reasons


def test_debrief_reads_gaps_recovery_and_study(catalog: Catalog) -> None:
    iv = _interview(catalog, "defer.iv-eval", "defer.iv-loop")
    iv.submit(WRONG_EVAL, 30, iv.grade(WRONG_EVAL))
    iv.submit(
        "It prints 1, because x was evaluated at the defer statement.",
        10,
        iv.grade("It prints 1, because x was evaluated at the defer statement."),
    )
    bad = "The files are closed at the end of each iteration."
    while iv.pending is not None:
        iv.submit(bad, 5, iv.grade(bad))
    d = debrief(iv.turns, iv.ending or Ending.DONE, {"defer.iv-loop": ["defer-loop"]})
    gaps = {(g.question_id, g.point_id): g for g in d.gaps}
    assert gaps["defer.iv-eval", "eval-at-defer"].recovered
    assert not gaps["defer.iv-loop", "runs-at-return"].recovered
    assert d.signal is Signal.NOT_YET
    assert d.study == ("defer.iv-eval", "defer.iv-loop")
    assert d.katas == (("defer-loop", "defer.iv-loop"),)
    assert d.scheduled == (("defer.iv-eval", "Again"), ("defer.iv-loop", "Again"))
    assert any(s.point_id == "lifo" for s in d.strengths)
