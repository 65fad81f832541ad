from __future__ import annotations

import pytest

from runner.grading.reading import Polarity, read_answer, stem


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
        ("cancel 不用调用", "cancel", Polarity.QUALIFIED),
        ("切换不需要陷入内核", "切换", Polarity.QUALIFIED),
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
