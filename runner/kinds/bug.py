"""`spot-the-bug`: name the faulty line(s) of a snippet, 1-based."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runner.content.models import Lang, SpotTheBugQuestion
from runner.kinds.answer import Answer, LinesAnswer, code_line_count, parse_lines, require
from runner.kinds.base import Code, Kind, Note, Say


class SpotTheBugKind(Kind[SpotTheBugQuestion]):
    name = "spot-the-bug"
    label = ("which line(s) are wrong?", "找出有问题的行")
    prompt = ("Faulty line number(s), e.g. 4 or 4,7: ", "有问题的行号，例如 4 或 4,7：")
    numbered_code = True
    fast_seconds = 40.0

    def parse(self, q: SpotTheBugQuestion, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        return LinesAnswer(parse_lines(require(raw), code_line_count(q.code)))

    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        return list(parse_lines(require(raw), code_line_count(question.get("code", ""))))

    def expected(self, q: SpotTheBugQuestion) -> str:
        return ",".join(map(str, q.bug_lines))

    def is_correct(self, q: SpotTheBugQuestion, answer: Answer) -> bool:
        if not isinstance(answer, LinesAnswer):
            raise TypeError(f"answer {answer!r} does not fit a {q.kind} question")
        return answer.lines == tuple(sorted(q.bug_lines))

    def hints(self, q: SpotTheBugQuestion, order: tuple[int, ...], lang: Lang) -> list[str]:
        n = len(q.bug_lines)
        total = len((q.code or "").splitlines()) or max(q.bug_lines)
        lo, hi = max(1, min(q.bug_lines) - 2), min(total, min(q.bug_lines) + 2)
        zh = lang == "zh"
        return [
            f"有 {n} 行有问题。" if zh else f"{n} line(s) are faulty.",
            f"看看第 {lo} 到 {hi} 行。" if zh else f"Look at lines {lo} to {hi}.",
        ]

    def solution(self, q: SpotTheBugQuestion, lang: Lang) -> tuple[Note, ...]:
        notes: tuple[Note, ...] = (Say("feedback.lines", {"lines": ", ".join(map(str, q.bug_lines))}),)
        return notes + (Code(q.fix),) if q.fix else notes

    def markdown_code(self, q: SpotTheBugQuestion) -> str | None:
        numbered = "\n".join(f"{i:>2} {line}" for i, line in enumerate(q.code.rstrip().splitlines(), 1))
        return f"```go\n{numbered}\n```\n"

    def markdown_answer(self, q: SpotTheBugQuestion) -> list[str]:
        lines = [f"**Faulty line(s):** {', '.join(map(str, q.bug_lines))}\n"]
        if q.fix:
            lines.append(f"**Fix:**\n\n```go\n{q.fix.rstrip()}\n```\n")
        return lines


KIND = SpotTheBugKind()
