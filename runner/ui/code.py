"""Go snippets in the terminal: one look for every screen that shows code."""

from __future__ import annotations

from rich.syntax import Syntax


def code_block(code: str, *, numbers: bool) -> Syntax:
    return Syntax(
        code.rstrip("\n"), "go", line_numbers=numbers, theme="ansi_dark", word_wrap=True, background_color="default"
    )
