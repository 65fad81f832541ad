"""What the two choice kinds (single, multi) share: lettered choices, shuffled per learner."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from runner.content.models import LETTERS, Choice, Lang, MultiQuestion, SingleQuestion
from runner.kinds.answer import Answer, ChoiceAnswer, parse_letters, require
from runner.kinds.base import Kind, public_text

ChoiceQ = SingleQuestion | MultiQuestion


class ChoiceKind(Kind[Any]):
    many: ClassVar[bool]
    shows_choices = True

    def choices(self, q: ChoiceQ) -> tuple[Choice, ...]:
        return q.choices

    def parse(self, q: ChoiceQ, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        picked = parse_letters(require(raw), len(q.choices), many=self.many)
        if order:
            picked = tuple(sorted(order[i] for i in picked))
        return ChoiceAnswer(picked)

    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        picked = parse_letters(require(raw), len(question["choices"]), many=self.many)
        return ",".join(LETTERS[i] for i in picked)

    def expected(self, q: ChoiceQ) -> str:
        return ",".join(q.correct_letters())

    def expected_shown(self, q: ChoiceQ, order: tuple[int, ...]) -> str:
        if not order:
            return self.expected(q)
        return ",".join(sorted(LETTERS[order.index(i)] for i, c in enumerate(q.choices) if c.correct))

    def is_correct(self, q: ChoiceQ, answer: Answer) -> bool:
        if not isinstance(answer, ChoiceAnswer):
            raise TypeError(f"answer {answer!r} does not fit a {q.kind} question")
        return answer.indices == tuple(i for i, c in enumerate(q.choices) if c.correct)

    def public(self, q: ChoiceQ, order: tuple[int, ...]) -> dict[str, Any]:
        return {"choices": [public_text(q.choices[i].text) for i in order]}

    def markdown_answer(self, q: ChoiceQ) -> list[str]:
        lines: list[str] = []
        for i, c in enumerate(q.choices):
            mark = "x" if c.correct else " "
            line = f"- [{mark}] **{LETTERS[i]}.** {c.text.en}"
            if c.text.zh and c.text.zh != c.text.en:
                line += f" / {c.text.zh}"
            if c.why:
                line += f" — {c.why.en}" + (f" / {c.why.zh}" if c.why.zh else "")
            lines.append(line)
        lines.append("")
        return lines


def wrong_letters(q: ChoiceQ, order: tuple[int, ...], lang: Lang) -> list[str]:
    """Wrong choices, one per hint, in the order shown."""
    wrong = [LETTERS[i] for i, bank in enumerate(order) if not q.choices[bank].correct]
    return [f"{letter} 不对。" if lang == "zh" else f"{letter} is not right." for letter in wrong]
