"""`open`: an interview question answered in prose, scored point by point by the open-answer
grader (runner/answers/) or by the learner's own marks; never right or wrong outright."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runner.content.models import Lang, OpenQuestion
from runner.kinds.answer import Answer, TextAnswer, parse_text, public_text_answer
from runner.kinds.base import Kind


class OpenKind(Kind[OpenQuestion]):
    name = "open"
    label = ("interview question: answer in your own words", "面试题：用自己的话回答")
    prompt = ("Your answer:", "你的回答：")
    multiline = True
    fast_seconds = 120.0

    def parse(self, q: OpenQuestion, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        return TextAnswer(parse_text(raw))

    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        return public_text_answer(raw)

    def expected(self, q: OpenQuestion) -> str:
        return q.model_answer.en

    def is_correct(self, q: OpenQuestion, answer: Answer) -> bool:
        raise TypeError("an open answer is scored by the framework grader, not right or wrong")

    def hints(self, q: OpenQuestion, order: tuple[int, ...], lang: Lang) -> list[str]:
        core = [pt for pt in q.framework if pt.core]
        out = [
            f"参考框架有 {len(q.framework)} 个要点，其中 {len(core)} 个是核心。"
            if lang == "zh"
            else f"The answer framework has {len(q.framework)} points; {len(core)} of them are core."
        ]
        out.extend(pt.follow_up.get(lang) for pt in core if pt.follow_up is not None)
        return out

    def markdown_answer(self, q: OpenQuestion) -> list[str]:
        lines = ["**Answer framework:**\n"]
        for i, p in enumerate(q.framework, 1):
            core = " (core)" if p.core else ""
            lines.append(f"{i}. {p.point.en}{core} — weight {p.weight:g}")
        both = q.model_answer.en if not q.model_answer.zh else f"{q.model_answer.en}\n\n{q.model_answer.zh}"
        lines.append("\n**Model answer:**\n\n" + both + "\n")
        return lines


KIND = OpenKind()
