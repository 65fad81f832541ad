"""Progress of long work (a batch of programs, submissions or katas), reported step by step.

Engines call `on_step(Step(...))` after each item finishes; they never draw anything. The UI layer
turns the steps into a progress bar on a terminal, or one line per step through a pipe.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    done: int
    total: int
    label: str  # the item that just finished (an id, a file name, a kata slug)
    ok: bool
    failures: int  # failed so far, this one included


OnStep = Callable[[Step], None]


class StepCounter:
    """Counts finished items across worker threads and reports each one."""

    def __init__(self, total: int, on_step: OnStep | None) -> None:
        self.total = total
        self._on_step = on_step
        self._done = 0
        self._failures = 0
        self._lock = threading.Lock()

    def finished(self, label: str, ok: bool) -> None:
        if self._on_step is None:
            return
        with self._lock:
            self._done += 1
            self._failures += 0 if ok else 1
            step = Step(self._done, self.total, label, ok, self._failures)
            self._on_step(step)
