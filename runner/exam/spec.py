"""The exam spec an interviewer writes (YAML), its lint, and its resolution to concrete items.

Resolution is deterministic: the same spec and the same banks give the same questions,
which is what lets `exam grade` check a submission's pack hash against the spec.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from runner.content.catalog import Catalog
from runner.content.models import (
    Difficulty,
    Frozen,
    LocalText,
    NonEmpty,
    QuestionId,
    SFloat,
    SInt,
    Slug,
)
from runner.content.validate import duplicate_key_problems, validate_file
from runner.content.yaml_source import Locator, read_yaml
from runner.errors import ContentError, Problem
from runner.exam.model import non_finite_at
from runner.kinds.registry import KindName

Kind = KindName  # a section may draw by kind: any kind the registry knows


class Draw(Frozen):
    """Draw `count` questions at random (by the section's seed) from those matching every filter."""

    topic: tuple[Slug, ...] = ()
    difficulty: tuple[Difficulty, ...] = ()
    kind: tuple[Kind, ...] = ()
    tag: tuple[Slug, ...] = ()
    count: SInt = Field(ge=1)


class Section(Frozen):
    id: Slug
    title: NonEmpty
    weight: SFloat = Field(gt=0)
    questions: tuple[QuestionId, ...] = ()
    draw: tuple[Draw, ...] = ()
    seed: SInt = 1
    katas: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _has_content(self) -> Section:
        if not (self.questions or self.draw or self.katas):
            raise ValueError("a section needs questions, draw or katas")
        if self.katas and (self.questions or self.draw):
            raise ValueError("a section holds either questions or katas, not both (weights are per section)")
        return self


class Criterion(Frozen):
    """One line of the interviewer's scorecard (scored 1-4 with `gokata exam note`)."""

    id: Slug
    title: NonEmpty


class ExamSpec(Frozen):
    title: NonEmpty
    time_limit_minutes: SInt = Field(ge=1, le=24 * 60)
    lang: Literal["en", "zh"] = "en"
    pass_mark: SFloat = Field(ge=0, le=1)
    instructions: LocalText | None = None
    sections: tuple[Section, ...] = Field(min_length=1)
    scorecard: tuple[Criterion, ...] = ()

    @model_validator(mode="after")
    def _unique_sections(self) -> ExamSpec:
        ids = [s.id for s in self.sections]
        if len(set(ids)) != len(ids):
            raise ValueError("sections: section ids must be unique")
        criteria = [c.id for c in self.scorecard]
        if len(set(criteria)) != len(criteria):
            raise ValueError("scorecard: criterion ids must be unique")
        return self


@dataclass(frozen=True)
class ResolvedSection:
    id: str
    title: str
    weight: float
    question_ids: tuple[str, ...]
    katas: tuple[str, ...]


@dataclass(frozen=True)
class ResolvedExam:
    spec: ExamSpec
    sections: tuple[ResolvedSection, ...]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q for s in self.sections for q in s.question_ids)

    @property
    def katas(self) -> tuple[str, ...]:
        return tuple(k for s in self.sections for k in s.katas)


MAX_SPEC_BYTES = 1024 * 1024
MAX_ALIASES = 50  # a spec needs none; many are how a small YAML file expands to gigabytes


def _precheck(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_yaml says what is wrong with it
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise ContentError([Problem(str(path), 1, 1, "", f"{what}; give the exam spec's YAML file")])
    if size > MAX_SPEC_BYTES:
        raise ContentError([Problem(str(path), 1, 1, "", f"larger than {MAX_SPEC_BYTES >> 10} KiB; not an exam spec")])
    try:
        text = path.read_text(encoding="utf-8")
        aliases = sum(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(text, Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return  # read_yaml reports it with its location
    if aliases > MAX_ALIASES:
        raise ContentError([Problem(str(path), 1, 1, "", f"{aliases} YAML aliases; an exam spec needs none")])


def load_spec(path: Path) -> tuple[ExamSpec, Locator]:
    _precheck(path)
    yf = read_yaml(path)
    locator = Locator(yf.text)
    problems = duplicate_key_problems(yf, locator)
    if not isinstance(yf.data, dict):
        raise ContentError([Problem(str(path), 1, 1, "", "an exam spec is a mapping (see `gokata exam new`)")])
    # `.nan`, `.inf`, `-.inf` or a number too large for a float (1.0e+999): a weight of infinity
    # passes `gt=0` and makes every score NaN.
    for loc in non_finite_at(yf.data):
        line, col = locator.find(loc)
        problems.append(
            Problem(str(path), line, col, ".".join(map(str, loc)), "not a finite number (NaN and infinity are refused)")
        )
    spec, found = validate_file(yf, ExamSpec)
    problems.extend(found)
    if spec is None or problems:
        raise ContentError(problems, f"{path}: the exam spec has problems")
    return spec, locator


def _draw_pool(catalog: Catalog, d: Draw) -> list[str]:
    return [
        q.id
        for q in catalog.questions
        if (not d.topic or q.topic in d.topic)
        and (not d.difficulty or q.difficulty in d.difficulty)
        and (not d.kind or q.kind in d.kind)
        and (not d.tag or set(d.tag) & set(q.tags))
        and getattr(q, "follows", None) is None  # follow-up items belong to `gokata interview`
    ]


def resolve(
    spec: ExamSpec, catalog: Catalog, kata_slugs: set[str], *, path: Path | None = None, locator: Locator | None = None
) -> ResolvedExam:
    """Fix the concrete questions and katas; every reference problem is reported with its line."""
    problems: list[Problem] = []

    def problem(loc: tuple[str | int, ...], message: str) -> None:
        line, col = locator.find(loc) if locator else (1, 1)
        problems.append(Problem(str(path or "exam"), line, col, ".".join(map(str, loc)), message))

    known = catalog.by_id()
    sections: list[ResolvedSection] = []
    for si, s in enumerate(spec.sections):
        chosen: list[str] = []
        for qi, qid in enumerate(s.questions):
            if qid not in known:
                problem(("sections", si, "questions", qi), f"unknown question id {qid!r}")
            elif qid in chosen:
                problem(("sections", si, "questions", qi), f"question {qid!r} listed twice")
            else:
                chosen.append(qid)
        rng = random.Random(s.seed)
        for di, d in enumerate(s.draw):
            unknown_topics = [t for t in d.topic if t not in catalog.topics()]
            if unknown_topics:
                problem(("sections", si, "draw", di, "topic"), f"unknown topic(s): {', '.join(unknown_topics)}")
                continue
            pool = [q for q in _draw_pool(catalog, d) if q not in chosen]
            if len(pool) < d.count:
                problem(
                    ("sections", si, "draw", di, "count"), f"asks for {d.count} question(s) but only {len(pool)} match"
                )
                continue
            chosen.extend(rng.sample(pool, d.count))
        for ki, slug in enumerate(s.katas):
            if slug not in kata_slugs:
                problem(("sections", si, "katas", ki), f"unknown kata {slug!r}")
            elif slug in s.katas[:ki]:
                # graded twice, it would count twice in the section's score
                problem(("sections", si, "katas", ki), f"kata {slug!r} listed twice")
        sections.append(ResolvedSection(s.id, s.title, s.weight, tuple(chosen), tuple(s.katas)))
    all_ids = [q for sec in sections for q in sec.question_ids]
    dups = sorted({q for q in all_ids if all_ids.count(q) > 1})
    if dups:
        problem(("sections",), f"question(s) in more than one section: {', '.join(dups)}")
    kata_sections: dict[str, set[str]] = {}
    for sec in sections:
        for slug in sec.katas:
            kata_sections.setdefault(slug, set()).add(sec.id)
    # a candidate has one workspace per kata: the same work would be graded in each section
    shared = sorted(slug for slug, ids in kata_sections.items() if len(ids) > 1)
    if shared:
        problem(("sections",), f"kata(s) in more than one section: {', '.join(shared)}")
    if problems:
        raise ContentError(problems, f"{path or 'exam spec'}: references that do not resolve")
    return ResolvedExam(spec, tuple(sections))


SCAFFOLD = """\
# gokata exam spec: `gokata exam lint {name}` checks it, `gokata exam pack {name} --out pack.zip` builds
# the candidate pack. Weights are per section; the pass mark is on the weighted score 0..1.
title: "Backend Go engineer: take-home screen"
time_limit_minutes: 90
lang: en               # en or zh: the language the candidate sees first
pass_mark: 0.6
instructions:
  en: "Answer every question, then make the kata's tests pass. Work alone; the Go docs are fine."
  zh: "请回答所有题目，然后让编程练习的测试通过。请独立完成，可以查阅 Go 官方文档。"
sections:
  - id: pitfalls
    title: Go pitfalls
    weight: 0.4
    seed: {seed}          # same seed, same questions: keep it to re-grade later
    draw:
      - {{topic: [slices, defer], kind: [single, multi, output], difficulty: [2, 3], count: 4}}
      - {{topic: [context, mutexes], kind: [spot-the-bug, truefalse], count: 2}}
  - id: interview
    title: Interview questions
    weight: 0.2
    seed: {seed}
    draw:
      - {{kind: [open], topic: [context], count: 1}}
  - id: coding
    title: Coding
    weight: 0.4
    katas: [{kata}]
# What interviewers score after the live interview (1-4), with `gokata exam note`:
scorecard:
  - {{id: go-fluency, title: "Go fluency"}}
  - {{id: concurrency, title: "Concurrency judgement"}}
  - {{id: communication, title: "Explains trade-offs clearly"}}
"""
