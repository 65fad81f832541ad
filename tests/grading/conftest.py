"""Fixtures for the grader tests: the calibration fixture bank and its questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.content.catalog import Catalog, load_catalog
from runner.content.models import OpenQuestion
from tests.conftest import FIXTURES

GRADING_BANK = FIXTURES / "grading" / "bank"


@pytest.fixture(scope="session")
def grading_catalog() -> Catalog:
    return load_catalog([GRADING_BANK])


def open_question(catalog: Catalog, qid: str) -> OpenQuestion:
    q = catalog.question(qid)
    assert isinstance(q, OpenQuestion)
    return q


@pytest.fixture(scope="session")
def ctx_q(grading_catalog: Catalog) -> OpenQuestion:
    return open_question(grading_catalog, "grading.context-cancel")


@pytest.fixture(scope="session")
def pool_q(grading_catalog: Catalog) -> OpenQuestion:
    return open_question(grading_catalog, "grading.sync-pool")


@pytest.fixture(scope="session")
def chan_q(grading_catalog: Catalog) -> OpenQuestion:
    return open_question(grading_catalog, "grading.channel-close")


@pytest.fixture(scope="session")
def wg_q(grading_catalog: Catalog) -> OpenQuestion:
    return open_question(grading_catalog, "grading.waitgroup")


@pytest.fixture
def grading_bank_env(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at the fixture bank instead of the bundled questions."""
    monkeypatch.setenv("GOKATA_QUESTIONS", str(GRADING_BANK))
    return GRADING_BANK


@pytest.fixture(scope="session")
def defer_q(grading_catalog: Catalog) -> OpenQuestion:
    """A question in the claims form: core/expected/bonus points, a claim with contrasts."""
    return open_question(grading_catalog, "grading.defer-args")
