"""Follow-up items (`follows` set) are asked by `gokata interview` only: never drawn by a quiz, a
review or an exam, and not counted as questions of their own."""

from __future__ import annotations

from datetime import UTC, datetime

from runner.content.catalog import Catalog
from runner.exam.spec import Draw, _draw_pool
from runner.progress.due import due_questions
from runner.progress.store import open_store
from runner.quiz.counts import topic_counts
from runner.quiz.select import Filters, filter_questions

PROBE = "defer.iv-eval-probe-when"


def test_quiz_filters_leave_follow_up_items_out_unless_asked_by_id(catalog: Catalog) -> None:
    assert PROBE not in {q.id for q in filter_questions(catalog, Filters(topics=("defer",)))}
    assert [q.id for q in filter_questions(catalog, Filters(ids=(PROBE,)))] == [PROBE]


def test_review_never_offers_a_follow_up_item(catalog: Catalog) -> None:
    ids = due_questions(catalog, open_store(), now=datetime.now(UTC), new=50, limit=50)
    assert PROBE not in ids and "defer.iv-eval" in ids


def test_topic_counts_and_exam_draws_leave_them_out(catalog: Catalog) -> None:
    (count,) = topic_counts(catalog, "en")
    assert count.total == 3 and count.by_kind["open"] == 2
    assert PROBE not in _draw_pool(catalog, Draw(topic=("defer",), count=1))
