"""`truefalse`: say whether a statement holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runner.content.models import Lang, TrueFalseQuestion
from runner.kinds.answer import Answer, BoolAnswer, parse_bool, require
from runner.kinds.base import Kind, Note, Say


class TrueFalseKind(Kind[TrueFalseQuestion]):
    name = "truefalse"
    label = ("true or false", "判断")
    prompt = ("True or false (t/f): ", "对还是错（t/f）：")
    fast_seconds = 10.0

    def parse(self, q: TrueFalseQuestion, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        return BoolAnswer(parse_bool(require(raw)))

    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        return parse_bool(require(raw))

    def expected(self, q: TrueFalseQuestion) -> str:
        return "true" if q.answer else "false"

    def is_correct(self, q: TrueFalseQuestion, answer: Answer) -> bool:
        if not isinstance(answer, BoolAnswer):
            raise TypeError(f"answer {answer!r} does not fit a {q.kind} question")
        return answer.value == q.answer

    def solution(self, q: TrueFalseQuestion, lang: Lang) -> tuple[Note, ...]:
        answer = ("对" if q.answer else "错") if lang == "zh" else ("true" if q.answer else "false")
        return (Say("feedback.answer", {"answer": answer}),)

    def markdown_answer(self, q: TrueFalseQuestion) -> list[str]:
        return [f"**Answer:** {'true' if q.answer else 'false'}\n"]


KIND = TrueFalseKind()
