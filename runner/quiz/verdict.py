"""A graded answer (`Verdict`): exact kinds right or wrong by their kind module, `open` by the
score the framework grader or self-grading gives."""

from __future__ import annotations

from dataclasses import dataclass

from runner.answers.result import OpenGrade
from runner.answers.scale import FULL  # an open answer at or above this counts as fully right
from runner.content.models import AnyQuestion, OpenQuestion
from runner.kinds.answer import DONT_KNOW, Answer
from runner.kinds.registry import expected_text, kind_of


@dataclass(frozen=True)
class Verdict:
    question_id: str
    kind: str
    topic: str
    correct: bool | None  # None for open questions, which get a score
    score: float  # 0..1
    given: str
    expected: str
    open_grade: OpenGrade | None = None

    @property
    def fully_right(self) -> bool:
        return self.correct is True or (self.correct is None and self.score >= FULL)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.question_id,
            "kind": self.kind,
            "topic": self.topic,
            "given": self.given,
            "expected": self.expected,
        }
        if self.correct is None:
            data["score"] = round(self.score, 4)
        else:
            data["correct"] = self.correct
        if self.open_grade is not None:
            data["points"] = [
                {
                    "id": p.point_id,
                    "verdict": p.verdict.value,
                    "credit": round(p.credit, 4),
                    "weight": p.weight,
                    "evidence": p.evidence,
                }
                for p in self.open_grade.points
            ]
            data["misconceptions"] = [m.misconception_id for m in self.open_grade.misconceptions]
        return data


def grade(question: AnyQuestion, answer: Answer, *, open_grade: OpenGrade | None = None) -> Verdict:
    """Grade one answer. For an open question pass the grade from the framework grader or self-grading."""
    given = answer.as_text()
    if isinstance(question, OpenQuestion):
        if open_grade is None:
            raise TypeError("an open question needs an OpenGrade")
        return Verdict(
            question.id,
            question.kind,
            question.topic,
            None,
            open_grade.score,
            given,
            expected_text(question),
            open_grade,
        )
    ok = kind_of(question).is_correct(question, answer)
    return Verdict(question.id, question.kind, question.topic, ok, 1.0 if ok else 0.0, given, expected_text(question))


def dont_know(question: AnyQuestion) -> Verdict:
    """The learner said "I don't know" (`!`): wrong, scored 0, and recorded as such."""
    correct = None if isinstance(question, OpenQuestion) else False
    return Verdict(question.id, question.kind, question.topic, correct, 0.0, DONT_KNOW, expected_text(question))


__all__ = ["DONT_KNOW", "FULL", "Verdict", "dont_know", "grade"]
