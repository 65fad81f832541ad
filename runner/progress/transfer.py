"""`gokata progress export/import`: move progress between machines.

The file is JSON holding the raw attempt log (each attempt with its unique id). Importing adds
only attempts the store lacks, so importing twice, or both ways between two machines, never
duplicates anything; review cards of the questions that gained attempts are rebuilt by replay.

An import file is untrusted: only a regular file of at most MAX_IMPORT_BYTES is read, every record
is checked (records.RULES), and one bad record refuses the whole file with a message naming it
(`questions[3].at: ...`), before the store is touched. `export` only ever replaces a regular file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from runner.errors import BadInput, ProgressStoreError
from runner.files import NotReadable, read_regular_file, undecodable_at
from runner.progress.records import RULES, RecordProblem, check_record, show
from runner.progress.store import MergeCounts, ProgressStore
from runner.reports.files import check_target

FORMAT = "gokata-progress"
VERSION = 1
SECTIONS = ("questions", "katas", "hints")
# The fields of each section: the store's columns, in order (records.RULES checks each).
FIELDS: dict[str, tuple[str, ...]] = {section: tuple(RULES[section]) for section in SECTIONS}

# An export of 100,000 answers (a quarter of them open answers of ~700 characters) is 51 MB and
# imports in 3 s with 190 MB of memory; the cap leaves room for more than twice that. It bounds
# what a hostile file costs too: parsing JSON takes up to ~26 times the file's size in memory
# (a file of empty lists), so about 3.3 GB at the cap, instead of everything a device can yield.
MAX_IMPORT_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class ExportCounts:
    path: str
    questions: int
    katas: int
    hints: int


def _check_target(path: Path, *, force: bool) -> None:
    """Only a regular file is ever replaced: the rename that writes the export would swap a symlink,
    a FIFO or a device node (as root, /dev/full) for a regular file, and a symlink's target would
    not even be the file replaced."""
    check_target(path, what="the export")
    if path.exists() and not force:
        raise BadInput(f"{path} already exists", hint="Pass --force to replace it.")


def export_progress(store: ProgressStore, path: Path, *, force: bool = False) -> ExportCounts:
    """Write the whole log to `path` (atomically: a crash leaves no half-written file)."""
    _check_target(path, force=force)
    questions, katas, hints = list(store.question_rows()), list(store.kata_rows()), store.hint_rows()
    for section, rows in zip(SECTIONS, (questions, katas, hints), strict=True):
        _check_exportable(store, section, rows)
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
            f.flush()
            os.fsync(f.fileno())  # the rename must not land before the data does
        _check_target(path, force=force)  # again, just before the rename: it may have changed meanwhile
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return ExportCounts(str(path), len(questions), len(katas), len(hints))


def _check_exportable(store: ProgressStore, section: str, rows: list[dict[str, Any]]) -> None:
    """An export is a backup: one that `progress import` refuses could never be restored. A row
    gokata never writes (a score of 9.9, an unknown kind) means the store was edited or damaged;
    say which row instead of writing a file that exits 0 now and fails when it is needed."""
    for row in rows:
        try:
            check_record(section, row)
        except RecordProblem as exc:
            which = f"level {row.get('level')} of {row.get('slug')}" if section == "hints" else f"uid {row.get('uid')}"
            raise ProgressStoreError(
                f"the progress store {store.path} holds a {section} record gokata never writes "
                f"({which}: {exc.field or 'record'}: {exc.problem}); nothing was exported",
                hint="An export that `progress import` refuses could never be restored. Fix or delete that row "
                f"(sqlite3 {store.path}), then export again.",
            ) from None


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _read_bounded(path: Path) -> bytearray:
    """The file's bytes, refusing anything but a regular file of at most MAX_IMPORT_BYTES (a
    symlink to /dev/zero or a FIFO would otherwise be read, or block, forever)."""
    try:
        return read_regular_file(path, MAX_IMPORT_BYTES)
    except NotReadable as exc:
        if exc.what == "too large":
            raise BadInput(
                f"{path}: larger than {MAX_IMPORT_BYTES >> 20} MiB; not a gokata progress export",
                hint="An export of 100,000 answers is about 50 MB.",
            ) from None
        raise BadInput(
            f"{path}: not a regular file", hint="Import the .json file `gokata progress export` wrote."
        ) from None
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_rows(path: Path, data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """Every record of a section, checked (records.RULES); the first bad one refuses the whole file."""
    rows = data.get(section, [])
    if not isinstance(rows, list):
        raise BadInput(f"{path}: {section}: expected a list")
    seen: dict[object, int] = {}
    for i, row in enumerate(rows):
        try:
            check_record(section, row)
        except RecordProblem as exc:
            where = f"{section}[{i}].{exc.field}" if exc.field else f"{section}[{i}]"
            raise BadInput(f"{path}: {where}: {exc.problem}", hint="Nothing was imported.") from None
        # An export never holds an attempt twice (the store's ids are unique): two records with one
        # id would import the first and count the second as "already here".
        key = (row["slug"], row["level"]) if section == "hints" else row["uid"]
        if key in seen:
            field = "level" if section == "hints" else "uid"
            raise BadInput(
                f"{path}: {section}[{i}].{field}: the same as {section}[{seen[key]}]", hint="Nothing was imported."
            )
        seen[key] = i
    return rows


def read_export(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    try:
        text = _read_bounded(path).decode("utf-8")  # the bytes are freed before parsing
    except UnicodeDecodeError as exc:
        line, col = undecodable_at(exc)
        raise BadInput(f"{path}:{line}:{col}: not UTF-8 text") from None
    try:
        # A key given twice: json keeps the last, so a second `"questions": []` silently dropped
        # every answer of the first.
        data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except _DuplicateKey as exc:
        raise BadInput(
            f"{path}: the key {show(exc.key)} is given twice in one object (a JSON reader keeps only the last)",
            hint="Nothing was imported. `gokata progress export` never writes a key twice.",
        ) from None
    except RecursionError:
        raise BadInput(f"{path}: values nested too deeply; not a gokata progress export") from None
    except ValueError:  # the one other ValueError json raises: an integer of more than 4,300 digits
        raise BadInput(f"{path}: not valid JSON: a number too long to read") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f"{path}: not a gokata progress export", hint="Create one with `gokata progress export FILE`.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(f"{path}: version: expected a whole number from 1, got {show(version)}")
    if version > VERSION:
        raise BadInput(
            f"{path}: export format v{version} is newer than this gokata reads (v{VERSION})",
            hint="Upgrade gokata on this machine.",
        )
    questions, katas, hints = (_check_rows(path, data, section) for section in SECTIONS)
    return questions, katas, hints


def import_progress(store: ProgressStore, path: Path) -> MergeCounts:
    """Merge an export into the store: all of it in one transaction, or nothing."""
    questions, katas, hints = read_export(path)
    return store.merge(questions, katas, hints)
