"""Modules imported on first use, so that `gokata --help` never loads rich, pydantic or the grader.

A command module names what it calls at its top, typed for mypy, loaded only when a command runs:

    if TYPE_CHECKING:
        from runner.kata import flow
    else:
        flow = lazy_module("runner.kata.flow")

Command functions then hold no imports (tests/cli/test_thin_commands.py checks it).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module
