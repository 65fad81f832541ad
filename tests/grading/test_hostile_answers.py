"""The grader reads untrusted text: it never raises, and every quote it gives is the answer's own."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner.answers.framework import grade_open
from runner.content.models import OpenQuestion

ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "M"))
PIECES = st.sampled_from(
    [
        "defer",
        "evaluated",
        "not",
        "rather than",
        "返回时",
        "求值",
        "，",
        "。",
        "\n",
        "- ",
        " & ",
        "$same-memory",
        "```",
        "ｃｔｘ．Ｄｏｎｅ（）",
        "isn't",
        "anymore",
        "if",
        "?",
    ]
)
TEXT = st.one_of(st.text(ALPHABET, max_size=400), st.lists(PIECES, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_grades_within_bounds_with_exact_evidence(defer_q: OpenQuestion, text: str) -> None:
    grade = grade_open(defer_q, text)
    assert 0.0 <= grade.score <= 1.0 and 0.0 <= grade.confidence <= 1.0
    for p in grade.points:
        assert 0.0 <= p.credit <= 1.0
        for start, end in p.spans:
            assert 0 <= start <= end <= len(text)
            assert text[start:end] in (p.evidence or "")
    for m in grade.misconceptions:
        assert m.evidence in text


def test_a_long_unspaced_line_after_a_go_keyword_is_read_without_backtracking(defer_q: OpenQuestion) -> None:
    """The code-line pattern once let "defer <long run without spaces> …" split in exponentially
    many ways: a 188-character Chinese answer took a second, a longer one would never finish.
    Each line below grew the old pattern's work by orders of magnitude; now they grade at once."""
    from runner.answers.lists import _CODE_LINE

    for words in (7, 9, 12):
        line = "defer " + " ".join(["语句执行时会立即对函数值和参数求值并保存" * 3] * words) + "。"
        assert _CODE_LINE.match(line) is None  # more than six words: prose, not a line of code
        assert 0.0 <= grade_open(defer_q, line).score <= 1.0
    assert _CODE_LINE.match("defer mu.Unlock()") and _CODE_LINE.match("func (s *S) Get() {")


ORDER_PIECES = st.sampled_from(
    [
        "Wait",
        "Shutdown",
        "then",
        "first",
        "after",
        "before",
        "once",
        "先",
        "再",
        "之前",
        "之后",
        "然后",
        "，",
        "。",
        "不",
        "if",
        "?",
    ]
)


@settings(max_examples=150, deadline=None)
@given(text=st.lists(ORDER_PIECES, max_size=80).map(" ".join))
def test_any_wording_of_two_steps_grades_within_bounds(text: str) -> None:
    """The order reader (sequence.py) on word salad made of its own markers and steps."""
    from runner.content.catalog import load_catalog
    from tests.conftest import FIXTURES

    q = next(
        q
        for q in load_catalog([FIXTURES / "grading" / "bank"]).questions
        if isinstance(q, OpenQuestion) and q.id == "grading.shutdown-order"
    )
    grade = grade_open(q, text)
    assert 0.0 <= grade.score <= 1.0
    for p in grade.points:
        for start, end in p.spans:
            assert text[start:end] in (p.evidence or "")


def test_a_very_long_word_is_not_looked_up_as_a_typo(defer_q: OpenQuestion) -> None:
    """Its two-deletion neighbourhood grows with the cube of its length: an audit's 2,000-letter
    word took 3.9 GB and 10 s, and at 4,000 letters one exam answer could take the machine."""
    from runner.answers.fuzzy import MAX_FUZZY, FuzzyIndex

    index = FuzzyIndex(["goroutine", "deferred"])
    assert index.lookup("gorotuine") == ("goroutine",)
    assert index.lookup("g" + "o" * MAX_FUZZY) == ()
    word = "".join(chr(ord("a") + (i * 7) % 26) for i in range(4000))
    assert 0.0 <= grade_open(defer_q, f"defer {word} evaluates its arguments").score <= 1.0


def test_clause_facts_are_read_once_per_answer_not_per_match() -> None:
    """A long clause with many matches: each match walked the clause, and a 100 KB answer took
    40 s. The per-token tables answer exactly as the walk did, for every token."""
    from runner.answers.reading import COND, read_answer

    text = (
        "if it is nil the send would then block, and when it fails we would otherwise retry. "
        + "the slice is a pointer and if you append it grows " * 40
        + "如果通道是 nil，发送会一直阻塞；不然的话就会 panic。"
    )
    reading = read_answer(text)
    toks = reading.tokens

    def walk_span(i: int) -> tuple[int, int]:
        start = end = i
        while start > 0 and toks[start - 1].clause == toks[i].clause:
            start -= 1
        while end + 1 < len(toks) and toks[end + 1].clause == toks[i].clause:
            end += 1
        return start, end

    def walk_hypothetical(p: int) -> bool:
        i = p
        while i >= 0 and toks[i].clause == toks[p].clause:
            if reading.cues[i] & COND:
                return True
            i -= 1
        return False

    assert [reading._clause_span(i) for i in range(len(toks))] == [walk_span(i) for i in range(len(toks))]
    assert [reading._hypothetical(i) for i in range(len(toks))] == [walk_hypothetical(i) for i in range(len(toks))]
    assert any(reading._hypothetical(i) for i in range(len(toks)))
    assert reading._would_then_at == [
        i for i in range(len(toks) - 1) if toks[i].raw == "would" and toks[i + 1].raw in ("then", "otherwise")
    ]
    assert len(reading._would_then_at) == 2


def test_an_answer_over_the_length_cap_is_refused_with_its_length(defer_q: OpenQuestion) -> None:
    import pytest

    from runner.answers.limits import MAX_ANSWER_CHARS
    from runner.errors import BadInput

    assert 0.0 <= grade_open(defer_q, "defer " * (MAX_ANSWER_CHARS // 6)).score <= 1.0
    with pytest.raises(BadInput, match=f"{MAX_ANSWER_CHARS + 1:,} characters long"):
        grade_open(defer_q, "x" * (MAX_ANSWER_CHARS + 1))
