"""The kata format: katas/<slug>/kata.yaml (layout in DESIGN.md section 4).

katas/<slug>/
  kata.yaml            this model
  README.md, README.zh.md
  go.mod               the `go` line fixes the language semantics
  <learner files>      starter: compiles, fails the tests
  *_test.go            visible tests
  .meta/hidden/        hidden tests (*_test.go, same package), never given to a learner
  .meta/solution/      reference versions of the learner files
  .meta/mutants/<name>/  known-wrong versions of (some of) the learner files
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from runner.content.fields import Difficulty, Frozen, LocalText, NonEmpty, QuestionId, SFloat, SInt, Slug

ImportPath = Annotated[str, Field(pattern=r"^[a-z0-9_./]+$")]


class KataSpec(Frozen):
    title: LocalText
    summary: LocalText | None = None
    topic: Slug
    difficulty: Difficulty
    tags: tuple[Slug, ...] = ()
    learner_files: tuple[NonEmpty, ...] = Field(min_length=1)
    # Standard-library import paths the learner files may use. Everything else is refused,
    # and os, syscall, unsafe, runtime/debug, reflect, C and //go:linkname are refused
    # unless listed here on purpose.
    allowed_imports: tuple[ImportPath, ...] = ()
    time_limit: SFloat = Field(default=60.0, gt=0, le=600)
    # Resident memory any one process of a run may use (the race detector needs several times
    # what the program itself allocates); the run is stopped beyond it.
    memory_limit_mb: SInt = Field(default=1024, ge=128, le=16384)
    hints: tuple[LocalText, ...] = Field(min_length=3)
    related_questions: tuple[QuestionId, ...] = ()

    @field_validator("learner_files")
    @classmethod
    def _plain_go_files(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for name in v:
            if "/" in name or "\\" in name or not name.endswith(".go") or name.endswith("_test.go"):
                raise ValueError(f"{name!r}: learner files are plain .go file names in the kata folder, not tests")
        return v
