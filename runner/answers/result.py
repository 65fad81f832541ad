"""What the framework grader returns. Shared by the quiz, `gokata answer` and exam reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from runner.content.models import LocalText

# Below this confidence a grade asks for a person to read the answer (quiz, answer, exam and interview
# all show it): the automatic verdict may be wrong in either direction.
REVIEW_CONFIDENCE = 0.5

# An open answer passes (exit 0 of `gokata answer`) when it covers every core point and scores at
# least this: the same bar at which the progress store counts an open answer as right.
PASS_SCORE = 0.8

Span = tuple[int, int]  # character offsets [start, end) into the answer text


class PointVerdict(StrEnum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSED = "missed"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True)
class PointResult:
    point_id: str
    verdict: PointVerdict
    credit: float  # 0..1 of this point's weight
    weight: float
    evidence: str | None  # the sentence of the answer that earned (or contradicted) it
    point: LocalText  # the model wording, shown for what was missed
    core: bool = False
    spans: tuple[Span, ...] = ()  # where the evidence sits in the answer
    level: str = "expected"  # core | expected | bonus
    also_covered: bool = False  # contradicted, though the answer also states the point itself
    inverted: bool = False  # contradicted by a stated contrast of one of the point's claims
    dismissed: bool = False  # contradicted by a dismissal of one of its concepts ("no need to ...")
    other_words: bool = False  # part credit from the meaning reader: said in words no phrasing knows

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.point_id,
            "verdict": self.verdict.value,
            "credit": round(self.credit, 4),
            "weight": self.weight,
            "core": self.core,
            "level": self.level,
            "inverted": self.inverted,
            "other_words": self.other_words,
            "evidence": self.evidence,
            "spans": [list(s) for s in self.spans],
            "point": _text_json(self.point),
        }


@dataclass(frozen=True)
class MisconceptionHit:
    misconception_id: str
    evidence: str
    belief: LocalText
    correction: LocalText
    penalty: float
    span: Span | None = None
    follow_up: LocalText | None = None
    shared: bool = False  # a classic wrong belief shared across questions (runner/content/beliefs/)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.misconception_id,
            "shared": self.shared,
            "evidence": self.evidence,
            "span": list(self.span) if self.span else None,
            "belief": _text_json(self.belief),
            "correction": _text_json(self.correction),
            "penalty": self.penalty,
        }


@dataclass(frozen=True)
class OpenGrade:
    question_id: str
    score: float  # 0..1 by weight, after penalties
    points: tuple[PointResult, ...]
    misconceptions: tuple[MisconceptionHit, ...] = ()
    follow_ups: tuple[LocalText, ...] = ()  # what an interviewer would ask next about the missed points
    keyword_only: bool = False  # the answer was a bare list of terms: capped at partial credit
    self_graded: bool = False
    confidence: float = 1.0  # 0..1: how far the grader trusts its own score
    review_reasons: tuple[str, ...] = ()  # why confidence is low, in plain words (English)
    # The sentences that wave the question's concerns away, when there are enough of them to make
    # the answer a denial (dismissal.py); the score is capped then.
    waved_away: tuple[str, ...] = ()
    # The bundled question the answer is about instead of this one (nearest.py): it is much nearer
    # that question's wording than this one's, and the score is capped.
    about_instead: str | None = None

    @property
    def needs_review(self) -> bool:
        """A person should read this answer: the grader is not sure of its score."""
        return not self.self_graded and self.confidence < REVIEW_CONFIDENCE

    @property
    def missed_core(self) -> bool:
        return any(p.core and p.verdict in (PointVerdict.MISSED, PointVerdict.CONTRADICTED) for p in self.points)

    @property
    def contradicted(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if p.verdict is PointVerdict.CONTRADICTED)

    @property
    def passed(self) -> bool:
        """Every core point covered (or partly) and the score at PASS_SCORE or above."""
        return not self.missed_core and self.score >= PASS_SCORE - 1e-9

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "score": round(self.score, 4),
            "passed": self.passed,
            "missed_core": self.missed_core,
            "keyword_only": self.keyword_only,
            "self_graded": self.self_graded,
            "confidence": round(self.confidence, 3),
            "needs_review": self.needs_review,
            "review_reasons": list(self.review_reasons),
            "waved_away": list(self.waved_away),
            "about_instead": self.about_instead,
            "points": [p.to_json() for p in self.points],
            "misconceptions": [m.to_json() for m in self.misconceptions],
            "follow_ups": [_text_json(f) for f in self.follow_ups],
        }


def _text_json(text: LocalText) -> dict[str, str | None]:
    return {"en": text.en, "zh": text.zh}
