"""What an interview is made of: the turns asked, the answers given, and their grades."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from runner.answers.result import OpenGrade
from runner.content.models import LocalText, OpenQuestion


class TurnKind(StrEnum):
    MAIN = "main"
    FOLLOW_UP = "follow-up"
    STRETCH = "stretch"


class Why(StrEnum):
    """Why a follow-up is asked: what the answer did with the point it digs into."""

    CONTRADICTED = "contradicted"
    MISSED = "missed"
    PARTIAL = "partial"
    STRONG = "strong"  # a stretch question, earned by a strong answer


class Ending(StrEnum):
    DONE = "done"  # every main question asked
    QUIT = "quit"  # `q`, or the scripted answers ran out
    INTERRUPTED = "interrupted"  # Ctrl-C
    TIME = "time"  # the soft budget ran out


@dataclass(frozen=True)
class Asked:
    """One question the interviewer puts. `framework` is what the answer is graded against: the
    main question itself, a probe item, or a one-point framework made of the point it digs into;
    None for a stretch question, which is discussed, not graded."""

    main: int  # 1-based number of the main question this turn belongs to
    kind: TurnKind
    prompt: LocalText
    parent_id: str  # the main question's id
    framework: OpenQuestion | None
    point_id: str | None = None  # the point of the main question a follow-up digs into
    why: Why | None = None
    probe_id: str | None = None  # the bank's follow-up item, when the point names one
    code: str | None = None

    @property
    def graded_id(self) -> str | None:
        return self.framework.id if self.framework is not None else None


@dataclass(frozen=True)
class TurnRecord:
    asked: Asked
    answer: str
    seconds: float
    grade: OpenGrade | None
    low_confidence: bool = False  # the grader was unsure (the learner may have rated it themselves)
    rating: str | None = None  # the review rating a recorded main answer got (Again/Hard/Good/Easy)

    def to_json(self) -> dict[str, Any]:
        a = self.asked
        return {
            "main": a.main,
            "kind": a.kind.value,
            "question_id": a.graded_id,
            "parent_id": a.parent_id,
            "point_id": a.point_id,
            "why": a.why.value if a.why else None,
            "probe_id": a.probe_id,
            "prompt": {"en": a.prompt.en, "zh": a.prompt.zh},
            "answer": self.answer,
            "seconds": round(self.seconds, 1),
            "low_confidence": self.low_confidence,
            "rating": self.rating,
            "grade": self.grade.to_json() if self.grade is not None else None,
        }
