"""`gokata history`: every recorded attempt as records; runner.reports.history writes them as CSV or JSON."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from runner.progress.store import ProgressStore


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def question_records(store: ProgressStore) -> Iterator[dict[str, Any]]:
    for row in store.question_rows():
        yield {
            "type": "question",
            "at": _iso(row["at"]),
            "id": row["question_id"],
            "topic": row["topic"],
            "kind": row["kind"],
            "mode": row["mode"],
            "answer": row["answer"],
            "correct": _bool(row["correct"]),
            "score": row["score"],
            "duration_s": row["duration_s"],
            "hints": row["hints"],
            "missed_core": bool(row["missed_core"]),
            "rating": row["rating"],
            "rating_override": row["rating_override"],
            "uid": row["uid"],
        }


def kata_records(store: ProgressStore) -> Iterator[dict[str, Any]]:
    for row in store.kata_rows():
        yield {
            "type": "kata",
            "at": _iso(row["at"]),
            "id": row["slug"],
            "topic": row["topic"],
            "status": row["status"],
            "score": row["score"],
            "tests_passed": row["tests_passed"],
            "tests_total": row["tests_total"],
            "duration_s": row["duration_s"],
            "uid": row["uid"],
        }


@dataclass(frozen=True)
class History:
    """Every recorded attempt, oldest first: question attempts, then kata runs (reports/history writes it)."""

    questions: list[dict[str, Any]]
    katas: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.questions) + len(self.katas)


def history(store: ProgressStore) -> History:
    return History(list(question_records(store)), list(kata_records(store)))
