"""The seam between engines that produce attempts and the store that keeps them: the attempt
data types and the Recorder protocol. A leaf: it imports nothing of gokata, so every engine and
every progress module can use it without a cycle.

The quiz and kata commands hand every finished attempt to a Recorder as it happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class QuestionAttempt:
    question_id: str
    topic: str
    kind: str
    answer: str  # what the learner gave, as text (letters joined by ",", line numbers, free text)
    correct: bool | None  # None for open questions
    score: float  # 0..1
    duration_s: float
    mode: str  # practice | exam | review | scripted
    hints: int = 0
    missed_core: bool = False  # open questions: a core framework point missed
    rating_override: int | None = None  # 1..4 (Again..Easy) when the learner overrode the rating
    at: datetime | None = None  # when it was answered (timezone-aware); None: the store's clock


@dataclass(frozen=True)
class KataAttempt:
    slug: str
    topic: str
    status: str  # pass | fail | compile_error | timeout | race | rejected
    score: float
    tests_passed: int
    tests_total: int
    duration_s: float
    at: datetime | None = None  # when the run finished (timezone-aware); None: the store's clock


@dataclass(frozen=True)
class KataRecord:
    ever_passed: bool
    last_status: str  # pass | fail | compile_error | timeout | race | rejected


class Recorder(Protocol):
    def record_question(self, attempt: QuestionAttempt) -> None: ...

    def record_kata(self, attempt: KataAttempt) -> None: ...

    def record_hint(self, slug: str, level: int) -> None: ...

    def hints_shown(self, slug: str) -> int: ...

    def kata_statuses(self) -> dict[str, KataRecord]:
        """slug -> whether any run passed, and the latest run's verdict."""
        ...


class NullRecorder:
    """Keeps nothing: for scripted grading of someone else's answers (hiring), and tests."""

    def record_question(self, attempt: QuestionAttempt) -> None:
        return None

    def record_kata(self, attempt: KataAttempt) -> None:
        return None

    def record_hint(self, slug: str, level: int) -> None:
        return None

    def hints_shown(self, slug: str) -> int:
        return 0

    def kata_statuses(self) -> dict[str, KataRecord]:
        return {}
