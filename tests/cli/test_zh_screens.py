"""`--lang zh` (or the configured language) prints no English label from the message catalogue
on the kata, exam and stats screens; every label the UI looks up exists in both languages."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from runner.kata.result import STATUSES
from runner.ui.messages import MESSAGES
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES, REPO

FIXTURE_KATAS = FIXTURES / "katas"
SUBMISSIONS = REPO / "tests" / "kata" / "submissions"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Words that are the same in both languages on purpose (commands, placeholders) never count as labels.
NOT_LABELS = {"gokata", "SLUG", "KEY", "VALUE", "Ctrl-C", "kata verify"}


def english_fragments(*prefixes: str) -> set[str]:
    """The literal parts (markup and {fields} removed) of the English texts under these key prefixes."""
    found: set[str] = set()
    for key, (en, _zh) in MESSAGES.items():
        if not key.startswith(prefixes):
            continue
        literal = "".join(text for text, *_ in string.Formatter().parse(re.sub(r"\[/?[a-z ]*\]", "", en)))
        for part in re.split(r"[`\n]|\s{2,}", literal):
            part = part.strip(" :·—()•,;.")
            commandish = part.startswith(("gokata ", "--"))
            if len(part) >= 4 and re.search("[a-z]{3}", part) and part not in NOT_LABELS and not commandish:
                found.add(part)
    return found


def assert_no_english(output: str, *prefixes: str, allowed: str = "") -> None:
    leaked = sorted(
        p for p in english_fragments(*prefixes) if re.search(rf"\b{re.escape(p)}\b", output) and p not in allowed
    )
    assert not leaked, f"English labels in a Chinese screen: {leaked}\n{output}"


def test_every_key_has_chinese_text() -> None:
    for key, (en, zh) in MESSAGES.items():
        assert en.strip() and zh.strip(), key
        assert CJK.search(zh), f"{key}: {zh!r} has no Chinese in it"
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(zh) if f}, key


def test_every_key_the_ui_looks_up_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in (REPO / "runner").rglob("*.py"):
        used.update(re.findall(r"""\bmsg\(\s*["']([a-z_.A-Z\- ]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in MESSAGES)
    assert not missing
    # Keys built from a value: every value has its text.
    for status in STATUSES:
        assert f"kata.verdict.{status}" in MESSAGES
    for mark in ("pass", "fail", "skip"):
        assert f"kata.mark.{mark}" in MESSAGES
    for state in ("passed", "failing", "not started"):
        assert f"kata.status.{state}" in MESSAGES
    for source in ("default", "file", "env", "flag"):
        assert f"config.source.{source}" in MESSAGES


def test_the_fragment_finder_sees_english_labels() -> None:
    # The checker itself: an English screen is caught.
    result = run_cli("kata", "list")
    with pytest.raises(AssertionError, match="English labels"):
        assert_no_english(result.stdout, "kata.list", "kata.col", "kata.status")


def test_kata_list_in_chinese() -> None:
    result = run_cli("kata", "list", "--lang", "zh")
    assert result.exit_code == 0
    assert "练习" in result.stdout
    assert_no_english(result.stdout, "kata.list", "kata.col", "kata.status")


def test_the_configured_language_is_used_without_a_flag() -> None:
    run_cli("config", "set", "lang", "zh")
    result = run_cli("kata", "list")
    assert "未开始" in result.stdout
    assert_no_english(result.stdout, "kata.list", "kata.col", "kata.status")


def test_kata_hint_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(FIXTURE_KATAS))
    for _ in range(4):
        result = run_cli("kata", "hint", "greet", "--lang", "zh")
        assert result.exit_code == 0
        assert "提示" in result.stdout
        assert_no_english(result.stdout, "kata.hint")
    assert "这是最后一条提示" in result.stdout


@pytest.mark.go
def test_kata_start_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(FIXTURE_KATAS))
    for _ in range(2):  # created, then already there
        result = run_cli("kata", "start", "greet", "--lang", "zh")
        assert result.exit_code == 0, result.output
        assert "gokata kata test greet" in result.stdout
        assert_no_english(result.stdout, "kata.start", "kata.note")
    assert "已经存在" in result.stdout


@pytest.mark.go
@pytest.mark.parametrize("case", ["failing", "compile_error", "forbidden_import", "linkname"])
def test_kata_test_in_chinese(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(FIXTURE_KATAS))
    code = str(SUBMISSIONS / "stats" / case)
    result = run_cli("kata", "test", "stats", "--code", code, "--lang", "zh")
    assert result.exit_code == 1
    engine_text = run_cli("kata", "test", "stats", "--code", code, "--json").stdout  # Go's own words stay
    assert "失败" in result.stdout or "编译错误" in result.stdout
    assert_no_english(
        result.stdout,
        "kata.result",
        "kata.mark",
        "kata.verdict",
        "kata.note",
        allowed=json.dumps(json.loads(engine_text), ensure_ascii=False),
    )
    # The verdict's own sentences ("2 of 5 tests passed.", "not run: ...") come in Chinese too:
    # only Go's text (compiler errors, a test's failure message) stays as Go wrote it.
    english = json.loads(engine_text)
    assert english["summary"] and english["summary"].split(":")[0] not in result.stdout
    for phrase in english_phrases():
        assert phrase not in result.stdout, phrase


def english_phrases() -> list[str]:
    """The literal stretches of every English verdict phrase, long enough to be unambiguous."""
    from runner.kata.phrases import PHRASES

    return [part.strip() for en, _ in PHRASES.values() for part in re.split(r"\{\w+\}", en) if len(part.strip()) >= 12]


def test_stats_in_chinese() -> None:
    result = run_cli("stats", "--lang", "zh")
    assert result.exit_code == 0
    assert "按主题的进度" in result.stdout and "待复习" in result.stdout
    assert_no_english(result.stdout, "stats.")
    english = run_cli("stats").stdout
    assert "Progress by topic" in english and "Reviews due" in english


def _pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from tests.exam.conftest import QUIZ_SPEC

    monkeypatch.setenv("GOKATA_QUESTIONS", str(FIXTURES / "banks" / "valid"))
    spec = tmp_path / "spec.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    monkeypatch.setenv("GOKATA_LANG", "zh")  # the interviewer's screens follow the configured language
    lint = run_cli("exam", "lint", str(spec))
    assert lint.exit_code == 0, lint.output
    assert "道题" in lint.stdout
    assert_no_english(lint.stdout, "exam.lint", "exam.private", "exam.public")
    packed = run_cli("exam", "pack", str(spec), "--out", str(tmp_path / "pack"))
    assert packed.exit_code == 0, packed.output
    assert_no_english(packed.stdout, "exam.packed")
    monkeypatch.delenv("GOKATA_LANG")
    return tmp_path / "pack"


def test_the_exam_screens_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _pack(tmp_path, monkeypatch)
    result = run_cli(
        "exam", "take", str(pack), "--dir", str(tmp_path / "exam"), "--name", "Ada", "--lang", "zh", input="A\nq\n"
    )
    assert result.exit_code == 0, result.output
    assert "剩余" in result.stdout and "已暂停" in result.stdout
    assert_no_english(result.stdout, "exam.", "prompt.single", "prompt.multi", "prompt.truefalse", "prompt.bug")
    english = run_cli("exam", "take", str(pack), "--dir", str(tmp_path / "exam"), "--lang", "en", input="q\n")
    assert "questions left" in english.stdout


@pytest.mark.go
def test_the_exam_kata_check_in_chinese(tmp_path: Path) -> None:
    """`exam test --lang zh`: the candidate's kata check speaks Chinese like `kata test` does."""
    from tests.cli.test_json_results import _exam_test

    args = _exam_test(tmp_path)  # the untouched starter: tests fail
    result = run_cli(*args, "--lang", "zh")
    assert result.exit_code == 1, result.output
    assert "失败" in result.stdout
    english = json.loads(run_cli(*args, "--json").stdout)
    failed = [t["message"] for t in english["tests"] if t["status"] != "pass" and t["message"]]
    assert failed, english
    assert_no_english(result.stdout, "kata.mark", "kata.verdict", "exam.kata")
    for phrase in english_phrases():
        assert phrase not in result.stdout, phrase
