"""`output`: predict exactly what a whole Go program prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runner.content.models import Lang, OutputQuestion
from runner.kinds.answer import DONT_KNOW, Answer, TextAnswer, parse_text, public_text_answer
from runner.kinds.base import Diff, Kind, Note, Output, Say
from runner.program_output import normalise_output, output_diff


class OutputKind(Kind[OutputQuestion]):
    name = "output"
    label = ("what does it print?", "写出输出")
    prompt = ("The exact output:", "准确的输出：")
    multiline = True
    numbered_code = True
    fast_seconds = 30.0

    def parse(self, q: OutputQuestion, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        return TextAnswer(parse_text(raw))

    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        return public_text_answer(raw)

    def expected(self, q: OutputQuestion) -> str:
        return q.expected_output

    def is_correct(self, q: OutputQuestion, answer: Answer) -> bool:
        if not isinstance(answer, TextAnswer):
            raise TypeError(f"answer {answer!r} does not fit a {q.kind} question")
        return normalise_output(answer.text) == normalise_output(q.expected_output)

    def hints(self, q: OutputQuestion, order: tuple[int, ...], lang: Lang) -> list[str]:
        lines = q.expected_output.rstrip("\n").split("\n")
        zh = lang == "zh"
        return [
            f"输出共 {len(lines)} 行。" if zh else f"The output has {len(lines)} line(s).",
            f"第一行是：{lines[0]}" if zh else f"The first line is: {lines[0]}",
        ]

    def solution(self, q: OutputQuestion, lang: Lang) -> tuple[Note, ...]:
        return Say("feedback.expected"), Output(q.expected_output.rstrip("\n"))

    def feedback(self, q: OutputQuestion, *, correct: bool | None, given: str, lang: Lang) -> tuple[Note, ...]:
        if correct:
            return ()
        notes = self.solution(q, lang)
        if given and given != DONT_KNOW:
            notes += (Say("feedback.diff"), Diff(output_diff(given, q.expected_output)))
        return notes

    def markdown_answer(self, q: OutputQuestion) -> list[str]:
        return [f"**Output:**\n\n```\n{q.expected_output.rstrip()}\n```\n"]


KIND = OutputKind()
