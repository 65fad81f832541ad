"""Blind answer sets: answers written and scored by interviewers who never saw the grader.

A blind folder holds `dev/` (the grader may be tuned on it) and `test/` (never tuned on; only
reported), each with one YAML file per topic:

    topic: slices
    author: blind-writer-1
    questions:
      - question: slices.interview-shared-array-trap
        answers:
          - {class: strong-plain, lang: en, score: 0.85, text: "..."}

The report gives, per split, class and language, the agreement figures and the issue's targets:
mean absolute error, the share within 0.2, inversions at 0.45 or less and marked contradicted,
plain-words answers at 0.6 or more, keyword lists at 0.35 or less, off-topic answers at 0.2 or
less, typos and mixed-language answers at 0.85 or more.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from runner.answers.framework import grade_open
from runner.answers.result import OpenGrade, PointVerdict
from runner.content.catalog import Catalog
from runner.content.models import Frozen, NonEmpty, OpenQuestion, QuestionId, SFloat, Slug
from runner.errors import ContentError, Problem

TEST_SPLIT = "test"
# Further held-out sets ("test-probes", ...): reported after the test split, never tuned on, and
# not part of the recorded CI baseline, which stays the test split's.
HELD_OUT_PREFIX = "test-"
TOLERANCE = 0.2
AnswerClass = Literal[
    "strong-plain", "strong-technical", "inversion", "denial", "partial", "keywords", "off-topic", "typos", "mixed"
]


class BlindAnswer(Frozen):
    answer_class: AnswerClass = Field(alias="class")
    lang: Literal["en", "zh", "mixed"]
    score: SFloat = Field(ge=0, le=1)
    text: NonEmpty
    inverted: str | None = None


class BlindQuestion(Frozen):
    question: QuestionId
    answers: tuple[BlindAnswer, ...]


class BlindFile(Frozen):
    topic: str
    author: str | None = None
    split: Slug | None = None  # the folder it belongs in: dev, dev2 (a later round of fresh answers), ..., test
    questions: tuple[BlindQuestion, ...]


@dataclass(frozen=True)
class BlindResult:
    split: str
    question_id: str
    answer_class: str
    lang: str
    expected: float
    got: float
    contradicted: bool  # some point was marked contradicted
    text: str
    wrong_belief: bool = False  # a stated shared wrong belief was reported (beliefs.py)

    @property
    def flagged(self) -> bool:
        """The grade shows the reader the wrong statement: a contradicted point or a wrong belief."""
        return self.contradicted or self.wrong_belief

    @property
    def error(self) -> float:
        return abs(self.got - self.expected)

    @property
    def within(self) -> bool:
        return self.error <= TOLERANCE + 1e-9

    def to_json(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "question_id": self.question_id,
            "class": self.answer_class,
            "lang": self.lang,
            "expected": self.expected,
            "got": round(self.got, 4),
            "contradicted": self.contradicted,
            "wrong_belief": self.wrong_belief,
        }


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: the share of a class's answers meeting a bar."""

    name: str
    applies: Callable[[BlindResult], bool]
    meets: Callable[[BlindResult], bool]
    required: float  # the share that must meet it


TARGETS: tuple[Target, ...] = (
    Target("inversions <= 0.45", lambda r: r.answer_class == "inversion", lambda r: r.got <= 0.45 + 1e-9, 0.8),
    Target("inversions marked contradicted", lambda r: r.answer_class == "inversion", lambda r: r.contradicted, 1.0),
    # Reported beside the target, not instead of it: a wrong belief is flagged but names no point.
    Target("inversions flagged (point or belief)", lambda r: r.answer_class == "inversion", lambda r: r.flagged, 1.0),
    Target(
        "plain-words en >= 0.6",
        lambda r: r.answer_class == "strong-plain" and r.lang == "en",
        lambda r: r.got >= 0.6 - 1e-9,
        0.8,
    ),
    Target(
        "plain-words zh >= 0.6",
        lambda r: r.answer_class == "strong-plain" and r.lang == "zh",
        lambda r: r.got >= 0.6 - 1e-9,
        0.8,
    ),
    Target("keyword lists <= 0.35", lambda r: r.answer_class == "keywords", lambda r: r.got <= 0.35 + 1e-9, 1.0),
    Target("off-topic <= 0.2", lambda r: r.answer_class == "off-topic", lambda r: r.got <= 0.2 + 1e-9, 1.0),
    Target("typos >= 0.85", lambda r: r.answer_class == "typos", lambda r: r.got >= 0.85 - 1e-9, 1.0),
    Target("mixed zh+en >= 0.85", lambda r: r.answer_class == "mixed", lambda r: r.got >= 0.85 - 1e-9, 1.0),
)


def _mae(results: Iterable[BlindResult]) -> float:
    rs = list(results)
    return sum(r.error for r in rs) / len(rs) if rs else 0.0


def _within(results: Iterable[BlindResult]) -> float:
    rs = list(results)
    return sum(r.within for r in rs) / len(rs) if rs else 1.0


@dataclass(frozen=True)
class SplitReport:
    split: str
    results: tuple[BlindResult, ...]
    unknown: tuple[str, ...]  # question ids the catalogue does not have (their answers are skipped)

    @property
    def mae(self) -> float:
        return _mae(self.results)

    @property
    def within(self) -> float:
        return _within(self.results)

    def groups(self, key: Callable[[BlindResult], str]) -> dict[str, tuple[int, float, float]]:
        out: dict[str, list[BlindResult]] = {}
        for r in self.results:
            out.setdefault(key(r), []).append(r)
        return {k: (len(v), _mae(v), _within(v)) for k, v in sorted(out.items())}

    def targets(self) -> list[tuple[str, int, float, float]]:
        """(target, answers it applies to, share meeting it, share required)."""
        rows = []
        for t in TARGETS:
            rs = [r for r in self.results if t.applies(r)]
            share = sum(t.meets(r) for r in rs) / len(rs) if rs else 1.0
            rows.append((t.name, len(rs), share, t.required))
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "answers": len(self.results),
            "mae": round(self.mae, 4),
            "within_0_2": round(self.within, 4),
            "by_class": {
                k: {"n": n, "mae": round(m, 4), "within_0_2": round(w, 4)}
                for k, (n, m, w) in self.groups(lambda r: r.answer_class).items()
            },
            "by_lang": {
                k: {"n": n, "mae": round(m, 4), "within_0_2": round(w, 4)}
                for k, (n, m, w) in self.groups(lambda r: r.lang).items()
            },
            "targets": [
                {"target": name, "n": n, "share": round(share, 4), "required": req}
                for name, n, share, req in self.targets()
            ],
            "unknown_questions": list(self.unknown),
        }


def load_split(folder: Path) -> list[tuple[BlindQuestion, Path]]:
    out: list[tuple[BlindQuestion, Path]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            parsed = BlindFile.model_validate(data)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError) as exc:
            raise ContentError([Problem(str(path), 1, 1, "", f"not a blind answer file: {_first_line(exc)}")]) from exc
        out.extend((q, path) for q in parsed.questions)
    return out


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def grade_split(
    catalog: Catalog, folder: Path, split: str, grade: Callable[[OpenQuestion, str], OpenGrade] = grade_open
) -> SplitReport:
    results: list[BlindResult] = []
    unknown: list[str] = []
    by_id = catalog.by_id()
    for bq, _ in load_split(folder):
        q = by_id.get(bq.question)
        if not isinstance(q, OpenQuestion):
            unknown.append(bq.question)
            continue
        for a in bq.answers:
            g = grade(q, a.text)
            contradicted = any(p.verdict is PointVerdict.CONTRADICTED for p in g.points)
            belief = any(h.shared for h in g.misconceptions)
            results.append(
                BlindResult(split, q.id, a.answer_class, a.lang, a.score, g.score, contradicted, a.text, belief)
            )
    return SplitReport(split, tuple(results), tuple(unknown))


def default_blind_dir() -> Path | None:
    """tests/grading/blind of the source checkout gokata runs from, if there is one, when the
    bundled banks are in use (the set is written against them)."""
    if os.environ.get("GOKATA_QUESTIONS"):
        return None
    folder = Path(__file__).resolve().parents[2] / "tests" / "grading" / "blind"
    return folder if folder.is_dir() else None


def is_held_out(split: str) -> bool:
    """A split nobody tunes on: the test split and any `test-*` folder."""
    return split == TEST_SPLIT or split.startswith(HELD_OUT_PREFIX)


def splits_in(root: Path) -> list[str]:
    """The split folders under `root` in report order: dev, dev2, ..., dev10, then test, then any
    other held-out `test-*` folders. Each later round of fresh answers is a folder of its own;
    nothing lists them by name."""
    names = [d.name for d in root.iterdir() if d.is_dir() and any(d.glob("*.yaml"))] if root.is_dir() else []
    tuning = sorted((n for n in names if not is_held_out(n)), key=lambda n: (len(n), n))
    held = sorted(n for n in names if is_held_out(n) and n != TEST_SPLIT)
    return tuning + ([TEST_SPLIT] if TEST_SPLIT in names else []) + held


def grade_blind(catalog: Catalog, root: Path) -> tuple[SplitReport, ...]:
    """Every split found under `root` (dev, dev2, ..., test), graded."""
    if not root.is_dir():
        raise ContentError([Problem(str(root), 1, 1, "", "no such folder (a blind set has dev/ and test/ folders)")])
    return tuple(grade_split(catalog, root / split, split) for split in splits_in(root))
