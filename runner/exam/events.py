"""The candidate session's event log: append-only, each event hashing the one before it.

The log records start, every answer, every visible-test run and the submission. Editing an
event (moving the start, changing an answer's time) breaks the chain from that event on; the
grader reads times from the log, never from fields a candidate can edit on their own. Without
a secret on the candidate's machine nothing stops someone who recomputes every hash, so this
catches edits, not a determined forger: the report says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from runner.digests import canonical_json

EventKind = Literal["start", "answer", "test", "submit"]
# Clocks and rounding: durations may exceed the time that passed by this much before it is called impossible.
SLACK_S = 5.0


def answer_digest(qid: str, record: dict[str, Any]) -> str:
    """What an answer event vouches for: the question, the answer and how it was given."""
    keep = {k: record.get(k) for k in ("answer", "duration_s", "chars", "from_file", "terminal")}
    return hashlib.sha256(canonical_json({"qid": qid, **keep})).hexdigest()


@dataclass(frozen=True)
class Event:
    seq: int
    kind: str
    at: float  # wall-clock time on the candidate's machine
    prev: str  # the previous event's hash (the pack hash for the first)
    hash: str
    qid: str = ""
    data: str = ""  # an answer's digest, a kata's slug and verdict, ...

    def body(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "at": self.at,
            "prev": self.prev,
            "qid": self.qid,
            "data": self.data,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.body(), "hash": self.hash}


def _hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(body)).hexdigest()


def new_event(log: list[Event], genesis: str, kind: EventKind, at: float, *, qid: str = "", data: str = "") -> Event:
    prev = log[-1].hash if log else genesis
    body = {"seq": len(log), "kind": kind, "at": round(at, 3), "prev": prev, "qid": qid, "data": data}
    event = Event(seq=len(log), kind=kind, at=round(at, 3), prev=prev, hash=_hash(body), qid=qid, data=data)
    log.append(event)
    return event


def chain_problems(log: tuple[Event, ...] | list[Event], genesis: str) -> list[str]:
    """Where the chain breaks: an event edited, removed, inserted or reordered."""
    problems: list[str] = []
    if not log:
        return ["the session's event log is missing"]
    prev = genesis
    for i, e in enumerate(log):
        if e.seq != i:
            problems.append(f"event {i} is numbered {e.seq} (events removed or inserted)")
            break
        if e.prev != prev:
            problems.append(f"event {i} ({e.kind}) does not follow the one before it")
            break
        if _hash(e.body()) != e.hash:
            problems.append(f"event {i} ({e.kind}{' ' + e.qid if e.qid else ''}) was changed after it was written")
            break
        prev = e.hash
    if log[0].kind != "start":
        problems.append("the log does not begin with the start of the exam")
    return problems


def timing_problems(log: tuple[Event, ...] | list[Event], durations: dict[str, float]) -> list[str]:
    """Timings no real session produces: events before the start, a clock that runs backwards,
    answer durations adding up to more than the time that passed."""
    problems: list[str] = []
    if not log:
        return problems
    start = log[0].at
    last = start
    spent = 0.0
    counted: set[str] = set()
    for e in log[1:]:
        if e.at < start - SLACK_S:
            problems.append(f"event {e.seq} ({e.kind}) is dated {start - e.at:.0f} s before the exam started")
        elif e.at < last - SLACK_S:
            problems.append(f"event {e.seq} ({e.kind}) is dated {last - e.at:.0f} s before the event before it")
        last = max(last, e.at)
        if e.kind == "answer" and e.qid not in counted:
            counted.add(e.qid)
            spent += durations.get(e.qid, 0.0)
            elapsed = e.at - start
            if spent > elapsed + SLACK_S:
                problems.append(
                    f"by {e.qid} the answers took {spent:.0f} s, but only {max(elapsed, 0):.0f} s had "
                    "passed since the start"
                )
                break
    return problems
