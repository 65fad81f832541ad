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
