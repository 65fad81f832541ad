"""Long work shows progress: a bar on a terminal, a line per step through a pipe, nothing with --json."""

from __future__ import annotations

import io
import re
import threading

import pytest
from rich.console import Console

from runner.steps import Step, StepCounter
from runner.ui.steps import step_reporter


def test_the_counter_reports_every_item_once_across_threads() -> None:
    seen: list[Step] = []
    counter = StepCounter(40, seen.append)
    threads = [threading.Thread(target=counter.finished, args=(f"item-{i}", i % 4 != 0)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [s.done for s in seen] == list(range(1, 41))
    assert seen[-1].failures == 10 and {s.total for s in seen} == {40}


def test_through_a_pipe_each_step_is_one_line() -> None:
    buf = io.StringIO()
    with step_reporter("grading", console=Console(file=buf, width=80)) as on_step:
        assert on_step is not None
        on_step(Step(1, 2, "alice.json", True, 0))
        on_step(Step(2, 2, "bob.json", False, 1))
    assert buf.getvalue().splitlines() == ["[1/2] alice.json: ok", "[2/2] bob.json: FAILED"]


def test_on_a_terminal_a_bar_shows_done_total_and_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    buf = io.StringIO()
    console = Console(file=buf, width=100, force_terminal=True, color_system=None)
    with step_reporter("grading", console=console) as on_step:
        assert on_step is not None
        on_step(Step(3, 20, "carol.json", False, 1))
    text = buf.getvalue()
    assert "3/20" in text and "1 failed" in text
    assert re.search(r"\d+:\d\d:\d\d|-:--:--", text)  # time left


def test_json_output_prints_no_progress() -> None:
    with step_reporter("grading", quiet=True) as on_step:
        assert on_step is None
