"""Which question an answer is about: an answer much nearer another question than its own is
capped, and no answer to its own question is."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runner.answers import nearest, shipped
from runner.answers.build_shipped import build
from runner.answers.framework import ELSEWHERE_CAP, grade_open
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion
from tests.cli_helpers import run_cli

# A fluent answer about timers in a loop, given to a question about waiting on a WaitGroup with a
# deadline: it shares "timeout", "deadline" and "Stop" with the question and earns points through
# them, but answers another bundled question.
TIMER_ANSWER = (
    "Timeouts in a loop are where people get bitten. Writing select with time.After(5 * time.Second) inside a "
    "for loop makes a new timer on every pass, and before Go 1.23 a timer that had not fired stayed alive until "
    "it did, so a busy loop piled up thousands of them. The better shape is one time.NewTimer outside the loop, "
    "and Reset on each pass; before 1.23 you also had to Stop it and drain its channel before Reset, or a stale "
    "value could fire right away. Since 1.23 unreferenced timers are collected and Reset no longer hands back a "
    "stale value. For periodic work use a time.Ticker and defer its Stop."
)
WAIT_QUESTION = "waitgroup.wait-with-timeout"


def _open(qid: str) -> OpenQuestion:
    q = next(q for q in load_catalog().questions if q.id == qid)
    assert isinstance(q, OpenQuestion)
    return q


def _open_questions() -> list[OpenQuestion]:
    return [q for q in load_catalog().questions if isinstance(q, OpenQuestion)]


@pytest.mark.parametrize(
    ("text", "has", "lacks"),
    [
        ("The goroutines are blocked", {"goroutin", "block"}, {"the", "are"}),
        ("call wg.Wait() first", {"wg.wait", "wg", "wait", "call", "first"}, set()),
        ("切片共享底层数组", {"切片", "共享", "底层", "数组", "片共"}, {"切"}),
    ],
)
def test_terms_are_stems_dotted_parts_and_character_pairs(text: str, has: set[str], lacks: set[str]) -> None:
    found = set(nearest.terms(text))
    assert has <= found and not (lacks & found)


@cache
def _wait_subject() -> nearest.Subject:
    return nearest.subject_of(_open(WAIT_QUESTION))


@settings(deadline=None)  # the first example may build the reference index
@given(st.text(max_size=400))
def test_any_text_has_terms_and_a_place(text: str) -> None:
    counts = nearest.terms(text)
    assert all(n > 0 for n in counts.values())
    result = nearest.elsewhere(_wait_subject(), text)
    assert result is None or result in nearest.reference_index().ids  # type: ignore[union-attr]


def test_an_answer_about_another_question_is_capped_and_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    grade = grade_open(_open(WAIT_QUESTION), TIMER_ANSWER)
    assert grade.about_instead == "channels.timeouts-in-loops"
    assert grade.score <= ELSEWHERE_CAP
    assert any("another question" in r for r in grade.review_reasons) and grade.needs_review
    monkeypatch.setattr(nearest, "elsewhere", lambda _s, _t: None)
    assert grade_open(_open(WAIT_QUESTION), TIMER_ANSWER).score > 2 * ELSEWHERE_CAP  # what shared words earned
    assert any("another question" in r for r in grade.review_reasons) and grade.needs_review


def test_the_same_answer_to_its_own_question_is_not() -> None:
    grade = grade_open(_open("channels.timeouts-in-loops"), TIMER_ANSWER)
    assert grade.about_instead is None and grade.score > ELSEWHERE_CAP


def test_no_model_answer_reads_as_an_answer_to_another_question() -> None:
    wrong = [
        (q.id, lang, nearest.elsewhere(nearest.subject_of(q), text))
        for q in _open_questions()
        for lang, text in (("en", q.model_answer.en), ("zh", q.model_answer.zh or ""))
        if nearest.elsewhere(nearest.subject_of(q), text) is not None
    ]
    assert wrong == []


def test_a_short_answer_is_never_placed() -> None:
    subject = nearest.subject_of(_open(WAIT_QUESTION))
    assert nearest.elsewhere(subject, TIMER_ANSWER.split(". ")[0]) is None
    assert nearest.elsewhere(subject, TIMER_ANSWER) is not None


def test_follow_ups_and_near_copies_are_the_questions_own_subject() -> None:
    q = next(q for q in _open_questions() if q.follows)
    main = _open(q.follows or "")
    index = nearest.reference_index()
    assert index is not None
    assert {q.id, main.id} <= nearest.subject_of(main).kin and main.id in nearest.subject_of(q).kin
    copy = main.model_copy(update={"id": "private.copy-of-main"})  # a private bank's copy of it
    assert main.id in nearest.subject_of(copy).kin


def test_a_stale_or_damaged_index_is_rebuilt_from_the_banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOKATA_NO_CACHE", raising=False)
    build(tmp_path)
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    assert isinstance(nearest._load_shipped(), nearest.QuestionIndex)
    index_file = tmp_path / nearest.INDEX_FILE
    body = index_file.read_bytes().partition(shipped.SEP)[2]
    for damaged in (b"3.11|0123456789abcdef\n" + body, shipped.fingerprint() + b"\nnot zlib", b""):
        index_file.write_bytes(damaged)
        assert nearest._load_shipped() is None
    nearest.reference_index.cache_clear()
    try:
        rebuilt = nearest.reference_index()
        assert rebuilt is not None and WAIT_QUESTION in rebuilt.ids
    finally:
        nearest.reference_index.cache_clear()


def test_gokata_answer_says_which_question_it_reads_like() -> None:
    shown = run_cli("answer", WAIT_QUESTION, "--text", TIMER_ANSWER)
    assert "Reads like an answer to another question" in shown.stdout and "timeouts-in-loops" in shown.stdout
    data = json.loads(run_cli("answer", WAIT_QUESTION, "--text", TIMER_ANSWER, "--json").stdout)
    assert data["about_instead"] == "channels.timeouts-in-loops" and data["score"] <= ELSEWHERE_CAP
