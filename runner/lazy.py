"""Modules imported on first use, so that `gokata --help` never loads rich, pydantic or the grader.

A command module names what it calls at its top, typed for mypy, loaded only when a command runs:

    if TYPE_CHECKING:
        from runner.kata import flow
    else:
        flow = lazy_module("runner.kata.flow")

Command functions then hold no imports (tests/cli/test_thin_commands.py checks it).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _LazyModule(ModuleType):
    """Stands for a module until an attribute is read; then the real module is imported (by the
    ordinary, thread-safe import system, into sys.modules as usual) and the attribute comes from it."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)


def lazy_module(name: str) -> ModuleType:
    """A stand-in for the module `name`, imported when one of its attributes is first read."""
    return _LazyModule(name)
