"""The building blocks every content model shares: strict field types, the frozen base model
and bilingual text.

A module of their own so the kata models (kata_models.py) do not build the question models:
`kata test` and `kata list` load kata.yaml and nothing else. models.py re-exports all of them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, SupportsIndex

from pydantic import AllowInfNan, BaseModel, ConfigDict, Field, Strict

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

SText = Annotated[str, Strict()]
NonEmpty = Annotated[str, Strict(), Field(min_length=1)]
SBool = Annotated[bool, Strict()]
SInt = Annotated[int, Strict()]
# Finite only: a weight of .inf passed lint, then scored a missed point as if it weighed nothing
# and printed `Infinity`, which is not JSON.
SFloat = Annotated[float, Strict(), AllowInfNan(False)]
Slug = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
QuestionId = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")]
GoVersion = Annotated[str, Strict(), Field(pattern=r"^1\.\d+$")]
Difficulty = Annotated[int, Strict(), Field(ge=1, le=5)]


_new = object.__new__
_set = object.__setattr__


def _rebuild(cls: type[Frozen], values: dict[str, Any], fields_set: set[str]) -> Frozen:
    """Unpickle a model of the content cache (see Frozen.__reduce_ex__)."""
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)  # extra="forbid": never any
    _set(obj, "__pydantic_private__", None)  # no private attributes
    return obj


class Frozen(BaseModel):
    # defer_build: a model's validator is built on its first validation, not at import. Most
    # commands load validated content from the cache (cache.py) and never validate, so they
    # skip building validators for every model (tens of milliseconds at start-up).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        # Every command unpickles thousands of these from the content cache; BaseModel's own
        # __getstate__/__setstate__ pair costs about a fifth more than this plain rebuild.
        return (_rebuild, (type(self), self.__dict__, self.__pydantic_fields_set__))


class LocalText(Frozen):
    """A text in English and, where written, Chinese."""

    en: NonEmpty
    zh: NonEmpty | None = None

    def get(self, lang: Lang) -> str:
        """The text in `lang`, falling back to English where no translation exists."""
        if lang == "zh" and self.zh:
            return self.zh
        return self.en
