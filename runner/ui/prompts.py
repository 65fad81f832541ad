"""Reading answers from a person at the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from runner.content.models import (
    LETTERS,
    AnyQuestion,
    MultiQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
    TrueFalseQuestion,
)


class QuitSession(Exception):
    """The learner asked to stop (q, or end of input)."""


def read_line(console: Console, prompt: str) -> str:
    try:
        return console.input(prompt)
    except EOFError:
        raise QuitSession from None


def read_multiline(console: Console, prompt: str) -> str:
    """Several lines; ends with two empty lines in a row, a line with only '.', or Ctrl-D.
    A lone `q` as the first line, or end of input before anything was typed, quits."""
    console.print(f"{prompt} [dim](finish with an empty line twice, or a line with only '.'; a lone q quits)[/]")
    text, ended = read_lines_until_eof()
    if (ended and not text) or text.strip().lower() == "q":
        raise QuitSession
    return text


def read_lines() -> str:
    """Lines up to two empty lines in a row, a line with only '.', or end of input."""
    return read_lines_until_eof()[0]


def read_lines_until_eof() -> tuple[str, bool]:
    """The text, and whether input ended (Ctrl-D, a closed pipe) rather than the answer."""
    lines: list[str] = []
    while True:
        try:
            line = input()
        except EOFError:
            return "\n".join(lines).strip("\n"), True
        if line.strip() == ".":
            break
        if not lines and line.strip().lower() == "q":
            return "q", False  # quits at once, without waiting for the end of the answer
        if line == "" and lines and lines[-1] == "":
            lines.pop()
            break
        lines.append(line)
    return "\n".join(lines).strip("\n"), False


def prompt_for(question: AnyQuestion) -> str:
    match question:
        case SingleQuestion():
            return f"Your choice ({'/'.join(LETTERS[: len(question.choices)])}, q to quit): "
        case MultiQuestion():
            return f"Your choices, e.g. A,C ({'/'.join(LETTERS[: len(question.choices)])}, q to quit): "
        case TrueFalseQuestion():
            return "True or false (t/f, q to quit): "
        case SpotTheBugQuestion():
            return "Faulty line number(s), e.g. 4 or 4,7 (q to quit): "
    return "> "


def read_yes_no(console: Console, prompt: str) -> bool:
    while True:
        reply = read_line(console, f"{prompt} {escape('[y/n]')} ").strip().lower()
        if reply in {"y", "yes", "是", "对"}:
            return True
        if reply in {"n", "no", "否", "不"}:
            return False
        if reply == "q":
            raise QuitSession
        console.print("[yellow]y or n, please (q quits)[/]")
