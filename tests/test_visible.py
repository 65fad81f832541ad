"""Text from submissions and answers shown safely: no control character reaches a terminal or a
JUnit file (runner/visible.py, runner/ui/console.py, runner/reports/junit.py).

A red team's submission printed `ESC[2J` (clear screen), `ESC]0;...` (window title) and a fake
" PASS  TestX" line through test output, error strings and file names; its JUnit file held raw ESC
and NUL and no XML parser could read it.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner.kata.catalog import load_kata
from runner.kata.result import KataResult
from runner.kata.result import TestOutcome as Outcome
from runner.reports.junit import junit_xml
from runner.ui.console import out
from runner.ui.kata import render_result
from runner.visible import file_name, visible, xml_text

FIXTURE_KATAS = Path(__file__).parent / "fixtures" / "katas"
ATTACK = "ok\x1b[2J\x1b[H\x1b]0;TITLE\x07\x1b[2K\r PASS  TestFake\x00\x9b31m end"


@pytest.fixture(autouse=True)
def _fixture_katas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(FIXTURE_KATAS))


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"]


@given(st.text())
def test_visible_leaves_no_control_but_tab_and_newline_and_keeps_the_length(text: str) -> None:
    shown = visible(text)
    assert _controls(shown) == []
    assert len(shown) == len(text)
    assert [c for c in shown if c in "\t\n"] == [c for c in text if c in "\t\n"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_visible_changes_nothing_printable(text: str) -> None:
    assert visible(text) == text


@given(st.text(alphabet=st.characters(blacklist_categories=())))  # lone surrogates included
def test_xml_text_always_parses_back(text: str) -> None:
    cleaned = xml_text(text)
    element = ET.fromstring(f"<a>{_escaped(cleaned)}</a>")
    assert (element.text or "") == cleaned.replace("\r\n", "\n").replace("\r", "\n")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@given(st.text())
def test_a_file_name_is_always_one_line_without_controls(name: str) -> None:
    shown = file_name(name)
    assert "\n" not in shown and _controls(shown) == []
    if name.isprintable():
        assert shown == name


def test_the_console_shows_controls_as_pictures(capsys: pytest.CaptureFixture[str]) -> None:
    out().print(ATTACK)
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x00" not in printed and "\x9b" not in printed
    assert "␛[2J" in printed and "␀" in printed


def _result(message: str) -> KataResult:
    return KataResult(
        kata="stats",
        status="fail",
        score=0.0,
        tests=(Outcome("TestMean", False, "fail", message), Outcome("TestHidden", True, "pass")),
        duration_s=0.1,
        summary="1 of 2 tests failed",
        ignored=(f"{file_name('evil' + chr(10) + ' PASS  TestHiddenFake (hidden)' + chr(10) + 'zz.go')}: not used",),
        notes=(ATTACK,),
    )


def test_a_kata_result_with_escapes_in_its_output_prints_none(capsys: pytest.CaptureFixture[str]) -> None:
    render_result(_result(ATTACK), kata=load_kata("stats"), code="here")
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x00" not in printed
    # The file name stays on one line: no line of the output starts like a verdict it did not give.
    assert not any(line.lstrip().startswith("PASS  TestHiddenFake") for line in printed.splitlines())


def test_the_junit_file_of_such_a_result_is_well_formed_xml() -> None:
    xml = junit_xml(_result(ATTACK))
    root = ET.fromstring(xml.split("\n", 1)[1])
    failure = root.find(".//failure")
    assert failure is not None and "␛[2J" in (failure.text or "")
    assert "\x1b" not in xml and "\x00" not in xml


def test_ignored_file_names_are_quoted_when_they_hold_a_newline(tmp_path: Path) -> None:
    from runner.kata.grade import _ignored

    kata = load_kata("stats")
    (tmp_path / "evil\n PASS  TestFake\nzz.go").write_text("package stats\n")
    (tmp_path / "plain.go").write_text("package stats\n")
    notes = _ignored(kata, tmp_path)
    assert all("\n" not in note for note in notes)
    assert any(note.startswith("'evil\\n PASS  TestFake\\nzz.go': ") for note in notes)
    assert any(note.startswith("plain.go: ") for note in notes)
