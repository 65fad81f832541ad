"""What the framework grader returns. Shared by the quiz, `gokata answer` and exam reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from runner.content.models import LocalText


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


@dataclass(frozen=True)
class MisconceptionHit:
    misconception_id: str
    evidence: str
    belief: LocalText
    correction: LocalText
    penalty: float


@dataclass(frozen=True)
class OpenGrade:
    question_id: str
    score: float  # 0..1 by weight, after penalties
    points: tuple[PointResult, ...]
    misconceptions: tuple[MisconceptionHit, ...] = ()
    follow_ups: tuple[LocalText, ...] = ()  # what an interviewer would ask next about the missed points
    keyword_only: bool = False  # the answer was a bare list of terms: capped at partial credit
    self_graded: bool = False

    @property
    def missed_core(self) -> bool:
        return any(p.core and p.verdict in (PointVerdict.MISSED, PointVerdict.CONTRADICTED) for p in self.points)
