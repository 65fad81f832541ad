"""The quiz session state machine."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog, load_catalog
from runner.kinds.registry import parse_answer
from runner.quiz.select import Filters, filter_questions, present
from runner.quiz.session import QuizSession
from runner.quiz.verdict import grade
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([FIXTURES / "banks" / "valid"])


def test_session_summarises_what_was_answered(catalog: Catalog) -> None:
    pool = filter_questions(catalog, Filters(topics=("slices",), kinds=("single", "truefalse")))
    session = QuizSession(present(pool, count=None, seed=1), seed=1)
    first = session.current
    assert first is not None
    q = first.question
    raw = "B" if q.kind == "single" else False
    session.record(grade(q, parse_answer(q, raw)), 1.5)
    session.stop(interrupted=True)
    assert session.current is None
    summary = session.summary()
    assert summary.answered == 1 and summary.total == 2 and summary.interrupted
    assert summary.score == 1.0 and summary.missed == ()
    assert summary.by_topic[0].topic == "slices"
