"""The yes or no an answer opens with, against the model answer's, for yes/no questions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner.answers.framework import grade_open
from runner.answers.result import PointVerdict
from runner.answers.scale import TOP
from runner.answers.verdict import opening_all_clear, opening_verdict
from runner.content.models import OpenQuestion


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("No, because err is a new wrapper.", "no"),
        ("Nope.", "no"),
        ("Not in general.", "no"),
        ("It is not safe.", "no"),
        ("It doesn't compile: Microgram is not int64.", "no"),
        ("不成立。%w 生成的是一个包装错误。", "no"),
        ("不安全：Get 返回指针。", "no"),
        ("Yes, it holds.", "yes"),
        ("Yes — once the keys are deleted ...", "yes"),
        ("That's fine. Get takes the lock.", "yes"),
        ("It's fine in practice.", "yes"),
        ("安全的。Get 里已经加了锁。", "yes"),
        ("能继续跑。", "yes"),
        # not verdicts
        ("None of the handlers closes it.", None),
        ("Nothing dramatic happens.", None),
        ("No matter what you do, the send blocks.", None),
        ("No problem in that code.", None),
        ("Not only does it leak, it also blocks.", None),
        ("It depends on the Go version.", None),
        ("不过它只拆一层。", None),
        ("不仅会泄漏，还会阻塞。", None),
        ("Since both Load and Add are atomic, this is fine.", None),
        ("The handler blocks on the send until a worker receives.", None),
        ("", None),
    ],
)
def test_opening_verdict(text: str, verdict: str | None) -> None:
    assert opening_verdict(text) == verdict


@given(st.text(max_size=300))
def test_any_text_has_at_most_one_opening_verdict(text: str) -> None:
    assert opening_verdict(text) in (None, "yes", "no")


def _question(prompt_en: str, prompt_zh: str, model_en: str, model_zh: str) -> OpenQuestion:
    return OpenQuestion.model_validate(
        {
            "id": "errors.verdict-probe",
            "kind": "open",
            "difficulty": 3,
            "prompt": {"en": prompt_en, "zh": prompt_zh},
            "model_answer": {"en": model_en, "zh": model_zh},
            "explanation": {"en": "x", "zh": "x"},
            "framework": [
                {
                    "id": "outer-only",
                    "level": "core",
                    "weight": 2,
                    "point": {"en": "== compares only the outermost error", "zh": "== 只比较最外层的错误"},
                    "concepts": [["outermost", "最外层"]],
                    "claims": [
                        {"says": "== sees only the outer error", "decisive": "owner", "contrasts": ["sees through"]}
                    ],
                    "follow_up": {"en": "What does errors.Is do?", "zh": "errors.Is 做了什么？"},
                },
                {
                    "id": "use-is",
                    "level": "core",
                    "weight": 1,
                    "point": {"en": "use errors.Is", "zh": "用 errors.Is"},
                    "concepts": [["errors.Is"]],
                    "follow_up": {"en": "And errors.As?", "zh": "那 errors.As 呢？"},
                },
            ],
        }
    )


YES_NO = _question(
    "Does `err == ErrLocked` hold? What do you use instead?",
    "`err == ErrLocked` 成立吗？应该用什么代替？",
    "No: == compares only the outermost error. Use errors.Is.",
    "不成立：== 只比较最外层的错误。要用 errors.Is。",
)
OPEN = _question(
    "What does `err == ErrLocked` compare, and what do you use instead?",
    "`err == ErrLocked` 比较的是什么？应该用什么代替？",
    "No: == compares only the outermost error. Use errors.Is.",
    "不成立：== 只比较最外层的错误。要用 errors.Is。",
)


def test_an_answer_that_opens_with_the_opposite_verdict_contradicts_the_first_core_point() -> None:
    grade = grade_open(YES_NO, "Yes, it holds: == looks at the outermost error and errors.Is is only shorter.")
    point = grade.points[0]
    assert point.verdict is PointVerdict.CONTRADICTED and point.inverted and point.also_covered
    assert point.evidence is not None and point.evidence.startswith("Yes, it holds")
    assert grade.score <= 0.45
    same = grade_open(YES_NO, "No, == only compares the outermost error; use errors.Is.")
    assert same.points[0].verdict is PointVerdict.COVERED and same.score == TOP


def test_the_verdict_counts_only_for_a_question_that_asks_yes_or_no() -> None:
    grade = grade_open(OPEN, "Yes, it holds: == looks at the outermost error and errors.Is is only shorter.")
    assert grade.points[0].verdict is PointVerdict.COVERED


@pytest.mark.parametrize(
    ("text", "clear"),
    [
        ("That's fine.", True),
        ("It's fine in practice.", True),
        ("There is no race here.", True),
        ("这段代码其实没问题。Load 和 Add 都是原子的。", True),
        ("没什么问题。Add(1) 是第一行。", True),
        ("Nothing odd, honestly. Both fields are atomics.", True),
        ("You don't need anything special for that.", True),
        ("It works fine as is.", True),
        ("不需要什么接口。Go 是鸭子类型。", True),
        ("一切正常。", True),
        ("Nothing is really wrong with it.", True),
        ("It isn't really risky.", True),
        ("不用特别处理。按 goroutine ID 过滤就行。", True),
        # more than an all-clear in the opening clause
        ("This is fine as long as you hold the lock.", False),
        ("It is safe because Get copies the value.", False),
        ("Nothing dramatic, which is the problem: it wraps around.", False),
        ("没问题的前提是调用方不改它。", False),
        ("It works because Add is atomic.", False),
        ("Nothing odd about the send: it blocks until a worker receives.", False),
        ("不需要加锁，因为只有一个写者。", False),
        ("It isn't risky because the lock covers it.", False),
        ("It isn't safe.", False),
        ("It's fine, but the writer races with every reader.", False),
        ("That's fine — unless two goroutines write.", False),
        ("没问题，不过前提是只有一个写者。", False),
    ],
)
def test_opening_all_clear(text: str, clear: bool) -> None:
    assert opening_all_clear(text) is clear


def test_an_all_clear_opening_contradicts_a_question_whose_model_answer_finds_a_problem() -> None:
    grade = grade_open(OPEN, "That's fine. == looks at the outermost error, and errors.Is is only shorter.")
    assert grade.points[0].verdict is PointVerdict.CONTRADICTED and grade.score <= 0.45
    quiet = _question(
        "What happens when the handler returns?",
        "处理函数返回时会怎样？",
        "Nothing bad: the outermost error stays.",
        "没问题：最外层的错误还在。",
    )
    assert grade_open(quiet, "That's fine. == looks at the outermost error.").points[0].verdict is PointVerdict.COVERED
