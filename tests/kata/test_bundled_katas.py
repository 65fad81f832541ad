"""CI's guard on the shipped katas: `kata verify` over katas/ (whatever katas exist)."""

from __future__ import annotations

import os

import pytest

from runner.kata.verify import verify_katas
from tests.conftest import REPO

pytestmark = [pytest.mark.go, pytest.mark.slow]

# No time budget here: how long verify takes is measured in tests/bench/ (issue 16).


def test_every_bundled_kata_verifies() -> None:
    katas = REPO / "katas"
    if not any(katas.glob("*/kata.yaml")):
        pytest.skip("no katas in katas/ yet")
    report = verify_katas(root=katas, jobs=os.cpu_count() or 2)
    problems = [f"{k.slug}: {p}" for k in report.katas for p in k.problems] + list(report.content_problems)
    assert report.ok, "\n".join(problems)
