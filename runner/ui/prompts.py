"""Reading answers from a person at the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from runner.content.models import LETTERS, AnyQuestion, Lang
from runner.kinds.base import pick
from runner.kinds.registry import kind_of


class QuitSession(Exception):
    """The learner asked to stop (q, or end of input)."""


def read_line(console: Console, prompt: str) -> str:
    try:
        return console.input(prompt)
    except EOFError:
        raise QuitSession from None


# A terminal in its usual (canonical) mode keeps at most 4,095 characters of one line and drops
# the rest of a longer pasted line: what arrives was cut, so it is asked for again, not graded.
TERMINAL_LINE_LIMIT = 4095


def cut_by_terminal(text: str) -> bool:
    """Whether a line of `text`, typed at a terminal, reached the line limit (and was cut there)."""
    import sys

    return sys.stdin.isatty() and any(len(line) >= TERMINAL_LINE_LIMIT for line in text.split("\n"))


def read_multiline(console: Console, prompt: str, note: str | None = None, *, lang: Lang = "en") -> str:
    """Several lines; ends with two empty lines in a row, a line with only '.', or Ctrl-D.
    A lone `q` as the first line, or end of input before anything was typed, quits. An answer
    longer than the grader reads, or with a line the terminal cut, is asked for again (either
    ended the whole session, or was graded cut without a word)."""
    from runner.answers.limits import MAX_ANSWER_CHARS
    from runner.ui.messages import msg

    note = note or "finish with an empty line twice, or a line with only '.'; a lone q quits"
    while True:
        console.print(f"{prompt} [dim]({escape(note)})[/]")
        text, ended = read_lines_until_eof()
        if (ended and not text) or text.strip().lower() == "q":
            raise QuitSession
        if len(text) > MAX_ANSWER_CHARS:
            console.print(f"[yellow]{msg('exam.too_long', lang, n=f'{len(text):,}', most=f'{MAX_ANSWER_CHARS:,}')}[/]")
            continue
        if cut_by_terminal(text):
            console.print(f"[yellow]{msg('answer.line_cut', lang, n=f'{TERMINAL_LINE_LIMIT:,}')}[/]")
            continue
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


def prompt_for(question: AnyQuestion, lang: Lang = "en") -> str:
    """The one-line answer prompt; a kind answered in several lines gets a bare `> `."""
    kind = kind_of(question)
    if kind.multiline:
        return "> "
    letters = "/".join(LETTERS[: len(kind.choices(question))])
    return pick(kind.prompt, lang).format(letters=letters)


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
