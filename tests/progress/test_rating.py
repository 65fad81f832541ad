from __future__ import annotations

import pytest

from runner.progress.rating import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    fast_seconds,
    is_right,
    rating_for,
    suggested_rating,
)
from tests.progress.helpers import attempt


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"correct": False}, AGAIN),
        ({"correct": True, "duration_s": 25.0}, GOOD),
        ({"correct": True, "duration_s": 5.0}, EASY),  # truefalse is fast within 10 s
        ({"correct": True, "duration_s": 5.0, "hints": 1}, HARD),
        ({"correct": True, "duration_s": 0.0}, GOOD),  # an unmeasured time is not "fast"
        ({"correct": True, "kind": "spot-the-bug", "duration_s": 35.0}, EASY),
        ({"correct": True, "kind": "single", "duration_s": 35.0}, GOOD),
        ({"correct": None, "kind": "open", "score": 0.3}, AGAIN),
        ({"correct": None, "kind": "open", "score": 0.95, "missed_core": True}, AGAIN),
        ({"correct": None, "kind": "open", "score": 0.6}, HARD),
        ({"correct": None, "kind": "open", "score": 0.85, "duration_s": 300.0}, GOOD),
        ({"correct": None, "kind": "open", "score": 0.85, "duration_s": 90.0}, EASY),
    ],
)
def test_verdict_maps_to_rating(fields: dict[str, object], expected: int) -> None:
    correct = fields.pop("correct")
    assert isinstance(correct, bool | None)
    a = attempt("alpha.one", correct=correct, **fields)
    assert suggested_rating(a) == expected
    assert rating_for(a) == expected


def test_override_wins_and_is_validated() -> None:
    assert rating_for(attempt("alpha.one", correct=False, rating_override=EASY)) == EASY
    assert suggested_rating(attempt("alpha.one", correct=False, rating_override=EASY)) == AGAIN
    with pytest.raises(ValueError):
        rating_for(attempt("alpha.one", rating_override=7))


def test_every_kind_has_a_fast_threshold() -> None:
    from runner.content.models import KINDS

    limits = {k: fast_seconds(k) for k in KINDS}
    assert all(v is not None and v > 0 for v in limits.values()), limits
    assert fast_seconds("no-such-kind") is None


def test_open_answer_right_needs_score_and_core() -> None:
    assert is_right(attempt("x.y", correct=None, kind="open", score=0.8))
    assert not is_right(attempt("x.y", correct=None, kind="open", score=0.79))
    assert not is_right(attempt("x.y", correct=None, kind="open", score=1.0, missed_core=True))
