"""`gokata history`: every recorded attempt, as CSV (one row per attempt) or one JSON object."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

from runner.progress.store import ProgressStore

CSV_COLUMNS = (
    "type", "at", "id", "topic", "kind", "mode", "answer", "correct", "score", "duration_s", "hints",
    "missed_core", "rating", "rating_override", "status", "tests_passed", "tests_total", "uid",
)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def question_records(store: ProgressStore) -> Iterator[dict[str, Any]]:
    for row in store.question_rows():
        yield {
            "type": "question", "at": _iso(row["at"]), "id": row["question_id"], "topic": row["topic"],
            "kind": row["kind"], "mode": row["mode"], "answer": row["answer"], "correct": _bool(row["correct"]),
            "score": row["score"], "duration_s": row["duration_s"], "hints": row["hints"],
            "missed_core": bool(row["missed_core"]), "rating": row["rating"],
            "rating_override": row["rating_override"], "uid": row["uid"],
        }


def kata_records(store: ProgressStore) -> Iterator[dict[str, Any]]:
    for row in store.kata_rows():
        yield {
            "type": "kata", "at": _iso(row["at"]), "id": row["slug"], "topic": row["topic"],
            "status": row["status"], "score": row["score"], "tests_passed": row["tests_passed"],
            "tests_total": row["tests_total"], "duration_s": row["duration_s"], "uid": row["uid"],
        }


def write_csv(store: ProgressStore, out: TextIO) -> int:
    """Question attempts then kata runs, oldest first; returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in (*question_records(store), *kata_records(store)):
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
        n += 1
    return n


def write_json(store: ProgressStore, out: TextIO) -> int:
    questions = list(question_records(store))
    katas = list(kata_records(store))
    json.dump({"questions": questions, "katas": katas}, out, ensure_ascii=False)
    out.write("\n")
    return len(questions) + len(katas)
