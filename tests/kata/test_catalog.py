from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from runner.errors import BadInput, ContentError
from runner.kata.catalog import load_kata, load_kata_dir, load_katas, scan_katas
from tests.kata.conftest import KATAS


def test_loads_the_layout() -> None:
    kata = load_kata("stats")
    assert kata.module == "example.com/stats"
    assert kata.learner_files == ("stats.go",)
    assert kata.visible_tests == ("helpers_test.go", "stats_test.go")
    assert kata.hidden_tests == ("stats_hidden_test.go",)
    assert kata.support_files == ()
    assert kata.mutants == ("max-ignores-negatives", "racy-parallel-sum")
    assert kata.spec.memory_limit_mb == 512
    assert kata.title("zh") == "Sum, maximum and a parallel sum"  # no translation: English
    assert load_kata("greet").title("zh") == "打个招呼"


def test_load_katas_lists_every_fixture() -> None:
    assert [k.slug for k in load_katas()] == ["greet", "stats"]


@pytest.mark.parametrize("slug", ["nope", "../stats", "Stats"])
def test_unknown_or_malformed_slug_is_bad_input(slug: str) -> None:
    with pytest.raises(BadInput):
        load_kata(slug)


def test_invalid_yaml_reports_file_line_and_column(kata_copy: Path) -> None:
    path = kata_copy / "stats" / "kata.yaml"
    path.write_text(path.read_text().replace("difficulty: 1", "difficulty: 9"))
    with pytest.raises(ContentError) as caught:
        load_kata("stats")
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    assert (problem.line, problem.path) == (5, "difficulty")


def test_a_missing_starter_file_is_located_at_learner_files(kata_copy: Path) -> None:
    (kata_copy / "stats" / "stats.go").unlink()
    with pytest.raises(ContentError) as caught:
        load_kata("stats")
    problem = caught.value.problems[0]
    assert "stats.go: no such starter file" in problem.message
    assert problem.line == 7  # the learner_files line of kata.yaml


def test_scan_keeps_good_katas_and_reports_broken_ones(kata_copy: Path) -> None:
    (kata_copy / "greet" / "kata.yaml").write_text("title: [unclosed\n")
    (kata_copy / "no-definition").mkdir()
    katas, problems = scan_katas()
    assert [k.slug for k in katas] == ["stats"]
    assert any("malformed YAML" in p.message for p in problems)
    assert any("needs a kata.yaml" in p.message for p in problems)
    with pytest.raises(ContentError):
        load_katas()


def test_an_exam_pack_folder_loads_from_kata_json(tmp_path: Path) -> None:
    root = tmp_path / "stats"
    root.mkdir()
    for name in ("go.mod", "stats.go", "stats_test.go", "helpers_test.go", "README.md"):
        shutil.copyfile(KATAS / "stats" / name, root / name)
    (root / "kata.json").write_text(
        json.dumps(
            {
                "slug": "stats",
                "title": {"en": "Stats"},
                "topic": "goroutines",
                "difficulty": 1,
                "learner_files": ["stats.go"],
                "allowed_imports": ["sync"],
                "time_limit": 3,
                "visible_tests": [],
            }
        )
    )
    kata = load_kata_dir(root)
    assert kata.spec.allowed_imports == ("sync",)
    assert kata.hidden_tests == () and kata.mutants == ()
    assert kata.visible_tests == ("helpers_test.go", "stats_test.go")
