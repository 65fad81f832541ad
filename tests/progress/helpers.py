"""Builders shared by the progress tests: a fixed clock, a small catalog, attempts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from runner.content.catalog import Catalog, load_catalog
from runner.progress.attempts import QuestionAttempt
from runner.progress.store import ProgressStore, open_store
from tests.conftest import FIXTURES

PROGRESS_FIXTURES = FIXTURES / "progress"
BANKS = PROGRESS_FIXTURES / "banks"
TZ = timezone(timedelta(hours=8))  # not UTC on purpose: local days must follow the learner's clock
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=TZ)


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def catalog() -> Catalog:
    return load_catalog([BANKS])


def make_store(tmp_path: Path, clock: Clock | None = None) -> ProgressStore:
    return open_store(tmp_path / "progress.db", clock=clock or Clock())


def attempt(qid: str, *, correct: bool | None = True, **fields: Any) -> QuestionAttempt:
    values: dict[str, Any] = {
        "question_id": qid,
        "topic": qid.split(".")[0],
        "kind": "truefalse",
        "answer": "true",
        "correct": correct,
        "score": 1.0 if correct else 0.0,
        "duration_s": 15.0,
        "mode": "practice",
    }
    values.update(fields)
    return QuestionAttempt(**values)
