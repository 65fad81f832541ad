"""Order claims: an answer that swaps two steps is read from the words that link them, however
the steps are worded, and only when it asserts the swap."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from runner.answers.claims import CompiledOrder
from runner.answers.framework import grade_open
from runner.answers.fuzzy import FuzzyIndex
from runner.answers.matcher import Resolved, compile_phrasing
from runner.answers.reading import read_answer
from runner.answers.result import PointVerdict
from runner.answers.sequence import stated_reversal
from runner.content.catalog import Catalog
from runner.content.models import Claim
from runner.reports.bank import bank_json_schema
from tests.grading.conftest import open_question

# Shutdown stops new requests first; waiting for the background tasks comes after.
SHUTDOWN_THEN_WAIT = CompiledOrder(
    first=tuple(compile_phrasing(t) for t in ("Shutdown", "stop accepting", "停止接收", "关闭服务")),
    then=tuple(compile_phrasing(t) for t in ("Wait", "wait for the background tasks", "等待后台任务", "等后台任务")),
)


def swapped(text: str, order: CompiledOrder = SHUTDOWN_THEN_WAIT) -> bool:
    phrasings = (*order.first, *order.then)
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), phrasings)
    return stated_reversal(order, resolved) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Call Wait first, and once the counter hits zero, call Shutdown.",
        "The safe sequence is to Wait for the background tasks first, then call server.Shutdown.",
        "Call Shutdown after Wait returns, so nothing in progress is dropped.",
        "Only call Shutdown once Wait has returned.",
        "Before calling Shutdown, call Wait so every task finishes.",
        "Call Shutdown, but first call Wait.",
        "Wait for the background tasks. Then call Shutdown.",
        "先调用 Wait 等后台任务都结束，再调用 Shutdown。",
        "调用 Shutdown 之前先 Wait，保证任务做完。",
        "等后台任务都结束之后，再关闭服务。",
    ],
)
def test_swapped_steps_are_read_whatever_links_them(text: str) -> None:
    assert swapped(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call Shutdown first so no new request can Add, then call Wait.",
        "Call Wait after Shutdown returns.",
        "Once Shutdown returns, call Wait.",
        "Before calling Wait, call Shutdown.",
        "先调用 Shutdown 停止接收请求，然后再 Wait。",
        "Wait 之前先调用 Shutdown。",
        "Shutdown stops new requests first and Wait runs afterwards.",
        # the swap denied, supposed or named as the bug
        "Never call Wait before Shutdown.",
        "If you call Wait before Shutdown, a late Add races with it.",
        "先 Wait 等后台任务做完再调用 Shutdown 的话，新请求会和 Wait 竞争。",
        # both steps, but nothing that orders them
        "Shutdown stops the listener and Wait blocks until the counter is zero.",
        # a 先 in the clause before orders that clause's step, not this one
        "收到信号先 flush，Wait 之前调用 Shutdown。",
        "First flush, then before Wait, call Shutdown.",
    ],
)
def test_the_right_order_and_unordered_mentions_are_not_a_swap(text: str) -> None:
    assert not swapped(text)


def test_an_answer_that_swaps_the_steps_contradicts_the_point_and_is_capped(grading_catalog: Catalog) -> None:
    q = open_question(grading_catalog, "grading.shutdown-order")
    right = grade_open(q, q.model_answer.en)
    swapped_answer = (
        "Call wg.Wait first so every task finishes, and once the counter is zero call server.Shutdown. "
        "An Add that starts from zero must happen before Wait, or it races with it."
    )
    wrong = grade_open(q, swapped_answer)
    verdicts = {p.point_id: p.verdict for p in wrong.points}
    assert right.score >= 0.9
    assert verdicts["shutdown-then-wait"] is PointVerdict.CONTRADICTED
    assert wrong.score <= 0.35
    zh = grade_open(
        q, "先 wg.Wait 等后台任务都做完，再调用 Shutdown 关闭服务。从零开始的 Add 要在 Wait 之前，否则会竞争。"
    )
    assert {p.point_id: p.verdict for p in zh.points}["shutdown-then-wait"] is PointVerdict.CONTRADICTED


def test_a_claim_says_what_turns_it_round() -> None:
    with pytest.raises(ValidationError, match="contrasts, an order"):
        Claim.model_validate({"says": "x", "decisive": "order"})
    claim = Claim.model_validate({"says": "x", "decisive": "order", "order": {"first": ["a"], "then": ["b"]}})
    assert claim.order is not None and claim.order.then == ("b",)
    assert '"order"' in bank_json_schema()


COPY_THEN_PUT = CompiledOrder(
    first=tuple(compile_phrasing(t) for t in ("copy the bytes", "copy out", "bytes.Clone", "复制一份", "先复制")),
    then=tuple(compile_phrasing(t) for t in ("Put", "put it back", "放回", "Put 回去")),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Put the buffer back and then copy the bytes for the caller.", True),
        ("先 Put 回去，再复制一份返回。", True),
        # a marker that orders another verb, not the two steps
        ("Copy out with bytes.Clone before returning because the buffer gets reused after Put.", False),
        ("Copy out with bytes.Clone before Put, and never use a buffer after putting it back.", False),
        ("Put 之后别再用这个 buffer，也别留着切片，要先 bytes.Clone。", False),
        ("Copy out the bytes since after Put another goroutine may reuse the buffer.", False),
    ],
)
def test_only_words_that_link_the_two_steps_order_them(text: str, expected: bool) -> None:
    assert swapped(text, COPY_THEN_PUT) is expected


def test_a_long_answer_pairs_only_nearby_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work grows with the answer, not with its square: a 76 KB answer that repeats both steps took
    4 s when every step was paired with every other."""
    from runner.answers import sequence

    calls = 0
    real = sequence._way

    def counting(*args: object) -> object:
        nonlocal calls
        calls += 1
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sequence, "_way", counting)
    repeats = 400
    text = "Shutdown stops the intake, and the tasks finish on their own; Wait blocks until then. " * repeats
    assert not swapped(text)
    assert calls <= 12 * repeats  # a handful of neighbours each, never repeats squared (160,000)
