"""Tiered hints: each call reveals one more, and the store remembers how far a learner got."""

from __future__ import annotations

from dataclasses import dataclass

from runner.kata.catalog import Kata
from runner.progress.attempts import Recorder


@dataclass(frozen=True)
class HintView:
    slug: str
    level: int  # the hint shown now, 1-based
    total: int
    text: str
    earlier: tuple[str, ...]  # hints shown on earlier calls
    exhausted: bool  # every hint had been shown already

    def to_json(self) -> dict[str, object]:
        return {
            "kata": self.slug,
            "level": self.level,
            "total": self.total,
            "hint": self.text,
            "earlier": list(self.earlier),
            "exhausted": self.exhausted,
        }


def next_hint(kata: Kata, recorder: Recorder, lang: str = "en") -> HintView:
    hints = [h.get("zh" if lang == "zh" else "en") for h in kata.spec.hints]
    shown = max(0, min(recorder.hints_shown(kata.slug), len(hints)))
    exhausted = shown >= len(hints)
    level = len(hints) if exhausted else shown + 1
    if not exhausted:
        recorder.record_hint(kata.slug, level)
    return HintView(kata.slug, level, len(hints), hints[level - 1], tuple(hints[: level - 1]), exhausted)
