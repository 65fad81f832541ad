"""The answers file reader: a JSON file takes the json module's path (no PyYAML import), and
must read exactly as the YAML reader reads it; anything JSON and YAML read differently, and
every problem that needs a line number, goes through the YAML reader."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from runner.content.yaml_source import Locator, read_yaml
from runner.errors import ContentError
from runner.quiz.scripted import read_answers

_KEYS = st.text(min_size=1, max_size=12)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)


def _read(path: Path, *, json_first: bool) -> object:
    """The data, or the problem reported."""
    try:
        return read_yaml(path, json_first=json_first).data
    except ContentError as exc:
        return [str(p) for p in exc.problems]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=6), st.booleans())
def test_json_reads_as_yaml_reads_it(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, object], ascii_only: bool
) -> None:
    path = tmp_path_factory.mktemp("a") / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=ascii_only, indent=1), encoding="utf-8")
    assert _read(path, json_first=True) == _read(path, json_first=False)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1e3}',  # YAML 1.1 reads 1e3 as a string
        '{"a": 1.5}',
        '{"a": NaN}',
        '{"a": "\\ud83d\\ude00"}',  # one character to json, two surrogates to PyYAML
        '{"a": 1, "a": 2}',
        '["a"]',
        "{a: 1}",
        '{"a": "\x7f"}',  # a raw control character: YAML refuses the file
        '\ufeff{"a": 1}',
    ],
)
def test_what_json_and_yaml_read_differently_goes_to_yaml(tmp_path: Path, text: str) -> None:
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    assert _read(path, json_first=True) == _read(path, json_first=False)
    with contextlib.suppress(ContentError):  # the YAML reader's own error
        assert not read_yaml(path, json_first=True).plain_json


def test_a_duplicate_in_a_json_file_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{\n "defer.basics": "A",\n "defer.basics": "B"\n}\n', encoding="utf-8")
    with pytest.raises(ContentError) as err:
        read_answers(path)
    assert [(p.line, p.message) for p in err.value.problems] == [(3, "answered twice (YAML keeps only the last)")]


def test_a_json_file_is_located_when_something_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{\n "a": "x",\n "b": {"c": 1}\n}\n', encoding="utf-8")
    data, locator = read_answers(path)
    assert data == {"a": "x", "b": {"c": 1}}
    assert locator.find(("b",), key=True) == (3, 2)
    assert locator.find(("b", "c")) == (3, 13)


def test_a_json_answers_file_never_imports_pyyaml(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"defer.basics": "A"}), encoding="utf-8")
    code = f"import sys; from pathlib import Path; from runner.quiz.scripted import read_answers; read_answers(Path({str(path)!r})); print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_locator_composes_only_when_asked() -> None:
    locator = Locator("a: [1,\n")  # malformed: composing would fail
    with pytest.raises(Exception, match="expected"):
        _ = locator.duplicate_keys


@settings(max_examples=300, deadline=None)
@example(text="}\n\t")
@given(st.text(alphabet=st.sampled_from('{}[]":,\\ u0d8a1e.-\n\tNa\x85\x7f'), max_size=40))
def test_any_text_reads_as_yaml_reads_it(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    """Never differently. A tab is JSON whitespace anywhere, while YAML refuses one that starts a
    line ("{}\n\t", a tab-indented JSON file): such a file is read as the JSON it is."""
    path = tmp_path_factory.mktemp("t") / "answers.json"
    path.write_text("{" + text, encoding="utf-8")
    as_yaml = _read(path, json_first=False)
    as_json = _read(path, json_first=True)
    if isinstance(as_yaml, list) and isinstance(as_json, dict) and "\t" in text:
        return
    assert as_json == as_yaml


def test_a_tab_indented_json_answers_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"defer.basics": "A", "x": {"y": [1]}}, indent="\t"), encoding="utf-8")
    assert read_answers(path)[0] == {"defer.basics": "A", "x": {"y": [1]}}
