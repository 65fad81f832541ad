from __future__ import annotations

import re

from rich.markup import escape

from runner.errors import ContentError, GokataError
from runner.ui.console import err

# An error quotes what it was given ("unknown topic '...'"); a 100 KB flag value or question id was
# printed back whole. A run of more than 400 characters without a space is shortened.
_LONG_RUN = re.compile(r"\S{401,}")


def _clip(text: str) -> str:
    return _LONG_RUN.sub(lambda m: f"{m.group()[:160]}…({len(m.group()):,} characters)", text)


def render_error(exc: GokataError) -> None:
    console = err()
    if isinstance(exc, ContentError) and exc.problems:
        head = exc.message.splitlines()[0] if exc.message else ""
        if head and not head.startswith(exc.problems[0].file):
            console.print(f"[bold red]error:[/] {escape(_clip(head))}")
        for problem in exc.problems:
            console.print(escape(_clip(str(problem))), soft_wrap=True)
    else:
        console.print(f"[bold red]error:[/] {escape(_clip(exc.message))}", soft_wrap=True)
    if exc.hint:
        console.print(f"[dim]hint:[/] {escape(_clip(exc.hint))}", soft_wrap=True)


def render_interrupt() -> None:
    err().print("[yellow]interrupted[/]")
