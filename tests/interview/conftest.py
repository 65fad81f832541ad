from __future__ import annotations

from pathlib import Path

import pytest

from runner.content.catalog import Catalog, load_catalog

BANKS = Path(__file__).parent / "fixtures" / "banks"


@pytest.fixture
def catalog(monkeypatch: pytest.MonkeyPatch) -> Catalog:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(BANKS))
    return load_catalog()
