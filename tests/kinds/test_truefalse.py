"""Parsing and grading `truefalse` answers."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog
from runner.kinds.answer import AnswerFormatError
from tests.kinds.helpers import g


def test_truefalse(catalog: Catalog) -> None:
    assert g(catalog, "slices.three-index-frees", False) is True
    assert g(catalog, "slices.three-index-frees", "false") is True
    assert g(catalog, "slices.three-index-frees", "错") is True
    assert g(catalog, "slices.three-index-frees", True) is False
    with pytest.raises(AnswerFormatError):
        g(catalog, "slices.three-index-frees", "maybe")
