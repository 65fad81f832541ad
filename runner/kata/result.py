"""What grading a kata submission produces: plain frozen values, no I/O, no presentation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["pass", "fail", "compile_error", "timeout", "race", "rejected"]
TestStatus = Literal["pass", "fail", "skip"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "compile_error", "timeout", "race", "rejected")


@dataclass(frozen=True)
class TestOutcome:
    """One graded test: its verdict and, for a failure, the message."""

    name: str
    hidden: bool
    status: TestStatus
    message: str = ""  # the failure text, paths mapped to the learner's files; never test source
    elapsed_s: float | None = None
    message_zh: str = ""  # the same in Chinese where gokata wrote it (phrases.py); Go's own text stays as is

    def message_in(self, lang: str) -> str:
        return self.message_zh if lang == "zh" and self.message_zh else self.message

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "hidden": self.hidden,
            "status": self.status,
            "message": self.message,
            "elapsed": self.elapsed_s,
        }


@dataclass(frozen=True)
class CompileError:
    """A compiler message, located in the learner's files (or in a test file, by name)."""

    file: str  # as shown to the learner: their file's path, or a test file's name
    line: int
    column: int
    message: str
    in_hidden_test: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.message}" if where else self.message

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hidden": self.in_hidden_test,
        }


@dataclass(frozen=True)
class RaceAccess:
    """One side of a data race: the access, where, in which function and goroutine."""

    kind: str  # "read", "write", "atomic write", ...
    goroutine: str
    location: str  # file:line, mapped
    function: str

    def __str__(self) -> str:
        return f"{self.kind} at {self.location} in {self.function} (goroutine {self.goroutine})"


@dataclass(frozen=True)
class DataRace:
    """A data race the race detector reported: its two accesses, and the test that was running."""

    accesses: tuple[RaceAccess, ...]  # the two racing accesses: the current one first
    test: str | None  # the test that was running, when known

    def to_json(self) -> dict[str, Any]:
        return {
            "test": self.test,
            "accesses": [
                {"kind": a.kind, "goroutine": a.goroutine, "location": a.location, "function": a.function}
                for a in self.accesses
            ],
        }


@dataclass(frozen=True)
class TimeoutInfo:
    """A run stopped at its time limit: the tests still running, and where goroutines were stuck."""

    limit_s: float
    running: tuple[str, ...]  # tests still running when the limit hit
    blocked: tuple[str, ...]  # a few lines: where goroutines were stuck, from the goroutine dump

    def to_json(self) -> dict[str, Any]:
        return {"limit": self.limit_s, "running": list(self.running), "blocked": list(self.blocked)}


@dataclass(frozen=True)
class KataResult:
    """A graded submission: the verdict, each test, and everything else worth showing."""

    kata: str
    status: Status
    score: float  # 0..1: share of the graded tests that passed
    tests: tuple[TestOutcome, ...]
    duration_s: float
    summary: str  # the verdict in plain language: one sentence; a time-out adds where goroutines were
    visible_only: bool = False
    compile_errors: tuple[CompileError, ...] = ()
    races: tuple[DataRace, ...] = ()
    timeout: TimeoutInfo | None = None
    ignored: tuple[str, ...] = ()  # files of the submission that were not used, each with why
    notes: tuple[str, ...] = ()  # e.g. output truncated
    details: str = ""  # package-level output worth showing (a crash outside any test), capped
    isolation: str | None = None  # how the test binary was sandboxed (isolation.py); None: it did not run
    summary_zh: str = ""  # the summary and notes in Chinese (phrases.py); empty: only English exists
    notes_zh: tuple[str, ...] = ()
    details_zh: str = ""  # the details in Chinese where gokata wrote them (refusal reasons)

    def details_in(self, lang: str) -> str:
        return self.details_zh if lang == "zh" and self.details_zh else self.details

    def summary_in(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" and self.summary_zh else self.summary

    def notes_in(self, lang: str) -> tuple[str, ...]:
        """Chinese notes only when every note has one: a note appended in English alone must show."""
        return self.notes_zh if lang == "zh" and len(self.notes_zh) == len(self.notes) else self.notes

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def ok(self) -> bool:
        return self.status == "pass"

    def to_json(self) -> dict[str, Any]:
        return {
            "kata": self.kata,
            "status": self.status,
            "score": round(self.score, 4),
            "passed": self.passed,
            "total": self.total,
            "tests": [t.to_json() for t in self.tests],
            "duration": round(self.duration_s, 3),
            "summary": self.summary,
            "visible_only": self.visible_only,
            "compile_errors": [e.to_json() for e in self.compile_errors],
            "races": [r.to_json() for r in self.races],
            "timeout": self.timeout.to_json() if self.timeout else None,
            "ignored": list(self.ignored),
            "notes": list(self.notes),
            "details": self.details,
            "isolation": self.isolation,
        }
