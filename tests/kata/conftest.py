"""Fixtures for the kata runner's tests: the fixture katas, their submissions, a workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

KATAS = FIXTURES / "katas"
SUBMISSIONS = Path(__file__).parent / "submissions"


@pytest.fixture(autouse=True)
def _fixture_katas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(KATAS))


def submission(kata: str, case: str) -> Path:
    path = SUBMISSIONS / kata / case
    assert path.is_dir(), path
    return path


@pytest.fixture
def kata_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture katas (GOKATA_KATAS points at it): tests break it on purpose."""
    root = tmp_path / "katas"
    shutil.copytree(KATAS, root)
    monkeypatch.setenv("GOKATA_KATAS", str(root))
    return root
