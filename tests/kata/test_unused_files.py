"""Files in a submission folder that grading does not use: noted without being read whole."""

from __future__ import annotations

import shutil
from pathlib import Path

from runner.kata.catalog import load_kata
from runner.kata.grade import collect_submission
from tests.kata.conftest import submission


def test_a_huge_sparse_extra_file_is_noted_without_being_read(tmp_path: Path) -> None:
    """A red team's 1 GiB sparse extra_test.go took gokata to 2.1 GB of memory; a 32 GiB one
    costs no disk and would have killed it."""
    code = tmp_path / "code"
    shutil.copytree(submission("stats", "passing"), code)
    for name in ("extra_test.go", "go.mod", "helper.go"):
        with (code / name).open("wb") as fh:
            fh.truncate(64 << 30)  # sparse: nothing is written
    notes = collect_submission(load_kata("stats"), code).ignored
    assert notes == (
        "extra_test.go: an extra test file; only the kata's tests are run",
        "go.mod: changed; the kata's own go.mod is used",
        "helper.go: not one of the kata's files (stats.go); not used",
    )


def test_an_extra_test_file_declaring_testmain_is_named(tmp_path: Path) -> None:
    code = tmp_path / "code"
    shutil.copytree(submission("stats", "passing"), code)
    (code / "main_test.go").write_text("package stats\n\nfunc TestMain(m *testing.M) {}\n", encoding="utf-8")
    assert collect_submission(load_kata("stats"), code).ignored == (
        "main_test.go: an extra test file (it declares TestMain); only the kata's tests are run",
    )
