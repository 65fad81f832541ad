"""`exam take` as a real process: the timer is shown, answers survive a killed process, resume works."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pexpect
import pytest

from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES, interrupt, spawn_gokata


def spawn(*args: str) -> pexpect.spawn:
    env = {"GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid"), "GOKATA_KATAS": str(FIXTURES / "exam" / "katas")}
    return spawn_gokata(*args, env=env)


def answer_current(child: pexpect.spawn) -> None:
    idx = child.expect(
        [
            r"Your choices?.*\(q to pause\) ",
            r"True or false.*\(q to pause\) ",
            r"Faulty line.*\(q to pause\) ",
            r"finish with an empty line twice",
        ]
    )
    if idx == 3:
        child.sendline("some text")
        child.sendline(".")
    else:
        child.sendline(["A", "t", "1"][idx])
    child.expect(r"saved · ⏱ \d\d:\d\d left")


def test_answers_survive_a_killed_process_and_the_exam_resumes(tmp_path: Path, spec: Path) -> None:
    pack = tmp_path / "pack.zip"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    workdir = tmp_path / "work"
    child = spawn("exam", "take", str(pack), "--dir", str(workdir), "--name", "Cleo")
    child.expect(r"1/6 .* ⏱ 60:00 left|1/6 .* ⏱ 59:5\d left")
    answer_current(child)
    answer_current(child)
    child.kill(signal.SIGKILL)
    child.close()
    saved = json.loads((workdir / "exam-state.json").read_text(encoding="utf-8"))
    assert len(saved["answers"]) == 2

    child = spawn("exam", "take", str(pack), "--dir", str(workdir))
    child.expect(r"3/6")
    for _ in range(4):
        answer_current(child)
    child.expect(r"questions left: 0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = json.loads((workdir / "exam-state.json").read_text(encoding="utf-8"))
    assert len(saved["answers"]) == 6 and saved["candidate"] == "Cleo"


@pytest.mark.parametrize("how", ["ctrl-c", "SIGHUP"])
def test_ctrl_c_or_a_closed_terminal_pauses_the_exam_and_exits_130(tmp_path: Path, spec: Path, how: str) -> None:
    pack = tmp_path / "pack.zip"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    workdir = tmp_path / "work"
    child = spawn("exam", "take", str(pack), "--dir", str(workdir), "--name", "Dana")
    answer_current(child)
    child.expect(r"2/6")
    interrupt(child, "Paused", sig=None if how == "ctrl-c" else signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = json.loads((workdir / "exam-state.json").read_text(encoding="utf-8"))
    assert len(saved["answers"]) == 1
