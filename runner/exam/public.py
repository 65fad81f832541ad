"""Answers to the pack's public questions, parsed without the answer key the pack does not carry."""

from __future__ import annotations

from typing import Any

from runner.content.models import LETTERS
from runner.quiz.answers import AnswerFormatError, code_line_count, parse_bool, parse_letters, parse_lines


def parse_public_answer(question: dict[str, Any], raw: Any) -> Any:
    """Return the canonical stored form: letters "A" / "A,C", a bool, [line numbers], or text."""
    kind = question["kind"]
    if kind in ("single", "multi"):
        idx = parse_letters(raw, len(question["choices"]), many=kind == "multi")
        return ",".join(LETTERS[i] for i in idx)
    if kind == "truefalse":
        return parse_bool(raw)
    if kind == "spot-the-bug":
        return list(parse_lines(raw, code_line_count(question.get("code", ""))))
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise AnswerFormatError(f"expected text, got {type(raw).__name__}")
    return raw


__all__ = ["AnswerFormatError", "parse_public_answer"]
