"""Exact grading of every kind but `open`, which the framework grader scores."""

from __future__ import annotations

from dataclasses import dataclass

from runner.answers.result import OpenGrade
from runner.content.models import (
    AnyQuestion,
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
    TrueFalseQuestion,
)
from runner.quiz.answers import Answer, BoolAnswer, ChoiceAnswer, LinesAnswer, TextAnswer, answer_text

FULL = 0.999  # an open answer at or above this counts as fully right


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


def normalise_output(text: str) -> str:
    """Compare program output ignoring whitespace at line ends and trailing blank lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n")


def expected_text(question: AnyQuestion) -> str:
    match question:
        case SingleQuestion() | MultiQuestion():
            return ",".join(question.correct_letters())
        case TrueFalseQuestion():
            return "true" if question.answer else "false"
        case OutputQuestion():
            return question.expected_output
        case SpotTheBugQuestion():
            return ",".join(map(str, question.bug_lines))
        case OpenQuestion():
            return question.model_answer.en
    raise AssertionError(question)  # pragma: no cover


def _is_correct(question: AnyQuestion, answer: Answer) -> bool:
    match question, answer:
        case SingleQuestion() | MultiQuestion(), ChoiceAnswer():
            wanted = tuple(i for i, c in enumerate(question.choices) if c.correct)
            return answer.indices == wanted
        case TrueFalseQuestion(), BoolAnswer():
            return answer.value == question.answer
        case OutputQuestion(), TextAnswer():
            return normalise_output(answer.text) == normalise_output(question.expected_output)
        case SpotTheBugQuestion(), LinesAnswer():
            return answer.lines == tuple(sorted(question.bug_lines))
    raise TypeError(f"answer {answer!r} does not fit a {question.kind} question")


def grade(question: AnyQuestion, answer: Answer, *, open_grade: OpenGrade | None = None) -> Verdict:
    """Grade one answer. For an open question pass the grade from the framework grader or self-grading."""
    given = answer_text(answer)
    if isinstance(question, OpenQuestion):
        if open_grade is None:
            raise TypeError("an open question needs an OpenGrade")
        return Verdict(question.id, question.kind, question.topic, None, open_grade.score, given,
                       expected_text(question), open_grade)
    ok = _is_correct(question, answer)
    return Verdict(question.id, question.kind, question.topic, ok, 1.0 if ok else 0.0, given, expected_text(question))



DONT_KNOW = "(don't know)"


def dont_know(question: AnyQuestion) -> Verdict:
    """The learner said "I don't know" (`!`): wrong, scored 0, and recorded as such."""
    correct = None if isinstance(question, OpenQuestion) else False
    return Verdict(question.id, question.kind, question.topic, correct, 0.0, DONT_KNOW, expected_text(question))


def output_diff(given: str, expected: str) -> str:
    """A line diff of the learner's output against the expected one: `-` yours, `+` expected,
    two spaces for lines both have (compared as `normalise_output` compares them)."""
    import difflib

    mine = normalise_output(given).split("\n")
    want = normalise_output(expected).split("\n")
    lines = [d for d in difflib.ndiff(mine, want) if not d.startswith("?")]
    return "\n".join(lines)
