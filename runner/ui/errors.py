from __future__ import annotations

from rich.markup import escape

from runner.errors import ContentError, GokataError
from runner.ui.console import err


def render_error(exc: GokataError) -> None:
    console = err()
    if isinstance(exc, ContentError) and exc.problems:
        head = exc.message.splitlines()[0] if exc.message else ""
        if head and not head.startswith(exc.problems[0].file):
            console.print(f"[bold red]error:[/] {escape(head)}")
        for problem in exc.problems:
            console.print(escape(str(problem)), soft_wrap=True)
    else:
        console.print(f"[bold red]error:[/] {escape(exc.message)}", soft_wrap=True)
    if exc.hint:
        console.print(f"[dim]hint:[/] {escape(exc.hint)}", soft_wrap=True)


def render_interrupt() -> None:
    err().print("[yellow]interrupted[/]")
