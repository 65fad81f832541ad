"""What an attempt record may hold: the rules every record of an import file must meet, and the
types every row read back from the store must have.

Two strictness levels, on purpose. An import file is untrusted: each field is checked against what
gokata itself records (known kinds, modes and verdicts, scores 0..1, times 1970..2100), and a file
with one bad record is refused as a whole. The store is gokata's own file: a row read from it is
only checked for what would make the code that uses it crash or misreport (a wrong type, a time no
calendar holds, a rating FSRS does not know); such a row is damage (StoreDamage), and the store
refuses it like a damaged page.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from runner.kinds.registry import KIND_NAMES
from runner.progress.rating import SCHEDULING_MODES, UNRECORDED_MODES

# Attempt times: from the Unix epoch to 2100-01-01 UTC. Any gokata clock lies in between, and
# FSRS, which schedules at most 100 years ahead, then never leaves the calendar datetime knows.
MIN_TIME = 0.0
MAX_TIME = 4_102_444_800.0
# A card falls due at most FSRS's maximum interval (36,500 days) after its last review.
MAX_DUE = MAX_TIME + 36_500 * 86_400.0
MAX_ANSWER_CHARS = 1_000_000  # a typed answer is a few KB; far more is not an answer anyone gave
MAX_ID_CHARS = 200  # question ids, kata slugs, topics (bank ids are far shorter)
MAX_UID_CHARS = 128  # gokata's attempt ids are 32 characters
MAX_DURATION_S = 10 * 365 * 86_400.0  # a quiz left open for years is still a duration; beyond, nonsense
MAX_COUNT = 1_000_000  # hints, hint levels, tests in a kata run
# Verdicts of a kata run (runner/kata/result.py `Status`; a test keeps the two in step).
KATA_STATUSES = frozenset({"pass", "fail", "compile_error", "timeout", "race", "rejected"})
MODES = SCHEDULING_MODES | UNRECORDED_MODES

# Control characters (terminal escapes included) in an id would reach the terminal through
# `stats`; lone surrogates cannot be stored at all (SQLite text is UTF-8).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Check = Callable[[object], str | None]  # None when the value is fine, else what is wrong with it


class RecordProblem(ValueError):
    """One field of one record breaks a rule."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class StoreDamage(sqlite3.DatabaseError):
    """A row of the store holds a value gokata never writes (a wrong type, a time out of range).

    A DatabaseError, so the store's one error boundary treats it exactly like a damaged page:
    a copy is saved and the command stops with ProgressStoreError."""


def show(value: object, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters: a 50 MB field must not become a 50 MB message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(max_chars: int, *, plain: bool = True) -> Check:
    pattern = _CONTROL if plain else _SURROGATE

    def check(value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected text, got {show(value)}"
        if len(value) > max_chars:
            return f"longer than {max_chars} characters"
        if plain and not value.strip():
            return "empty"
        if pattern.search(value):
            return "holds a control character" if plain else "holds text that is not valid Unicode"
        return None

    return check


def _number(low: float, high: float, what: str = "a number") -> Check:
    def check(value: object) -> str | None:
        if not _is_number(value):
            return f"expected {what}, got {show(value)}"
        assert isinstance(value, int | float)
        if not math.isfinite(value) or not low <= value <= high:
            return f"expected {what} from {low:g} to {high:g}, got {show(value)}"
        return None

    return check


def _time(value: object) -> str | None:
    if not _is_number(value):
        return f"expected a time (seconds since 1970), got {show(value)}"
    assert isinstance(value, int | float)
    if not math.isfinite(value) or not MIN_TIME <= value < MAX_TIME:
        return f"expected a time between 1970-01-01 and 2100-01-01 (UTC), got {show(value)}"
    return None


def _integer(low: int, high: int) -> Check:
    def check(value: object) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"expected a whole number, got {show(value)}"
        if not low <= value <= high:
            return f"expected {low} to {high}, got {show(value)}"
        return None

    return check


def _optional(inner: Check) -> Check:
    def check(value: object) -> str | None:
        return None if value is None else inner(value)

    return check


def _one_of(choices: frozenset[str] | tuple[str, ...]) -> Check:
    def check(value: object) -> str | None:
        if isinstance(value, str) and value in choices:  # a list or dict is not hashable
            return None
        return f"expected one of {', '.join(sorted(choices))}, got {show(value)}"

    return check


_FLAG = _integer(0, 1)
_RATING = _integer(1, 4)
_ID = _text(MAX_ID_CHARS)

# The fields of each section of an export, in the store's column order, with their rules.
RULES: dict[str, dict[str, Check]] = {
    "questions": {
        "uid": _text(MAX_UID_CHARS),
        "at": _time,
        "question_id": _ID,  # an id no bank here knows is kept: it may come from a private bank
        "topic": _ID,
        "kind": _one_of(KIND_NAMES),
        "answer": _text(MAX_ANSWER_CHARS, plain=False),
        "correct": _optional(_FLAG),
        "score": _number(0.0, 1.0, "a score"),
        "duration_s": _number(0.0, MAX_DURATION_S, "a duration in seconds"),
        "mode": _one_of(MODES),
        "hints": _integer(0, MAX_COUNT),
        "missed_core": _FLAG,
        "rating": _RATING,
        "rating_override": _optional(_RATING),
        "right": _FLAG,
    },
    "katas": {
        "uid": _text(MAX_UID_CHARS),
        "at": _time,
        "slug": _ID,
        "topic": _ID,
        "status": _one_of(KATA_STATUSES),
        "score": _number(0.0, 1.0, "a score"),
        "tests_passed": _integer(0, MAX_COUNT),
        "tests_total": _integer(0, MAX_COUNT),
        "duration_s": _number(0.0, MAX_DURATION_S, "a duration in seconds"),
    },
    "hints": {"slug": _ID, "level": _integer(1, MAX_COUNT), "at": _time},
}


def check_record(section: str, record: object) -> dict[str, Any]:
    """The record, when it meets every rule of its section; else RecordProblem naming the field.

    Keys beyond the section's fields are ignored (and not stored)."""
    if not isinstance(record, dict):
        raise RecordProblem("", f"expected an object, got {show(record)}")
    for name, check in RULES[section].items():
        if name not in record:
            raise RecordProblem("", f"missing {name!r}")
        problem = check(record[name])
        if problem is not None:
            raise RecordProblem(name, problem)
    return record


# -- rows read back from the store ----------------------------------------------------------------

_REAL = (int, float)
_TEXT = (str,)
_INT = (int,)
_NULL = (type(None),)

# Per column of each table, the Python types SQLite may hand back for what gokata writes.
COLUMN_TYPES: dict[str, tuple[type, ...]] = {
    "uid": _TEXT,
    "at": _REAL,
    "question_id": _TEXT,
    "topic": _TEXT,
    "kind": _TEXT,
    "answer": _TEXT,
    "correct": _INT + _NULL,
    "score": _REAL,
    "duration_s": _REAL,
    "mode": _TEXT,
    "hints": _INT,
    "missed_core": _INT,
    "rating": _INT,
    "rating_override": _INT + _NULL,
    "right": _INT,
    "slug": _TEXT,
    "status": _TEXT,
    "tests_passed": _INT,
    "tests_total": _INT,
    "level": _INT,
}


def _damage(table: str, column: str, value: object) -> StoreDamage:
    return StoreDamage(f"{table}.{column} holds {show(value, 40)}, which gokata never writes")


@cache
def _layout(columns: tuple[str, ...]) -> tuple[tuple[tuple[type, ...], ...], tuple[int, ...], tuple[int, ...]]:
    """Per column its types; where the times and the ratings are (found once per query shape)."""
    types = tuple(COLUMN_TYPES[c] for c in columns)
    times = tuple(i for i, c in enumerate(columns) if c == "at")
    ratings = tuple(i for i, c in enumerate(columns) if c in ("rating", "rating_override"))
    return types, times, ratings


def check_row(table: str, columns: tuple[str, ...], row: Sequence[object]) -> None:
    """StoreDamage unless each value has its column's type (and `at`, a time on the calendar).

    Called on every row `history` and `export` read: the all-well path is one pass of isinstance
    (0.11 s for 100,000 rows, against 1.5 s for the whole `history`); the column at fault is
    looked for only when it fails."""
    types, times, ratings = _layout(columns)
    values: Sequence[Any] = row  # compared as numbers only once isinstance has passed
    if (
        all(map(isinstance, values, types))
        and all(MIN_TIME <= values[i] < MAX_TIME for i in times)
        and all(values[i] is None or 1 <= values[i] <= 4 for i in ratings)
    ):
        return
    for i, (column, value) in enumerate(zip(columns, row, strict=True)):
        if (
            not isinstance(value, types[i])
            or (i in times and _time(value) is not None)
            or (i in ratings and value is not None and _RATING(value) is not None)
        ):
            raise _damage(table, column, value)


def check_log(log: Sequence[tuple[object, object]]) -> None:
    """A question's (time, rating) review log, before FSRS replays it."""
    for at, rating in log:
        if _time(at) is not None:
            raise _damage("question_attempts", "at", at)
        if _RATING(rating) is not None:
            raise _damage("question_attempts", "rating", rating)


_CARD_RULES: Mapping[str, Check] = {
    "state": _integer(1, 3),  # fsrs.State: Learning, Review, Relearning
    "step": _optional(_integer(0, MAX_COUNT)),
    # A stability of 0 or less would make the forgetting curve a complex number.
    "stability": _optional(_number(1e-9, 1e12)),
    "difficulty": _optional(_number(0.0, 11.0)),
    "due": _number(MIN_TIME, MAX_DUE),
    "last_review": _optional(_number(MIN_TIME, MAX_TIME)),
}


def check_card(values: Sequence[object]) -> None:
    """A review card's columns (state, step, stability, difficulty, due, last_review)."""
    for (column, check), value in zip(_CARD_RULES.items(), values, strict=True):
        if check(value) is not None:
            raise _damage("cards", column, value)
