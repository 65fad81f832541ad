"""How every command ends: one JSON object on stdout (`--json`) or a terminal rendering, then the
outcome's status for the boundary (runner.cli.boundary) to turn into the exit code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from runner.errors import ExitStatus
from runner.outcome import Outcome
from runner.reports.jsonout import emit_result

T = TypeVar("T")


def present(
    command: str,
    outcome: Outcome[T],
    *,
    json_out: bool,
    data: Callable[[T], Mapping[str, Any]],
    draw: Callable[[T], object],
) -> ExitStatus:
    """With `json_out`, print `data(value)` as the command's JSON result; otherwise `draw(value)`."""
    if json_out:
        emit_result(command, data(outcome.value))
    else:
        draw(outcome.value)
    return outcome.status


def draw_only(outcome: Outcome[T], draw: Callable[[T], object]) -> ExitStatus:
    """A command without --json: draw the value, return the status."""
    draw(outcome.value)
    return outcome.status
