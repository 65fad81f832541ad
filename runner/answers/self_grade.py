"""Self-grading of an open answer: the learner marks each framework point covered or missed."""

from __future__ import annotations

from collections.abc import Mapping

from runner.answers.result import OpenGrade, PointResult, PointVerdict
from runner.answers.scale import interviewer_scale
from runner.content.models import OpenQuestion


def self_grade(question: OpenQuestion, covered: Mapping[str, bool]) -> OpenGrade:
    """Score by the points' weights from the learner's own marks (point id -> covered)."""
    points = tuple(
        PointResult(
            point_id=p.id,
            verdict=PointVerdict.COVERED if covered.get(p.id, False) else PointVerdict.MISSED,
            credit=1.0 if covered.get(p.id, False) else 0.0,
            weight=p.weight,
            evidence=None,
            point=p.point,
            core=p.core,
        )
        for p in question.framework
    )
    total = question.total_weight
    score = sum(p.credit * p.weight for p in points) / total if total else 0.0
    follow_ups = tuple(p.follow_up for p in question.framework if p.follow_up and not covered.get(p.id, False))
    return OpenGrade(question.id, interviewer_scale(score), points, follow_ups=follow_ups, self_graded=True)
