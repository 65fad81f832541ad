"""Parsing and grading `single` answers."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog
from runner.kinds.answer import AnswerFormatError
from tests.kinds.helpers import g


def test_single_exact(catalog: Catalog) -> None:
    assert g(catalog, "slices.reslice-shares-array", "B") is True
    assert g(catalog, "slices.reslice-shares-array", "b") is True
    assert g(catalog, "slices.reslice-shares-array", "A") is False
    with pytest.raises(AnswerFormatError, match="exactly one"):
        g(catalog, "slices.reslice-shares-array", ["A", "B"])
    with pytest.raises(AnswerFormatError, match="not a choice"):
        g(catalog, "slices.reslice-shares-array", "D")
