"""Question counts per topic, kind and difficulty (for `gokata topics`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runner.content.kind_names import KINDS
from runner.content.outline import Outline, outline_of

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.content.models import Lang


@dataclass(frozen=True)
class TopicCount:
    topic: str
    title: str
    total: int
    by_kind: dict[str, int]
    by_difficulty: dict[int, int]

    def to_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "title": self.title,
            "total": self.total,
            "by_kind": self.by_kind,
            "by_difficulty": {str(k): v for k, v in self.by_difficulty.items()},
        }


def topic_counts(content: Outline | Catalog, lang: Lang) -> list[TopicCount]:
    outline = content if isinstance(content, Outline) else outline_of(content)
    result = []
    for bank in outline.banks:
        # Follow-up items (`follows` set) belong to `gokata interview`: not counted as questions of their own.
        questions = [q for q in bank.questions if q.follows is None]
        kinds: Counter[str] = Counter(q.kind for q in questions)
        levels = Counter(q.difficulty for q in questions)
        result.append(
            TopicCount(
                bank.topic,
                bank.title.get(lang),
                len(questions),
                {k: kinds.get(k, 0) for k in KINDS},
                {d: levels.get(d, 0) for d in range(1, 6)},
            )
        )
    return result
