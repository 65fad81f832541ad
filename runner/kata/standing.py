"""Where the learner stands on each kata, for `kata list`: two fields with fixed vocabularies.

    status       "not started" | "failing" | "passed"   ("passed": some run passed every test)
    last_result  the latest run's verdict: pass | fail | compile_error | timeout | race | rejected,
                 or None before the first run

A kata stays "passed" after a later failing run (the learner solved it once); last_result
tells the latest run apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from runner.kata.result import STATUSES
from runner.progress.recorder import Recorder

Progress = Literal["not started", "failing", "passed"]
PROGRESS: tuple[Progress, ...] = ("not started", "failing", "passed")


@dataclass(frozen=True)
class Standing:
    status: Progress
    last_result: str | None  # one of result.STATUSES


NOT_STARTED = Standing("not started", None)


def standings(recorder: Recorder) -> dict[str, Standing]:
    """slug -> standing, for every kata with at least one recorded run."""
    summary = recorder.kata_statuses()  # "passed" when any run passed, else the last run's verdict
    latest = _latest_verdicts(recorder)
    out: dict[str, Standing] = {}
    for slug, value in summary.items():
        passed = value in ("passed", "pass")
        last = latest.get(slug) or ("pass" if passed else value)
        out[slug] = Standing("passed" if passed else "failing", last if last in STATUSES else None)
    return out


def _latest_verdicts(recorder: Recorder) -> dict[str, str]:
    # kata_statuses() folds the latest verdict into "passed" once any run passed; the store's
    # attempt rows (oldest first) still have it. A recorder without rows gives what it can.
    rows: Callable[[], Iterable[dict[str, Any]]] | None = getattr(recorder, "kata_rows", None)
    if rows is None:
        return {}
    latest: dict[str, str] = {}
    for row in rows():
        latest[str(row.get("slug"))] = str(row.get("status"))
    return latest
