"""The bank format: frozen, validated models of questions/*.yaml.

Text fields are strict strings on purpose: PyYAML reads unquoted `no`/`on`/`yes` as
booleans and `1.10` as the float 1.1, and a lax schema would silently turn them into
"False" or "1.1". Strict fields make the linter point at the line instead.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from runner.content.fields import (
    LANGS,
    Difficulty,
    Frozen,
    GoVersion,
    Lang,
    LocalText,
    NonEmpty,
    QuestionId,
    SBool,
    SFloat,
    SInt,
    Slug,
    SText,
)
from runner.content.kind_names import KINDS

__all__ = [
    "KINDS",
    "LANGS",
    "Difficulty",
    "Frozen",
    "GoVersion",
    "Lang",
    "LocalText",
    "NonEmpty",
    "QuestionId",
    "SBool",
    "SFloat",
    "SInt",
    "SText",
    "Slug",
]

LETTERS = "ABCDEFGH"


class Choice(Frozen):
    text: LocalText
    correct: SBool = False
    why: LocalText | None = None


class _QuestionBase(Frozen):
    id: QuestionId
    difficulty: Difficulty
    tags: tuple[Slug, ...] = ()
    prompt: LocalText
    code: SText | None = None
    explanation: LocalText
    go: GoVersion | None = None
    sources: tuple[NonEmpty, ...] = ()
    # Nudges shown one at a time on `?`, before gokata's own hints for the kind; never the answer.
    hints: tuple[LocalText, ...] = ()

    @property
    def topic(self) -> str:
        return self.id.split(".", 1)[0]


class SingleQuestion(_QuestionBase):
    kind: Literal["single"]
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=len(LETTERS))

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        n = sum(c.correct for c in self.choices)
        if n != 1:
            raise ValueError(f"choices: a single-choice question needs exactly one correct choice, found {n}")
        return self

    def correct_letters(self) -> tuple[str, ...]:
        return tuple(LETTERS[i] for i, c in enumerate(self.choices) if c.correct)


class MultiQuestion(_QuestionBase):
    kind: Literal["multi"]
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=len(LETTERS))

    @model_validator(mode="after")
    def _some_correct(self) -> MultiQuestion:
        if not any(c.correct for c in self.choices):
            raise ValueError("choices: a multi-choice question needs at least one correct choice")
        return self

    def correct_letters(self) -> tuple[str, ...]:
        return tuple(LETTERS[i] for i, c in enumerate(self.choices) if c.correct)


class TrueFalseQuestion(_QuestionBase):
    kind: Literal["truefalse"]
    answer: SBool


class OutputQuestion(_QuestionBase):
    """Predict what `code` (a whole `package main` program) prints."""

    kind: Literal["output"]
    code: SText
    expected_output: SText

    @field_validator("code")
    @classmethod
    def _is_program(cls, v: str) -> str:
        if not re.search(r"^package main\b", v, re.M) or "func main()" not in v:
            raise ValueError("an output question's code must be a whole program: `package main` with `func main()`")
        return v


class SpotTheBugQuestion(_QuestionBase):
    """Pick the faulty line number(s), 1-based, of `code`."""

    kind: Literal["spot-the-bug"]
    code: SText
    bug_lines: tuple[SInt, ...] = Field(min_length=1)
    fix: SText | None = None

    @model_validator(mode="after")
    def _lines_in_code(self) -> SpotTheBugQuestion:
        n = len(self.code.rstrip("\n").splitlines())
        bad = [ln for ln in self.bug_lines if not 1 <= ln <= n]
        if bad:
            raise ValueError(f"bug_lines: {bad} outside the code's lines 1..{n}")
        if len(set(self.bug_lines)) != len(self.bug_lines):
            raise ValueError("bug_lines: a line is listed twice")
        return self


Concept = tuple[NonEmpty, ...]
Level = Literal["core", "expected", "bonus"]
LEVELS: tuple[Level, ...] = ("core", "expected", "bonus")
# The part of a claim that makes it true, and so the part an inverted answer turns round.
Decisive = Literal[
    "moment",
    "direction",
    "owner",
    "quantifier",
    "comparison",
    "outcome",
    "cause",
    "remedy",
    "version",
    "state",
    "order",
]


class Order(Frozen):
    """Two steps that must happen in this order: `first`, then `then` (each a list of phrasings).
    An answer that puts a `then` step before a `first` step, with words that say so ("then",
    "once ... ,", "after", "before", "先 ... 再", "之前"), turns the claim round, however it words the steps."""

    first: tuple[NonEmpty, ...] = Field(min_length=1)
    then: tuple[NonEmpty, ...] = Field(min_length=1)


class Claim(Frozen):
    """One fact a point asserts. `decisive` names the part that makes it true; `contrasts` are
    phrasings that give that part a value which makes the claim false ("Once retries f after a
    panic", "a send on a nil channel panics"). An answer that states a contrast, not denied, in a
    sentence that mentions one of `about` (anywhere, when `about` is empty), contradicts the point."""

    says: NonEmpty  # the claim in a short English sentence, for authors and reviewers
    decisive: Decisive
    about: tuple[NonEmpty, ...] = ()
    contrasts: tuple[NonEmpty, ...] = ()
    order: Order | None = None

    @property
    def phrasings(self) -> tuple[str, ...]:
        """Every phrasing the claim holds: its subject, its contrasts and its steps."""
        steps = (*self.order.first, *self.order.then) if self.order else ()
        return (*self.about, *self.contrasts, *steps)

    @model_validator(mode="after")
    def _says_what_turns_it(self) -> Claim:
        if not self.contrasts and self.order is None:
            raise ValueError("a claim needs contrasts, an order (first/then), or both")
        return self


class FrameworkPoint(Frozen):
    """One point a strong answer covers. Each concept is a list of phrasings (any one counts,
    English and Chinese alike); a point is fully covered when all its concepts are present.

    `level`: `core` points an answer cannot miss; `expected` points the prompt asks for; `bonus`
    points a strong answer may add, which never lower the score when missing."""

    id: Slug
    point: LocalText
    weight: SFloat = Field(gt=0)
    concepts: tuple[Concept, ...] = Field(min_length=1)
    level: Level = "expected"
    claims: tuple[Claim, ...] = ()
    follow_up: LocalText | None = None
    probe: QuestionId | None = None  # the open follow-up item that digs into this point

    @property
    def core(self) -> bool:
        return self.level == "core"

    @property
    def bonus(self) -> bool:
        return self.level == "bonus"

    @field_validator("concepts")
    @classmethod
    def _concepts_not_empty(cls, v: tuple[Concept, ...]) -> tuple[Concept, ...]:
        if any(len(c) == 0 for c in v):
            raise ValueError("every concept needs at least one phrasing")
        return v


class Misconception(Frozen):
    """A wrong belief an answer may reveal; `phrasings` are how it shows up in text."""

    id: Slug
    belief: LocalText
    correction: LocalText
    phrasings: tuple[NonEmpty, ...] = Field(min_length=1)
    penalty: SFloat = Field(default=1.0, ge=0)
    follow_up: LocalText | None = None  # what an interviewer asks someone who states this belief


class GradedExample(Frozen):
    """A sample answer with the score a senior interviewer would give (for calibration)."""

    answer: NonEmpty
    score: SFloat = Field(ge=0, le=1)
    label: Literal["strong", "plain", "partial", "wrong", "inverted", "stuffed", "negated", "off-topic", "other"] = (
        "other"
    )
    note: SText | None = None


class OpenQuestion(_QuestionBase):
    kind: Literal["open"]
    framework: tuple[FrameworkPoint, ...] = Field(min_length=1)
    model_answer: LocalText
    misconceptions: tuple[Misconception, ...] = ()
    examples: tuple[GradedExample, ...] = ()
    follow_ups: tuple[LocalText, ...] = ()  # stretch questions, asked when the answer is strong
    follows: QuestionId | None = None  # a follow-up item: the open question whose point it digs into

    @model_validator(mode="after")
    def _unique_point_ids(self) -> OpenQuestion:
        ids = [p.id for p in self.framework] + [m.id for m in self.misconceptions]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"framework/misconceptions: ids used twice: {', '.join(dup)}")
        return self

    @property
    def total_weight(self) -> float:
        """The weight a full answer earns: bonus points add credit but are never owed."""
        owed = sum(p.weight for p in self.framework if not p.bonus)
        return owed or sum(p.weight for p in self.framework)


ChoiceQuestion = SingleQuestion | MultiQuestion
Question = Annotated[
    SingleQuestion | MultiQuestion | TrueFalseQuestion | OutputQuestion | SpotTheBugQuestion | OpenQuestion,
    Field(discriminator="kind"),
]
AnyQuestion = SingleQuestion | MultiQuestion | TrueFalseQuestion | OutputQuestion | SpotTheBugQuestion | OpenQuestion


class Bank(Frozen):
    """One topic's questions: questions/<topic>.yaml."""

    topic: Slug
    title: LocalText
    description: LocalText | None = None
    questions: tuple[Question, ...] = ()
