"""How a panel would read the round: strengths, gaps, one line per main question, a signal, and
what to study next. Reasons are codes with values; the UI words them in the learner's language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from runner.answers.result import PointVerdict
from runner.content.models import LocalText
from runner.interview.model import Ending, TurnKind, TurnRecord, Why

STRONG_MEAN = 0.75  # mean main score for a strong signal
NOT_YET_MEAN = 0.5  # under this, not yet
ENOUGH = 3  # main answers a panel needs before it reads a round as strong


class Signal(StrEnum):
    STRONG = "strong"
    MIXED = "mixed"
    NOT_YET = "not-yet"


@dataclass(frozen=True)
class PointNote:
    question_id: str
    point_id: str
    point: LocalText
    verdict: str  # covered | partial | missed | contradicted
    recovered: bool = False  # a follow-up on it was answered well

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "point_id": self.point_id,
            "verdict": self.verdict,
            "recovered": self.recovered,
            "point": {"en": self.point.en, "zh": self.point.zh},
        }


@dataclass(frozen=True)
class QuestionLine:
    number: int
    question_id: str
    score: float
    passed: bool
    seconds: float  # main answer and its follow-ups
    follow_ups: tuple[tuple[str, str, bool | None], ...]  # (point id, why, answered well; None: not graded)
    rating: str | None
    low_confidence: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "question_id": self.question_id,
            "score": round(self.score, 4),
            "passed": self.passed,
            "seconds": round(self.seconds, 1),
            "rating": self.rating,
            "low_confidence": self.low_confidence,
            "follow_ups": [{"point_id": p, "why": w, "answered_well": ok} for p, w, ok in self.follow_ups],
        }


@dataclass(frozen=True)
class Debrief:
    lines: tuple[QuestionLine, ...]
    strengths: tuple[PointNote, ...]
    gaps: tuple[PointNote, ...]
    signal: Signal
    reasons: tuple[tuple[str, dict[str, Any]], ...]  # (message code, values)
    study: tuple[str, ...]  # question ids to study next
    katas: tuple[tuple[str, str], ...]  # (kata slug, the question id it relates to)
    scheduled: tuple[tuple[str, str], ...]  # (question id, rating) for each recorded main answer
    ending: Ending

    def to_json(self) -> dict[str, Any]:
        return {
            "signal": self.signal.value,
            "reasons": [{"code": c, **v} for c, v in self.reasons],
            "ending": self.ending.value,
            "questions": [line.to_json() for line in self.lines],
            "strengths": [s.to_json() for s in self.strengths],
            "gaps": [g.to_json() for g in self.gaps],
            "study": list(self.study),
            "katas": [{"slug": s, "question_id": q, "command": f"gokata kata start {s}"} for s, q in self.katas],
            "scheduled": [{"question_id": q, "rating": r} for q, r in self.scheduled],
        }


def _well(t: TurnRecord) -> bool | None:
    if t.grade is None:
        return None
    return t.grade.passed


def debrief(turns: Sequence[TurnRecord], ending: Ending, katas: Mapping[str, Sequence[str]]) -> Debrief:
    """`katas`: question id -> slugs of the katas whose related_questions include it."""
    lines: list[QuestionLine] = []
    strengths: list[PointNote] = []
    gaps: list[PointNote] = []
    study: list[str] = []
    contradicted_core = 0
    mains = [t for t in turns if t.asked.kind is TurnKind.MAIN and t.grade is not None]
    for main in mains:
        assert main.grade is not None and main.asked.framework is not None
        framework = {p.id: p for p in main.asked.framework.framework}
        mine = [t for t in turns if t.asked.main == main.asked.main]
        probes = [t for t in mine if t.asked.kind is TurnKind.FOLLOW_UP]
        recovered = {t.asked.point_id for t in probes if _well(t)}
        for r in main.grade.points:
            level = framework[r.point_id].level if r.point_id in framework else r.level
            if level == "bonus" and r.verdict is not PointVerdict.COVERED:
                continue
            note = PointNote(main.asked.parent_id, r.point_id, r.point, r.verdict.value, r.point_id in recovered)
            if r.verdict is PointVerdict.COVERED:
                strengths.append(note)
            else:
                gaps.append(note)
                if r.verdict is PointVerdict.CONTRADICTED and level == "core" and not note.recovered:
                    contradicted_core += 1
        if not main.grade.passed or any(not _well(t) for t in probes if t.grade is not None):
            study.append(main.asked.parent_id)
            study.extend(t.asked.probe_id for t in probes if t.asked.probe_id and not _well(t))
        lines.append(
            QuestionLine(
                number=main.asked.main,
                question_id=main.asked.parent_id,
                score=main.grade.score,
                passed=main.grade.passed,
                seconds=sum(t.seconds for t in mine),
                follow_ups=tuple(
                    (t.asked.point_id or "", (t.asked.why or Why.STRONG).value, _well(t))
                    for t in mine
                    if t.asked.kind is not TurnKind.MAIN
                ),
                rating=main.rating,
                low_confidence=any(t.low_confidence for t in mine),
            )
        )
    signal, reasons = _signal(lines, contradicted_core, gaps)
    study_ids = tuple(dict.fromkeys(study))
    kata_list = tuple(dict.fromkeys((slug, qid) for qid in study_ids for slug in katas.get(qid, ())))
    scheduled = tuple((m.asked.parent_id, m.rating) for m in mains if m.rating is not None)
    return Debrief(
        tuple(lines), tuple(strengths), tuple(gaps), signal, reasons, study_ids, kata_list, scheduled, ending
    )


def _signal(
    lines: Sequence[QuestionLine], contradicted_core: int, gaps: Sequence[PointNote]
) -> tuple[Signal, tuple[tuple[str, dict[str, Any]], ...]]:
    n = len(lines)
    if n == 0:
        return Signal.NOT_YET, (("reason.none", {}),)
    mean = sum(line.score for line in lines) / n
    passed = sum(line.passed for line in lines)
    recovered = sum(g.recovered for g in gaps)
    reasons: list[tuple[str, dict[str, Any]]] = [
        ("reason.mean", {"score": round(mean * 100)}),
        ("reason.passed", {"passed": passed, "total": n}),
    ]
    if contradicted_core:
        reasons.append(("reason.contradicted", {"n": contradicted_core}))
    if recovered:
        reasons.append(("reason.recovered", {"n": recovered}))
    if any(line.low_confidence for line in lines):
        reasons.append(("reason.unsure", {}))
    if mean < NOT_YET_MEAN or contradicted_core >= 2:
        return Signal.NOT_YET, tuple(reasons)
    if n < ENOUGH:
        reasons.append(("reason.few", {"n": n}))
        return Signal.MIXED, tuple(reasons)
    if mean >= STRONG_MEAN and contradicted_core == 0 and passed * 3 >= n * 2:
        return Signal.STRONG, tuple(reasons)
    return Signal.MIXED, tuple(reasons)
