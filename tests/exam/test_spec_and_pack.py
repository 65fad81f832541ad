"""Exam spec lint and the candidate pack: nothing secret may be in it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from runner.content.catalog import load_catalog
from runner.content.models import (
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
)
from runner.exam.pack import read_pack
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES

KATA = FIXTURES / "exam" / "katas" / "sum-positive"


def test_new_scaffold_lints_clean(tmp_path: Path) -> None:
    path = tmp_path / "exam.yaml"
    result = run_cli("exam", "new", str(path))
    assert result.exit_code == 0, result.output
    assert "sum-positive" in path.read_text(encoding="utf-8")
    assert run_cli("exam", "new", str(path)).exit_code == 2  # no silent overwrite
    # the scaffold draws from topics the fixture banks lack; lint names them with their lines
    result = run_cli("exam", "lint", str(path))
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and "unknown topic(s): context, mutexes" in result.stderr


def test_lint_reports_every_reference_problem_with_lines(tmp_path: Path, spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    bad = (
        text.replace("[slices.reslice-shares-array]", "[slices.nope]")
        .replace("count: 4", "count: 40")
        .replace("[sum-positive]", "[no-such-kata]")
        .replace("pass_mark: 0.6", "pass_mark: 1.6")
    )
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    result = run_cli("exam", "lint", str(path))
    assert result.exit_code == 2
    assert f"{path}:4:" in result.stderr and "pass_mark" in result.stderr
    path.write_text(bad.replace("pass_mark: 1.6", "pass_mark: 0.6"), encoding="utf-8")
    result = run_cli("exam", "lint", str(path))
    assert result.exit_code == 2
    err = result.stderr
    assert f"{path}:10:" in err and "unknown question id 'slices.nope'" in err
    assert f"{path}:12:" in err and "asks for 40 question(s) but only" in err
    assert f"{path}:20:" in err and "unknown kata 'no-such-kata'" in err
    assert run_cli("exam", "lint", str(spec)).exit_code == 0


def _secrets() -> list[str]:
    """Every piece of answer material the pack must not contain."""
    secrets: list[str] = []
    for q in load_catalog([FIXTURES / "banks" / "valid"]).questions:
        secrets += [q.id, q.explanation.en]
        if isinstance(q, SingleQuestion | MultiQuestion):
            secrets += [c.why.en for c in q.choices if c.why]
        if isinstance(q, OutputQuestion):
            secrets.append(q.expected_output.strip())
        if isinstance(q, SpotTheBugQuestion) and q.fix:
            secrets.append(q.fix.strip())
        if isinstance(q, OpenQuestion):
            secrets.append(q.model_answer.en)
            secrets += [p.point.en for p in q.framework]
            secrets += [phrase for p in q.framework for c in p.concepts for phrase in c if len(phrase) > 12]
            secrets += [m.belief.en for m in q.misconceptions] + [e.answer for e in q.examples]
    for hidden in (KATA / ".meta" / "hidden").glob("*.go"):
        text = hidden.read_text(encoding="utf-8")
        secrets += [
            line.split("(")[0].removeprefix("func ") for line in text.splitlines() if line.startswith("func Test")
        ]
    for solution in (KATA / ".meta" / "solution").glob("*.go"):
        secrets.append(solution.read_text(encoding="utf-8").strip())
    return secrets


def test_pack_holds_no_answer_or_hidden_material(tmp_path: Path, spec: Path) -> None:
    out = tmp_path / "pack.zip"
    result = run_cli("exam", "pack", str(spec), "--out", str(out))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        blob = b"\n".join(zf.read(n) for n in names).decode("utf-8")
    assert not any(".meta" in n or "solution" in n or "hidden" in n for n in names), names
    assert "katas/sum-positive/sum.go" in names and "katas/sum-positive/sum_test.go" in names
    assert '"correct"' not in blob and '"why"' not in blob and "bug_lines" not in blob
    secrets = _secrets()
    assert len(secrets) > 15
    leaked = [s for s in secrets if s and s in blob]
    assert leaked == []
    questions = json.loads(read_pack(out).files["questions.json"])
    assert [q["id"] for q in questions] == [f"q{i:02d}" for i in range(1, 7)]  # opaque: no bank id to look up


def test_choice_order_is_shuffled_per_pack_and_mapped_back(spec: Path) -> None:
    from runner.exam.pack import presentation
    from runner.exam.workflow import resolve_spec

    exam, catalog = resolve_spec(spec)
    shown = {x.question_id: x for x in presentation(exam, catalog)}
    single = shown["slices.reslice-shares-array"]
    assert sorted(single.order) == [0, 1, 2]
    correct_bank = "B"
    letter = single.to_shown_letters(correct_bank)
    assert single.to_bank_letters(letter) == correct_bank
    orders = [x.order for x in shown.values() if len(x.order) >= 3]
    assert any(o != tuple(range(len(o))) for o in orders)  # not the bank's order, where the right answer sits


def test_same_spec_same_pack_hash(tmp_path: Path, spec: Path) -> None:
    run_cli("exam", "pack", str(spec), "--out", str(tmp_path / "a.zip"))
    run_cli("exam", "pack", str(spec), "--out", str(tmp_path / "b"))
    assert read_pack(tmp_path / "a.zip").pack_hash == read_pack(tmp_path / "b").pack_hash
    assert (tmp_path / "a.zip").read_bytes() == (
        run_cli("exam", "pack", str(spec), "--out", str(tmp_path / "c.zip")) and (tmp_path / "c.zip").read_bytes()
    )


def test_an_altered_pack_is_refused(tmp_path: Path, spec: Path) -> None:
    folder = tmp_path / "pack"
    run_cli("exam", "pack", str(spec), "--out", str(folder))
    (folder / "questions.json").write_text("[]", encoding="utf-8")
    result = run_cli("exam", "take", str(folder), "--dir", str(tmp_path / "w"), "--name", "x")
    assert result.exit_code == 2 and "the pack was altered (questions.json)" in result.stderr
