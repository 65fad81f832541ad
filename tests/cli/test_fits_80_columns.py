"""Every table and command fits 80 columns and a pipe: ids and commands are never cut or split."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rich.cells import cell_len


def _run(*args: str, cwd: Path | None = None) -> str:
    env = dict(os.environ, COLUMNS="80", NO_COLOR="1", TERM="dumb")
    env.pop("GOKATA_QUESTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "runner", *args], env=env, capture_output=True, text=True, timeout=120, cwd=cwd
    )
    return done.stdout


def _fits(text: str) -> None:
    wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not wide, wide


def test_topics_fits() -> None:
    text = _run("topics")
    _fits(text)
    assert "generics" in text and "all" in text


def test_kata_list_keeps_every_slug_whole_and_folds_titles() -> None:
    text = _run("kata", "list")
    _fits(text)
    from runner.kata.catalog import scan_katas

    katas, _ = scan_katas()
    lines = text.splitlines()
    for k in katas:
        assert any(line.split()[:1] == [k.slug] for line in lines), k.slug


def test_kata_start_prints_each_command_on_one_line() -> None:
    text = _run("kata", "start", "context-pipeline-cancel-cause")
    assert "gokata kata test context-pipeline-cancel-cause" in text
    assert "gokata kata watch context-pipeline-cancel-cause" in text
    assert "gokata kata hint context-pipeline-cancel-cause" in text


def test_scripted_answers_keep_ids_whole(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("context.interview-fuse-timeouts: it depends\ndefer.lifo-output: x\n", encoding="utf-8")
    text = _run("quiz", "--answers", str(answers))
    _fits(text)
    assert "context.interview-fuse-timeouts" in text and "defer.lifo-output" in text


def test_help_fits() -> None:
    for cmd in (["--help"], ["quiz", "--help"], ["kata", "--help"], ["exam", "grade", "--help"]):
        _fits(_run(*cmd))


def test_a_failure_message_wraps_at_word_boundaries_indented_under_its_test() -> None:
    import io

    import pytest
    from rich.console import Console

    from runner.kata.catalog import load_kata
    from runner.kata.result import KataResult, TestOutcome
    from runner.ui import kata as ui

    buf = io.StringIO()
    console = Console(file=buf, width=80, no_color=True, highlight=False)
    mp = pytest.MonkeyPatch()
    mp.setattr(ui, "out", lambda: console)
    try:
        message = (
            "records.go:12: FirstN returned a slice that shares its backing array with the snapshot, so "
            "the caller's edit changed the one it built, other callers see the change too"
        )
        result = KataResult(
            "slices-first-n-records",
            "fail",
            0.0,
            (TestOutcome("TestIndependentCopy", False, "fail", message),),
            1.0,
            "one test failed",
        )
        ui.render_result(result, kata=load_kata("slices-first-n-records"), code="/tmp/x")
    finally:
        mp.undo()
    lines = buf.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "TestIndependentCopy" in line) + 1
    body = lines[start : start + 3]
    assert all(line.startswith(" " * 7) and cell_len(line.rstrip()) <= 80 for line in body), body
    words = " ".join(line.strip() for line in body).split()
    assert words == message.split()[: len(words)]  # no word was cut in two


def test_answer_quotes_a_misconception_and_indents_wrapped_lines() -> None:
    text = _run(
        "answer",
        "mutexes.interview-lock-protects-data",
        "--text",
        "It is not safe: GetProject returns a pointer to the cached struct, so callers write outside "
        "the lock. Return a copy instead. Luckily sync.Mutex is reentrant, so Update can call GetProject.",
    )
    _fits(text)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Misconception:"))
    block = lines[start : next(i for i, line in enumerate(lines) if line.startswith("An interviewer"))]
    assert "“Luckily sync.Mutex is reentrant, so Update can call GetProject.”" in " ".join(x.strip() for x in block)
    # Wrapped text stays under its text, never back at the left edge.
    assert all(line.startswith(" ") for line in block[1:]), block
    asks = lines[lines.index("An interviewer would ask next:") + 1 :]
    bullets = asks[: next(i for i, x in enumerate(asks) if x.startswith("╭"))]
    assert bullets and all(line.startswith(("  • ", "    ")) for line in bullets), bullets
