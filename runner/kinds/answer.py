"""Answers as the grader sees them, and the parsers the kinds share to read them from a person or a file.

Each answer type knows its own text form (`as_text`), so a new kind can bring its own answer
type in its module without touching this one.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from runner.content.models import LETTERS

DONT_KNOW = "(don't know)"  # the given text recorded when the learner says "I don't know" (`!`)


class AnswerFormatError(ValueError):
    """The given answer does not fit the question's kind; the message says what would."""


class Answer(ABC):
    """An answer in canonical terms (bank choice order); each kind grades its own answer type."""

    @abstractmethod
    def as_text(self) -> str:
        """The answer as text for storage and reports (canonical letters, line numbers, text)."""


@dataclass(frozen=True)
class ChoiceAnswer(Answer):
    indices: tuple[int, ...]  # bank indices, sorted

    def as_text(self) -> str:
        return ",".join(LETTERS[i] for i in self.indices)


@dataclass(frozen=True)
class BoolAnswer(Answer):
    value: bool

    def as_text(self) -> str:
        return "true" if self.value else "false"


@dataclass(frozen=True)
class TextAnswer(Answer):
    text: str

    def as_text(self) -> str:
        return self.text


@dataclass(frozen=True)
class LinesAnswer(Answer):
    lines: tuple[int, ...]  # sorted, unique

    def as_text(self) -> str:
        return ",".join(map(str, self.lines))


_TRUE = {"true", "t", "yes", "y", "1", "对", "是", "正确"}
_FALSE = {"false", "f", "no", "n", "0", "错", "否", "错误"}


def parse_letters(raw: Any, n_choices: int, *, many: bool) -> tuple[int, ...]:
    """Letters (as shown, or canonical in a file) to indices: `B`, `a, c`, `AC`, or a YAML list."""
    if isinstance(raw, list | tuple):
        parts = [str(x) for x in raw]
    elif isinstance(raw, str):
        parts = [p for p in re.split(r"[\s,;/]+", raw.strip()) if p]
        if len(parts) == 1 and many and len(parts[0]) > 1 and parts[0].isalpha():
            parts = list(parts[0])
    else:
        raise AnswerFormatError(f"expected a choice letter, got {raw!r}")
    valid = LETTERS[:n_choices]
    letters: list[str] = []
    for p in parts:
        letter = p.strip().upper()
        if len(letter) != 1 or letter not in valid:
            raise AnswerFormatError(f"{p!r} is not a choice; choose from {', '.join(valid)}")
        letters.append(letter)
    if not letters:
        raise AnswerFormatError("no choice given")
    if not many and len(letters) != 1:
        raise AnswerFormatError("this question takes exactly one choice")
    return tuple(sorted({LETTERS.index(x) for x in letters}))


def parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise AnswerFormatError(f"expected true or false, got {raw!r}")


def parse_lines(raw: Any, n_lines: int) -> tuple[int, ...]:
    if isinstance(raw, bool):
        raise AnswerFormatError(f"expected line number(s), got {raw!r}")
    if isinstance(raw, int):
        values = [raw]
    elif isinstance(raw, list | tuple):
        values = []
        for x in raw:
            if isinstance(x, bool) or not isinstance(x, int | str) or not str(x).strip().isdigit():
                raise AnswerFormatError(f"expected line numbers, got {x!r}")
            values.append(int(x))
    elif isinstance(raw, str):
        parts = [p for p in re.split(r"[\s,;]+", raw.strip()) if p]
        if not parts or not all(p.isdigit() for p in parts):
            raise AnswerFormatError(f"expected line number(s) like `4` or `4, 7`, got {raw!r}")
        values = [int(p) for p in parts]
    else:
        raise AnswerFormatError(f"expected line number(s), got {raw!r}")
    bad = [v for v in values if not 1 <= v <= n_lines]
    if bad:
        raise AnswerFormatError(f"line {bad[0]} is not in the snippet (lines 1..{n_lines})")
    return tuple(sorted(set(values)))


def parse_text(raw: Any) -> str:
    """Free text (program output, an open answer): None is empty; a YAML scalar is read as its text."""
    if raw is None:
        return ""
    if isinstance(raw, bool | int | float):
        return str(raw).lower() if isinstance(raw, bool) else str(raw)
    if not isinstance(raw, str):
        raise AnswerFormatError(f"expected text, got {type(raw).__name__}")
    return raw


def public_text_answer(raw: Any) -> str:
    """Free text as stored from a pack's answers file: None is empty; anything but a string is refused."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise AnswerFormatError(f"expected text, got {type(raw).__name__}")
    return raw


def require(raw: Any) -> Any:
    """Kinds with a closed answer (a letter, true/false, line numbers) refuse a missing one."""
    if raw is None:
        raise AnswerFormatError("no answer given")
    return raw


def code_line_count(code: str) -> int:
    return len(code.rstrip("\n").splitlines())
