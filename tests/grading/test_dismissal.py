"""Answers that wave the question's concerns away read as denials, whatever words they dismiss."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner.answers.dismissal import dismissals, dismissing
from runner.answers.framework import DISMISSIVE_CAP, grade_open
from runner.answers.normalize import split_sentences
from runner.answers.scale import TOP
from runner.content.models import OpenQuestion
from tests.cli_helpers import run_cli


def _one(text: str) -> bool:
    (sentence,) = split_sentences(text)
    return dismissing(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "There's no need to clone the id.",
        "I wouldn't bother with a timeout.",
        "That isn't really a problem for a job this size.",
        "Whether it counts from the start doesn't matter here.",
        "Sharding the lock is overkill.",
        "没必要加锁。",
        "不用担心状态，拿来直接写就行。",
        "拆分片纯属过度设计。",
        "ctx 往下传不传关系不大。",
        "I don't see that as a real problem for us.",
        "I wouldn't call the CAS version a bug.",
        "Type parameters on methods are not a real limitation.",
        "The window is harmless in practice.",
        "I'd leave the map as it is.",
        "但我觉得这不是真正的问题。",
        "profile 里排第一也算不上什么问题。",
        "我觉得不用急着重写，我会维持原样。",
        "main 里加个 recover 兜底也没坏处。",
        "这个写法我觉得挺好的，没什么需要改的。",
        "I don't think we need anything extra here.",
        "I wouldn't change it, and the PR is fine as it is.",
        "Once 会在下次调用的时候再试，不用特意去写重试逻辑。",
        "sync.Once runs f once, so there is no need to lock.",
        "Honestly I don't think it's worth threading that through three layers.",
        "I'd approve the colleague's change as it is and move on.",
        "这算不上泄漏，专门加 strings.Clone 收益不大。",
        "看 top 就行，用不着上 pprof。",
        "Honestly I don't think the defer is the problem here.",
        "The upstream services don't really need deadlines.",
        "There's nothing fundamentally wrong with time.Sleep in tests.",
        "没抢到的 goroutine 先返回也没关系。",
        "I wouldn't bother with the usual closure advice.",
        "I don't see the need to wire a context through here.",
        "`defer f.Close()` 是最标准的写法，我不觉得这里有问题。",
        "引入假时钟要改业务代码的结构，不划算。",
        "Honestly panic(err) for a parse failure isn't a big deal.",
        "That's more a style preference than a real rule.",
        "Key collisions are a theoretical worry.",
        "Embedding time.Time and comparing with == are cosmetic.",
        "为了避免逃逸去改代码反而让代码难读，不值得。",
        "几次堆分配在业务代码里基本可以忽略。",
    ],
)
def test_a_sentence_that_waves_something_away(text: str) -> None:
    assert _one(text)


@pytest.mark.parametrize(
    "text",
    [
        "The send blocks until a worker receives.",
        "If you use a buffered channel, there's no need for a select.",
        "如果用带缓冲的通道，就没必要加 select。",
        "Is there really no need to call cancel?",
        "不用 http.Get，也不用 DefaultClient。",
        "409 在 Go 里不算 error。",
        "Each request needs its own context.",
        "slices.Clone 则保持原样，nil 还是 nil。",
        "If it is only read at start-up, it is harmless in practice.",
        "Once the cache is warm, there is no need to lock.",
        "It is cheap once it is warm, so there is no need to lock.",
        "For our burst, though, the mode is not the real problem: I'd turn on the mutex profile.",
        "If the deadline is critical, set it on the request.",
        "Returning the value is worth it here.",
    ],
)
def test_a_sentence_that_does_not(text: str) -> None:
    assert not _one(text)


@given(st.text(max_size=400))
def test_any_text_reads_without_error(text: str) -> None:
    found = dismissals(split_sentences(text))
    assert all(dismissing(s) for s in found)


QUESTION = OpenQuestion.model_validate(
    {
        "id": "slices.dismissal-probe",
        "kind": "open",
        "difficulty": 3,
        "prompt": {
            "en": "The handler keeps key := msg[:36] of a 1 MB message in a map. What happens to memory?",
            "zh": "handler 把 1 MB 消息的 key := msg[:36] 存进 map。内存会怎样？",
        },
        "model_answer": {
            "en": "The key shares msg's backing array, so each kept key pins the whole megabyte. Clone it.",
            "zh": "key 和 msg 共用底层数组，每个留下的 key 都会钉住整整 1 MB。要 Clone 一份。",
        },
        "explanation": {"en": "x", "zh": "x"},
        "framework": [
            {
                "id": "pins",
                "level": "core",
                "weight": 2,
                "point": {"en": "the key pins the whole backing array", "zh": "key 钉住整个底层数组"},
                "concepts": [["backing array", "底层数组"], ["pins", "whole megabyte", "钉住"]],
                "follow_up": {"en": "How would you see it in a profile?", "zh": "在 profile 里怎么看出来？"},
            },
            {
                "id": "clone",
                "level": "core",
                "weight": 1,
                "point": {"en": "clone the key", "zh": "把 key Clone 一份"},
                "concepts": [["clone", "Clone"]],
                "follow_up": {"en": "What does Clone cost?", "zh": "Clone 的代价是什么？"},
            },
        ],
    }
)
DISMISSIVE = (
    "The key shares the backing array with msg, that part is true. But it isn't really a problem: "
    "the GC frees the rest of the message once the handler is done. There's no need to clone the key, "
    "that's premature optimisation."
)


def test_an_answer_that_waves_away_more_than_the_model_answer_is_capped_and_quotes_it() -> None:
    grade = grade_open(QUESTION, DISMISSIVE)
    assert grade.score <= DISMISSIVE_CAP
    assert len(grade.waved_away) == 2 and grade.waved_away[0].startswith("But it isn't really a problem")
    # The grade knows why the answer earned little: no person is asked to rescue it for that.
    assert not any("earned little" in r for r in grade.review_reasons)


def test_one_dismissal_in_a_strong_answer_costs_nothing() -> None:
    grade = grade_open(
        QUESTION,
        "The key still points into msg's backing array, so every key kept pins the whole megabyte. "
        "There's no need to copy the whole message, only the key: strings.Clone it before storing.",
    )
    assert grade.waved_away == () and grade.score == TOP


def test_dismissals_the_model_answer_makes_too_are_not_held_against_an_answer() -> None:
    relaxed = QUESTION.model_copy(
        update={
            "model_answer": QUESTION.model_answer.model_copy(
                update={
                    "en": "The key pins the backing array. No need to copy msg. No need for a lock either. Clone the key."
                }
            )
        }
    )
    answer = (
        "The key pins the backing array of msg. There's no need to copy msg itself. "
        "No need for a lock either. Just Clone the key."
    )
    assert grade_open(QUESTION, answer).waved_away != ()
    assert grade_open(relaxed, answer).waved_away == ()


WAVING = (
    "Honestly this isn't really a problem. The sub-slice is its own slice, so appending to it "
    "doesn't matter for the original. There's no need to copy anything or use a full slice expression."
)


def test_gokata_answer_shows_what_was_waved_away() -> None:
    shown = run_cli("answer", "slices.interview-shared-array-trap", "--text", WAVING)
    assert "Waves away what the question is about" in shown.stdout
    assert "isn't really a problem" in shown.stdout
    data = json.loads(run_cli("answer", "slices.interview-shared-array-trap", "--text", WAVING, "--json").stdout)
    assert len(data["waved_away"]) == 3 and data["score"] <= DISMISSIVE_CAP
