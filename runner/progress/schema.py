"""The store's schema, versioned with `PRAGMA user_version` and migrated forward one step at a time.

Each step runs inside the caller's write transaction, so a crash mid-migration leaves the
previous version intact. Steps are never edited once released; a change is a new step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1: tuple[str, ...] = (
    """CREATE TABLE question_attempts (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        question_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        kind TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER,
        score REAL NOT NULL,
        duration_s REAL NOT NULL,
        mode TEXT NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0,
        missed_core INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX question_attempts_by_question ON question_attempts (question_id, at)",
    """CREATE TABLE kata_attempts (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        slug TEXT NOT NULL,
        topic TEXT NOT NULL,
        status TEXT NOT NULL,
        score REAL NOT NULL,
        tests_passed INTEGER NOT NULL,
        tests_total INTEGER NOT NULL,
        duration_s REAL NOT NULL
    )""",
    "CREATE INDEX kata_attempts_by_slug ON kata_attempts (slug, at)",
    """CREATE TABLE kata_hints (
        slug TEXT NOT NULL,
        level INTEGER NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (slug, level)
    )""",
    """CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL
    )""",
)


def _v1(conn: sqlite3.Connection) -> None:
    for statement in V1:
        conn.execute(statement)


def _legacy_uid(*parts: object) -> str:
    # Deterministic, so two copies of one v1 store migrate to the same ids and merge cleanly.
    import hashlib  # here: only a v1 store's migration needs it, and it costs every start-up 2-3 ms

    return "v1-" + hashlib.sha256("\x1f".join(map(repr, parts)).encode()).hexdigest()[:29]


def _v2(conn: sqlite3.Connection) -> None:
    """Attempt ids for merging stores, stored ratings (with the learner's override), a `right`
    flag and indexes for statistics; cards are rebuilt from the log under the rating rules."""
    from runner.progress.attempts import QuestionAttempt
    from runner.progress.cards import rebuild_cards
    from runner.progress.rating import is_right, rating_for

    for statement in (
        "ALTER TABLE question_attempts ADD COLUMN uid TEXT",
        "ALTER TABLE question_attempts ADD COLUMN rating INTEGER",
        "ALTER TABLE question_attempts ADD COLUMN rating_override INTEGER",
        "ALTER TABLE question_attempts ADD COLUMN right INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE kata_attempts ADD COLUMN uid TEXT",
    ):
        conn.execute(statement)
    rows = conn.execute(
        "SELECT id, at, question_id, topic, kind, answer, correct, score, duration_s, mode, hints, missed_core"
        " FROM question_attempts"
    ).fetchall()
    for rid, at, qid, topic, kind, answer, correct, score, duration, mode, hints, missed_core in rows:
        attempt = QuestionAttempt(
            question_id=qid,
            topic=topic,
            kind=kind,
            answer=answer,
            correct=None if correct is None else bool(correct),
            score=score,
            duration_s=duration,
            mode=mode,
            hints=hints,
            missed_core=bool(missed_core),
        )
        conn.execute(
            "UPDATE question_attempts SET uid = ?, rating = ?, right = ? WHERE id = ?",
            (_legacy_uid(at, qid, answer, duration, mode), rating_for(attempt), int(is_right(attempt)), rid),
        )
    for rid, at, slug, status, duration in conn.execute(
        "SELECT id, at, slug, status, duration_s FROM kata_attempts"
    ).fetchall():
        conn.execute("UPDATE kata_attempts SET uid = ? WHERE id = ?", (_legacy_uid(at, slug, status, duration), rid))
    for statement in (
        "CREATE UNIQUE INDEX question_attempts_uid ON question_attempts (uid)",
        "CREATE UNIQUE INDEX kata_attempts_uid ON kata_attempts (uid)",
        "CREATE INDEX question_attempts_by_topic ON question_attempts (topic, right)",
        "CREATE INDEX question_attempts_by_time ON question_attempts (at, right)",
        "CREATE INDEX kata_attempts_by_time ON kata_attempts (at)",
    ):
        conn.execute(statement)
    conn.execute("DELETE FROM cards")
    rebuild_cards(conn, [r[0] for r in conn.execute("SELECT DISTINCT question_id FROM question_attempts")])


def _v3(conn: sqlite3.Connection) -> None:
    """Suspended questions: kept out of reviews until unsuspended (`gokata suspend ID`)."""
    conn.execute("CREATE TABLE suspended (question_id TEXT PRIMARY KEY, at REAL NOT NULL)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
SCHEMA_VERSION = len(MIGRATIONS)
# The tables every released version has; later steps add theirs (suspended: v3).
TABLES = frozenset({"question_attempts", "kata_attempts", "kata_hints", "cards"})


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Apply every step after `current` and record the new version (inside the caller's transaction)."""
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
