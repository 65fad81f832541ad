"""The `gokata` console script.

A plain `gokata kata test SLUG ...`, the command a learner runs after every edit, is run without
building the Typer app (runner.cli.kata_test says which command lines qualify, and why); every
other command line goes to the Typer app (runner.cli.app), which is imported only then.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
from typing import Any

# CPython collects its young generation every 700 container allocations. A command's start-up
# allocates some 50-90 thousand objects (options, the content cache, Rich's tables) and frees
# almost none of them: at the default, about 100 collections spend 10-15 ms finding no garbage.
# At 100 thousand, no command that reads content collects before it ends, while a long session
# (an interactive quiz, `kata watch`, `exam grade`) still collects, with memory bounded.
YOUNG_GENERATION = 100_000


def main() -> None:
    # `python -m runner` is gokata too, for shell completion as well.
    gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])
    _tolerant_streams()
    from runner.cli.kata_test import run_plain

    try:
        if not run_plain(sys.argv[1:]):
            from runner.cli.app import app

            app(prog_name="gokata")
    finally:
        # On its way out the interpreter collects once more, over every object still tracked
        # (some 25 thousand after `kata test`): 5-10 ms that find no garbage, the command being
        # over. Frozen, they are left for the process's end to reclaim. Objects are still freed
        # when their last reference goes, atexit handlers still run and open files are still
        # flushed; only garbage caught in a reference cycle is no longer finalised (gokata closes
        # its files and temporary folders with `with`, never by leaving them to the collector).
        gc.freeze()


def _tolerant_streams() -> None:
    """A terminal or pipe whose encoding cannot hold every character (PYTHONIOENCODING=ascii, an
    old Windows code page) shows `?` for what it cannot, instead of a UnicodeEncodeError
    traceback halfway through a screen of Chinese or a box drawing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors="replace")


def __getattr__(name: str) -> Any:
    """`app`, `COMMANDS` and `GokataGroup` are runner.cli.app's, loaded when first asked for here."""
    if name in ("app", "COMMANDS", "GokataGroup"):
        return getattr(importlib.import_module("runner.cli.app"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
