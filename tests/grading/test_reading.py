from __future__ import annotations

import pytest

from runner.answers.reading import COND, Polarity, read_answer, stem


def _own(text: str, term: str) -> tuple[int, ...]:
    """The token positions of `term` (an English word, identifier or Chinese word) in `text`."""
    toks = read_answer(text).tokens
    raws = [t.raw for t in toks]
    if term in raws:
        return (raws.index(term),)
    for i in range(len(raws)):
        if "".join(raws[i : i + len(term)]) == term:
            return tuple(range(i, i + len(term)))
    raise AssertionError(f"{term!r} not in {raws}")


def polarity(text: str, term: str) -> Polarity:
    return read_answer(text).polarity(_own(text, term))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("A map neever shrinks after deletes.", "shrinks"),
        ("Slicing a string nevre copies the bytes.", "copies"),
        ("The GC nveer collects a blocked goroutine.", "collects"),
        ("Once dosent retry after a panic.", "retry"),
        ("Stop it wihtout closing the channel.", "closing"),
    ],
)
def test_a_misspelt_negator_still_negates(text: str, term: str) -> None:
    assert polarity(text, term) is not Polarity.AFFIRMED


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("We want the worker to close the channel.", "close"),
        ("Noting that the map shrinks is enough.", "shrinks"),
    ],
)
def test_real_words_one_slip_from_a_negator_do_not_negate(text: str, term: str) -> None:
    assert polarity(text, term) is Polarity.AFFIRMED


def test_go_identifiers_are_one_token_each() -> None:
    toks = read_answer("Call wg.Add(1), then <-ctx.Done() and sync.Once.").tokens
    assert [t.key for t in toks if t.kind == "ident"] == ["wg.add", "ctx.done", "sync.once"]
    assert stem("done") in next(t for t in toks if t.key == "ctx.done").alt


def test_full_width_identifiers_read_like_ascii() -> None:
    keys = [t.key for t in read_answer("用ｓｙｎｃ．Ｏｎｃｅ保证").tokens]
    assert "sync.once" in keys


def test_chinese_needs_no_spaces_every_han_character_is_a_token() -> None:
    toks = read_answer("切片共享底层数组").tokens
    assert [t.key for t in toks] == list("切片共享底层数组")


def test_inflections_share_a_stem() -> None:
    assert stem("shares") == stem("shared") == stem("sharing") == stem("share")
    assert stem("leaks") == stem("leaked") == stem("leaking") == stem("leak")
    assert stem("name") == stem("named") == stem("names") == stem("naming")
    assert stem("gcs") == stem("gc") and stem("uses") == stem("used") == stem("use")
    assert stem("blocked") == stem("blocking") == "block"


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("A slice shares its backing array.", "shares", Polarity.AFFIRMED),
        ("A re-slice does not share the backing array.", "share", Polarity.NEGATED),
        ("Closing it twice never panics.", "panics", Polarity.NEGATED),
        ("You don't need to call cancel.", "cancel", Polarity.DISMISSED),
        ("It is unnecessary to call cancel with a timeout.", "cancel", Polarity.DISMISSED),
        # A "not needed" after the term leaves it undecided: here the subject is not dismissed.
        ("Switching doesn't need a trip into the kernel.", "switching", Polarity.QUALIFIED),
        ("Calling cancel is unnecessary with a timeout.", "cancel", Polarity.QUALIFIED),
        ("It is a common myth that sync.Pool keeps objects forever.", "forever", Polarity.DISMISSED),
        ("If you don't call cancel, the timer leaks.", "cancel", Polarity.HYPOTHETICAL),
        ("Forgetting to call cancel leaks the timer.", "cancel", Polarity.HYPOTHETICAL),
        ("There is no race here.", "race", Polarity.LACKING),
        ("It is not only cancelled but also closed.", "cancelled", Polarity.AFFIRMED),
        # A negation ends at its clause.
        ("It is not the receiver, the sender closes.", "closes", Polarity.AFFIRMED),
        ("The receiver must not close it, but the sender closes it.", "sender", Polarity.AFFIRMED),
        # ... and binds to the nearest term only (here both are terms of the test: "share" comes first).
        ("不需要调用 cancel", "cancel", Polarity.DISMISSED),
        # ... unless nothing but the doing of it follows: then the term is what is waved away.
        ("cancel 不用调用", "cancel", Polarity.DISMISSED),
        ("-race 也不需要加，会让 CI 慢好几倍", "-race", Polarity.DISMISSED),
        ("The -race flag isn't needed here.", "-race", Polarity.DISMISSED),
        ("An epsilon is unnecessary.", "epsilon", Polarity.DISMISSED),
        ("切换不需要陷入内核", "切换", Polarity.QUALIFIED),
        ("The -race flag doesn't need a special build.", "-race", Polarity.QUALIFIED),
        ("I wouldn't bother synchronising it at all.", "synchronising", Polarity.DISMISSED),
        ("Tracking status per report is overkill.", "tracking", Polarity.DISMISSED),
        ("race detector 报的这个可以忽略", "race", Polarity.DISMISSED),
        # "no need for X to do Y": the doing is what is not needed.
        ("There's no need for the options or the constructor to return an error.", "return", Polarity.DISMISSED),
        ("No need for the caller to call cancel.", "call", Polarity.DISMISSED),
        ("切片不共享底层数组", "共享", Polarity.NEGATED),
        ("如果不调用 cancel，定时器会泄漏", "cancel", Polarity.HYPOTHETICAL),
        ("普通 map 没有类型安全", "类型安全", Polarity.LACKING),
        ("它们的区别是容量", "容量", Polarity.AFFIRMED),  # 区别 is not 别
        ("无缓冲 channel 会阻塞", "阻塞", Polarity.AFFIRMED),  # 无缓冲 is a word, not a negation
        ("误以为 sync.Pool 会永久保存对象", "永久保存", Polarity.DISMISSED),
        # The past is a supposition too: it teaches what the later version does.
        ("Before Go 1.22 Delete didn't zero the tail.", "zero", Polarity.HYPOTHETICAL),
        ("Go 1.22 之前 Delete 不会清零尾部", "清零", Polarity.HYPOTHETICAL),
        # 时 closes a Chinese subordinate clause: the negation stays inside it.
        ("本地没任务时会从别的 P 偷一半", "偷", Polarity.AFFIRMED),
        # A full-width colon ends a clause even without a space after it.
        ("无同步地读取：数据竞争", "竞争", Polarity.AFFIRMED),
        # A need-negation dismisses the term it reaches, not everything after it.
        ("You don't need to explicitly call cancel.", "cancel", Polarity.DISMISSED),
    ],
)
def test_polarity(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


def test_a_negator_binds_to_the_nearest_term() -> None:
    text = "A slice does not share the backing array."
    r = read_answer(text)
    share, array = _own(text, "share"), _own(text, "array")
    terms = {share[0]: (frozenset(share),), array[0]: (frozenset(array),)}
    assert r.polarity(share, terms) is Polarity.NEGATED
    assert r.polarity(array, terms) is Polarity.AFFIRMED


def test_a_need_negation_dismisses_the_term_it_reaches_not_the_rest() -> None:
    text = "You don't need to call cancel with WithTimeout."
    r = read_answer(text)
    cancel, wt = _own(text, "cancel"), _own(text, "withtimeout")
    terms = {cancel[0]: (frozenset(cancel),), wt[0]: (frozenset(wt),)}
    assert r.polarity(cancel, terms) is Polarity.DISMISSED
    assert r.polarity(wt, terms) is Polarity.AFFIRMED


def test_a_term_inside_the_same_match_does_not_block() -> None:
    text = "也不用依赖注入"
    r = read_answer(text)
    whole, inner = _own(text, "依赖注入"), _own(text, "注入")
    terms = {i: (frozenset(whole),) for i in whole}
    assert r.polarity(inner, terms) is Polarity.DISMISSED


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("It cannot be garbage collected.", "collected", Polarity.NEGATED),  # "be" is a function word
        ("Reports we can't lose go to Kafka first.", "kafka", Polarity.AFFIRMED),  # "lose go": too far
        ("不能拿它当连接池", "连接池", Polarity.NEGATED),
    ],
)
def test_a_negator_reaches_about_one_content_word(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


def test_a_phrasing_that_carries_its_own_negation_is_asserted_when_matched() -> None:
    text = "You don't need to call cancel."
    r = read_answer(text)
    own = _own(text, "dont") + _own(text, "need") + _own(text, "call") + _own(text, "cancel")
    assert r.polarity(own) is Polarity.AFFIRMED


@pytest.mark.parametrize(
    "text",
    [
        "header, backing array, share, pin, memory leak",
        "defer cancel, leak, timer, cooperative, ctx.Done(), parent, children",
        "切片头、底层数组、共享、内存泄漏",
        "切片头 底层数组 共享 内存泄漏",
        "defer cancel() 泄漏 定时器 协作式 ctx.Done() 父上下文 子上下文",
    ],
)
def test_keyword_lists_are_recognised(text: str) -> None:
    assert read_answer(text).keyword_only


def test_a_hyphenated_term_is_not_a_cue() -> None:
    r = read_answer("data race happens-before channel")
    assert not any(r.cues)


@pytest.mark.parametrize(
    "text",
    [
        "A slice is a pointer, length and capacity over a backing array.",
        "Re-slicing shares the array, so an append can overwrite the original.",
        "切片共享底层数组导致内存泄漏。",
        "切片是一个结构体，包含指针、长度和容量，指向底层数组。",
        "cancel",  # too short to call a list: it just scores low
    ],
)
def test_sentences_are_not_keyword_lists(text: str) -> None:
    assert not read_answer(text).keyword_only


def test_a_command_line_flag_is_one_token_not_a_word() -> None:
    toks = read_answer("Run go test -race, not <-ctx.Done() or -gcflags=-m.").tokens
    assert [t.key for t in toks if t.raw.startswith("-")] == ["-race", "-gcflags", "-m"]
    assert "rac" not in [t.key for t in toks]  # "-race" is not the word "race"
    assert [t.key for t in read_answer("a data-race").tokens] == ["a", "data", "rac"]


def _terms(text: str, *words: str) -> dict[int, tuple[frozenset[int], ...]]:
    out: dict[int, tuple[frozenset[int], ...]] = {}
    for w in words:
        own = _own(text, w)
        for i in own:
            out[i] = (frozenset(own),)
    return out


@pytest.mark.parametrize(
    ("text", "items", "expected"),
    [
        # A negation covers every item of a list it governs...
        ("Context is not for cancellation or timeouts.", ("cancellation", "timeouts"), Polarity.NEGATED),
        ("It never carries deadlines, values or loggers.", ("deadlines", "values", "loggers"), Polarity.NEGATED),
        ("It has no ID, handle or thread-local storage.", ("id", "handle", "thread"), Polarity.LACKING),
        ("不要调用回调、RPC 或者发送", ("回调", "rpc", "发送"), Polarity.NEGATED),
        (
            "never call unknown code (callbacks, channel sends) under a lock",
            ("unknown", "callbacks", "channel"),
            Polarity.NEGATED,
        ),
        # ... but not past a new clause, nor into an item with its own negation.
        ("There is no race, and wg.Wait makes the writes visible.", ("race", "wg.wait"), Polarity.AFFIRMED),
        ("No allocation for pointers, integers and constants.", ("pointers", "constants"), Polarity.AFFIRMED),
        # An "and" that starts a clause is not a list: New is the subject of "must still work".
        ("Nothing is guaranteed and New must still work.", ("new",), Polarity.AFFIRMED),
        ("It is not cancelled and New must still work.", ("cancelled", "new"), Polarity.AFFIRMED),
        # A trailing adverb closes the last item; it does not start a clause.
        ("There's no need for an epsilon or integer units there.", ("epsilon", "integer"), Polarity.DISMISSED),
    ],
)
def test_a_negation_covers_the_items_of_its_list(text: str, items: tuple[str, ...], expected: Polarity) -> None:
    r = read_answer(text)
    terms = _terms(text, *items)
    assert r.polarity(_own(text, items[-1]), terms) is expected


def test_an_item_with_its_own_negation_is_its_own_statement() -> None:
    text = "Goroutines have no ID and cannot be killed."
    r = read_answer(text)
    killed = _own(text, "cannot") + _own(text, "be") + _own(text, "killed")
    terms = _terms(text, "id")
    for i in killed:
        terms[i] = (frozenset(killed),)
    assert r.polarity(killed, terms) is Polarity.AFFIRMED


@pytest.mark.parametrize(
    ("text", "subjects", "expected"),
    [
        ("闭包和接口都不会导致逃逸", ("闭包", "接口"), Polarity.NEGATED),
        ("Closures and interfaces do not cause escapes.", ("closures", "interfaces"), Polarity.NEGATED),
        ("闭包和接口都会导致逃逸", ("闭包", "接口"), Polarity.AFFIRMED),
        # Only a denied cause reaches back to its subject.
        ("sync.Pool does not keep objects forever.", ("sync.pool",), Polarity.AFFIRMED),
    ],
)
def test_a_denied_cause_denies_its_subjects(text: str, subjects: tuple[str, ...], expected: Polarity) -> None:
    r = read_answer(text)
    terms = _terms(text, *subjects)
    assert all(r.polarity(_own(text, s), terms) is expected for s in subjects)


def test_not_always_denies_only_what_starts_with_always() -> None:
    text = "RWMutex is not always faster."
    r = read_answer(text)
    always_faster = _own(text, "always") + _own(text, "faster")
    assert r.polarity(always_faster) is Polarity.NEGATED
    assert r.polarity(_own(text, "faster")) is Polarity.AFFIRMED


@pytest.mark.parametrize("text", ["池子会悄无声息地丢弃对象", "这一步必不可少地丢弃对象", "不可避免地丢弃对象"])
def test_idioms_with_a_negating_character_do_not_negate(text: str) -> None:
    assert polarity(text, "丢弃") is Polarity.AFFIRMED


@pytest.mark.parametrize(
    "text",
    [
        "It is about the second check and only once and the data race and the first check and half-built objects "
        "and the memory model and sync.Once and go test -race.",
        "I would mention cancel and timeout and request-scoped and tree and parent and child",
        "取消和超时和传值和树和父节点和子节点",
        "the data race, the memory model, the first check, the victim cache",
    ],
)
def test_chains_of_and_and_lists_of_articled_items_are_keyword_lists(text: str) -> None:
    assert read_answer(text).keyword_only


@pytest.mark.parametrize(
    "text",
    [
        "The check takes minutes.",
        "It reads the header and may write into the array or allocate a new one.",
        "A buffer absorbs bursts and the workers drain it.",
    ],
)
def test_terse_prose_with_articles_and_joiners_is_not_a_list(text: str) -> None:
    assert not read_answer(text).keyword_only


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("The conversions that were not done keep running.", "keep", Polarity.AFFIRMED),
        ("Goroutines which didn't finish still hold the lock.", "hold", Polarity.AFFIRMED),
        ("A worker that never checks ctx leaks.", "leaks", Polarity.AFFIRMED),
        # The relative clause's own verb is still denied, and a main-clause negation still counts.
        ("Code that does not call cancel leaks the timer.", "call", Polarity.NEGATED),
        ("The conversions do not keep running.", "keep", Polarity.NEGATED),
    ],
)
def test_a_negation_inside_a_relative_clause_denies_only_that_clause(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


@pytest.mark.parametrize(
    "text", ["能不能看到完全取决于容量", "是不是线程安全要看调用方", "有没有竞争要跑 -race", "可不可以复用"]
)
def test_the_chinese_a_not_a_question_form_denies_nothing(text: str) -> None:
    reading = read_answer(text)
    assert not any(reading.cues), [t.raw for t, c in zip(reading.tokens, reading.cues, strict=True) if c]


def test_a_plain_chinese_negation_still_denies() -> None:
    assert polarity("调用方不能看到新元素", "看到") is Polarity.NEGATED


def _matches(phrasing_text: str, text: str) -> bool:
    """Whether the phrasing is found in the text at all (polarity aside)."""
    from runner.answers.fuzzy import FuzzyIndex
    from runner.answers.matcher import Resolved, compile_phrasing

    phrasing = compile_phrasing(phrasing_text)
    resolved = Resolved(read_answer(text), FuzzyIndex(set()), [phrasing])
    return next(iter(resolved.find(phrasing)), None) is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Don't rely on it: return the new slice like append does.", False),
        ("Don't rely on it — return the new slice like append does.", False),
        ("You needn't return it.", True),
    ],
)
def test_a_colon_or_dash_ends_the_statement_for_matches(text: str, found: bool) -> None:
    assert _matches("needn't return", text) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("超时后整条链 cancel，slow query 被 kill，connection 和 goroutine 释放。", False),
        ("Cancel in effect, kills the goroutine.", True),
        ("Cancel kills the goroutine.", True),
    ],
)
def test_a_match_crosses_at_most_one_clause_break(text: str, found: bool) -> None:
    assert _matches("cancel kills the goroutine", text) is found


@pytest.mark.parametrize(
    ("text", "denies_subject"),
    [
        ("The parent is not affected and keeps running.", False),  # passive: the parent is acted on
        ("The parent isn't affected by it.", False),
        ("Closures do not cause escapes.", True),  # a denied cause denies its subject
        ("It doesn't affect the parent.", True),
        ("Caching the error isn't an issue.", True),  # a dismissed subject, not a passive verb
    ],
)
def test_a_denied_cause_is_not_a_passive_verb(text: str, denies_subject: bool) -> None:
    from runner.answers.reading import SUBJECT

    reading = read_answer(text)
    assert any(c & SUBJECT for c in reading.cues) is denies_subject
    if not denies_subject:
        assert polarity(text, "parent") is Polarity.AFFIRMED


@pytest.mark.parametrize(
    ("text", "term", "mistake"),
    [
        # 错误 after a determiner or before 链/值 is the noun "error", not "wrong"
        ("只看最外层那个错误。", "只看最外层", False),
        ("只比较最外层的错误值。", "只比较最外层", False),
        ("Add 放在协程里是错误的。", "add", True),
        ("Add 写在协程里会导致错误。", "add", True),
    ],
)
def test_the_noun_error_is_not_a_bad_outcome(text: str, term: str, mistake: bool) -> None:
    assert read_answer(text).described_as_mistake(_own(text, term)) is mistake


def test_the_runtime_is_not_a_when_clause() -> None:
    reading = read_answer("运行时会等其他 goroutine 做完")
    assert len({t.clause for t in reading.tokens}) == 1


def test_a_clause_ending_in_dehua_supposes_what_it_says() -> None:
    supposed = "每次请求都新建 Transport 的话，连接池就白费了。"
    stated = "每次请求都新建 Transport，连接池就白费了。"
    assert polarity(supposed, "新建") is Polarity.HYPOTHETICAL
    assert polarity(stated, "新建") is Polarity.AFFIRMED


@pytest.mark.parametrize(
    ("text", "polar"),
    [
        ("Closing ch in fetch would be wrong: the send would then panic.", Polarity.HYPOTHETICAL),
        ("Without the buffer the send would otherwise panic.", Polarity.HYPOTHETICAL),
        ("The send would panic.", Polarity.AFFIRMED),
        ("The send will panic, and then the goroutine exits.", Polarity.AFFIRMED),
    ],
)
def test_would_then_is_the_consequence_of_a_supposition(text: str, polar: Polarity) -> None:
    assert polarity(text, "panic") is polar


@pytest.mark.parametrize(
    ("text", "term", "polar"),
    [
        ("Before Go 1.22, every &v was the same address.", "same", Polarity.HYPOTHETICAL),
        ("In Go 1.21 and earlier, every &v was the same address.", "same", Polarity.HYPOTHETICAL),
        ("In older versions, every &v was the same address.", "same", Polarity.HYPOTHETICAL),
        ("Go 1.22 之前，每次迭代都是同一个地址。", "同一个地址", Polarity.HYPOTHETICAL),
        # not an older Go: the rule and its consequence are stated
        ("Since Go 1.22, each iteration has its own v.", "own", Polarity.AFFIRMED),
        ("Before returning, the function runs its deferred calls.", "deferred", Polarity.AFFIRMED),
        ("只要 Add(1) 发生在 Wait 返回之前就是安全的，Wait 会把新加的计数算进去。", "算进去", Polarity.AFFIRMED),
        # only the clause right after the frame, and only when the frame opens the sentence
        ("Before Go 1.22, v was shared, but now every iteration has its own.", "own", Polarity.AFFIRMED),
        ("Every &v is the same address before Go 1.22, as the loop reuses v.", "reuses", Polarity.HYPOTHETICAL),
        ("The loop reuses v. Before Go 1.22, it did.", "reuses", Polarity.AFFIRMED),
    ],
)
def test_a_sentence_opening_with_an_older_go_says_how_things_were(text: str, term: str, polar: Polarity) -> None:
    assert polarity(text, term) is polar


@pytest.mark.parametrize(
    ("text", "term", "polar"),
    [
        ("The one thing that must not happen is calling Add inside the goroutine.", "add", Polarity.NEGATED),
        ("The call that should never be made is Add inside the goroutine.", "add", Polarity.NEGATED),
        ("The thing that mustn't happen is calling Add inside the goroutine.", "add", Polarity.NEGATED),
        # a relative clause that says what something is, not what must not be done
        ("Anything that is not closed is a leak.", "leak", Polarity.AFFIRMED),
        ("The jobs that were not done keep running.", "running", Polarity.AFFIRMED),
    ],
)
def test_a_relative_clause_can_name_what_must_not_be_done(text: str, term: str, polar: Polarity) -> None:
    assert polarity(text, term) is polar


def test_an_emphatic_negator_ending_in_the_phrasings_own_negation_is_that_negation() -> None:
    """并不 ends in the 不 a phrasing "不会强行" starts with: the phrasing is said, with emphasis.
    A negator whose tail is a phrasing's first character that negates nothing still denies it."""
    emphatic = "并不会强行把循环停下来。"
    assert polarity(emphatic, "不会强行") is Polarity.AFFIRMED
    assert polarity("不会强行把循环停下来。", "不会强行") is Polarity.AFFIRMED
    assert polarity("发送也不会阻塞。", "会阻塞") is Polarity.NEGATED


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("所以 recover 根本 catch 不到。", "catch", Polarity.NEGATED),
        ("这个锁 unlock 不了，就死锁了。", "unlock", Polarity.NEGATED),
        ("recover 能 catch 到它。", "catch", Polarity.AFFIRMED),
        ("如果 recover catch 不到，进程就退出。", "catch", Polarity.HYPOTHETICAL),
        # after a Chinese verb, 不到 names what waiting never brings: it still waits
        ("它卡在一个永远等不到的东西上。", "等", Polarity.AFFIRMED),
    ],
)
def test_a_chinese_potential_complement_denies_the_verb_before_it(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


@pytest.mark.parametrize(
    ("text", "term", "purpose"),
    [
        ("To keep just 64 bytes, copy them into a new slice.", "keep", True),
        ("In order to avoid the copy, use bytes.Clone.", "avoid", True),
        ("为了只保留 64 字节，要拷贝一份。", "保", True),
        ("It has to keep the whole array.", "keep", False),
        ("Copy them to keep just 64 bytes.", "copy", False),
        ("The slice keeps the array. To be safe, copy it.", "keeps", False),
        # without a comma the sentence's own statement runs on in the clause
        (
            "To avoid duplicates the worker marks the job done as soon as it picks it up, before the push.",
            "marks",
            False,
        ),
    ],
)
def test_a_clause_that_opens_with_a_goal_states_no_fact(text: str, term: str, purpose: bool) -> None:
    reading = read_answer(text)
    assert reading.in_purpose_clause(_own(text, term)) is purpose


@pytest.mark.parametrize(
    ("text", "conditional"),
    [
        ("主要是语法层面的原因。", False),
        ("最重要是先加锁。", False),
        ("要是没加锁就会竞争。", True),
        ("只要是写就要加锁。", True),
    ],
)
def test_yaoshi_inside_another_word_is_no_condition(text: str, conditional: bool) -> None:
    reading = read_answer(text)
    assert any(reading.cues[i] & COND for i in range(len(reading.tokens))) is conditional


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("I would never just turn the GC off without a limit.", "turn", Polarity.NEGATED),
        ("You should not simply copy the map.", "copy", Polarity.NEGATED),
        ("It does not only leak, it also blocks the sender.", "leak", Polarity.AFFIRMED),
        ("Not just the array but the header too.", "array", Polarity.AFFIRMED),
    ],
)
def test_not_just_denies_unless_a_but_or_also_follows(text: str, term: str, expected: Polarity) -> None:
    assert polarity(text, term) is expected


@pytest.mark.parametrize(
    ("text", "a", "b", "same"),
    [
        ("Each cycle then has less to do.", "cycle", "has", True),  # "then" as "as a result"
        ("The collector then runs less often.", "collector", "runs", True),
        ("Wait for the tasks, then call Shutdown.", "tasks", "call", False),
        ("Wait for the tasks and then call Shutdown.", "tasks", "call", False),
        ("If the buffer is full then the send blocks.", "full", "send", False),  # the condition ends
    ],
)
def test_then_starts_a_clause_only_after_punctuation_a_joiner_or_a_condition(
    text: str, a: str, b: str, same: bool
) -> None:
    assert _together(text, a, b, "clause") is same


def _together(text: str, a: str, b: str, unit: str) -> bool:
    """Words a and b of the answer fall in the same clause (or statement)."""
    where = {t.raw: getattr(t, unit) for t in read_answer(text).tokens}
    return bool(where[a] == where[b])


@pytest.mark.parametrize(
    ("text", "a", "b", "same"),
    [
        ("When a worker fails, it closes the channel.", "worker", "closes", True),
        ("If a worker fails, it closes the channel.", "worker", "closes", True),
        ("A worker fails, it closes the channel.", "worker", "closes", False),  # no leading clause
        ("When a worker fails, it stops, and the producer closes the channel.", "worker", "producer", False),
        ("When a worker fails, it stops, but the producer closes the channel.", "worker", "producer", False),
        # The comma after the leading clause left out: its main clause ends at the first comma.
        ("When the loader is done it closes the jobs channel, each worker stops.", "closes", "worker", False),
        ("When it fails, the worker closes the channel.", "fails", "closes", True),  # its own subject
    ],
)
def test_a_leading_when_clause_and_the_clause_after_its_comma_are_one_statement(
    text: str, a: str, b: str, same: bool
) -> None:
    assert _together(text, a, b, "statement") is same
