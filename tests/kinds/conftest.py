from __future__ import annotations

import pytest

from runner.content.catalog import Catalog, load_catalog
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([FIXTURES / "banks" / "valid"])
