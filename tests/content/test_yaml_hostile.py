"""The one YAML reader (runner/content/yaml_source.py) against hostile files: every bank, beliefs
file, exam spec and answers file goes through it. An audit found an alias bomb read into 7 GB,
/dev/zero read until the kernel killed the process, a pipe that blocked forever and a 4,301-digit
number that ended in a traceback. Each is now one `file:line: what is wrong`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runner.content.yaml_source import MAX_BYTES, MAX_EXPANDED, read_yaml
from runner.errors import ContentError


def _problem(path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        read_yaml(path)
    (problem,) = caught.value.problems
    return f"{Path(problem.file).name}:{problem.line}: {problem.message}"


def _bomb(levels: int) -> str:
    lines = ['a: &a ["l","l","l","l","l","l","l","l","l"]']
    for prev, name in zip("abcdefghij", "bcdefghijk", strict=False):
        if len(lines) == levels:
            break
        lines.append(f"{name}: &{name} [{', '.join(f'*{prev}' for _ in range(9))}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_line_where_it_grows_too_large(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(_bomb(8))  # 9^8: 43 million values from 8 lines
    assert _problem(path) == f"b.yaml:7: YAML aliases here expand to more than {MAX_EXPANDED:,} values"


def test_aliases_of_an_ordinary_size_are_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(_bomb(4) + "defaults: &dflt {lang: en}\nfirst: *dflt\nsecond: *dflt\n")
    data = read_yaml(path).data
    assert data["first"] == {"lang": "en"} and len(data["d"]) == 9


def test_a_number_too_long_for_python_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("a: 1\nb: " + "9" * 4301 + "\n")
    assert _problem(path) == "n.yaml:2: a number too long to read"


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder"])
def test_what_is_not_a_regular_file_is_refused_unread(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.yaml"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would block forever
    else:
        path.mkdir()
    expected = "a folder" if kind == "folder" else "not a regular file (a pipe or a device)"
    assert _problem(path) == f"x.yaml:1: {expected}"


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    assert _problem(path) == f"big.yaml:1: larger than {MAX_BYTES // (1024 * 1024)} MiB"


@settings(max_examples=200)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_fail_as_one_content_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.yaml"
        path.write_bytes(data)
        try:
            read_yaml(path)
        except ContentError as exc:
            assert exc.problems and all(p.line >= 1 for p in exc.problems)
