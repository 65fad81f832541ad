"""Parsing and grading `spot-the-bug` answers."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog
from runner.kinds.answer import AnswerFormatError
from tests.kinds.helpers import g


def test_spot_the_bug_lines(catalog: Catalog) -> None:
    qid = "slices.spot-pinning"
    assert g(catalog, qid, 5) is True
    assert g(catalog, qid, "5") is True
    assert g(catalog, qid, [5, 3]) is False
    with pytest.raises(AnswerFormatError, match="not in the snippet"):
        g(catalog, qid, 9)
