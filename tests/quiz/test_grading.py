"""Exact grading of every kind, answer parsing, selection and the session state machine."""

from __future__ import annotations

import pytest

from runner.answers.self_grade import self_grade
from runner.content.catalog import Catalog, load_catalog
from runner.content.models import OpenQuestion
from runner.errors import BadInput
from runner.quiz.answers import (
    AnswerFormatError,
    BoolAnswer,
    ChoiceAnswer,
    LinesAnswer,
    TextAnswer,
    parse_answer,
)
from runner.quiz.grading import grade, normalise_output
from runner.quiz.select import Filters, filter_questions, present
from runner.quiz.session import QuizSession
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([FIXTURES / "banks" / "valid"])


def g(catalog: Catalog, qid: str, raw: object) -> bool | None:
    q = catalog.question(qid)
    return grade(q, parse_answer(q, raw)).correct


def test_single_exact(catalog: Catalog) -> None:
    assert g(catalog, "slices.reslice-shares-array", "B") is True
    assert g(catalog, "slices.reslice-shares-array", "b") is True
    assert g(catalog, "slices.reslice-shares-array", "A") is False
    with pytest.raises(AnswerFormatError, match="exactly one"):
        g(catalog, "slices.reslice-shares-array", ["A", "B"])
    with pytest.raises(AnswerFormatError, match="not a choice"):
        g(catalog, "slices.reslice-shares-array", "D")


def test_multi_needs_all_and_only_the_correct_choices(catalog: Catalog) -> None:
    qid = "slices.copy-ways"
    assert g(catalog, qid, ["A", "C"]) is True
    assert g(catalog, qid, "C, A") is True
    assert g(catalog, qid, "AC") is True
    assert g(catalog, qid, ["A"]) is False
    assert g(catalog, qid, ["A", "B", "C"]) is False


def test_truefalse(catalog: Catalog) -> None:
    assert g(catalog, "slices.three-index-frees", False) is True
    assert g(catalog, "slices.three-index-frees", "false") is True
    assert g(catalog, "slices.three-index-frees", "错") is True
    assert g(catalog, "slices.three-index-frees", True) is False
    with pytest.raises(AnswerFormatError):
        g(catalog, "slices.three-index-frees", "maybe")


def test_output_normalises_line_ends_and_final_newline(catalog: Catalog) -> None:
    qid = "slices.append-output"
    assert g(catalog, qid, "[1 2 99] [1 2 99]") is True
    assert g(catalog, qid, "[1 2 99] [1 2 99]   \r\n\n") is True
    assert g(catalog, qid, "[1 2 99]  [1 2 99]") is False  # inner whitespace matters
    assert g(catalog, qid, "[1 2 3] [1 2 99]") is False
    assert normalise_output("a \nb\t\n\n") == "a\nb"


def test_spot_the_bug_lines(catalog: Catalog) -> None:
    qid = "slices.spot-pinning"
    assert g(catalog, qid, 5) is True
    assert g(catalog, qid, "5") is True
    assert g(catalog, qid, [5, 3]) is False
    with pytest.raises(AnswerFormatError, match="not in the snippet"):
        g(catalog, qid, 9)


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


def test_answer_type_mismatch_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(TypeError):
        grade(catalog.question("slices.spot-pinning"), BoolAnswer(True))
    assert isinstance(parse_answer(catalog.question("slices.spot-pinning"), [5]), LinesAnswer)
    assert isinstance(parse_answer(catalog.question("slices.copy-ways"), "A"), ChoiceAnswer)


def test_same_seed_same_questions_and_choice_order(catalog: Catalog) -> None:
    pool = filter_questions(catalog, Filters())
    a = present(pool, count=5, seed=42)
    b = present(pool, count=5, seed=42)
    assert [(p.question.id, p.order) for p in a] == [(p.question.id, p.order) for p in b]
    orders = {tuple((p.question.id, p.order) for p in present(pool, count=5, seed=s)) for s in range(10)}
    assert len(orders) > 1


def test_display_letters_map_to_bank_choices(catalog: Catalog) -> None:
    q = catalog.question("slices.reslice-shares-array")
    p = present([q], count=None, seed=1)[0]
    correct_bank = 1
    shown = p.bank_to_display([correct_bank])
    assert p.display_to_bank(shown) == (correct_bank,)


def test_filters(catalog: Catalog) -> None:
    assert {q.topic for q in filter_questions(catalog, Filters(topics=("defer",)))} == {"defer"}
    assert {q.kind for q in filter_questions(catalog, Filters(kinds=("output",)))} == {"output"}
    assert all("memory" in q.tags for q in filter_questions(catalog, Filters(tags=("memory",))))
    assert {q.difficulty for q in filter_questions(catalog, Filters(difficulties=(1,)))} == {1}
    with pytest.raises(BadInput, match="unknown topic 'nope'"):
        filter_questions(catalog, Filters(topics=("nope",)))


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
