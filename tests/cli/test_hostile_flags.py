"""Flags and answer files an audit broke: each is now one message and exit 2, never a traceback
or a read without end."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import run_cli

QUESTION = "slices.interview-shared-array-trap"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_HOME", str(tmp_path / "home"))


def test_an_infinite_interview_budget_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("x: y\n")
    result = run_cli("interview", "--answers", str(answers), "--minutes", "inf")
    assert result.exit_code == 2 and "--minutes" in result.output


def test_a_kata_name_too_long_for_a_file_system_is_not_a_kata_name() -> None:
    result = run_cli("kata", "hint", "a" * 300)
    assert result.exit_code == 2 and "is not a kata name" in result.output


@pytest.mark.parametrize("kind", ["dev-zero", "folder", "too-long"])
def test_an_answer_file_that_is_no_answer_is_refused_unread(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "answer.txt"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_text("the sub-slice shares the backing array " * 3000)
    result = run_cli("answer", QUESTION, "--file", str(path), "--json")
    assert result.exit_code == 2
    expected = "longer than 100,000 characters" if kind == "too-long" else "not a regular file"
    assert expected in result.output


def test_an_endless_stdin_is_read_no_further_than_an_answer_may_hold() -> None:
    result = run_cli("answer", QUESTION, "--json", input="x" * 200_000)
    assert result.exit_code == 2 and "longer than 100,000 characters" in result.output


@pytest.mark.parametrize("flags", [("--resume",), ("--topic", "nosuch"), ("--exam",), ("--seed", "3")])
def test_flags_an_answers_file_would_ignore_are_refused(tmp_path: Path, flags: tuple[str, ...]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("defer.lifo: t\n")
    result = run_cli("quiz", "--answers", str(answers), *flags)
    assert result.exit_code == 2 and f"{flags[0]} does not go with it" in result.output


def test_a_huge_unknown_value_is_not_printed_back_whole() -> None:
    result = run_cli("quiz", "--topic", "x" * 100_000)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "characters)" in result.stderr and len(result.stderr) < 2_000


def test_an_over_long_open_answer_in_an_answers_file_is_located(tmp_path: Path) -> None:
    import json

    from runner.answers.limits import MAX_ANSWER_CHARS

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({QUESTION: "word " * (MAX_ANSWER_CHARS // 5 + 1)}), encoding="utf-8")
    result = run_cli("quiz", "--answers", str(answers))
    assert result.exit_code == 2 and f"{answers}:1:" in result.stderr and "are not graded" in result.stderr


@pytest.mark.parametrize("how", ["flag", "env"])
def test_an_empty_exam_key_is_refused_not_a_silent_unsigned_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("title: t\n", encoding="utf-8")
    if how == "env":
        monkeypatch.setenv("GOKATA_EXAM_KEY", " ")
        args: tuple[str, ...] = ()
    else:
        monkeypatch.delenv("GOKATA_EXAM_KEY", raising=False)
        args = ("--key", "")
    result = run_cli("exam", "grade", str(spec), str(tmp_path / "sub.json"), "--out", str(tmp_path / "r"), *args)
    assert result.exit_code == 2 and "empty" in result.stderr
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
@pytest.mark.parametrize("command", [("history", "-o"), ("bank", "export", "-o")])
def test_an_output_that_is_no_regular_file_is_refused_not_written_through(
    tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    import os

    target = tmp_path / "out.csv"
    kept = tmp_path / "kept.txt"
    kept.write_text("keep\n", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(target)  # a write without a reader hung
    else:
        target.symlink_to(kept)  # the link's target was overwritten
    result = run_cli(*command, str(target))
    assert result.exit_code == 2 and "gokata writes only regular files" in result.stderr
    assert kept.read_text(encoding="utf-8") == "keep\n"


def test_a_terminal_that_cannot_show_every_character_gets_question_marks_not_a_traceback() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "runner", "show", "defer.lifo-output", "--lang", "zh"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"?" in done.stdout


def test_an_answer_file_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    latin = tmp_path / "answer.txt"
    latin.write_bytes("first line\nCaf\xe9 au lait".encode("latin-1"))
    result = run_cli("answer", QUESTION, "--file", str(latin))
    assert result.exit_code == 2 and f"{latin}:2:4: not UTF-8 text" in result.stderr


def test_history_csv_shows_stored_escape_sequences_as_pictures() -> None:
    run_cli("answer", QUESTION, "--text", "Shares the array.\x1b[?1049h\x1b]0;PWNED\x07\x1b[8m")
    result = run_cli("history")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛[?1049h␛]0;PWNED␇" in result.stdout
