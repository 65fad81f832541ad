"""Parsing and grading `output` answers."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.program_output import normalise_output
from tests.kinds.helpers import g


def test_output_normalises_line_ends_and_final_newline(catalog: Catalog) -> None:
    qid = "slices.append-output"
    assert g(catalog, qid, "[1 2 99] [1 2 99]") is True
    assert g(catalog, qid, "[1 2 99] [1 2 99]   \r\n\n") is True
    assert g(catalog, qid, "[1 2 99]  [1 2 99]") is False  # inner whitespace matters
    assert g(catalog, qid, "[1 2 3] [1 2 99]") is False
    assert normalise_output("a \nb\t\n\n") == "a\nb"
