"""`gokata history` as text: CSV (one row per attempt) or one JSON object."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from runner.reports.jsonout import json_text
from runner.visible import visible

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
        writer.writerow({k: _cell(v) for k, v in record.items()})
    return out.getvalue()


def _cell(value: object) -> object:
    # An answer is stored as typed, escape sequences included (a pasted ESC[?1049h, a bracketed-
    # paste marker): written raw to a terminal they switched screens and retitled the window.
    # JSON escapes them itself; in the CSV each is shown as its control picture (ESC as ␛).
    if value is None:
        return ""
    return visible(value) if isinstance(value, str) else value


def history_json(records: History) -> str:
    """`{"questions": [...], "katas": [...]}`: the records as the CSV has them, with JSON types."""
    return json_text({"questions": records.questions, "katas": records.katas})
