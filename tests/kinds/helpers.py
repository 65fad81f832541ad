from __future__ import annotations

from runner.content.catalog import Catalog
from runner.kinds.registry import parse_answer
from runner.quiz.verdict import grade


def g(catalog: Catalog, qid: str, raw: object) -> bool | None:
    """Parse `raw` as a file would give it and grade it: right, wrong, or None (open)."""
    q = catalog.question(qid)
    return grade(q, parse_answer(q, raw)).correct
