"""The loader and linter on small banks, valid and broken in each way the linter must catch."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.content.catalog import check_banks, load_catalog
from runner.content.lint import lint_banks
from runner.errors import ContentError
from tests.conftest import FIXTURES

VALID = FIXTURES / "banks" / "valid"

HEAD = "topic: t\ntitle: {en: T}\nquestions:\n"
SINGLE = """\
  - id: t.q
    kind: single
    difficulty: 2
    prompt: {en: P}
    explanation: {en: E}
    choices:
      - {text: {en: a}, correct: true}
      - {text: {en: b}}
"""


def bank(tmp_path: Path, body: str, name: str = "t.yaml", head: str = HEAD) -> Path:
    path = tmp_path / name
    path.write_text(head + body, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[str]:
    _, problems = lint_banks(list(paths))
    return [str(p) for p in problems]


def test_valid_fixture_bank_loads_every_kind() -> None:
    catalog = load_catalog([VALID])
    kinds = {q.kind for q in catalog.questions}
    assert kinds == {"single", "multi", "truefalse", "output", "spot-the-bug", "open"}
    assert catalog.question("slices.reslice-shares-array").difficulty == 2
    assert catalog.origins["slices.append-output"].line > 1


def test_valid_bank_lints_clean() -> None:
    assert problems_of(VALID) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("    difficulty: 2\n", "    difficulty: 2\n    colour: red\n"), ":5: questions.0.colour: unknown field"),
        (("    prompt: {en: P}\n", ""), "questions.0.prompt: missing required field"),
        (("    prompt: {en: P}\n", "    prompt: {en: ''}\n"), "questions.0.prompt.en: String should have at least 1"),
        (
            ("      - {text: {en: b}}\n", "      - {text: {en: b}, correct: true}\n"),
            "exactly one correct choice, found 2",
        ),
        (
            ("      - {text: {en: a}, correct: true}\n", "      - {text: {en: a}}\n"),
            "exactly one correct choice, found 0",
        ),
        (("    kind: single\n", "    kind: essay\n"), "unknown kind 'essay'"),
        (
            ("    prompt: {en: P}\n", "    prompt: {en: no}\n"),
            "questions.0.prompt.en: expected text, got the YAML boolean",
        ),
        (
            ("    difficulty: 2\n", "    difficulty: 2\n    go: 1.10\n"),
            "questions.0.go: expected a string, got the number 1.1",
        ),
        (
            ("    difficulty: 2\n", "    difficulty: 6\n"),
            "questions.0.difficulty: Input should be less than or equal to 5",
        ),
        (("- id: t.q\n", "- id: other.q\n"), "must start with the bank's topic 't.'"),
        (("- id: t.q\n", "- id: T Q\n"), "questions.0.id: String should match pattern"),
        (("    difficulty: 2\n", "    difficulty: 2\n    difficulty: 3\n"), "questions.0.difficulty: key given twice"),
    ],
)
def test_each_broken_single_is_reported_with_its_line(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    old, new = edit
    assert old in SINGLE
    path = bank(tmp_path, SINGLE.replace(old, new, 1))
    found = problems_of(path)
    assert any(expected in p for p in found), found
    assert all(p.startswith(f"{path}:") for p in found)


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    body = SINGLE.replace("    difficulty: 2\n", "    difficulty: 9\n    colour: red\n").replace(
        "    prompt: {en: P}\n", ""
    )
    found = problems_of(bank(tmp_path, body))
    assert len(found) == 3, found


def test_open_without_framework_and_bad_weight(tmp_path: Path) -> None:
    body = """\
  - id: t.open
    kind: open
    difficulty: 3
    prompt: {en: P}
    explanation: {en: E}
    model_answer: {en: M}
  - id: t.open2
    kind: open
    difficulty: 3
    prompt: {en: P}
    explanation: {en: E}
    model_answer: {en: M}
    framework:
      - id: a
        point: {en: A}
        weight: 0
        concepts: [[x]]
"""
    found = problems_of(bank(tmp_path, body))
    assert any(":1:" not in p and "questions.0.framework: missing required field" in p for p in found), found
    assert any("questions.1.framework.0.weight: Input should be greater than 0" in p for p in found), found


def test_spot_the_bug_lines_must_be_in_the_snippet(tmp_path: Path) -> None:
    body = """\
  - id: t.bug
    kind: spot-the-bug
    difficulty: 3
    prompt: {en: P}
    explanation: {en: E}
    code: |
      a := 1
      b := 2
    bug_lines: [3]
"""
    found = problems_of(bank(tmp_path, body))
    assert any("bug_lines: [3] outside the code's lines 1..2" in p for p in found), found


def test_output_question_needs_a_program(tmp_path: Path) -> None:
    body = """\
  - id: t.out
    kind: output
    difficulty: 1
    prompt: {en: P}
    explanation: {en: E}
    code: "fmt.Println(1)"
    expected_output: "1\\n"
"""
    found = problems_of(bank(tmp_path, body))
    assert any("must be a whole program" in p for p in found), found


def test_too_many_choices(tmp_path: Path) -> None:
    choices = "".join(f"      - {{text: {{en: c{i}}}}}\n" for i in range(8))
    found = problems_of(bank(tmp_path, SINGLE + choices))
    assert any("questions.0.choices: Tuple should have at most 8 items" in p for p in found), found


def test_duplicate_id_across_files_names_the_first(tmp_path: Path) -> None:
    a = bank(tmp_path, SINGLE, "a.yaml")
    b = bank(tmp_path, SINGLE, "b.yaml", head="topic: u\ntitle: {en: U}\nquestions:\n")
    found = problems_of(a, b)
    assert any("duplicate id 't.q' (first at" in p and str(a) in p for p in found), found


def test_malformed_yaml_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("topic: t\ntitle: {en: T\nquestions: []\n", encoding="utf-8")
    found = problems_of(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:3:") and "malformed YAML" in found[0]


def test_a_broken_file_does_not_hide_problems_in_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("topic: [\n", encoding="utf-8")
    other = bank(tmp_path, SINGLE.replace("    difficulty: 2\n", "    difficulty: 0\n"), "other.yaml")
    found = problems_of(bad, other)
    assert any(str(bad) in p for p in found) and any(str(other) in p for p in found)


def test_load_catalog_raises_content_error_with_all_problems(tmp_path: Path) -> None:
    path = bank(tmp_path, SINGLE.replace("    difficulty: 2\n", "    difficulty: 0\n    colour: red\n"))
    with pytest.raises(ContentError) as info:
        load_catalog([path])
    assert len(info.value.problems) == 2


def test_check_banks_without_strict_skips_duplicate_keys(tmp_path: Path) -> None:
    path = bank(tmp_path, SINGLE.replace("    difficulty: 2\n", "    difficulty: 2\n    difficulty: 3\n"))
    _, problems = check_banks([path])
    assert problems == []


@pytest.mark.parametrize("weight", [".inf", "-.inf", ".nan", "1.0e+400"])
def test_a_weight_that_is_not_a_finite_number_is_refused(tmp_path: Path, weight: str) -> None:
    # .inf passed lint, then scored a missed point as if it weighed nothing and printed Infinity
    body = f"""\
  - id: t.open
    kind: open
    difficulty: 3
    prompt: {{en: P}}
    explanation: {{en: E}}
    model_answer: {{en: M}}
    framework:
      - id: a
        point: {{en: A}}
        weight: {weight}
        concepts: [[x]]
"""
    found = problems_of(bank(tmp_path, body))
    assert any("questions.0.framework.0.weight: Input should be a finite number" in p for p in found), found


def test_lint_of_a_folder_without_banks_is_not_ok(tmp_path: Path) -> None:
    from runner.errors import EXIT_BAD_INPUT
    from tests.cli_helpers import run_cli

    (tmp_path / "empty").mkdir()
    result = run_cli("bank", "lint", str(tmp_path / "empty"))
    assert result.exit_code == EXIT_BAD_INPUT and "no bank files" in result.stderr
