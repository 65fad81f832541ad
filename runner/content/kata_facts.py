"""A validated kata.yaml as plain data: what the kata runner and the kata commands read.

kata.yaml is validated by the pydantic model KataSpec (kata_models.py) once, when the file is
new or changed; the content cache then keeps these plain facts. `kata test` and `kata list`
load them without importing pydantic (about 60 ms of every start-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from runner.content.plain_text import Text

if TYPE_CHECKING:
    from runner.content.fields import LocalText
    from runner.content.kata_models import KataSpec


@dataclass(frozen=True)
class KataFacts:
    """The fields of KataSpec, validated."""

    title: Text
    topic: str
    difficulty: int
    learner_files: tuple[str, ...]
    hints: tuple[Text, ...]
    summary: Text | None = None
    tags: tuple[str, ...] = ()
    allowed_imports: tuple[str, ...] = ()
    time_limit: float = 60.0
    memory_limit_mb: int = 1024
    related_questions: tuple[str, ...] = ()


def _text(t: LocalText) -> Text:
    return Text(t.en, t.zh)


def facts_of(spec: KataSpec) -> KataFacts:
    return KataFacts(
        title=_text(spec.title),
        topic=spec.topic,
        difficulty=spec.difficulty,
        learner_files=tuple(spec.learner_files),
        hints=tuple(_text(h) for h in spec.hints),
        summary=_text(spec.summary) if spec.summary is not None else None,
        tags=tuple(spec.tags),
        allowed_imports=tuple(spec.allowed_imports),
        time_limit=spec.time_limit,
        memory_limit_mb=spec.memory_limit_mb,
        related_questions=tuple(spec.related_questions),
    )
