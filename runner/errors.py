"""The project's own exceptions.

Engines raise these; the CLI boundary (runner.cli.boundary) turns each into one clear
message on stderr and the exit code named here. A command that runs to the end returns an
`ExitStatus` (its engine's outcome says which); the boundary maps it with `exit_code`.
Nothing else decides exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EXIT_OK = 0
EXIT_NOT_ALL_PASSED = 1
EXIT_BAD_INPUT = 2
EXIT_TOOLCHAIN_MISSING = 3
EXIT_INTERRUPTED = 130


class ExitStatus(Enum):
    """How a command ended, as its engine's outcome says; `exit_code` gives the documented number."""

    OK = "ok"  # success; everything graded passed
    NOT_ALL_PASSED = "not_all_passed"  # graded, and not everything passed
    BAD_INPUT = "bad_input"  # bad input or content
    TOOLCHAIN_MISSING = "toolchain_missing"  # Go is needed and missing
    INTERRUPTED = "interrupted"  # Ctrl-C (or SIGTERM, or q in an interview)

    @classmethod
    def passed(cls, ok: bool) -> ExitStatus:
        """OK when `ok`, else NOT_ALL_PASSED: the rule of every grading command."""
        return cls.OK if ok else cls.NOT_ALL_PASSED


EXIT_CODES: dict[ExitStatus, int] = {
    ExitStatus.OK: EXIT_OK,
    ExitStatus.NOT_ALL_PASSED: EXIT_NOT_ALL_PASSED,
    ExitStatus.BAD_INPUT: EXIT_BAD_INPUT,
    ExitStatus.TOOLCHAIN_MISSING: EXIT_TOOLCHAIN_MISSING,
    ExitStatus.INTERRUPTED: EXIT_INTERRUPTED,
}


def exit_code(status: ExitStatus) -> int:
    """The documented exit code of `status` (README, "Exit codes")."""
    return EXIT_CODES[status]


@dataclass(frozen=True)
class Problem:
    """One located problem in a content file: rendered as `file:line:column: field.path: message`."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class GokataError(Exception):
    """Base of every expected failure. `status` says how the command ended; `exit_code` (derived
    from it) is what the process exits with."""

    status: ExitStatus = ExitStatus.BAD_INPUT
    exit_code: int = EXIT_BAD_INPUT

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.exit_code = exit_code(cls.status)

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class BadInput(GokataError):
    """A flag value, answers file or argument that cannot be used."""

    status = ExitStatus.BAD_INPUT


class ContentError(GokataError):
    """Broken content (bank, kata, exam spec); carries every problem found, not only the first."""

    status = ExitStatus.BAD_INPUT

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = problems
        text = message or "\n".join(str(p) for p in problems)
        super().__init__(text)


class ToolchainMissing(GokataError):
    """Go is needed and not installed."""

    status = ExitStatus.TOOLCHAIN_MISSING

    def __init__(self, what: str = "this command") -> None:
        super().__init__(
            f"Go is not installed (or not on PATH); {what} needs it.",
            hint="Install Go 1.25 or later from https://go.dev/doc/install "
            "(or your package manager, e.g. `apt install golang`), then try again. "
            "Quiz commands work without Go.",
        )


class Interrupted(GokataError):
    status = ExitStatus.INTERRUPTED


class ProgressStoreError(GokataError):
    """The progress store cannot be used (damaged, written by a newer gokata, or locked); never overwritten."""

    status = ExitStatus.BAD_INPUT
