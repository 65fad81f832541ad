"""A separate gokata-like process for the concurrency and crash tests.

python -m tests.progress.writer DB COUNT TAG [PAUSE]: prints "ready", waits for a line on stdin, then
records COUNT answers one by one (each its own commit) and prints "ok I" after each commit.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from runner.progress.attempts import QuestionAttempt
from runner.progress.store import open_store

SHARED_IDS = [f"alpha.q{i}" for i in range(5)]  # both writers hit the same cards


def main(db: str, count: int, tag: str, pause: float) -> None:
    store = open_store(Path(db))
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(count):
        store.record_question(
            QuestionAttempt(
                question_id=SHARED_IDS[i % len(SHARED_IDS)],
                topic="alpha",
                kind="truefalse",
                answer=f"{tag}-{i}",
                correct=i % 3 != 0,
                score=float(i % 3 != 0),
                duration_s=12.0,
                mode="practice",
            )
        )
        print(f"ok {i}", flush=True)
        # Think time, as a learner has between answers: without it one process re-takes the write
        # lock before the other's busy handler wakes, and the two runs barely interleave. It paces
        # the writers; nothing waits on it for correctness.
        time.sleep(pause)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
