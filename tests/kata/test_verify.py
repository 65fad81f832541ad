"""`kata verify` on fixture katas broken in each way it must catch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from runner.kata.verify import verify_katas

pytestmark = [pytest.mark.go, pytest.mark.slow]


def problems(root: Path, slug: str = "stats") -> list[str]:
    report = verify_katas((slug,), root=root, jobs=2, min_mutants=0)
    assert not report.ok
    return list(report.katas[0].problems) if report.katas else list(report.content_problems)


def test_the_fixture_katas_verify(kata_copy: Path) -> None:
    report = verify_katas(root=kata_copy, jobs=2, min_mutants=0)
    assert report.ok, report.to_json()
    assert [(k.slug, k.runs) for k in report.katas] == [("greet", 5), ("stats", 6)]
    # Who rejects each mutant: the tests that fail with an assertion, or the race detector. The racy
    # mutant's sum may also come out wrong (then the hidden tests catch it as well), or not.
    stats = report.katas[1]
    checks = {m.name: m for m in stats.mutant_checks}
    assert checks["max-ignores-negatives"].to_json() == {
        "mutant": "max-ignores-negatives",
        "status": "fail",
        "rejected_by": ["hidden tests"],
    }
    racy = checks["racy-parallel-sum"]
    assert racy.status == "race" and "race detector" in racy.rejected_by and "visible tests" not in racy.rejected_by
    counts = stats.rejecter_counts()
    assert counts["visible tests"] == 0 and counts["race detector"] == 1 and counts["hidden tests"] >= 1
    assert stats.to_json()["rejected_by"] == counts
    lines = stats.text_lines()
    assert lines[0].startswith("stats: 2 mutant(s); caught 0 by visible tests, ")
    assert lines[1] == "  mutant max-ignores-negatives: fail, rejected by hidden tests"
    assert lines[2].startswith("  mutant racy-parallel-sum: race, rejected by ") and lines[2].endswith("race detector")


def test_a_kata_needs_five_mutants(kata_copy: Path) -> None:
    report = verify_katas(("greet",), root=kata_copy, jobs=2)
    assert (
        "1 mutant(s): a kata needs at least 5 known-wrong variants (.meta/mutants/<name>/)" in report.katas[0].problems
    )


def test_a_starter_that_already_passes(kata_copy: Path) -> None:
    kata = kata_copy / "stats"
    shutil.copyfile(kata / ".meta" / "solution" / "stats.go", kata / "stats.go")
    found = problems(kata_copy)
    assert "starter: the starter passes every visible test (it should fail at least one)" in found
    assert "starter: the starter passes every hidden test (it should fail at least one)" in found


def test_a_mutant_the_hidden_tests_miss_and_one_that_changes_nothing(kata_copy: Path) -> None:
    mutants = kata_copy / "stats" / ".meta" / "mutants"
    solution = (kata_copy / "stats" / ".meta" / "solution" / "stats.go").read_text()
    (mutants / "comment-only").mkdir()
    (mutants / "comment-only" / "stats.go").write_text(solution.replace("// Sum returns", "// Sum gives"))
    (mutants / "identical").mkdir()
    (mutants / "identical" / "stats.go").write_text(solution)
    (mutants / "stray").mkdir()
    (mutants / "stray" / "other.go").write_text("package stats\n")
    found = problems(kata_copy)
    assert "mutant comment-only: every hidden test passes: the hidden tests do not catch this mistake" in found
    assert "mutant identical: identical to the solution" in found
    assert "mutant stray: other.go is not a learner file (stats.go)" in found


def test_a_solution_that_fails_and_a_test_name_used_twice(kata_copy: Path) -> None:
    kata = kata_copy / "stats"
    solution = kata / ".meta" / "solution" / "stats.go"
    solution.write_text(solution.read_text().replace("return best, true", "return best + 1, true"))
    (kata / ".meta" / "hidden" / "dup_test.go").write_text(
        'package stats_test\n\nimport "testing"\n\nfunc TestSum(t *testing.T) {}\n'
    )
    found = problems(kata_copy)
    assert any(p.startswith("solution run 1: the reference solution does not pass") for p in found)
    assert "hidden test TestSum has the same name as a visible test" in found


def test_imports_outside_the_standard_library_and_examples(kata_copy: Path) -> None:
    kata = kata_copy / "stats"
    spec = kata / "kata.yaml"
    spec.write_text(
        spec.read_text().replace("allowed_imports: [fmt, sync]", "allowed_imports: [fmt, sync, golang.org/x/sync]")
    )
    (kata / "extra_test.go").write_text('package stats\n\nimport _ "golang.org/x/exp/slices"\n\nfunc ExampleSum() {}\n')
    found = problems(kata_copy)
    assert "allowed_imports: golang.org/x/sync is not a standard-library package" in found
    assert "imports golang.org/x/exp/slices, which is not in the standard library" in found
    assert any("ExampleSum: only Test functions are graded" in p for p in found)


def test_a_broken_kata_yaml_is_reported_with_its_line(kata_copy: Path) -> None:
    spec = kata_copy / "stats" / "kata.yaml"
    spec.write_text(spec.read_text().replace("difficulty: 1", "difficulty: hard"))
    report = verify_katas(root=kata_copy, jobs=2, min_mutants=0)
    assert not report.ok
    assert [k.slug for k in report.katas] == ["greet"]
    assert any(p.startswith(f"{spec}:5:") for p in report.content_problems)


def test_an_undeclared_test_is_explained(kata_copy: Path) -> None:
    hidden = kata_copy / "stats" / ".meta" / "hidden" / "odd_test.go"
    hidden.write_text('package stats\n\nimport "testing"\n\nvar _ = 1; func TestOdd(t *testing.T) {}\n')
    found = problems(kata_copy)
    assert any("gokata did not find declared" in p and "TestOdd" in p for p in found)
