"""`interview --answers` reads its file like every other answers file: a regular file, bounded,
UTF-8, and YAML that is malformed is reported with its line, never graded as one long answer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runner.errors import EXIT_BAD_INPUT, ContentError
from runner.interview.flow import read_answers
from tests.cli_helpers import run_cli
from tests.interview.conftest import BANKS


def test_a_yaml_list_and_plain_text_are_both_read(tmp_path: Path) -> None:
    listed = tmp_path / "a.yaml"
    listed.write_text('# my answers\n- "first: with a colon"\n- second\n', encoding="utf-8")
    assert read_answers(listed) == ["first: with a colon", "second"]
    plain = tmp_path / "a.txt"
    plain.write_text("# Heading\nfirst answer\n---\n- not a list item here\n", encoding="utf-8")
    assert read_answers(plain) == ["# Heading\nfirst answer", "- not a list item here"]


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        (b'- "Once guarantees f runs once\n- second answer\n', ":3:1:", "malformed YAML"),
        (b"- 1\n- two\n", ":1:3:", "every answer must be a string"),
        (b"ok line\nbad \xff here\n", ":2:5:", "not UTF-8 text"),
        (b"- a: b\n", ":1:3:", "every answer must be a string"),
    ],
)
def test_malformed_files_are_a_file_line_message(tmp_path: Path, content: bytes, where: str, what: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(content)
    with pytest.raises(ContentError) as caught:
        read_answers(path)
    assert f"{path}{where}" in str(caught.value.problems[0]) and what in str(caught.value.problems[0])
    result = run_cli("--bank", str(BANKS), "interview", "--json", "--answers", str(path))
    assert result.exit_code == EXIT_BAD_INPUT and "Traceback" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_or_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        with pytest.raises(ContentError, match="not a regular file"):
            read_answers(path)
