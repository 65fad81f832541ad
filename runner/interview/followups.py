"""Which point a follow-up digs into, and what the answer to it is graded against.

Order: a contradicted point first, then a missed core point, then a partly covered one, then a
missed expected one; within each, core before expected and the most weight lost first. Bonus
points are never chased. A point with a `probe` item is asked and graded through that item; one
without is asked through its authored `follow_up` and graded against a framework of that point
alone (its concepts, claims and contrasts).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from runner.answers.result import PASS_SCORE, OpenGrade, PointResult, PointVerdict
from runner.content.models import AnyQuestion, FrameworkPoint, LocalText, OpenQuestion
from runner.interview.model import Asked, TurnKind, Why

MAX_FOLLOW_UPS = 2  # per main question, then the interviewer moves on


def is_strong(question: OpenQuestion, grade: OpenGrade) -> bool:
    """No owed (core or expected) point missed or contradicted, and the score at PASS_SCORE or above."""
    owed = {p.id for p in question.framework if not p.bonus}
    lost = any(
        r.point_id in owed and r.verdict in (PointVerdict.MISSED, PointVerdict.CONTRADICTED) for r in grade.points
    )
    return not lost and grade.score >= PASS_SCORE - 1e-9


def targets(question: OpenQuestion, grade: OpenGrade) -> list[tuple[FrameworkPoint, Why]]:
    """The points worth a follow-up, weakest first (only those with a probe item or a follow-up)."""
    by_id = {p.id: p for p in question.framework}
    groups: list[tuple[Why, list[PointResult]]] = [
        (Why.CONTRADICTED, [r for r in grade.points if r.verdict is PointVerdict.CONTRADICTED]),
        (Why.MISSED, [r for r in grade.points if r.verdict is PointVerdict.MISSED and _level(by_id, r) == "core"]),
        (Why.PARTIAL, [r for r in grade.points if r.verdict is PointVerdict.PARTIAL and _level(by_id, r) != "bonus"]),
        (Why.MISSED, [r for r in grade.points if r.verdict is PointVerdict.MISSED and _level(by_id, r) == "expected"]),
    ]
    out: list[tuple[FrameworkPoint, Why]] = []
    for why, results in groups:
        results.sort(key=lambda r: (_level(by_id, r) != "core", -r.weight * (1 - r.credit), r.point_id))
        for r in results:
            point = by_id.get(r.point_id)
            if point is None or point.bonus or (point.probe is None and point.follow_up is None):
                continue
            out.append((point, why))
    return out


def _level(by_id: Mapping[str, FrameworkPoint], r: PointResult) -> str:
    point = by_id.get(r.point_id)
    return point.level if point is not None else r.level


def point_framework(parent: OpenQuestion, point: FrameworkPoint) -> OpenQuestion:
    """A small open question made of one point: what a follow-up without a probe item is graded against."""
    prompt = point.follow_up or point.point
    return OpenQuestion(
        id=parent.id,
        kind="open",
        difficulty=parent.difficulty,
        tags=parent.tags,
        prompt=prompt,
        explanation=point.point,
        framework=(point.model_copy(update={"level": "core", "probe": None}),),
        model_answer=point.point,
        follows=parent.id,
    )


def follow_up_for(
    main: int,
    parent: OpenQuestion,
    point: FrameworkPoint,
    why: Why,
    questions: Mapping[str, AnyQuestion],
) -> Asked:
    """The follow-up turn for a point: through its probe item when the bank has one."""
    probe = questions.get(point.probe) if point.probe else None
    if isinstance(probe, OpenQuestion):
        return Asked(
            main=main,
            kind=TurnKind.FOLLOW_UP,
            prompt=probe.prompt,
            parent_id=parent.id,
            framework=probe,
            point_id=point.id,
            why=why,
            probe_id=probe.id,
            code=probe.code,
        )
    framework = point_framework(parent, point)
    return Asked(
        main=main,
        kind=TurnKind.FOLLOW_UP,
        prompt=framework.prompt,
        parent_id=parent.id,
        framework=framework,
        point_id=point.id,
        why=why,
    )


def next_follow_up(
    main: int,
    parent: OpenQuestion,
    grade: OpenGrade,
    asked_points: Collection[str],
    questions: Mapping[str, AnyQuestion],
) -> Asked | None:
    """The next follow-up on a main answer, or None when nothing is left worth asking."""
    for point, why in targets(parent, grade):
        if point.id not in asked_points:
            return follow_up_for(main, parent, point, why, questions)
    return None


def stretch_for(main: int, parent: OpenQuestion, pick: int) -> Asked | None:
    """A stretch question (the question's own `follow_ups`), earned by a strong answer."""
    if not parent.follow_ups:
        return None
    prompt: LocalText = parent.follow_ups[pick % len(parent.follow_ups)]
    return Asked(main=main, kind=TurnKind.STRETCH, prompt=prompt, parent_id=parent.id, framework=None, why=Why.STRONG)
