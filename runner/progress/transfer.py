"""`gokata progress export/import`: move progress between machines.

The file is JSON holding the raw attempt log (each attempt with its unique id). Importing adds
only attempts the store lacks, so importing twice, or both ways between two machines, never
duplicates anything; review cards of the questions that gained attempts are rebuilt by replay.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from runner.errors import BadInput
from runner.progress.store import MergeCounts, ProgressStore

FORMAT = "gokata-progress"
VERSION = 1

_NUM = (int, float)
FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "questions": {
        "uid": (str,),
        "at": _NUM,
        "question_id": (str,),
        "topic": (str,),
        "kind": (str,),
        "answer": (str,),
        "correct": (int, type(None)),
        "score": _NUM,
        "duration_s": _NUM,
        "mode": (str,),
        "hints": (int,),
        "missed_core": (int,),
        "rating": (int,),
        "rating_override": (int, type(None)),
        "right": (int,),
    },
    "katas": {
        "uid": (str,),
        "at": _NUM,
        "slug": (str,),
        "topic": (str,),
        "status": (str,),
        "score": _NUM,
        "tests_passed": (int,),
        "tests_total": (int,),
        "duration_s": _NUM,
    },
    "hints": {"slug": (str,), "level": (int,), "at": _NUM},
}


@dataclass(frozen=True)
class ExportCounts:
    path: str
    questions: int
    katas: int
    hints: int


def export_progress(store: ProgressStore, path: Path, *, force: bool = False) -> ExportCounts:
    """Write the whole log to `path` (atomically: a crash leaves no half-written file)."""
    if path.exists() and not force:
        raise BadInput(f"{path} already exists", hint="Pass --force to replace it.")
    questions, katas, hints = list(store.question_rows()), list(store.kata_rows()), store.hint_rows()
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "questions": questions,
        "katas": katas,
        "hints": hints,
    }
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return ExportCounts(str(path), len(questions), len(katas), len(hints))


def _check_rows(path: Path, data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    rows = data.get(section, [])
    if not isinstance(rows, list):
        raise BadInput(f"{path}: {section}: expected a list")
    fields = FIELDS[section]
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise BadInput(f"{path}: {section}[{i}]: expected an object")
        for name, types in fields.items():
            if name not in row:
                raise BadInput(f"{path}: {section}[{i}]: missing {name!r}")
            value = row[name]
            if isinstance(value, bool) or not isinstance(value, types):
                raise BadInput(f"{path}: {section}[{i}].{name}: unexpected value {value!r}")
        if section == "questions" and not (1 <= row["rating"] <= 4):
            raise BadInput(f"{path}: {section}[{i}].rating: must be 1..4, got {row['rating']}")
    return rows


def read_export(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f"{path}: not a gokata progress export", hint="Create one with `gokata progress export FILE`.")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BadInput(
            f"{path}: export format v{version} is newer than this gokata reads (v{VERSION})",
            hint="Upgrade gokata on this machine.",
        )
    return _check_rows(path, data, "questions"), _check_rows(path, data, "katas"), _check_rows(path, data, "hints")


def import_progress(store: ProgressStore, path: Path) -> MergeCounts:
    """Merge an export into the store: all of it in one transaction, or nothing."""
    questions, katas, hints = read_export(path)
    return store.merge(questions, katas, hints)
