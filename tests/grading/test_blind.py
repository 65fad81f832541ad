"""The blind answer set: its reader, the per-split report and `bank calibrate --blind`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.answers.blind import grade_split, is_held_out, load_split, splits_in
from runner.content.catalog import Catalog
from runner.errors import ContentError
from tests.cli_helpers import run_cli

BLIND = """\
topic: grading
author: test
questions:
  - question: grading.defer-args
    answers:
      - class: strong-plain
        lang: en
        score: 0.9
        text: The numbers in that line are worked out on the spot, so the time is zero; defer an anonymous function.
      - class: inversion
        lang: en
        score: 0.3
        inverted: evaluated at return
        text: The arguments are evaluated when the function returns; a closure changes nothing.
      - class: keywords
        lang: zh
        score: 0.2
        text: defer 语句、立即求值、time.Since、闭包、后进先出
  - question: grading.no-such-question
    answers:
      - {class: partial, lang: en, score: 0.4, text: something}
"""


def _blind(tmp_path: Path, text: str = BLIND) -> Path:
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "grading.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_split_reports_classes_languages_and_targets(tmp_path: Path, grading_catalog: Catalog) -> None:
    report = grade_split(grading_catalog, _blind(tmp_path) / "dev", "dev")
    assert len(report.results) == 3 and report.unknown == ("grading.no-such-question",)
    inversion = next(r for r in report.results if r.answer_class == "inversion")
    assert inversion.contradicted and inversion.got <= 0.45
    targets = {name: share for name, _, share, _ in report.targets()}
    assert targets["inversions marked contradicted"] == 1.0 and targets["keyword lists <= 0.35"] == 1.0
    data = report.to_json()
    assert set(data["by_class"]) == {"strong-plain", "inversion", "keywords"} and set(data["by_lang"]) == {"en", "zh"}


@pytest.mark.parametrize(
    "text",
    [
        "topic: x\nquestions: [{question: 1}]\n",
        ": : :\n",
        "- just a list\n",
        BLIND.replace("class: inversion", "class: nonsense"),
    ],
)
def test_a_malformed_blind_file_is_a_located_content_error(tmp_path: Path, text: str) -> None:
    folder = _blind(tmp_path, text) / "dev"
    with pytest.raises(ContentError) as err:
        load_split(folder)
    assert "grading.yaml" in str(err.value)


def test_calibrate_reports_a_blind_set(tmp_path: Path, grading_bank_env: Path) -> None:
    result = run_cli("bank", "calibrate", "--json", "--blind", str(_blind(tmp_path)))
    assert result.exit_code == 0
    (split,) = json.loads(result.stdout)["blind"]
    assert split["split"] == "dev" and split["answers"] == 3
    assert {t["target"] for t in split["targets"]} >= {"inversions <= 0.45", "plain-words zh >= 0.6"}


def test_calibrate_with_a_missing_blind_folder_is_bad_input(tmp_path: Path, grading_bank_env: Path) -> None:
    result = run_cli("bank", "calibrate", "--blind", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "no such folder" in result.output


def test_test_folders_are_held_out_and_reported_after_the_tuning_splits(tmp_path: Path) -> None:
    for name in ("test-probes", "dev10", "test", "dev2", "dev", "test-more", "empty"):
        (tmp_path / name).mkdir()
        if name != "empty":
            (tmp_path / name / "a.yaml").write_text(BLIND, encoding="utf-8")
    assert splits_in(tmp_path) == ["dev", "dev2", "dev10", "test", "test-more", "test-probes"]
    assert [is_held_out(n) for n in ("test", "test-probes", "dev", "dev30", "testing")] == [
        True,
        True,
        False,
        False,
        False,
    ]
