"""A real terminal (pexpect): two questions, a follow-up, then Ctrl-C keeps the answers given."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pexpect

from tests.conftest import interrupt, spawn_gokata
from tests.interview.conftest import BANKS


def spawn(*args: str) -> pexpect.spawn:
    return spawn_gokata(*args, env={"GOKATA_QUESTIONS": str(BANKS)})


def test_follow_up_then_ctrl_c_keeps_the_answers() -> None:
    child = spawn("interview", "--topic", "defer", "--count", "3", "--seed", "0", "--minutes", "20")
    child.expect("Question 1 of 2")
    child.expect("Your answer:")
    child.sendline("The arguments are evaluated when the function returns, and deferred calls run LIFO.")
    child.sendline(".")
    child.expect(r"\d+:\d\d for this answer · \d+:\d\d of 20:00")
    child.expect("Let me push on something you said.")
    child.expect("Follow-up")
    child.expect("Your answer:")
    child.sendline("It prints 1, because x was evaluated at the defer statement.")
    child.sendline(".")
    child.expect("Question 2 of 2")
    child.expect("Your answer:")
    interrupt(child, "Interrupted: the answers given so far are kept.")
    child.expect("Transcript saved:")
    rest = child.read()
    child.close()
    assert "Traceback" not in (child.before or "") + rest
    assert child.exitstatus == 130
    transcript = (Path(os.environ["GOKATA_HOME"]) / "interviews" / "0001.md").read_text(encoding="utf-8")
    assert "> It prints 1, because x was evaluated at the defer statement." in transcript
    db = Path(os.environ["GOKATA_HOME"]) / "progress.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT question_id, mode FROM question_attempts").fetchall()
        cards = [r[0] for r in conn.execute("SELECT question_id FROM cards")]
    assert rows == [("defer.iv-eval", "interview")]
    assert cards == ["defer.iv-eval"]
