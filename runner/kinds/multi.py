"""`multi`: choose every right choice."""

from __future__ import annotations

from runner.content.models import Lang, MultiQuestion
from runner.kinds.choices import ChoiceKind, wrong_letters


class MultiKind(ChoiceKind):
    name = "multi"
    label = ("choose all that apply", "多选")
    prompt = ("Your choices, e.g. A,C ({letters}): ", "你的选择，例如 A,C（{letters}）：")
    many = True
    fast_seconds = 30.0

    def hints(self, q: MultiQuestion, order: tuple[int, ...], lang: Lang) -> list[str]:
        right = sum(c.correct for c in q.choices)
        out = [
            f"{len(q.choices)} 个选项中有 {right} 个正确。"
            if lang == "zh"
            else f"{right} of the {len(q.choices)} choices are right."
        ]
        out.extend(wrong_letters(q, order, lang)[:-1])  # all of them would give the answer away
        return out


KIND = MultiKind()
