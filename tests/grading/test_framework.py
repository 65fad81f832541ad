from __future__ import annotations

import pytest

from runner.answers.framework import (
    CONTRADICTED_CORE_CAP,
    KEYWORD_CAP,
    MISCONCEPTION_UNIT,
    compile_question,
    grade_open,
)
from runner.answers.result import PointVerdict
from runner.answers.scale import TOP
from runner.content.models import OpenQuestion


def verdicts(q: OpenQuestion, text: str) -> dict[str, PointVerdict]:
    return {p.point_id: p.verdict for p in grade_open(q, text).points}


STRONG_EN = (
    "You always defer cancel() right after WithTimeout, otherwise the timer leaks until the deadline; "
    "go vet's lostcancel check flags it. Cancellation is cooperative: only code that watches ctx.Done() stops. "
    "Cancelling the parent also cancels every child derived from it."
)
STRONG_ZH = (
    "创建之后要立刻 defer cancel()，否则定时器会一直泄漏到超时，go vet 的 lostcancel 也会报。"
    "取消是协作式的：只有监听 ctx.Done() 的代码才会退出。取消父上下文时，所有派生的子上下文也会被取消。"
)


def test_a_strong_answer_covers_every_point(ctx_q: OpenQuestion) -> None:
    grade = grade_open(ctx_q, STRONG_EN)
    assert grade.score == TOP
    assert all(p.verdict is PointVerdict.COVERED for p in grade.points)
    assert grade.passed and not grade.missed_core and not grade.keyword_only


def test_the_same_answer_in_chinese_scores_the_same(ctx_q: OpenQuestion) -> None:
    assert grade_open(ctx_q, STRONG_ZH).score == TOP


def test_mixed_language_answer(ctx_q: OpenQuestion) -> None:
    text = "WithTimeout 之后一定要 defer cancel()，不然 timer 会 leak。cancellation is cooperative，要 select on ctx.Done()。"
    v = verdicts(ctx_q, text)
    assert v["call-cancel"] is PointVerdict.COVERED and v["cooperative"] is PointVerdict.COVERED
    assert v["children"] is PointVerdict.MISSED


def test_full_width_characters_match(ctx_q: OpenQuestion) -> None:
    text = "必须 defer ｃａｎｃｅｌ（），不然 timer 会泄漏。取消是协作式的，要监听 ｃｔｘ．Ｄｏｎｅ（）。"
    v = verdicts(ctx_q, text)
    assert v["call-cancel"] is PointVerdict.COVERED and v["cooperative"] is PointVerdict.COVERED


def test_small_typos_are_tolerated(ctx_q: OpenQuestion) -> None:
    text = "Cancellation is cooperatve: goroutines check ctx.Done(). Cancelling a parnet cancels its childern."
    v = verdicts(ctx_q, text)
    assert v["cooperative"] is PointVerdict.COVERED and v["children"] is PointVerdict.COVERED


def test_one_concept_of_two_is_partial_credit(ctx_q: OpenQuestion) -> None:
    point = next(
        p
        for p in grade_open(ctx_q, "Cancelling the parent context is how you stop work.").points
        if p.point_id == "children"
    )
    assert point.verdict is PointVerdict.PARTIAL and point.credit == pytest.approx(0.5)


def test_score_is_weighted_by_points(ctx_q: OpenQuestion) -> None:
    # call-cancel (weight 2 of 6) only
    grade = grade_open(ctx_q, "I always defer cancel() so the timer does not leak.")
    assert grade.score == pytest.approx(2 / 6, abs=1e-3)
    assert grade.missed_core and not grade.passed


def test_negated_concepts_do_not_count_and_contradict(ctx_q: OpenQuestion) -> None:
    for text in (
        "Cancellation is not cooperative, ctx.Done() is never needed.",
        "取消并不是协作式的，不需要监听 ctx.Done()。",
    ):
        assert verdicts(ctx_q, text)["cooperative"] is PointVerdict.CONTRADICTED


def test_a_stated_misconception_subtracts(ctx_q: OpenQuestion) -> None:
    base = grade_open(ctx_q, "Cancellation is cooperative: code must watch ctx.Done().")
    text = "Cancellation is cooperative: code must watch ctx.Done(). With a timeout you don't need to call cancel."
    wrong = grade_open(ctx_q, text)
    assert [m.misconception_id for m in wrong.misconceptions] == ["no-cancel-needed"]
    # the same sentence turns the cancel point round, whose cap applies before the penalty
    capped = min(base.score, CONTRADICTED_CORE_CAP) if wrong.contradicted else base.score
    assert wrong.score == pytest.approx(capped - MISCONCEPTION_UNIT, abs=1e-3)
    assert "don't need to call cancel" in wrong.misconceptions[0].evidence


def test_a_misconception_in_chinese_is_flagged(ctx_q: OpenQuestion) -> None:
    grade = grade_open(ctx_q, "设置了超时就不需要调用 cancel，取消上下文会强制停止协程。")
    assert {m.misconception_id for m in grade.misconceptions} == {"no-cancel-needed", "kills-goroutine"}
    assert grade.score == 0.0


def test_a_denied_misconception_is_not_flagged(pool_q: OpenQuestion) -> None:
    for text in (
        "sync.Pool does not keep objects forever.",
        "It's a myth that the pool keeps objects forever.",
        "sync.Pool 并不会永久保存对象。",
    ):
        assert grade_open(pool_q, text).misconceptions == (), text


def test_a_keyword_list_scores_at_most_partial(ctx_q: OpenQuestion) -> None:
    grade = grade_open(
        ctx_q, "defer cancel, leak, timer, cooperative, ctx.Done(), parent, children, go vet, lostcancel"
    )
    assert grade.keyword_only
    assert all(p.verdict is PointVerdict.PARTIAL and p.credit <= KEYWORD_CAP for p in grade.points)
    assert grade.score <= KEYWORD_CAP


def test_repeating_a_term_adds_nothing(ctx_q: OpenQuestion) -> None:
    once = grade_open(ctx_q, "You must defer cancel() or the timer leaks.")
    many = grade_open(ctx_q, "You must defer cancel() or the timer leaks. " * 3 + "Really, defer cancel() or it leaks.")
    assert many.score == once.score


def test_long_answers_are_never_truncated(ctx_q: OpenQuestion) -> None:
    filler = "We looked at the dashboards and the traces for a long while before we understood it. " * 200
    grade = grade_open(ctx_q, filler + "Finally, go vet has a lostcancel check.")
    vet = next(p for p in grade.points if p.point_id == "vet")
    assert vet.verdict is PointVerdict.COVERED
    assert vet.evidence == "Finally, go vet has a lostcancel check."


def test_evidence_is_the_learners_own_sentence_with_offsets(ctx_q: OpenQuestion) -> None:
    text = "Hello.  Cancellation is ｃｏｏｐｅｒａｔｉｖｅ: watch ctx.Done()!  Bye."
    point = next(p for p in grade_open(ctx_q, text).points if p.point_id == "cooperative")
    assert point.evidence == "Cancellation is ｃｏｏｐｅｒａｔｉｖｅ: watch ctx.Done()!"
    ((start, end),) = point.spans
    assert text[start:end] == point.evidence


def test_a_prohibition_point_is_earned_by_denying_it(wg_q: OpenQuestion) -> None:
    # "Never copy a WaitGroup: pass a pointer": the wording denies `copy`, so denying earns it.
    assert verdicts(wg_q, "Never copy a WaitGroup; pass a pointer.")["no-copy"] is PointVerdict.COVERED
    assert verdicts(wg_q, "WaitGroup 不能复制，要传指针。")["no-copy"] is PointVerdict.COVERED
    # Asserting it earns nothing (words cannot tell "copying is fine" from "copying breaks it").
    point = next(p for p in grade_open(wg_q, "Copying a WaitGroup is fine.").points if p.point_id == "no-copy")
    assert point.credit == 0.0


def test_a_denial_of_an_asserted_point_contradicts_it(chan_q: OpenQuestion) -> None:
    assert verdicts(chan_q, "Closing a channel twice does not panic.")["panics"] is PointVerdict.CONTRADICTED


def test_a_supposition_shows_knowledge(ctx_q: OpenQuestion) -> None:
    v = verdicts(ctx_q, "If you don't call cancel, the timer leaks until the deadline.")
    assert v["call-cancel"] is PointVerdict.COVERED


def test_follow_ups_probe_misconceptions_then_missed_points(ctx_q: OpenQuestion) -> None:
    grade = grade_open(ctx_q, "With a timeout you don't need to call cancel.")
    assert 1 <= len(grade.follow_ups) <= 3
    # The statement is a wrong belief and also denies a point: the point's own question comes
    # first, then the belief's; then what was missed.
    contradicted = [p.point_id for p in grade.points if p.verdict is PointVerdict.CONTRADICTED]
    by_id = {p.id: p for p in ctx_q.framework}
    assert contradicted and grade.follow_ups[0] == by_id[contradicted[0]].follow_up
    assert "Are you sure" in grade.follow_ups[1].en
    cooperative = by_id["cooperative"]
    assert cooperative.follow_up in grade.follow_ups


def test_empty_answer_scores_zero(ctx_q: OpenQuestion) -> None:
    grade = grade_open(ctx_q, "   ")
    assert grade.score == 0.0 and all(p.verdict is PointVerdict.MISSED for p in grade.points)


def test_grading_is_deterministic_and_compiles_once(ctx_q: OpenQuestion) -> None:
    assert grade_open(ctx_q, STRONG_EN) == grade_open(ctx_q, STRONG_EN)
    assert compile_question(ctx_q) is compile_question(ctx_q)


def test_code_like_phrasings_match_verbatim() -> None:
    q = OpenQuestion.model_validate(
        {
            "id": "t.code",
            "kind": "open",
            "difficulty": 1,
            "prompt": {"en": "?"},
            "explanation": {"en": "."},
            "model_answer": {"en": "."},
            "framework": [
                {"id": "nil", "point": {"en": "Compare with == nil"}, "weight": 1, "concepts": [["== nil"]]},
                {"id": "fse", "point": {"en": "s[a:b:c] limits capacity"}, "weight": 1, "concepts": [["[a:b:c]"]]},
            ],
        }
    )
    assert verdicts(q, "The slice is nil here.")["nil"] is PointVerdict.MISSED
    assert verdicts(q, "Check if err==nil first.")["nil"] is PointVerdict.COVERED
    assert verdicts(q, "Use s[a:b:c] to cap it.")["fse"] is PointVerdict.COVERED
    assert verdicts(q, "Use a, b and c.")["fse"] is PointVerdict.MISSED


def test_json_carries_every_point(ctx_q: OpenQuestion) -> None:
    data = grade_open(ctx_q, STRONG_EN).to_json()
    assert data["score"] == TOP and data["passed"] is True
    assert [p["id"] for p in data["points"]] == [p.id for p in ctx_q.framework]
    assert {"verdict", "credit", "weight", "core", "evidence", "spans", "point"} <= set(data["points"][0])


def test_a_clause_stating_a_misconception_earns_nothing(pool_q: OpenQuestion) -> None:
    # "keeps objects forever" is the misconception; the GC named in the same clause earns nothing.
    grade = grade_open(pool_q, "Pooled objects stay forever and the GC leaves them alone.")
    assert [m.misconception_id for m in grade.misconceptions] == ["keeps-forever"]
    assert next(p for p in grade.points if p.point_id == "gc-drops").credit == 0.0
    # The same GC in a clause of its own counts.
    other = grade_open(pool_q, "Pooled objects stay forever. The GC drops pooled objects.")
    assert next(p for p in other.points if p.point_id == "gc-drops").credit == 1.0


def test_a_wrong_practice_named_with_its_outcome_is_not_a_belief(wg_q: OpenQuestion) -> None:
    for text in (
        "Add inside the goroutine races with Wait, which may return early.",
        "在协程内部调用 Add 会和 Wait 竞争。",
    ):
        assert grade_open(wg_q, text).misconceptions == (), text
    stated = grade_open(wg_q, "You can call Add inside the goroutine, it is fine.")
    assert [m.misconception_id for m in stated.misconceptions] == ["add-inside"]


@pytest.mark.parametrize(
    "text",
    [
        "Calling Add inside the goroutine is wrong: Wait may return early.",
        "Putting Add inside the goroutine is a mistake, since Wait may return first.",
        "Inside each goroutine call wg.Add and then Wait is broken.",
        "在协程内部调用 Add 不仅会导致竞争，还会让 Wait 提前返回。",
    ],
)
def test_a_practice_called_wrong_is_not_believed(wg_q: OpenQuestion, text: str) -> None:
    # A gerund may open the clause, the verdict may be "a mistake", and a sequence joined by
    # "then" is one subject.
    assert grade_open(wg_q, text).misconceptions == (), text


@pytest.mark.parametrize(
    "text",
    [
        "Add inside the goroutine is not wrong at all.",
        "Add inside the goroutine never races with Wait.",
        "Add inside the goroutine prevents races.",
        "在协程内部调用 Add 不会有问题。",
        "在协程内部调用 Add 可以避免竞争。",
    ],
)
def test_an_outcome_turned_round_states_the_belief(wg_q: OpenQuestion, text: str) -> None:
    # "not wrong", "never races", "prevents races", "不会有问题": the practice is praised.
    assert [m.misconception_id for m in grade_open(wg_q, text).misconceptions] == ["add-inside"], text


def test_dismissing_a_core_fact_caps_the_answer_like_an_inverted_one(ctx_q: OpenQuestion) -> None:
    # Every other point is stated well; the answer waves the core one away. An interviewer reads
    # "there is no need to watch ctx.Done()" as not knowing that cancellation is cooperative.
    for text in (
        "Always defer cancel() right after WithTimeout or the timer leaks; go vet's lostcancel flags it. "
        "Cancelling the parent cancels every child. There is no need to watch ctx.Done() in the workers.",
        "WithTimeout 之后要立刻 defer cancel()，否则定时器会泄漏，go vet 的 lostcancel 会报。"
        "取消父上下文时所有子上下文也会取消。worker 里不需要监听 ctx.Done()。",
    ):
        grade = grade_open(ctx_q, text)
        point = next(p for p in grade.points if p.point_id == "cooperative")
        assert point.verdict is PointVerdict.CONTRADICTED and point.dismissed
        assert grade.score <= 0.35


def test_a_plain_negation_of_a_core_fact_costs_that_point_alone(ctx_q: OpenQuestion) -> None:
    # Weaker evidence than a dismissal: the point is lost, the rest of the answer still counts.
    text = (
        "Always defer cancel() right after WithTimeout or the timer leaks; go vet's lostcancel flags it. "
        "Cancelling the parent cancels every child. Cancellation is not cooperative."
    )
    grade = grade_open(ctx_q, text)
    point = next(p for p in grade.points if p.point_id == "cooperative")
    assert point.verdict is PointVerdict.CONTRADICTED and not point.dismissed
    assert grade.score > 0.35


def test_waving_away_a_phrase_waves_away_each_of_its_terms() -> None:
    # 打乱 is not in the point's wording, so its dismissal decides nothing by itself; it still
    # keeps 顺序, the rest of the dismissed phrase, from earning the concept.
    q = OpenQuestion.model_validate(
        {
            "id": "t.shuffle",
            "kind": "open",
            "difficulty": 1,
            "prompt": {"en": "?"},
            "explanation": {"en": "."},
            "model_answer": {"en": "."},
            "framework": [
                {
                    "id": "shuffle",
                    "point": {"en": "Run the tests with -shuffle=on", "zh": "用 -shuffle=on 改变测试顺序"},
                    "weight": 1,
                    "concepts": [["-shuffle", "打乱", "顺序"]],
                },
            ],
        }
    )
    assert verdicts(q, "没必要打乱顺序。")["shuffle"] is not PointVerdict.COVERED
    assert verdicts(q, "我会打乱顺序再跑。")["shuffle"] is PointVerdict.COVERED


def test_glossary_terms_in_a_chinese_run_are_found_longest_first_without_overlap() -> None:
    from runner.answers.matcher import _glossary_hits

    # 底层数组 is taken whole before 数组 could claim its tail; the later 数组 stands alone.
    assert _glossary_hits(tuple("共享底层数组和数组")) == [(0, 2, "共享"), (2, 6, "底层数组"), (7, 9, "数组")]
    assert _glossary_hits(tuple("没有术语")) == []


def test_mixed_answers_keep_locking_words_in_english() -> None:
    from runner.answers.matcher import _glossary_hits

    # "return 之后 defer 就 Unlock 了，写入发生在 critical section 外面" says 解锁之后 … 临界区外面
    assert _glossary_hits(tuple("解锁之后在临界区外面")) == [(0, 2, "解锁"), (5, 8, "临界区")]
    assert [hit[2] for hit in _glossary_hits(tuple("处理函数返回结果"))] == ["处理函数", "返回", "结果"]
