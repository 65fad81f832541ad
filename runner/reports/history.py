"""`gokata history` as text: CSV (one row per attempt) or one JSON object."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from runner.reports.jsonout import json_text

if TYPE_CHECKING:
    from runner.progress.history import History

CSV_COLUMNS = (
    "type",
    "at",
    "id",
    "topic",
    "kind",
    "mode",
    "answer",
    "correct",
    "score",
    "duration_s",
    "hints",
    "missed_core",
    "rating",
    "rating_override",
    "status",
    "tests_passed",
    "tests_total",
    "uid",
)


def history_csv(records: History) -> str:
    """Question attempts then kata runs, oldest first; a missing value is an empty cell."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for record in (*records.questions, *records.katas):
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return out.getvalue()


def history_json(records: History) -> str:
    """`{"questions": [...], "katas": [...]}`: the records as the CSV has them, with JSON types."""
    return json_text({"questions": records.questions, "katas": records.katas})
