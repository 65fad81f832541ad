"""The bundled follow-up items: linked from the point they probe, and their model answers grade strong."""

from __future__ import annotations

import pytest

from runner.answers.framework import grade_open
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion
from runner.paths import questions_dir

CATALOG = load_catalog([questions_dir()])
PROBES = [q for q in CATALOG.questions if isinstance(q, OpenQuestion) and q.follows is not None]


def test_there_are_probe_items() -> None:
    assert len(PROBES) >= 10


@pytest.mark.parametrize("item", PROBES, ids=lambda q: q.id)
def test_probe_item_is_linked_and_its_model_answer_is_strong(item: OpenQuestion) -> None:
    parent = CATALOG.question(item.follows or "")
    assert isinstance(parent, OpenQuestion)
    assert any(p.probe == item.id for p in parent.framework)
    for lang in ("en", "zh"):
        assert grade_open(item, item.model_answer.get(lang)).score >= 0.9
    labels = {e.label for e in item.examples}
    assert len(item.examples) >= 4 and {"strong", "partial", "inverted"} <= labels
