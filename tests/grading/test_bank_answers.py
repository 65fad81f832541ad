"""The grader on the bundled banks: answers QA found graded wrongly, and the model answers.

Each case names the mechanism it exercises; none of them is special-cased in the grader.
"""

from __future__ import annotations

import pytest

from runner.answers.framework import KEYWORD_CAP, grade_open
from runner.answers.result import OpenGrade, PointVerdict
from runner.answers.scale import interviewer_scale
from runner.content.catalog import Catalog, load_catalog
from runner.content.models import OpenQuestion

CORE_VALUE = "context.interview-core-value"
DCL = "once.dcl-correction"
LOCK_DATA = "mutexes.interview-lock-protects-data"


@pytest.fixture(scope="module")
def banks() -> Catalog:
    return load_catalog()


def grade(banks: Catalog, qid: str, text: str) -> OpenGrade:
    q = banks.question(qid)
    assert isinstance(q, OpenQuestion)
    return grade_open(q, text)


def verdict(banks: Catalog, qid: str, text: str, point: str) -> PointVerdict:
    return next(p.verdict for p in grade(banks, qid, text).points if p.point_id == point)


NOT_CREDITED = {PointVerdict.MISSED, PointVerdict.CONTRADICTED}


# --- keyword lists joined with "and" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        (
            DCL,
            "It is about the second check and only once and the data race and the first check and half-built "
            "objects and the memory model and sync.Once and go test -race.",
        ),
        (
            CORE_VALUE,
            "I would mention cancel and timeout and request-scoped and tree and parent and child and "
            "Background and WithCancel and first parameter and cooperative and ctx.Done.",
        ),
        (
            "pools.interview-sync-pool",
            "It is about reuse and GC pressure and per-P and stealing and New and no "
            "guarantee and victim and two GC and Reset and copy and connection pool and Close.",
        ),
        (CORE_VALUE, "取消和超时和传值和树和父节点和子节点和 Background 和 WithCancel 和第一个参数和协作"),
        ("atomics.memory-model-explain", "data race happens-before 编译器 重排 channel atomic.Bool -race 顺序一致"),
    ],
)
def test_a_keyword_chain_is_capped_like_a_comma_list(banks: Catalog, qid: str, text: str) -> None:
    g = grade(banks, qid, text)
    assert g.keyword_only, text
    assert all(p.credit <= KEYWORD_CAP for p in g.points)
    assert g.score <= KEYWORD_CAP and not g.passed


def test_prose_with_a_few_ands_is_not_a_list(banks: Catalog) -> None:
    text = (
        "Context carries cancellation and deadlines to everything working on a request, and it carries "
        "request-scoped values such as the trace id and the user."
    )
    assert not grade(banks, CORE_VALUE, text).keyword_only


# --- denials -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Don't pass ctx as the first parameter.", "pass-through"),
        ("You should never pass ctx as the first parameter.", "pass-through"),
        (
            "Context has nothing to do with cancellation or timeouts, and it never carries request-scoped values.",
            "two-jobs",
        ),
        ("Context is NOT for cancellation or timeouts.", "two-jobs"),
        ("Context is not for cancellation, timeouts or request-scoped values.", "two-jobs"),
        ("It does not carry request-scoped values.", "two-jobs"),
        ("context 不是用来取消或者超时的，也不传值。", "two-jobs"),
    ],
)
def test_a_denial_earns_nothing(banks: Catalog, text: str, point: str) -> None:
    assert verdict(banks, CORE_VALUE, text, point) in NOT_CREDITED, text


def test_a_denied_cause_denies_its_subjects(banks: Catalog) -> None:
    q = "memory.interview-escape-analysis"
    for text in ("闭包和接口都不会导致逃逸。", "Closures and interfaces do not cause escapes."):
        assert verdict(banks, q, text, "causes") in NOT_CREDITED, text
    assert verdict(banks, q, "闭包和接口都会导致逃逸。", "causes") is PointVerdict.PARTIAL


def test_the_escape_analysis_negated_example_is_graded_low(banks: Catalog) -> None:
    text = "编译器决定栈还是堆，但其实不需要用 -gcflags=-m 看，也不用做基准测试，闭包和接口都不会导致逃逸。"
    assert grade(banks, "memory.interview-escape-analysis", text).score <= 0.25


@pytest.mark.parametrize("text", ["RWMutex is not always faster.", "RWMutex isn't always faster than Mutex."])
def test_not_always_denies_an_always_misconception(banks: Catalog, text: str) -> None:
    assert grade(banks, "mutexes.rwmutex-choice", text).misconceptions == ()
    assert [
        m.misconception_id for m in grade(banks, "mutexes.rwmutex-choice", "RWMutex is always faster.").misconceptions
    ] == ["always-faster"]


def test_an_idiom_with_a_negating_character_is_not_a_negation(banks: Catalog) -> None:
    text = "sync.Pool 会悄无声息地丢弃对象，也不会调用 Close，连接就泄漏了。"
    assert verdict(banks, "pools.not-connection-pool", text, "drops-silently") is PointVerdict.COVERED


# --- generic phrasings -------------------------------------------------------------------------


def test_passing_values_is_not_passing_ctx_down(banks: Catalog) -> None:
    g = {
        p.point_id: p.verdict
        for p in grade(banks, CORE_VALUE, "context 用来取消和超时，还能传递请求作用域的值。").points
    }
    assert g["two-jobs"] is PointVerdict.COVERED and g["pass-through"] is PointVerdict.MISSED


def test_a_race_flag_is_not_a_race(banks: Catalog) -> None:
    text = "Maybe switch to RWMutex for speed and run -race."
    assert verdict(banks, LOCK_DATA, text, "pointer-escape") is PointVerdict.MISSED
    assert verdict(banks, LOCK_DATA, text, "verify") is PointVerdict.COVERED


def test_denying_a_race_does_not_deny_the_race_detector(banks: Catalog) -> None:
    text = "It is not a data race: every method locks, so there is no race at all."
    g = {p.point_id: p.verdict for p in grade(banks, LOCK_DATA, text).points}
    assert g["pointer-escape"] is PointVerdict.CONTRADICTED and g["verify"] is PointVerdict.MISSED


# --- natural senior answers --------------------------------------------------------------------


def test_a_senior_dcl_answer_in_its_own_words_passes(banks: Catalog) -> None:
    text = (
        "Everyone queued behind the mutex re-tests db inside the critical section, sees it is non-nil and "
        "returns, so the initialiser does not run twice. The real problem is the unlocked first read, which "
        "races with the write: without a happens-before edge a reader can see a non-nil pointer to a half-built "
        "object. Use sync.OnceValue, an atomic.Pointer, or just lock every time."
    )
    g = grade(banks, DCL, text)
    assert {p.point_id: p.verdict for p in g.points}["not-twice"] is PointVerdict.COVERED
    assert g.passed and g.score >= 0.9


def test_a_code_review_of_the_locked_cache_credits_the_escaping_pointer(banks: Catalog) -> None:
    text = (
        "GetProject hands back *ProjectInfo, and the caller mutates it with no lock held: that's a data race. "
        "Return a copy instead, or add an UpdateStatus method that locks. Use RWMutex for read-heavy access, "
        "and prove it with go test -race."
    )
    g = grade(banks, LOCK_DATA, text)
    assert {p.point_id: p.verdict for p in g.points}["pointer-escape"] is PointVerdict.COVERED
    assert g.score >= 0.75
    # Stating the principle as well makes it a passing answer.
    assert grade(banks, LOCK_DATA, "A mutex protects data, not methods. " + text).passed


# --- model answers -----------------------------------------------------------------------------


def test_every_model_answer_earns_at_least_90_percent_of_its_framework(banks: Catalog) -> None:
    weak = []
    for q in banks.questions:
        if not isinstance(q, OpenQuestion):
            continue
        for lang, text in (("en", q.model_answer.en), ("zh", q.model_answer.zh)):
            if text and (score := grade_open(q, text).score) < interviewer_scale(0.9):
                weak.append((q.id, lang, score))
    assert weak == []


def test_repeating_the_questions_own_term_earns_nothing_on_its_own(banks: Catalog) -> None:
    q = "mutexes.trylock-smell"
    text = "TryLock is the right tool: it's faster than Lock and guarantees the second sync never waits."
    assert verdict(banks, q, text, "smell") is PointVerdict.MISSED  # "TryLock" is the question's word
    assert (
        verdict(banks, q, "TryLock is rarely correct; it hints at a design problem.", "smell") is PointVerdict.COVERED
    )


def test_a_denied_remedy_denies_its_subjects(banks: Catalog) -> None:
    text = "TryLock is not a smell at all, and singleflight or a channel would not help here."
    assert verdict(banks, "mutexes.trylock-smell", text, "intent") is PointVerdict.CONTRADICTED


def test_a_prohibition_worded_as_a_phrase_accepts_a_denial_and_a_description(banks: Catalog) -> None:
    q = "mutexes.trylock-smell"  # the point: "... not serve as a long-held 'job running' flag across I/O"
    for text in (
        "The mutex shouldn't be held across I/O as a 'running' flag.",
        "Holding the mutex across I/O as a 'running' flag is the real smell.",
    ):
        assert verdict(banks, q, text, "scope") is PointVerdict.COVERED, text


# --- a correct answer that also explains the fix ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At the defer statement, so it is almost zero. Wrap it in a closure and time.Since(start) is computed "
        "when the function returns.",
        "It's evaluated right at the defer line, which is why it logs ~0. If you wrap it in a closure, then "
        "time.Since(start) gets computed when the function returns.",
    ],
)
def test_explaining_the_closure_fix_does_not_contradict_the_timing(banks: Catalog, text: str) -> None:
    g = grade(banks, "defer.evaluation-rules-probe-when", text)
    assert not g.contradicted and g.score >= 0.5


def test_the_wrong_timing_is_still_contradicted(banks: Catalog) -> None:
    text = "It logs about 2 seconds, because time.Since is computed when the function returns."
    assert verdict(banks, "defer.evaluation-rules-probe-when", text, "near-zero") is PointVerdict.CONTRADICTED


def test_two_phrasings_of_the_same_words_agree_with_the_one_the_wording_reads_as_the_point(banks: Catalog) -> None:
    # "DefaultClient" is read under the wording's 不用 ("don't use"); "default client" matches the
    # same word and had read the answer's 不用 as a dismissal of the point.
    v = verdict(
        banks,
        "http.interview-client-calls",
        "不用 DefaultClient，它没有 timeout，下游一 hang 就卡死。",
        "client-timeout",
    )
    assert v is not PointVerdict.CONTRADICTED


def test_a_longer_match_that_is_dismissed_still_contradicts(banks: Catalog) -> None:
    text = "Validation isn't the options' job, so there's no need for the options to return an error."
    v = verdict(banks, "idioms.interview-functional-options", text, "validation-errors")
    assert v is PointVerdict.CONTRADICTED


@pytest.mark.parametrize(
    ("qid", "text", "point"),
    [
        # an unused result is no dismissal
        (
            "testing.interview-benchmarks",
            "先看 compiler 会不会把结果没用到的 parse 调用 inline 后直接 eliminate 掉，那 loop 等于空转。",
            "dead-code",
        ),
        # the point says "== only compares the outermost error"; "不能用 == 判断" says the same
        (
            "errors.interview-wrap-inspect",
            "HTTP 层不能用 == 判断，它只看最外面那一层，被包过一次就对不上。",
            "is-for-sentinels",
        ),
    ],
)
def test_a_correct_sentence_with_a_negation_in_it_does_not_contradict(
    banks: Catalog, qid: str, text: str, point: str
) -> None:
    assert verdict(banks, qid, text, point) is not PointVerdict.CONTRADICTED


def test_a_non_zero_exit_status_is_no_negation(banks: Catalog) -> None:
    text = "panic 展开到 goroutine 顶端仍未被 recover，运行时以非零状态退出整个进程。"
    v = verdict(banks, "errors.interview-panic", text, "panic-kills-process")
    assert v is PointVerdict.COVERED


def test_a_clause_stating_a_wrong_belief_still_contradicts_what_it_denies(banks: Catalog) -> None:
    text = (
        "cancel 一调用，运行时就会把挂在这个 ctx 上的 goroutine 直接结束掉，所以 runCheck 内部不用到处检查 ctx.Done()。"
    )
    g = grade(banks, "goroutines.detached-background-task", text)
    assert any(m.shared for m in g.misconceptions)
    assert next(p for p in g.points if p.point_id == "cooperative").verdict is PointVerdict.CONTRADICTED


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # cancellation is cooperative, whatever the topic of the question
        (
            "waitgroup.errgroup-vs-waitgroup",
            "The first error cancels the shared context, which brings the other exports to a halt right there, "
            "so you don't have to check ctx.Done() in each worker.",
        ),
        # a fatal error is no panic, in a defer question too
        (
            "defer.recover-in-workers",
            "连多个 worker 同时写同一个 map 触发的 concurrent map writes 也会被这个 recover 接住变成普通错误。",
        ),
        # %v/%w swapped, in a design question
        (
            "design.interview-error-strategy",
            "Wrapping with %v keeps the original error reachable for errors.Is.",
        ),
    ],
)
def test_a_shared_wrong_belief_is_reported_in_every_topic_it_belongs_to(banks: Catalog, qid: str, text: str) -> None:
    assert any(m.shared for m in grade(banks, qid, text).misconceptions)


def test_a_stated_wrong_belief_marks_the_point_its_sentence_speaks_of(banks: Catalog) -> None:
    text = (
        "errgroup.WithContext cancels the shared context on the first error, which brings the other exports "
        "to a halt right there, so you don't have to check ctx.Done() in each worker."
    )
    g = grade(banks, "waitgroup.errgroup-vs-waitgroup", text)
    belief = next(m for m in g.misconceptions if m.shared)
    marked = [p for p in g.points if p.verdict is PointVerdict.CONTRADICTED]
    # one wrong statement, one point marked
    assert len(marked) == 1 and marked[0].evidence == belief.evidence


def test_a_wrong_belief_marks_its_point_without_charging_the_answer_twice(
    banks: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "The hashing loop is the easy one: since Go 1.14 the runtime preempts long-running loops and "
        "notices the cancelled context and unwinds it."
    )
    g = grade(banks, "context.cancellation-reach", text)
    assert any(m.shared for m in g.misconceptions)
    assert any(p.verdict is PointVerdict.CONTRADICTED for p in g.points)
    import runner.answers.framework as framework

    monkeypatch.setattr(framework, "_beliefs_contradict", lambda points, *_: points)
    unmarked = grade(banks, "context.cancellation-reach", text)
    assert not any(p.verdict is PointVerdict.CONTRADICTED for p in unmarked.points)
    assert unmarked.score == g.score
