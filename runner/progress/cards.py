"""Reading and writing review cards: the cached result of replaying each question's rated attempts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from runner.progress.rating import SCHEDULING_MODES
from runner.progress.records import check_card, check_log
from runner.progress.scheduling import Card, replay, review

_MODES = tuple(sorted(SCHEDULING_MODES))
_IN_MODES = f"mode IN ({','.join('?' * len(_MODES))})"


def load_card(conn: sqlite3.Connection, question_id: str) -> Card | None:
    row = conn.execute(
        "SELECT state, step, stability, difficulty, due, last_review FROM cards WHERE question_id = ?",
        (question_id,),
    ).fetchone()
    if row is None:
        return None
    check_card(row)
    return Card(*row)


def load_cards(conn: sqlite3.Connection) -> dict[str, Card]:
    """Every card; a card holding what gokata never writes (a due date of 'never') is StoreDamage."""
    rows = conn.execute("SELECT question_id, state, step, stability, difficulty, due, last_review FROM cards")
    cards = {}
    for qid, *rest in rows:
        check_card(rest)
        cards[qid] = Card(*rest)
    return cards


def save_card(conn: sqlite3.Connection, question_id: str, card: Card) -> None:
    conn.execute(
        "INSERT INTO cards (question_id, state, step, stability, difficulty, due, last_review)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (question_id) DO UPDATE SET state = excluded.state, step = excluded.step,"
        " stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,"
        " last_review = excluded.last_review",
        (question_id, card.state, card.step, card.stability, card.difficulty, card.due, card.last_review),
    )


def apply_review(conn: sqlite3.Connection, question_id: str, rating: int, at: float) -> None:
    """Move one card forward; an attempt older than the card's last review (clock skew) replays the log."""
    card = load_card(conn, question_id)
    if card is not None and card.last_review is not None and at < card.last_review:
        rebuild_cards(conn, (question_id,))
        return
    save_card(conn, question_id, review(card, rating, at))


def rebuild_cards(conn: sqlite3.Connection, question_ids: Iterable[str]) -> None:
    """Recompute cards from the attempt log (after an import merge or a migration)."""
    for qid in question_ids:
        log = conn.execute(
            f"SELECT at, rating FROM question_attempts WHERE question_id = ? AND {_IN_MODES} ORDER BY at, id",
            (qid, *_MODES),
        ).fetchall()
        check_log(log)  # FSRS would raise on a time off the calendar or an unknown rating
        card = replay(log)
        if card is None:
            conn.execute("DELETE FROM cards WHERE question_id = ?", (qid,))
        else:
            save_card(conn, qid, card)
