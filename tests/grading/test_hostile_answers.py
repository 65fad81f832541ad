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
