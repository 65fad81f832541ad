"""Consoles. Width and colour follow the terminal; tests fix them through the environment
(COLUMNS, NO_COLOR) so assertions are stable."""

from __future__ import annotations

from functools import cache

from rich.console import Console


@cache
def out() -> Console:
    return Console(highlight=False)


@cache
def err() -> Console:
    return Console(stderr=True, highlight=False)
