"""Help a person reads, and shell completion."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.cli_helpers import run_cli


def _help(*cmd: str) -> str:
    result = run_cli(*cmd, "--help")
    assert result.exit_code == 0, result.output
    return result.stdout


COMMANDS = [
    ("quiz",),
    ("topics",),
    ("show",),
    ("answer",),
    ("review",),
    ("stats",),
    ("history",),
    ("suspend",),
    ("bank", "lint"),
    ("bank", "calibrate"),
    ("bank", "mistakes"),
    ("kata", "test"),
    ("kata", "start"),
    ("exam", "grade"),
    ("exam", "pack"),
    ("progress", "export"),
]


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_placeholders_read_like_words_not_types(cmd: tuple[str, ...]) -> None:
    text = _help(*cmd)
    assert not re.search(r"<(list\[|int|float|str|path|Path|text)", text), text


def test_quiz_help_names_its_placeholders_and_keys() -> None:
    text = _help("quiz")
    assert "--topic TOPIC" in text and "--count N" in text and "--answers FILE" in text
    assert "single|multi|truefalse|output|spot-the-bug|open" in text
    assert "Examples:" in text and "--resume" in text


def test_command_summaries_are_never_cut_short() -> None:
    text = _help()
    assert "..." not in text.split("Commands:")[1]
    assert "Validate banks; print every problem as" in _help("bank") and "field.path" in _help("bank")


def _complete(words: str) -> list[str]:
    env = dict(os.environ, _GOKATA_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
    done = subprocess.run([sys.executable, "-m", "runner"], env=env, capture_output=True, text=True, timeout=60)
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("gokata quiz --topic de", "defer"),
        ("gokata quiz --kind sp", "spot-the-bug"),
        ("gokata show defer.li", "defer.lifo-output"),
        ("gokata kata start slices-f", "slices-first-n-records"),
    ],
)
def test_completion_offers_topics_kinds_ids_and_slugs(words: str, expected: str) -> None:
    assert expected in _complete(words)


def test_show_completion_prints_a_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "runner", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        # The shell named on the command line, not detected from the process tree: what runs the
        # tests (a CI runner, a detached job) need not be a shell at all.
        env=dict(os.environ, SHELL="/bin/bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"),
    )
    assert done.returncode == 0 and "complete" in done.stdout
