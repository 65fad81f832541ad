"""The SQLite progress store: every answer and kata run, committed as it happens.

Durability and sharing: WAL journal with synchronous=FULL (a commit survives a power cut),
one short write transaction per attempt taken with BEGIN IMMEDIATE (two gokata processes
queue on the busy timeout instead of failing or interleaving a card's read-modify-write).

A store that is damaged, written by a newer gokata, or not a gokata store is copied to a
timestamped backup and refused with ProgressStoreError; it is never overwritten. Damage is looked
for when the store is opened (every page, with quick_check) and in every row read back (a value
of a type gokata never writes, records.check_row), all through one boundary (`_guard`). Refusing is
deliberate: a quiz that silently dropped answers would cost the learner weeks of schedule.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from runner.errors import ProgressStoreError
from runner.progress.attempts import KataAttempt, KataRecord, QuestionAttempt
from runner.progress.cards import apply_review, load_cards, rebuild_cards
from runner.progress.location import db_path
from runner.progress.rating import SCHEDULING_MODES, UNRECORDED_MODES, is_right, rating_for
from runner.progress.records import StoreDamage, check_row
from runner.progress.scheduling import Card
from runner.progress.schema import SCHEMA_VERSION, TABLES, migrate

BUSY_TIMEOUT_S = 15.0
Clock = Callable[[], datetime]

QUESTION_COLUMNS = (
    "uid",
    "at",
    "question_id",
    "topic",
    "kind",
    "answer",
    "correct",
    "score",
    "duration_s",
    "mode",
    "hints",
    "missed_core",
    "rating",
    "rating_override",
    "right",
)
KATA_COLUMNS = ("uid", "at", "slug", "topic", "status", "score", "tests_passed", "tests_total", "duration_s")
HINT_COLUMNS = ("slug", "level", "at")


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class QuestionTally:
    """A question's attempts in some window: how many, how many right, the sum of scores."""

    answered: int
    right: int
    score_sum: float


@dataclass(frozen=True)
class MergeCounts:
    questions_added: int
    questions_skipped: int
    katas_added: int
    katas_skipped: int
    hints_added: int
    hints_skipped: int


def backup_copy(path: Path, reason: str) -> Path:
    """Copy the store (and its WAL) aside as `<name>.<reason>-<time>`; an identical earlier copy is reused."""
    import filecmp
    import shutil

    for earlier in sorted(path.parent.glob(f"{path.name}.{reason}-*")):
        if not earlier.name.endswith(("-wal", "-shm")) and filecmp.cmp(path, earlier, shallow=False):
            return earlier
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    shutil.copy2(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


class ProgressStore:
    """The Recorder the quiz and kata commands write to, and the queries progress commands read."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock

    # -- opening -----------------------------------------------------------------------------

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])  # a non-database file fails here
        if version > SCHEMA_VERSION:
            self._refuse(
                "newer",
                f"the progress store {self.path} was written by a newer gokata (schema v{version}; "
                f"this one knows up to v{SCHEMA_VERSION})",
                "Upgrade gokata (pip install -U gokata); the store is left untouched.",
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables:
            self._refuse(
                "foreign",
                f"{self.path} is an SQLite database but not a gokata progress store",
                "Point GOKATA_HOME at another folder, or move the file aside.",
            )
        if version > 0 and not tables >= TABLES:
            self._corrupt(f"tables missing: {', '.join(sorted(TABLES - tables))}")
        if tables:
            self._check_pages()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            if version > 0:
                self._backup_before_migration(version)
            with self._write() as c:
                current = int(c.execute("PRAGMA user_version").fetchone()[0])  # another process may have migrated
                if current < SCHEMA_VERSION:
                    migrate(c, current)

    def _check_pages(self) -> None:
        """Read every page once before any command uses the store. SQLite only notices a damaged
        page when a query happens to read it, so without this a write that never touched the
        damaged pages went through on a damaged file. quick_check (structure, not index contents)
        costs about 2 ms on a store of 5,000 answers and 37 ms on one of 100,000 (45 MB)."""
        rows = self._conn.execute("PRAGMA quick_check(1)").fetchall()
        if rows != [("ok",)]:
            detail = str(rows[0][0]) if rows else "quick_check gave no answer"
            self._corrupt(" ".join(detail.replace("*** in database main ***", "").split()))

    def _backup_before_migration(self, version: int) -> None:
        target = self.path.with_name(f"{self.path.name}.v{version}-backup")
        if target.exists():
            return
        copy = sqlite3.connect(target)
        try:
            self._conn.backup(copy)
        finally:
            copy.close()

    # -- failure handling --------------------------------------------------------------------

    def _refuse(self, reason: str, message: str, hint: str) -> NoReturn:
        self.close()
        saved = ""
        if reason != "foreign":
            try:
                saved = f" A copy was saved as {backup_copy(self.path, reason)}."
            except OSError as exc:
                saved = f" (Could not save a copy: {exc}.)"
        raise ProgressStoreError(message + "." + saved, hint=hint)

    def _corrupt(self, detail: str) -> NoReturn:
        self._refuse(
            "corrupt",
            f"the progress store {self.path} is damaged ({detail})",
            f"gokata will not overwrite it. Try `sqlite3 {self.path} .recover | sqlite3 recovered.db`, "
            f"or move {self.path.name} aside to start a new store.",
        )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.IntegrityError:
            raise  # a bug in gokata, not a damaged file
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise ProgressStoreError(
                    f"the progress store {self.path} stayed locked for {BUSY_TIMEOUT_S:g}s",
                    hint="Another gokata (or an sqlite3 shell) holds a write lock; close it and retry.",
                ) from None
            if "malformed" in text or "not a database" in text:
                self._corrupt(text)
            raise ProgressStoreError(f"cannot use the progress store {self.path}: {text}") from None
        except sqlite3.DatabaseError as exc:
            self._corrupt(str(exc))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._guard():
            return self._conn.execute(sql, params).fetchall()

    def _check(self, table: str, columns: tuple[str, ...], row: tuple[Any, ...]) -> None:
        """check_row for values already fetched (outside `_guard`): damage is refused the same way."""
        try:
            check_row(table, columns, row)
        except StoreDamage as exc:
            self._corrupt(str(exc))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ts(self, at: datetime | None) -> float:
        return (at or self._clock()).timestamp()

    # -- Recorder ----------------------------------------------------------------------------

    def record_question(self, attempt: QuestionAttempt) -> None:
        if attempt.mode in UNRECORDED_MODES:
            return
        import uuid

        at = self._ts(attempt.at)
        rating = rating_for(attempt)
        with self._write() as c:
            c.execute(
                f"INSERT INTO question_attempts ({', '.join(QUESTION_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(QUESTION_COLUMNS))})",
                (
                    uuid.uuid4().hex,
                    at,
                    attempt.question_id,
                    attempt.topic,
                    attempt.kind,
                    attempt.answer,
                    None if attempt.correct is None else int(attempt.correct),
                    attempt.score,
                    attempt.duration_s,
                    attempt.mode,
                    attempt.hints,
                    int(attempt.missed_core),
                    rating,
                    attempt.rating_override,
                    int(is_right(attempt)),
                ),
            )
            if attempt.mode in SCHEDULING_MODES:
                apply_review(c, attempt.question_id, rating, at)

    def record_kata(self, attempt: KataAttempt) -> None:
        import uuid

        with self._write() as c:
            c.execute(
                f"INSERT INTO kata_attempts ({', '.join(KATA_COLUMNS)}) VALUES ({', '.join('?' * len(KATA_COLUMNS))})",
                (
                    uuid.uuid4().hex,
                    self._ts(attempt.at),
                    attempt.slug,
                    attempt.topic,
                    attempt.status,
                    attempt.score,
                    attempt.tests_passed,
                    attempt.tests_total,
                    attempt.duration_s,
                ),
            )

    def record_hint(self, slug: str, level: int) -> None:
        with self._write() as c:
            c.execute(
                "INSERT OR IGNORE INTO kata_hints (slug, level, at) VALUES (?, ?, ?)", (slug, level, self._ts(None))
            )

    def hints_shown(self, slug: str) -> int:
        rows = self._read("SELECT MAX(level) FROM kata_hints WHERE slug = ?", (slug,))
        level = rows[0][0]
        if level is not None:
            self._check("kata_hints", ("level",), (level,))
        return int(level or 0)

    def kata_statuses(self) -> dict[str, KataRecord]:
        rows = self._read(
            "SELECT slug, MAX(status = 'pass'),"
            " (SELECT k2.status FROM kata_attempts k2 WHERE k2.slug = k.slug ORDER BY k2.at DESC, k2.id DESC LIMIT 1)"
            " FROM kata_attempts k GROUP BY slug"
        )
        for slug, _, last in rows:
            self._check("kata_attempts", ("slug", "status"), (slug, last))
        return {slug: KataRecord(bool(passed), last) for slug, passed, last in rows}

    # -- suspending and undoing -----------------------------------------------------------------

    def suspend(self, question_id: str) -> bool:
        """Keep a question out of reviews; False when it was already suspended."""
        with self._write() as c:
            cur = c.execute(
                "INSERT OR IGNORE INTO suspended (question_id, at) VALUES (?, ?)", (question_id, self._ts(None))
            )
            return cur.rowcount > 0

    def unsuspend(self, question_id: str) -> bool:
        """False when it was not suspended."""
        with self._write() as c:
            return c.execute("DELETE FROM suspended WHERE question_id = ?", (question_id,)).rowcount > 0

    def suspended(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._read("SELECT question_id FROM suspended"))

    def undo_last_rating(self) -> dict[str, Any] | None:
        """Take back the latest rated answer (the one that moved a review card): the attempt is
        removed and its card replayed from the answers before it. None when there is nothing to undo."""
        modes = tuple(sorted(SCHEDULING_MODES))
        with self._write() as c:
            row = c.execute(
                "SELECT id, question_id, at, answer, rating, mode FROM question_attempts"
                f" WHERE mode IN ({','.join('?' * len(modes))}) ORDER BY at DESC, id DESC LIMIT 1",
                modes,
            ).fetchone()
            if row is None:
                return None
            rid, qid, at, answer, rating, mode = row
            check_row("question_attempts", ("question_id", "at", "answer", "rating", "mode"), row[1:])
            c.execute("DELETE FROM question_attempts WHERE id = ?", (rid,))
            rebuild_cards(c, (qid,))
        return {"question_id": qid, "at": at, "answer": answer, "rating": rating, "mode": mode}

    # -- queries for review, weak drills and statistics ---------------------------------------

    def cards(self) -> dict[str, Card]:
        with self._guard():
            return load_cards(self._conn)

    def question_tallies(self, since: float | None = None) -> dict[str, QuestionTally]:
        """Per question id: attempts (since a time, when given), how many right, the sum of scores."""
        where, params = ("WHERE at >= ?", (since,)) if since is not None else ("", ())
        rows = self._read(
            f"SELECT question_id, COUNT(*), SUM(right), SUM(score) FROM question_attempts {where} GROUP BY question_id",
            params,
        )
        return {qid: QuestionTally(n, int(r), float(s)) for qid, n, r, s in rows}

    def topic_tallies(self) -> dict[str, tuple[int, int]]:
        """Per topic: attempts and how many were right (including questions since removed from the bank)."""
        rows = self._read("SELECT topic, COUNT(*), SUM(right) FROM question_attempts GROUP BY topic")
        return {topic: (n, int(r)) for topic, n, r in rows}

    def daily_tallies(self, since: float, utc_offset_s: float) -> dict[int, tuple[int, int]]:
        """Per local day number (days since 1970-01-01 in the given offset): attempts and right answers."""
        rows = self._read(
            "SELECT CAST((at + ?) / 86400 AS INTEGER) AS day, COUNT(*), SUM(right)"
            " FROM question_attempts WHERE at >= ? GROUP BY day",
            (utc_offset_s, since),
        )
        return {day: (n, int(r)) for day, n, r in rows}

    def active_days(self, utc_offset_s: float) -> list[int]:
        """Local day numbers with at least one answer or kata run, newest first."""
        rows = self._read(
            "SELECT DISTINCT CAST((at + ?) / 86400 AS INTEGER) AS day FROM question_attempts"
            " UNION SELECT DISTINCT CAST((at + ?) / 86400 AS INTEGER) FROM kata_attempts ORDER BY day DESC",
            (utc_offset_s, utc_offset_s),
        )
        return [r[0] for r in rows]

    def kata_tallies(self) -> tuple[int, int, int]:
        """Katas passed (distinct), katas attempted (distinct), runs."""
        rows = self._read(
            "SELECT COUNT(DISTINCT CASE WHEN status = 'pass' THEN slug END), COUNT(DISTINCT slug), COUNT(*)"
            " FROM kata_attempts"
        )
        passed, attempted, runs = rows[0]
        return int(passed), int(attempted), int(runs)

    def question_rows(self) -> Iterator[dict[str, Any]]:
        """Every question attempt, oldest first, as column -> value."""
        with self._guard():
            cur = self._conn.execute(f"SELECT {', '.join(QUESTION_COLUMNS)} FROM question_attempts ORDER BY at, id")
            for row in cur:
                check_row("question_attempts", QUESTION_COLUMNS, row)
                yield dict(zip(QUESTION_COLUMNS, row, strict=True))

    def kata_rows(self) -> Iterator[dict[str, Any]]:
        with self._guard():
            cur = self._conn.execute(f"SELECT {', '.join(KATA_COLUMNS)} FROM kata_attempts ORDER BY at, id")
            for row in cur:
                check_row("kata_attempts", KATA_COLUMNS, row)
                yield dict(zip(KATA_COLUMNS, row, strict=True))

    def hint_rows(self) -> list[dict[str, Any]]:
        rows = self._read(f"SELECT {', '.join(HINT_COLUMNS)} FROM kata_hints ORDER BY slug, level")
        for row in rows:
            self._check("kata_hints", HINT_COLUMNS, row)
        return [dict(zip(HINT_COLUMNS, r, strict=True)) for r in rows]

    # -- merging another store's export --------------------------------------------------------

    def merge(
        self,
        questions: list[dict[str, Any]],
        katas: list[dict[str, Any]],
        hints: list[dict[str, Any]],
    ) -> MergeCounts:
        """Add the rows this store lacks (by attempt uid; hints by kata and level) in one transaction,
        then rebuild the review cards of every question that gained attempts."""
        with self._write() as c:
            q_added = self._insert_new(c, "question_attempts", QUESTION_COLUMNS, questions)
            k_added = self._insert_new(c, "kata_attempts", KATA_COLUMNS, katas)
            h_added = self._insert_new(c, "kata_hints", HINT_COLUMNS, hints)
            touched = {row["question_id"] for row in q_added}
            rebuild_cards(c, sorted(touched))
        return MergeCounts(
            len(q_added),
            len(questions) - len(q_added),
            len(k_added),
            len(katas) - len(k_added),
            len(h_added),
            len(hints) - len(h_added),
        )

    @staticmethod
    def _insert_new(
        c: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        added = []
        for row in rows:
            if c.execute(sql, tuple(row[k] for k in columns)).rowcount:
                added.append(row)
        return added


def open_store(path: Path | None = None, *, clock: Clock | None = None) -> ProgressStore:
    """Open (creating or migrating forward as needed) the learner's store; cheap: no fsrs import."""
    path = path or db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise ProgressStoreError(f"cannot open the progress store {path}: {exc}") from None
    store = ProgressStore(conn, path, clock or _utcnow)
    try:
        with store._guard():
            store._prepare()
    except BaseException:
        store.close()
        raise
    return store
