"""Calibration: grade every example answer the banks carry and compare with the score a senior
interviewer gave it. Agreement is the mean absolute error and the share of examples within
TOLERANCE of the expected score, per question and over all examples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from runner.answers.framework import grade_open
from runner.answers.scale import interviewer_scale
from runner.content.catalog import Catalog
from runner.content.models import OpenQuestion

TOLERANCE = 0.15


@dataclass(frozen=True)
class ExampleResult:
    index: int  # position in the question's `examples`
    label: str
    expected: float
    got: float
    answer: str

    @property
    def error(self) -> float:
        return abs(self.got - self.expected)

    @property
    def within(self) -> bool:
        return self.error <= TOLERANCE + 1e-9

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "label": self.label,
            "expected": self.expected,
            "got": round(self.got, 4),
            "error": round(self.error, 4),
            "within": self.within,
        }


def _mae(results: tuple[ExampleResult, ...]) -> float:
    return sum(r.error for r in results) / len(results) if results else 0.0


def _share_within(results: tuple[ExampleResult, ...]) -> float:
    return sum(r.within for r in results) / len(results) if results else 1.0


@dataclass(frozen=True)
class QuestionCalibration:
    question_id: str
    examples: tuple[ExampleResult, ...]
    # The model answers graded too (en, zh): an author's check that the framework's phrasings
    # credit the answer the question itself calls strong. Not part of the agreement figures.
    model_en: float | None = None
    model_zh: float | None = None

    @property
    def n(self) -> int:
        return len(self.examples)

    @property
    def mae(self) -> float:
        return _mae(self.examples)

    @property
    def within(self) -> float:
        return _share_within(self.examples)

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "n": self.n,
            "mae": round(self.mae, 4),
            "within": round(self.within, 4),
            "examples": [e.to_json() for e in self.examples],
            "model_answer": {"en": _round(self.model_en), "zh": _round(self.model_zh)},
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass(frozen=True)
class CalibrationReport:
    questions: tuple[QuestionCalibration, ...]  # every open question, with or without examples
    open_questions: int

    @property
    def with_examples(self) -> tuple[QuestionCalibration, ...]:
        return tuple(q for q in self.questions if q.examples)

    def weak_model_answers(self, below: float = interviewer_scale(0.9)) -> list[tuple[str, str, float]]:
        """(question id, language, score) of model answers the grader scores under `below`: by
        default, earning less than 90 % of their own framework."""
        out = []
        for q in self.questions:
            for lang, score in (("en", q.model_en), ("zh", q.model_zh)):
                if score is not None and score < below:
                    out.append((q.question_id, lang, score))
        return out

    @property
    def all_examples(self) -> tuple[ExampleResult, ...]:
        return tuple(e for q in self.questions for e in q.examples)

    @property
    def n(self) -> int:
        return len(self.all_examples)

    @property
    def mae(self) -> float:
        return _mae(self.all_examples)

    @property
    def within(self) -> float:
        """Share of all examples graded within TOLERANCE of the expected score."""
        return _share_within(self.all_examples)

    def by_label(self) -> dict[str, tuple[int, float, float]]:
        """label -> (n, MAE, share within)."""
        groups: dict[str, list[ExampleResult]] = {}
        for e in self.all_examples:
            groups.setdefault(e.label, []).append(e)
        return {k: (len(v), _mae(tuple(v)), _share_within(tuple(v))) for k, v in sorted(groups.items())}

    def to_json(self) -> dict[str, Any]:
        return {
            "tolerance": TOLERANCE,
            "open_questions": self.open_questions,
            "questions_with_examples": len(self.with_examples),
            "weak_model_answers": [
                {"question_id": q, "lang": lang, "score": round(x, 4)} for q, lang, x in self.weak_model_answers()
            ],
            "examples": self.n,
            "mae": round(self.mae, 4),
            "within": round(self.within, 4),
            "by_label": {
                k: {"n": n, "mae": round(m, 4), "within": round(w, 4)} for k, (n, m, w) in self.by_label().items()
            },
            "questions": [q.to_json() for q in self.with_examples],
        }


def calibrate(catalog: Catalog) -> CalibrationReport:
    opens = [q for q in catalog.questions if isinstance(q, OpenQuestion)]
    questions = []
    for q in opens:
        results = tuple(
            ExampleResult(i, ex.label, ex.score, grade_open(q, ex.answer).score, ex.answer)
            for i, ex in enumerate(q.examples)
        )
        zh = grade_open(q, q.model_answer.zh).score if q.model_answer.zh else None
        questions.append(QuestionCalibration(q.id, results, grade_open(q, q.model_answer.en).score, zh))
    return CalibrationReport(tuple(questions), len(opens))
