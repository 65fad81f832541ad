"""`kata verify` shows its progress: a Rich bar on a terminal (done/total, failures so far, time
left), one line per run through a pipe, nothing with --json."""

from __future__ import annotations

import json
import re

import pexpect
import pytest

from runner.kata.verify import verify_katas
from runner.steps import Step
from tests.cli_helpers import run_cli
from tests.conftest import spawn_gokata
from tests.kata.conftest import KATAS

pytestmark = [pytest.mark.go, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _every_run_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    # The progress is of the runs: a kata that already passed would come from the verified cache.
    monkeypatch.setenv("GOKATA_NO_VERIFY_CACHE", "1")


def test_every_run_is_one_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_MIN_MUTANTS", "1")
    steps: list[Step] = []
    report = verify_katas(("greet",), jobs=2, on_step=steps.append)
    assert [s.done for s in steps] == list(range(1, report.katas[0].runs + 1))
    assert {s.total for s in steps} == {report.katas[0].runs} and steps[-1].failures == 0


def test_through_a_pipe_one_line_per_run_and_none_with_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_MIN_MUTANTS", "1")
    result = run_cli("kata", "verify", "greet", "--jobs", "2")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert len(lines) == 5 and lines[-1].startswith("[5/5] greet: ") and lines[-1].endswith(": ok")
    assert any("mutant" in line for line in lines)
    result = run_cli("kata", "verify", "greet", "--json", "--jobs", "2")
    assert json.loads(result.stdout)["ok"] is True
    assert "[1/5]" not in result.stderr and "verifying" not in result.stderr


def test_on_a_terminal_a_bar_with_failures_and_time_left() -> None:
    env = {"GOKATA_KATAS": str(KATAS), "GOKATA_MIN_MUTANTS": "1", "GOKATA_NO_VERIFY_CACHE": "1"}
    child = spawn_gokata("kata", "verify", "greet", "--jobs", "1", env=env, term="xterm-256color", timeout=240)
    child.expect(r"verifying katas")
    child.expect(r"\d/5")
    child.expect(r"0 failed")
    child.expect(r"\d+:\d\d:\d\d|-:--:--")  # time left
    child.expect(pexpect.EOF)
    child.close()
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before or "")
    assert child.exitstatus == 0, text
    assert "all katas verified" in text
    assert "[1/5]" not in text  # the bar, not the lines of a pipe
