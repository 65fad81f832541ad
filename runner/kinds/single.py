"""`single`: choose the one right choice."""

from __future__ import annotations

from runner.content.models import Lang, SingleQuestion
from runner.kinds.choices import ChoiceKind, wrong_letters


class SingleKind(ChoiceKind):
    name = "single"
    label = ("choose one", "单选")
    prompt = ("Your choice ({letters}): ", "你的选择（{letters}）：")
    many = False
    fast_seconds = 20.0

    def hints(self, q: SingleQuestion, order: tuple[int, ...], lang: Lang) -> list[str]:
        return wrong_letters(q, order, lang)[:-1] if len(q.choices) > 2 else []


KIND = SingleKind()
