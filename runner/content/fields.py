"""The building blocks every content model shares: strict field types, the frozen base model
and bilingual text.

A module of their own so the kata models (kata_models.py) do not build the question models:
`kata test` and `kata list` load kata.yaml and nothing else. models.py re-exports all of them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

SText = Annotated[str, Strict()]
NonEmpty = Annotated[str, Strict(), Field(min_length=1)]
SBool = Annotated[bool, Strict()]
SInt = Annotated[int, Strict()]
SFloat = Annotated[float, Strict()]
Slug = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
QuestionId = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")]
GoVersion = Annotated[str, Strict(), Field(pattern=r"^1\.\d+$")]
Difficulty = Annotated[int, Strict(), Field(ge=1, le=5)]


class Frozen(BaseModel):
    # defer_build: a model's validator is built on its first validation, not at import. Most
    # commands load validated content from the cache (cache.py) and never validate, so they
    # skip building validators for every model (tens of milliseconds at start-up).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class LocalText(Frozen):
    """A text in English and, where written, Chinese."""

    en: NonEmpty
    zh: NonEmpty | None = None

    def get(self, lang: Lang) -> str:
        """The text in `lang`, falling back to English where no translation exists."""
        if lang == "zh" and self.zh:
            return self.zh
        return self.en
