"""The interactive quiz as a real process in a pseudo-terminal: answer, then Ctrl-C."""

from __future__ import annotations

import pexpect
import pytest

from tests.conftest import FIXTURES, interrupt, spawn_gokata


def spawn(*args: str) -> pexpect.spawn:
    return spawn_gokata(*args, env={"GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid")})


def test_answer_two_then_ctrl_c_shows_summary_without_traceback() -> None:
    child = spawn(
        "quiz", "--topic", "slices", "--kind", "truefalse", "--kind", "spot-the-bug", "--seed", "7", "--topic", "defer"
    )
    seen: list[str] = []
    for _ in range(2):
        idx = child.expect([r"True or false \(t/f\): ", r"Faulty line number\(s\).*: "])
        seen.append("tf" if idx == 0 else "bug")
        child.sendline("t" if idx == 0 else "5")
        child.expect(["right", "wrong"])
    child.expect([r"True or false", r"Faulty line"])
    interrupt(child, "Summary by topic")
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
    child.expect(r"Nothing answered yet")
    child.expect(r"gokata quiz --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1  # paused: not every question answered


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_output_question_multiline_answer(lang: str) -> None:
    child = spawn("quiz", "--topic", "defer", "--kind", "output", "--lang", lang)
    child.expect("finish with an empty line twice" if lang == "en" else "连按两次回车")
    child.sendline("now 2")
    child.sendline("deferred 1")
    child.sendline("")
    child.sendline("")
    child.expect("right" if lang == "en" else "正确")
    child.expect(r"Score: 100%" if lang == "en" else "得分：100%")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_pause_then_resume_in_a_real_terminal() -> None:
    child = spawn("quiz", "--topic", "defer", "--kind", "truefalse")
    child.expect(r"\? hint · s skip · ! don't know · q pause")
    child.sendline("?")
    child.expect("Think of a stack of plates")
    child.sendline("q")
    child.expect("gokata quiz --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    again = spawn("quiz", "--resume")
    again.expect(r"True or false \(t/f\): ")
    again.sendline("t")
    again.expect(r"1 of 1 answered")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0


@pytest.mark.parametrize("sig", ["SIGHUP", "SIGTERM"])
def test_closing_the_terminal_pauses_like_ctrl_c_and_resume_records_no_answer_twice(sig: str) -> None:
    import json
    import signal

    child = spawn(
        "quiz", "--topic", "slices", "--kind", "truefalse", "--kind", "spot-the-bug", "--seed", "7", "--topic", "defer"
    )
    idx = child.expect([r"True or false \(t/f\): ", r"Faulty line number\(s\).*: "])
    child.sendline("t" if idx == 0 else "5")
    child.expect(r" 2/3 ")  # the second question's header: the first answer is recorded
    child.expect([r"True or false \(t/f\): ", r"Faulty line number\(s\).*: "])
    interrupt(child, "1 of 3 answered", sig=getattr(signal, sig))  # a closed terminal ends that read anyway
    rest = child.read()
    child.close()
    assert "Traceback" not in rest and "gokata quiz --resume" in rest
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus, rest)
    again = spawn("quiz", "--resume")
    for _ in range(2):
        idx = again.expect([r"True or false \(t/f\): ", r"Faulty line number\(s\).*: "])
        again.sendline("t" if idx == 0 else "5")
        again.expect(["right", "wrong"])
    again.expect(pexpect.EOF)
    again.close()
    history = spawn("history", "--format", "json")
    history.expect(pexpect.EOF)
    ids = [r["id"] for r in json.loads(history.before)["questions"]]
    assert len(ids) == 3 and len(set(ids)) == 3, ids


def test_a_pasted_line_the_terminal_cut_is_asked_for_again_not_graded() -> None:
    child = spawn_gokata(
        "answer", "slices.interview-reslicing", env={"GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid")}
    )
    child.expect("Finish with an empty line twice")
    child.send("Re-slicing shares the backing array. " * 150 + "\r")  # 5,550 characters on one line
    child.send(".\r")
    child.expect("limit of 4,095 characters")
    child.expect("Finish with an empty line twice")
    child.send("A sub-slice shares the backing array with the original.\r.\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus in (0, 1)
