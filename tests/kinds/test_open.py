"""Scoring `open` answers: a verdict carries the grade, never right or wrong."""

from __future__ import annotations

import pytest

from runner.answers.self_grade import self_grade
from runner.content.catalog import Catalog
from runner.content.models import OpenQuestion
from runner.kinds.answer import TextAnswer
from runner.quiz.verdict import grade


def test_open_self_grading_scores_by_weight(catalog: Catalog) -> None:
    q = catalog.question("slices.interview-reslicing")
    assert isinstance(q, OpenQuestion)
    grade_ = self_grade(q, {"header": True, "sharing": False})
    verdict = grade(q, TextAnswer("..."), open_grade=grade_)
    assert verdict.correct is None
    assert verdict.score == pytest.approx(0.5)
    assert grade_.missed_core is False
    assert [f.en for f in grade_.follow_ups] == [q.framework[1].follow_up.en]  # type: ignore[union-attr]
    assert self_grade(q, {"sharing": True}).missed_core is True
