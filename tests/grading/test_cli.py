from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.answers.scale import TOP
from runner.progress.attempts import QuestionAttempt
from tests.cli_helpers import run_cli

STRONG = (
    "You always defer cancel() right after WithTimeout, otherwise the timer leaks until the deadline; "
    "go vet's lostcancel check flags it. Cancellation is cooperative: only code that watches ctx.Done() stops. "
    "Cancelling the parent also cancels every child derived from it."
)
QID = "grading.context-cancel"


class _Recorder:
    def __init__(self) -> None:
        self.attempts: list[QuestionAttempt] = []

    def record_question(self, attempt: QuestionAttempt) -> None:
        self.attempts.append(attempt)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch, grading_bank_env: Path) -> _Recorder:
    rec = _Recorder()
    monkeypatch.setattr("runner.progress.recorder.open_recorder", lambda: rec)
    return rec


def test_text_json_prints_one_object_and_exits_0_when_passed(recorder: _Recorder) -> None:
    result = run_cli("answer", QID, "--text", STRONG, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["question_id"] == QID and data["score"] == TOP and data["passed"]
    assert [p["verdict"] for p in data["points"]] == ["covered"] * 4
    (attempt,) = recorder.attempts
    assert (attempt.question_id, attempt.kind, attempt.mode, attempt.correct) == (QID, "open", "practice", None)
    assert attempt.score == TOP and not attempt.missed_core and attempt.answer == STRONG


def test_an_answer_that_earns_every_point_says_full_marks_at_90_percent(recorder: _Recorder) -> None:
    result = run_cli("answer", QID, "--text", STRONG)
    assert result.exit_code == 0, result.output
    assert "score 90% (full marks: every point earned)" in result.stdout
    weak = run_cli("answer", QID, "--text", "I always defer cancel() so the timer does not leak.")
    assert "full marks" not in weak.stdout


def test_a_weak_answer_exits_1_and_names_the_missed_core_point(recorder: _Recorder) -> None:
    result = run_cli("answer", QID, "--text", "I always defer cancel() so the timer does not leak.")
    assert result.exit_code == 1
    assert "not passed" in result.stdout and "Cancellation is cooperative" in result.stdout
    assert recorder.attempts[0].missed_core


def test_file_and_stdin(recorder: _Recorder, tmp_path: Path) -> None:
    f = tmp_path / "answer.txt"
    f.write_text(STRONG, encoding="utf-8")
    assert json.loads(run_cli("answer", QID, "--file", str(f), "--json").stdout)["score"] == TOP
    assert json.loads(run_cli("answer", QID, "--file", "-", "--json", input=STRONG).stdout)["score"] == TOP
    # --json alone reads stdin without prompting
    result = run_cli("answer", QID, "--json", input=STRONG)
    assert json.loads(result.stdout)["score"] == TOP


def test_interactive_reads_until_two_empty_lines(recorder: _Recorder) -> None:
    typed = "Cancellation is cooperative:\nwatch ctx.Done().\n\n\nignored after the end"
    result = run_cli("answer", QID, input=typed)
    assert "Ctrl-D" in result.stdout and "ePRO report handler" in result.stdout
    assert recorder.attempts[0].answer == "Cancellation is cooperative:\nwatch ctx.Done()."
    assert result.exit_code == 1


def test_interactive_in_chinese(recorder: _Recorder) -> None:
    result = run_cli("answer", QID, "--lang", "zh", input="取消是协作式的，要监听 ctx.Done()。\n")
    assert "为什么必须调用 cancel" in result.stdout and "Ctrl-D" in result.stdout
    assert "取消是协作式的" in result.stdout  # the evidence column quotes the answer


def test_unknown_question_is_bad_input(recorder: _Recorder) -> None:
    result = run_cli("answer", "grading.nope", "--text", "x")
    assert result.exit_code == 2 and "unknown question id" in result.output
    assert recorder.attempts == []


def test_non_open_question_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(Path(__file__).parents[1] / "fixtures" / "banks" / "valid"))
    result = run_cli("answer", "slices.reslice-shares-array", "--text", "x")
    assert result.exit_code == 2 and "open questions" in result.output


def test_text_and_file_together_is_bad_input(recorder: _Recorder, tmp_path: Path) -> None:
    result = run_cli("answer", QID, "--text", "x", "--file", str(tmp_path / "f"))
    assert result.exit_code == 2 and "not both" in result.output


def test_missing_file_is_bad_input(recorder: _Recorder, tmp_path: Path) -> None:
    result = run_cli("answer", QID, "--file", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_bank_calibrate_json(grading_bank_env: Path) -> None:
    result = run_cli("bank", "calibrate", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["questions_with_examples"] == 6 and data["examples"] >= 40
    assert 0.0 <= data["mae"] <= 1.0 and 0.0 <= data["within"] <= 1.0


def test_bank_calibrate_table_and_thresholds(grading_bank_env: Path) -> None:
    result = run_cli("bank", "calibrate", str(grading_bank_env))
    assert result.exit_code == 0
    assert "grading.context-cancel" in result.stdout and "overall" in result.stdout
    assert run_cli("bank", "calibrate", "--max-mae", "0").exit_code == 1
    assert run_cli("bank", "calibrate", "--min-within", "0.5").exit_code == 0


def test_an_empty_answer_is_bad_input_and_not_recorded(recorder: _Recorder) -> None:
    for args in (("--text", ""), ("--text", "  \n ")):
        result = run_cli("answer", QID, *args)
        assert result.exit_code == 2 and "the answer is empty" in result.output
    assert run_cli("answer", QID, "--json", input="").exit_code == 2
    assert recorder.attempts == []


def test_chinese_feedback_is_all_chinese_and_long_chinese_text_wraps(
    recorder: _Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    answer = "创建上下文之后必须立刻调用取消函数否则定时器会一直占用资源直到超时为止这是很多服务内存上涨的原因。"
    result = run_cli("answer", QID, "--lang", "zh", "--text", answer)
    out = result.stdout
    for zh in ("要点", "权重", "结论", "依据", "（核心）", "面试官接下来可能会问", "参考答案", "未通过"):
        assert zh in out, zh
    for en in ("point", "weight", "verdict", "evidence", "(core)", "An interviewer would ask next", "model answer"):
        assert en not in out, en
    assert "…" not in out  # folded onto the next line, not cut with an ellipsis
    # The evidence column, read down the table's rows: the whole sentence, folded, none of it cut.
    evidence = "".join(line.split("│")[4].strip() for line in out.splitlines() if line.count("│") == 5)
    assert answer in evidence


def test_an_unusable_progress_store_stops_before_any_grade_is_shown(grading_bank_env: Path) -> None:
    import os

    store = Path(os.environ["GOKATA_HOME"]) / "progress.db"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"this is not sqlite" * 100)
    result = run_cli("answer", QID, "--text", STRONG, "--json")
    assert result.exit_code == 2
    assert result.stdout == ""  # no grade printed and then thrown away
    assert "progress" in result.stderr.lower() or str(store) in result.stderr
    assert store.read_bytes() == b"this is not sqlite" * 100  # never overwritten
