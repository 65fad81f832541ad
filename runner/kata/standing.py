"""Where the learner stands on each kata, for `kata list`: two fields with fixed vocabularies.

    status       "not started" | "failing" | "passed"   ("passed": some run passed every test)
    last_result  the latest run's verdict: pass | fail | compile_error | timeout | race | rejected,
                 or None before the first run

A kata stays "passed" after a later failing run (the learner solved it once); last_result
tells the latest run apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from runner.kata.result import STATUSES
from runner.progress.attempts import Recorder

Progress = Literal["not started", "failing", "passed"]
PROGRESS: tuple[Progress, ...] = ("not started", "failing", "passed")


@dataclass(frozen=True)
class Standing:
    status: Progress
    last_result: str | None  # one of result.STATUSES


NOT_STARTED = Standing("not started", None)


def standings(recorder: Recorder) -> dict[str, Standing]:
    """slug -> standing, for every kata with at least one recorded run."""
    return {
        slug: Standing(
            "passed" if rec.ever_passed else "failing", rec.last_status if rec.last_status in STATUSES else None
        )
        for slug, rec in recorder.kata_statuses().items()
    }
