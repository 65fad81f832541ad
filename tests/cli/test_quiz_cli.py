"""The quiz, topics and bank commands through Typer's CliRunner."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES

VALID = FIXTURES / "banks" / "valid"


@pytest.fixture(autouse=True)
def _fixture_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(VALID))


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_topics_counts_per_kind_and_difficulty() -> None:
    result = run_cli("topics", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    slices = next(t for t in data["topics"] if t["topic"] == "slices")
    assert slices["total"] == 6
    assert slices["by_kind"]["spot-the-bug"] == 1
    assert slices["by_difficulty"]["2"] == 3
    table = run_cli("topics").stdout
    assert "slices" in table and "bug" in table


def test_scripted_answers_json_all_right_exits_0(tmp_path: Path) -> None:
    answers = write(
        tmp_path,
        "slices.reslice-shares-array: B\nslices.copy-ways: [A, C]\n"
        'slices.three-index-frees: false\nslices.append-output: "[1 2 99] [1 2 99]\\n"\n'
        "slices.spot-pinning: 5\n",
    )
    result = run_cli("quiz", "--answers", str(answers), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["score"] == 1.0
    by_id = {q["id"]: q for q in data["questions"]}
    assert by_id["slices.copy-ways"] == {
        "id": "slices.copy-ways",
        "kind": "multi",
        "topic": "slices",
        "given": "A,C",
        "expected": "A,C",
        "correct": True,
    }
    assert by_id["slices.spot-pinning"]["expected"] == "5"


def test_scripted_answers_wrong_exits_1(tmp_path: Path) -> None:
    answers = write(tmp_path, "slices.reslice-shares-array: A\ndefer.lifo: true\n")
    result = run_cli("quiz", "--answers", str(answers), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["score"] == 0.5
    assert data["missed"] == ["slices.reslice-shares-array"]


def test_scripted_unknown_ids_exit_2_naming_them(tmp_path: Path) -> None:
    answers = write(tmp_path, "slices.nope: A\ndefer.lifo: true\nfoo.bar: 1\n")
    result = run_cli("quiz", "--answers", str(answers), "--json")
    assert result.exit_code == 2
    assert "slices.nope" in result.stderr and "foo.bar" in result.stderr
    assert f"{answers}:1:" in result.stderr
    assert result.stdout == ""


def test_scripted_malformed_answer_is_located(tmp_path: Path) -> None:
    answers = write(tmp_path, "defer.lifo: true\nslices.spot-pinning: [99]\n")
    result = run_cli("quiz", "--answers", str(answers))
    assert result.exit_code == 2
    assert f"{answers}:2:" in result.stderr and "not in the snippet" in result.stderr


def test_scripted_broken_yaml_no_traceback(tmp_path: Path) -> None:
    answers = write(tmp_path, "defer.lifo: [true\n")
    result = run_cli("quiz", "--answers", str(answers))
    assert result.exit_code == 2
    assert "malformed YAML" in result.stderr and "Traceback" not in result.output


def test_missing_answers_file(tmp_path: Path) -> None:
    result = run_cli("quiz", "--answers", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2 and "file not found" in result.stderr


def test_unknown_topic_is_a_clear_error() -> None:
    result = run_cli("quiz", "--topic", "nope")
    assert result.exit_code == 2
    assert "unknown topic 'nope'" in result.stderr and "slices" in result.stderr


def test_bad_flag_value_exit_2() -> None:
    result = run_cli("quiz", "--difficulty", "9")
    assert result.exit_code == 2
    result = run_cli("quiz", "--lang", "fr")
    assert result.exit_code == 2


def test_interactive_quiz_through_cli_runner() -> None:
    result = run_cli("quiz", "--topic", "defer", "--kind", "truefalse", "--seed", "1", input="t\n")
    assert result.exit_code == 0, result.output
    assert "right" in result.stdout and "Score: 100%" in result.stdout


def test_interactive_exam_holds_feedback_until_the_end() -> None:
    result = run_cli("quiz", "--topic", "defer", "--kind", "truefalse", "--exam", input="f\n")
    out = result.stdout
    assert "answer saved" in out
    assert out.index("answer saved") < out.index("Review") < out.index("Last deferred, first run.")
    assert "Missed: defer.lifo" in out


def test_chinese_text_with_fallback() -> None:
    result = run_cli("quiz", "--topic", "slices", "--kind", "multi", "--lang", "zh", "--seed", "2", input="A,C\n")
    assert "以下哪些能得到 s 的独立副本" in result.stdout
    assert "slices.Clone(s)" in result.stdout  # choice without zh text falls back to English


def test_open_question_self_graded() -> None:
    result = run_cli(
        "quiz", "--topic", "slices", "--kind", "open", "--self-grade", input="a slice is a header\n.\ny\nn\n"
    )
    assert result.exit_code == 1, result.output  # half the framework: answered, not right
    assert "self-graded" in result.stdout and "Score: 50%" in result.stdout
    assert "How would you return the first ten records" in result.stdout


def test_bank_lint_clean_and_broken(tmp_path: Path) -> None:
    assert run_cli("bank", "lint", str(VALID)).exit_code == 0
    bad = write(tmp_path, "topic: t\ntitle: {en: T}\nquestions:\n  - id: t.a\n    kind: single\n", "t.yaml")
    result = run_cli("bank", "lint", str(bad))
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(bad))]
    assert len(lines) >= 4  # difficulty, prompt, explanation, choices all missing
    assert all(":4:" in ln or ":5:" in ln for ln in lines), lines


def test_bank_schema_is_json_schema() -> None:
    schema = json.loads(run_cli("bank", "schema").stdout)
    assert schema["title"] == "gokata question bank"
    assert "questions" in schema["properties"]


def test_bank_export_json_and_markdown(tmp_path: Path) -> None:
    data = json.loads(run_cli("bank", "export", "--format", "json").stdout)
    qs = {q["id"]: q for b in data["banks"] for q in b["questions"]}
    assert qs["slices.spot-pinning"]["bug_lines"] == [5]
    target = tmp_path / "banks.md"
    assert run_cli("bank", "export", "--format", "markdown", "--out", str(target)).exit_code == 0
    md = target.read_text(encoding="utf-8")
    assert "## Slices and backing arrays / 切片与底层数组" in md and "- [x] **B.** [1 2 99]" in md


@pytest.mark.go
def test_verify_snippets_passes_and_reports_differences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli("bank", "verify-snippets", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["passed"] == 2
    wrong = (
        (VALID / "defer.yaml").read_text(encoding="utf-8").replace('"now 2\\ndeferred 1\\n"', '"now 2\\ndeferred 2\\n"')
    )
    (tmp_path / "defer.yaml").write_text(wrong, encoding="utf-8")
    monkeypatch.setenv("GOKATA_QUESTIONS", str(tmp_path))
    result = run_cli("bank", "verify-snippets")
    assert result.exit_code == 1
    assert "defer.args-evaluated" in result.stderr and "-deferred 2" in result.stderr and "+deferred 1" in result.stderr


def test_verify_snippets_without_go_exits_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run_cli("bank", "verify-snippets")
    assert result.exit_code == 3
    assert "Go is not installed" in result.stderr and "go.dev/doc/install" in result.stderr


def test_quiz_works_without_go(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert "go" not in os.listdir(tmp_path)
    result = run_cli("quiz", "--topic", "defer", "--kind", "truefalse", input="t\n")
    assert result.exit_code == 0


def test_rate_override_is_stored() -> None:
    from runner.progress.store import open_store

    result = run_cli("quiz", "--topic", "defer", "--kind", "truefalse", "--rate", input="t\n1\n")
    assert result.exit_code == 0, result.output
    assert "Rating: " in result.stdout
    with open_store() as store:
        rows = list(store.question_rows())
    assert [(r["question_id"], r["rating_override"]) for r in rows] == [("defer.lifo", 1)]


def test_q_at_the_rating_prompt_keeps_the_answer_already_seen() -> None:
    from runner.progress.store import open_store
    from runner.quiz.saved import load

    result = run_cli("quiz", "--topic", "slices", "--kind", "truefalse", "--rate", "--seed", "1", input="t\n!\nq\n")
    assert "Enter, or one of" in result.stdout  # "!" is not a rating: said so, asked again
    with open_store() as store:
        rows = list(store.question_rows())
    assert len(rows) == 1 and rows[0]["rating_override"] is None  # recorded with the suggested rating
    paused = load()
    assert paused is not None and paused.position == 1  # --resume goes on with the next question


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("gokata ")


def test_scripted_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    answers = write(tmp_path, "defer.lifo: true\nslices.reslice-shares-array: A\ndefer.lifo: false\n")
    result = run_cli("quiz", "--answers", str(answers))
    assert result.exit_code == 2
    assert f"{answers}:3:1: defer.lifo: answered twice" in result.stderr


def test_scripted_missing_value_says_so(tmp_path: Path) -> None:
    answers = write(tmp_path, "defer.lifo:\n")
    result = run_cli("quiz", "--answers", str(answers))
    assert result.exit_code == 2 and "no answer given" in result.stderr


def test_by_topic_score_is_a_share(tmp_path: Path) -> None:
    answers = write(tmp_path, "slices.reslice-shares-array: B\nslices.three-index-frees: true\n")
    data = json.loads(run_cli("quiz", "--answers", str(answers), "--json").stdout)
    assert data["by_topic"] == [{"topic": "slices", "answered": 2, "right": 1, "score": 0.5}]


def test_end_of_input_at_an_output_prompt_quits_without_recording() -> None:
    from runner.progress.store import open_store

    result = run_cli("quiz", "--topic", "defer", "--kind", "output", input="")
    assert result.exit_code == 1  # the quiz was not completed
    assert "Nothing answered yet" in result.stdout and "gokata quiz --resume" in result.stdout
    assert "Summary by topic" not in result.stdout
    with open_store() as store:
        assert list(store.question_rows()) == []


def test_an_empty_output_answer_is_asked_again() -> None:
    result = run_cli("quiz", "--topic", "defer", "--kind", "output", input="\n\nnow 2\ndeferred 1\n.\n")
    assert "That answer is empty" in result.stdout and "Score: 100%" in result.stdout


def test_two_files_for_one_topic_name_both(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(
            (VALID / "defer.yaml").read_text(encoding="utf-8").replace("defer.", f"defer.{name[0]}"), encoding="utf-8"
        )
    result = run_cli("bank", "lint", str(tmp_path))
    assert result.exit_code == 2
    assert (
        f"{tmp_path / 'b.yaml'}:1:1: topic: topic 'defer' is already defined by {tmp_path / 'a.yaml'}" in result.stderr
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(answered=d["answered"] * 40_000), "more answers and skips than"),
        (lambda d: d.update(skipped=["not.asked"]), "skipped: 'not.asked' is not among"),
        (lambda d: d.update(seed=True), "seed: Input should be a valid integer"),
        (lambda d: d.update(position=True), "position: Input should be a valid integer"),
    ],
)
def test_a_paused_quiz_that_no_session_wrote_is_refused(change: Any, message: str) -> None:
    from runner.quiz.saved import SavedAnswer, SavedItem, SavedQuiz, save, saved_path

    state = SavedQuiz(
        items=(SavedItem(id="defer.lifo"), SavedItem(id="slices.three-index-frees")),
        position=1,
        answered=(SavedAnswer(id="defer.lifo", topic="defer", score=1.0, fully_right=True),),
    )
    save(state)
    path = saved_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("quiz", "--resume")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert path.exists()  # left in place
