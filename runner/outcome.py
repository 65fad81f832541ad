"""What an engine flow returns to a command: its value and how the command should end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from runner.errors import ExitStatus

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """`value` is what the command renders; `status` is what the boundary turns into the exit code."""

    value: T
    status: ExitStatus = ExitStatus.OK
