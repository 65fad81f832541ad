"""Claims and contrasts, levels, polarity everywhere, mixed languages, confidence."""

from __future__ import annotations

import pytest

from runner.answers.claims import asserted
from runner.answers.framework import (
    COMPOUND_FACTOR,
    CONTRADICTED_CORE_CAP,
    FLOOR_SENTENCES,
    INVERTED_FLOOR,
    _score,
    grade_open,
)
from runner.answers.fuzzy import FuzzyIndex
from runner.answers.matcher import Resolved, compile_phrasing
from runner.answers.reading import Polarity, read_answer
from runner.answers.result import OpenGrade, PointResult, PointVerdict
from runner.answers.scale import TOP
from runner.content.models import LocalText, OpenQuestion
from tests.grading.test_reading import polarity

STRONG = (
    "time.Since(start) is evaluated at the defer statement, so the log shows about zero. "
    "Defer a closure instead, which reads the clock when it runs."
)


def point(grade: OpenGrade, pid: str) -> PointVerdict:
    return next(p.verdict for p in grade.points if p.point_id == pid)


@pytest.mark.parametrize(
    "text",
    [
        "The arguments are evaluated when the function returns, so wrap the log in a closure.",
        "time.Since is only evaluated at the end, when the deferred call runs; use a closure anyway.",
        "参数在函数返回时才求值，所以用闭包包一下。",
        "time.Since 是返回时才计算的，所以用匿名函数也一样。",
    ],
)
def test_a_stated_contrast_contradicts_its_point_and_caps_the_score(defer_q: OpenQuestion, text: str) -> None:
    grade = grade_open(defer_q, text)
    args = next(p for p in grade.points if p.point_id == "args-at-defer")
    assert args.verdict is PointVerdict.CONTRADICTED and args.inverted
    assert args.evidence and args.evidence in text
    assert grade.score <= CONTRADICTED_CORE_CAP
    assert not grade.passed


@pytest.mark.parametrize(
    "text",
    [
        "The arguments are evaluated at the defer statement, not when the function returns. Use a closure.",
        "Arguments are evaluated at the defer statement rather than evaluated at return; defer a closure.",
        "Args are evaluated immediately instead of being evaluated at the end; use a closure.",
        "参数在 defer 语句处就求值了，而不是返回时才求值；改用闭包。",
        "Is it evaluated when the function returns? No: at the defer statement. Use a closure.",
        "People think the arguments are evaluated when the function returns, but they are evaluated at the defer "
        "statement. Use a closure.",
    ],
)
def test_a_denied_asked_or_attributed_contrast_is_a_correct_statement(defer_q: OpenQuestion, text: str) -> None:
    grade = grade_open(defer_q, text)
    assert point(grade, "args-at-defer") is not PointVerdict.CONTRADICTED, text
    assert grade.score >= 0.9, text


def test_a_contrast_in_another_clause_about_something_else_does_not_fire(defer_q: OpenQuestion) -> None:
    text = (
        "The arguments are evaluated at the defer statement, and the deferred call itself runs when the "
        "function returns. Use a closure."
    )
    assert point(grade_open(defer_q, text), "args-at-defer") is PointVerdict.COVERED


def test_a_missing_bonus_point_never_lowers_the_score(defer_q: OpenQuestion) -> None:
    grade = grade_open(defer_q, STRONG)
    assert point(grade, "lifo") is PointVerdict.MISSED
    assert grade.score == TOP and grade.passed


def test_a_bonus_point_adds_credit_up_to_full_marks(defer_q: OpenQuestion) -> None:
    partial = "time.Since(start) is evaluated at the defer statement, so the log shows about zero."
    with_bonus = partial + " Deferred calls also run in LIFO order."
    assert grade_open(defer_q, with_bonus).score > grade_open(defer_q, partial).score
    assert grade_open(defer_q, STRONG + " Deferred calls run in LIFO order.").score == TOP


def test_plain_words_earn_the_point_through_the_shared_lexicon(defer_q: OpenQuestion) -> None:
    text = (
        "The numbers in that line are worked out on the spot, when the line runs, so the duration is "
        "basically zero. Put the logging inside an anonymous function you defer."
    )
    grade = grade_open(defer_q, text)
    assert point(grade, "args-at-defer") is PointVerdict.COVERED
    assert grade.score >= 0.9


def test_mixed_chinese_english_matches_through_the_glossary(defer_q: OpenQuestion) -> None:
    text = "time.Since 在 defer 语句处就 evaluate 了，所以是 0；改成 defer 一个 closure。"
    assert grade_open(defer_q, text).score >= 0.9


def test_contradicted_points_ask_their_follow_up_first(defer_q: OpenQuestion) -> None:
    grade = grade_open(defer_q, "The arguments are evaluated when the function returns.")
    assert grade.follow_ups[0].en == "At which moment is time.Since(start) computed in that line?"
    assert all("What would you add" not in f.en for f in grade.follow_ups)


def test_a_long_fluent_answer_that_earns_little_asks_for_a_person(defer_q: OpenQuestion) -> None:
    text = (
        "We had a slow report endpoint last spring. The profile showed most of the time in JSON encoding, "
        "so we switched to a streaming encoder and reused buffers between requests. After that the p99 "
        "dropped by half and the dashboards finally looked calm again. I would start there again today."
    )
    grade = grade_open(defer_q, text)
    assert grade.score < 0.3 and grade.needs_review
    assert any("fluent" in r for r in grade.review_reasons)


def test_a_point_both_stated_and_contradicted_asks_for_a_person(defer_q: OpenQuestion) -> None:
    text = (
        "The arguments are evaluated at the defer statement. Then again, the arguments are evaluated when "
        "the function returns. Use a closure."
    )
    grade = grade_open(defer_q, text)
    assert point(grade, "args-at-defer") is PointVerdict.CONTRADICTED
    assert grade.needs_review and grade.confidence < 0.5


ONE_SENTENCE_CARRIES = (
    "time.Since is evaluated at the defer statement, so defer a closure instead. We had this bug in a billing "
    "service last year. It took a week to notice because the numbers looked plausible. The dashboards were calm "
    "and nobody complained about them at all. I still think about that week, and about how quiet it was."
)
SUMMARY_THEN_EXPLAINED = (
    "time.Since is evaluated at the defer statement, so defer a closure instead. Put differently, the arguments "
    "are computed when the defer line runs, not later when the function returns, so the log shows almost nothing. "
    "A func literal fixes it because its body reads the clock only when the deferred call runs. "
    "We had exactly this in a billing service, and the closure made the durations right."
)


def test_a_long_answer_whose_credit_all_comes_from_one_sentence_asks_for_a_person(defer_q: OpenQuestion) -> None:
    grade = grade_open(defer_q, ONE_SENTENCE_CARRIES)
    assert grade.score >= 0.9 and grade.needs_review
    assert grade.review_reasons == ("most of the credit comes from one sentence",)


def test_a_summary_sentence_the_rest_of_the_answer_explains_needs_no_review(defer_q: OpenQuestion) -> None:
    # The opening sentence is where both points are first met, but without it the rest still
    # earns them: the credit does not hang on one sentence.
    grade = grade_open(defer_q, SUMMARY_THEN_EXPLAINED)
    assert grade.score >= 0.9 and not grade.needs_review and grade.review_reasons == ()


def test_a_confident_grade_needs_no_review(defer_q: OpenQuestion) -> None:
    grade = grade_open(defer_q, STRONG)
    assert not grade.needs_review and grade.confidence == 1.0 and grade.review_reasons == ()
    data = grade.to_json()
    assert data["confidence"] == 1.0 and data["needs_review"] is False
    assert {p["level"] for p in data["points"]} == {"core", "expected", "bonus"}


@pytest.mark.parametrize(
    "text",
    [
        "Memory isn't really a factor here, so there is no need to bound them.",
        "The race doesn't matter here.",
        "数据竞争其实没关系。",
    ],
)
def test_a_predicate_that_dismisses_its_subject_denies_it(text: str) -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing
    from runner.answers.reading import Polarity, read_answer

    subject = {"M": "memory", "T": "race", "数": "数据竞争"}[text[0]]
    ph = compile_phrasing(subject)
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), [ph])
    assert resolved.polarity(next(resolved.find(ph))) is Polarity.NEGATED


@pytest.mark.parametrize("text", ["Timers no longer leak.", "It isn't a leak anymore.", "定时器不再泄漏。"])
def test_a_negation_in_time_is_neither_asserted_nor_denied(text: str) -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing
    from runner.answers.reading import Polarity, read_answer

    ph = compile_phrasing("泄漏" if "泄漏" in text else "leak")
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), [ph])
    assert resolved.polarity(next(resolved.find(ph))) is Polarity.HYPOTHETICAL


@pytest.mark.parametrize(
    ("text", "term"),
    [("The sub-slice copies no elements.", "sub-slice copies"), ("It allocates nothing here.", "allocates")],
)
def test_a_verb_followed_by_no_or_nothing_is_denied(text: str, term: str) -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing
    from runner.answers.reading import Polarity, read_answer

    ph = compile_phrasing(term)
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), [ph])
    assert resolved.polarity(next(resolved.find(ph))) is Polarity.NEGATED


def _result(pid: str, level: str, credit: float, *, inverted: bool = False) -> PointResult:
    verdict = PointVerdict.CONTRADICTED if inverted else PointVerdict.COVERED if credit else PointVerdict.MISSED
    return PointResult(
        pid, verdict, credit, 1.0, None, LocalText(en=pid), level == "core", level=level, inverted=inverted
    )


def _question_owing(points: list[PointResult], defer_q: OpenQuestion) -> OpenQuestion:
    framework = [
        defer_q.framework[0].model_copy(update={"id": p.point_id, "level": p.level, "weight": 1.0}) for p in points
    ]
    return defer_q.model_copy(update={"framework": framework})


def test_each_further_inverted_fact_lowers_the_cap(defer_q: OpenQuestion) -> None:
    one = [_result("a", "core", 0, inverted=True), _result("b", "core", 1), _result("c", "core", 1)]
    two = [_result("a", "core", 0, inverted=True), _result("b", "core", 0, inverted=True), _result("c", "core", 1)]
    q = _question_owing(one, defer_q)
    first = _score(q, tuple(one), (), keyword_only=False)
    second = _score(q, tuple(two), (), keyword_only=False)
    assert first == pytest.approx(CONTRADICTED_CORE_CAP)
    assert second < first
    assert second == pytest.approx(CONTRADICTED_CORE_CAP * COMPOUND_FACTOR)


def test_a_fluent_answer_with_its_only_point_turned_round_keeps_the_floor(defer_q: OpenQuestion) -> None:
    only = [_result("a", "core", 0, inverted=True)]
    q = _question_owing(only, defer_q)
    fluent = _score(q, tuple(only), (), keyword_only=False, sentences=FLOOR_SENTENCES + 2)
    one_line = _score(q, tuple(only), (), keyword_only=False, sentences=1)
    listed = _score(q, tuple(only), (), keyword_only=True, sentences=FLOOR_SENTENCES + 2)
    assert fluent == pytest.approx(INVERTED_FLOOR)
    assert one_line == 0.0 and listed == 0.0
    missed = [_result("a", "core", 0)]  # silence on the point is not a wrong statement: no floor
    assert _score(q, tuple(missed), (), keyword_only=False, sentences=FLOOR_SENTENCES + 2) == 0.0


def test_bonus_credit_does_not_lift_an_answer_that_touches_no_core_point(defer_q: OpenQuestion) -> None:
    side = [_result("a", "core", 0), _result("b", "expected", 0), _result("c", "bonus", 1)]
    q = _question_owing(side, defer_q)
    assert _score(q, tuple(side), (), keyword_only=False, topical=0.2) == 0.0


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        # "without X" lacks its object only; the verb after it starts the predicate.
        ("A read without the lock is a data race.", "race", Polarity.AFFIRMED),
        ("Reading it without a lock is racy.", "racy", Polarity.AFFIRMED),
        ("没有锁的读是数据竞争。", "竞争", Polarity.AFFIRMED),
        ("It works without a lock.", "lock", Polarity.LACKING),
        # A quantifier denies the whole predicate.
        ("Nothing creates an edge between them.", "edge", Polarity.LACKING),
        # "not ... until" states when it happens.
        ("The timer is not stopped until the context is cancelled.", "stopped", Polarity.AFFIRMED),
        ("Nothing runs until the function returns.", "runs", Polarity.AFFIRMED),
        ("The timer is not stopped.", "stopped", Polarity.NEGATED),
    ],
)
def test_lack_and_until_reach_only_what_they_govern(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


@pytest.mark.parametrize(
    ("phrasing", "answer"),
    [
        ("第一次调用之后", "第二次调用之后"),
        ("按字节数计算长度", "按字符数计算长度"),
        ("写入之前加锁", "写入之后加锁"),
        ("Wait 返回时才会取消", "Wait 返回时也会取消"),  # "only then" is not "also then"
        ("按创建的顺序关闭", "按创建的反序关闭"),  # in order is not in reverse
    ],
)
def test_a_chinese_typo_never_swaps_a_contrastive_character(phrasing: str, answer: str) -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing

    ph = compile_phrasing(phrasing)
    assert list(Resolved(read_answer(phrasing), FuzzyIndex(()), [ph]).find(ph))
    assert not list(Resolved(read_answer(answer), FuzzyIndex(()), [ph]).find(ph))


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Use it to keep the trace values without the cancellation.", "values", Polarity.AFFIRMED),
        ("还不够就把 map 按 key 哈希分片，每片一把锁。", "分片", Polarity.AFFIRMED),
        ("The sub-slice copies no elements.", "copies", Polarity.NEGATED),
        # a negation before 就 is the condition's; the result after it is stated
        ("不关闭就会泄漏。", "泄漏", Polarity.AFFIRMED),
        ("加锁顺序不一致就会死锁。", "死锁", Polarity.AFFIRMED),
        ("顺序一致就不会死锁。", "死锁", Polarity.NEGATED),
        # a denied verb that only describes a noun after it ("an event that never comes")
        ("goroutine 阻塞在一个不会发生的事件上。", "阻塞", Polarity.AFFIRMED),
        ("goroutine 不会阻塞。", "阻塞", Polarity.NEGATED),
        # 没办法 / 没法 deny the verb, not only lack a way
        ("Go 没办法强行终止一个 goroutine。", "终止", Polarity.NEGATED),
        ("没法从外部杀掉 goroutine。", "杀掉", Polarity.NEGATED),
        # a negation conceded with 也 supposes ("even without Stop"), it does not deny
        ("没有引用的 timer 不 Stop 也会被回收。", "stop", Polarity.HYPOTHETICAL),
        ("下一次直接返回，不会再 panic。", "panic", Polarity.NEGATED),
        # a negator that is its own list item's predicate does not reach the items after it
        ("比如输入格式不对、文件找不到、网络抖动，都应该返回 error。", "网络", Polarity.AFFIRMED),
        ("没有锁、超时和重试。", "超时", Polarity.LACKING),
        # a comma clause opened by 再 or a remedy verb is a statement, not a list item
        ("这样不会冲突，再暴露 WithUser 和 UserFrom 这种 accessor。", "userfrom", Polarity.AFFIRMED),
        ("WaitGroup 也不能按值传给 worker，用闭包捕获或者传指针。", "传指针", Polarity.AFFIRMED),
        # denying an equivalence denies neither side
        ("Locking every method isn't the same as protecting the data.", "protecting", Polarity.AFFIRMED),
        ("给每个方法加锁不等于保护了数据。", "保护", Polarity.AFFIRMED),
        # a relative clause with a passive predicate after it names nothing that must not be done
        ("Work that must not be lost is persisted first.", "persisted", Polarity.AFFIRMED),
        ("The one thing that must not happen is calling Add in the goroutine.", "calling", Polarity.NEGATED),
        # 非 before 的 denies its own word, not the noun 的 attaches it to
        ("非关键的第三方客户端才用 Once 懒加载。", "第三方", Polarity.AFFIRMED),
        ("这不是第三方客户端。", "第三方", Polarity.NEGATED),
        # a clause-opening "not" sets aside the whole phrase after it
        ("It is an idle timeout, not give up after thirty seconds in total.", "total", Polarity.NEGATED),
        ("It is not easy, and it gives up after thirty seconds in total.", "total", Polarity.AFFIRMED),
        # a punctuation-only item before "or" is still in the set-aside list
        ("errors.Is looks through the wrapping, unlike == or comparing message text.", "comparing", Polarity.NEGATED),
    ],
)
def test_without_after_a_term_and_a_chinese_condition_do_not_deny(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


def test_a_chinese_run_is_one_content_word_so_short_english_words_stay_in_the_phrasing() -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing

    ph = compile_phrasing("ctx 只管 Do")
    assert not list(Resolved(read_answer("DialContext 的 ctx 只管建连"), FuzzyIndex(()), [ph]).find(ph))
    assert list(Resolved(read_answer("这里的 ctx 只管 Do 这一步"), FuzzyIndex(()), [ph]).find(ph))


@pytest.mark.parametrize(
    ("phrasing", "answer"),
    [
        ("和普通 Once 一样", "这点和普通 Once 不一样"),  # a gap never skips a negation
        ("说法是对的", "这个说法是错的"),  # 对/错 is a contrast, not a typo
        ("删除后会缩容", "map 删除后不缩容"),  # 会/不 neither
        ("evaluated at return", "evaluated not at return"),
    ],
)
def test_a_phrasing_never_matches_its_own_negation(phrasing: str, answer: str) -> None:
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing

    ph = compile_phrasing(phrasing)
    found = list(Resolved(read_answer(answer), FuzzyIndex(()), [ph]).find(ph))
    assert not found or Resolved(read_answer(answer), FuzzyIndex(()), [ph]).polarity(found[0]) is not Polarity.AFFIRMED


def test_non_denies_the_word_it_prefixes() -> None:
    assert polarity("Go uses a non-generational GC.", "generational") is Polarity.NEGATED
    assert polarity("the interface is still non-nil", "nil") is Polarity.NEGATED


def test_non_denies_only_its_own_word_and_unlike_names_for_comparison() -> None:
    assert polarity("The returned error is a non-nil interface value.", "interface") is Polarity.AFFIRMED
    assert polarity("The returned error is a non-nil interface value.", "nil") is Polarity.NEGATED
    assert polarity("Unlike a config struct, options have no zero-value ambiguity.", "config") is Polarity.AFFIRMED


def test_a_contrast_under_when_is_stated_one_under_if_is_supposed() -> None:
    from runner.answers.claims import asserted
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing
    from runner.answers.reading import read_answer

    phrasing = compile_phrasing("WithValue panics")
    for text, stated in [
        ("When that happens the runtime detects the duplicate key and WithValue panics.", True),
        ("If that happened WithValue panics, which it does not.", False),
        ("When the keys collide WithValue never panics.", False),
    ]:
        resolved = Resolved(read_answer(text), FuzzyIndex(set()), [phrasing])
        found = [own for own in resolved.find(phrasing) if asserted(own, resolved)]
        assert bool(found) is stated, text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("这不算竞争。", True),
        ("算不算竞争，跟有几个写者都没关系。", False),
        ("会不会 panic 取决于时序。", False),
        ("这里没有竞争。", True),
        ("有没有竞争要看是否同步。", False),
    ],
)
def test_a_phrasing_never_starts_inside_an_a_not_a_question_form(text: str, found: bool) -> None:
    phrasings = [compile_phrasing(p) for p in ("不算竞争", "不会 panic", "没有竞争")]
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), phrasings)
    assert any(next(resolved.find(ph), None) is not None for ph in phrasings) is found


def test_a_co_occurrence_spans_a_leading_when_clause_and_its_main_clause() -> None:
    phrasing = compile_phrasing("worker & closes the jobs channel")
    for text, found in [
        ("When a worker hits a fatal error, it closes the jobs channel.", True),
        ("A worker hits a fatal error. The producer closes the jobs channel.", False),
        ("A worker hits a fatal error, so the producer closes the jobs channel.", False),
    ]:
        resolved = Resolved(read_answer(text), FuzzyIndex(frozenset()), [phrasing])
        assert (next(resolved.find(phrasing), None) is not None) is found, text


def _asserted(phrasing: str, text: str) -> bool:
    ph = compile_phrasing(phrasing)
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), (ph, *ph.parts))
    return any(asserted(own, resolved) for own in resolved.find(ph))


@pytest.mark.parametrize(
    ("phrasing", "text", "expected"),
    [
        # how the code looks, taken back in the same sentence, is a concession
        ("Load then Add is safe", "Load and then Add looks safe, but the decision sits in the gap.", False),
        ("Load then Add is safe", "Load and then Add looks safe because each call is atomic.", True),
        ("checks the text", "It looks at the message and checks the text, but only for the top error.", True),
        # a nil the phrasing skipped over names the absence of the thing
        ("Do returns an error for a 4xx", "Do returns a nil error for 4xx and 5xx.", False),
        ("Do returns an error for a 4xx", "Do returns an error for a 4xx.", True),
        # a code phrasing anchors beside its punctuation, never on the negation after it
        ("== & 可靠", "对计算结果用 == 不可靠。", False),
        ("== & 可靠", "对计算结果用 == 是可靠的。", True),
        # an older Go named after a short label says how things were
        (
            "lives until it fires",
            "The leak: on older Go, every time.After made a timer that lived until it fired.",
            False,
        ),
        ("lives until it fires", "The leak: every time.After makes a timer that lives until it fires.", True),
        ("触发后才释放", "先说泄漏：老版本 Go 里每次 time.After 都生成一个定时器，要等 30 秒触发后才释放。", False),
        # restricted to a case right after it, a statement is not the general claim
        ("compares equal to nil", "An interface compares equal to nil only when both words are nil.", False),
        ("compares equal to nil", "A nil pointer in an interface compares equal to nil.", True),
        # a practice said not to work is named as the mistake
        ("just defer recover()", "Just writing defer recover() doesn't do it.", False),
        ("just defer recover()", "Just writing defer recover() won't work here.", False),
        ("just defer recover()", "Just defer recover() and you are covered.", True),
        ("defer recover()", "单写一个 defer recover() 没用。", False),
    ],
)
def test_what_an_answer_states_as_its_own_view(phrasing: str, text: str, expected: bool) -> None:
    assert _asserted(phrasing, text) is expected
