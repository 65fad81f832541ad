"""Consoles. Width and colour follow the terminal; tests fix them through the environment
(COLUMNS, NO_COLOR) so assertions are stable.

Everything printed passes through one render hook that shows control characters as pictures
(runner/visible.py): test output, error strings and file names come from submissions and answers,
and an escape sequence in them must not reach the terminal. Rich's own control segments (cursor
moves of progress bars) and the styles it renders are left alone: only text is cleaned.
"""

from __future__ import annotations

from functools import cache

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook, RenderResult
from rich.segment import Segment

from runner.visible import visible


class _Visible:
    """A renderable whose text segments show control characters as pictures."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            text, style, control = segment
            yield segment if control else Segment(visible(text), style)


class _ShowControls(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Visible(r) for r in renderables]


def _console(*, stderr: bool = False) -> Console:
    console = Console(highlight=False, stderr=stderr)
    console.push_render_hook(_ShowControls())
    return console


@cache
def out() -> Console:
    return _console()


@cache
def err() -> Console:
    return _console(stderr=True)
