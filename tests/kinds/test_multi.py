"""Parsing and grading `multi` answers."""

from __future__ import annotations

from runner.content.catalog import Catalog
from tests.kinds.helpers import g


def test_multi_needs_all_and_only_the_correct_choices(catalog: Catalog) -> None:
    qid = "slices.copy-ways"
    assert g(catalog, qid, ["A", "C"]) is True
    assert g(catalog, qid, "C, A") is True
    assert g(catalog, qid, "AC") is True
    assert g(catalog, qid, ["A"]) is False
    assert g(catalog, qid, ["A", "B", "C"]) is False
