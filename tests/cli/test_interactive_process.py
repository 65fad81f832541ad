"""The interactive quiz as a real process in a pseudo-terminal: answer, then Ctrl-C."""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from tests.conftest import FIXTURES


def spawn(*args: str) -> pexpect.spawn:
    env = dict(os.environ)
    env.update({"GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid"), "COLUMNS": "120", "NO_COLOR": "1",
                "TERM": "dumb", "PYTHONUNBUFFERED": "1"})
    return pexpect.spawn(sys.executable, ["-m", "runner", *args], env=env, encoding="utf-8", timeout=30,
                         dimensions=(40, 120))


def test_answer_two_then_ctrl_c_shows_summary_without_traceback() -> None:
    child = spawn("quiz", "--topic", "slices", "--kind", "truefalse", "--kind", "spot-the-bug", "--seed", "7",
                  "--topic", "defer")
    seen: list[str] = []
    for _ in range(2):
        idx = child.expect([r"True or false \(t/f, q to quit\): ", r"Faulty line number\(s\).*: "])
        seen.append("tf" if idx == 0 else "bug")
        child.sendline("t" if idx == 0 else "5")
        child.expect(["right", "wrong"])
    child.expect([r"True or false", r"Faulty line"])
    child.sendintr()
    child.expect("Summary by topic")
    child.expect(r"Score: \d+% — 2 of 3 answered \(interrupted\)")
    rest = child.read()
    child.close()
    assert "Traceback" not in (child.before or "") + rest
    assert child.exitstatus == 130
    assert seen


def test_quit_with_q_exits_cleanly() -> None:
    child = spawn("quiz", "--topic", "defer", "--kind", "truefalse")
    child.expect(r"True or false")
    child.sendline("q")
    child.expect(r"0 of 1 answered")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_output_question_multiline_answer(lang: str) -> None:
    child = spawn("quiz", "--topic", "defer", "--kind", "output", "--lang", lang)
    child.expect("finish with an empty line twice")
    child.sendline("now 2")
    child.sendline("deferred 1")
    child.sendline("")
    child.sendline("")
    child.expect("right")
    child.expect(r"Score: 100%")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
