from __future__ import annotations

import pytest

from runner.answers.fuzzy import FuzzyIndex, edit_distance


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("goroutine", "goroutine", 2, 0),
        ("goroutine", "gorotuine", 2, 1),  # a swap counts once
        ("channel", "chanel", 1, 1),
        ("capacity", "capasity", 1, 1),
        ("mutex", "lock", 1, 2),  # stops early: anything over the limit is limit + 1
    ],
)
def test_edit_distance(a: str, b: str, limit: int, expected: int) -> None:
    assert edit_distance(a, b, limit) == expected


def test_typos_of_long_words_are_found() -> None:
    index = FuzzyIndex(["cooperativ", "channel", "goroutin"])
    assert index.lookup("cooperatv") == ("cooperativ",)
    assert index.lookup("chanel") == ("channel",)
    assert index.lookup("gorotuin") == ("goroutin",)


def test_short_words_must_be_exact() -> None:
    index = FuzzyIndex(["lock", "leak"])
    assert index.lookup("look") == ()
    assert index.lookup("lead") == ()


def test_first_letter_must_match_and_distance_is_bounded() -> None:
    index = FuzzyIndex(["panic", "cancel"])
    assert index.lookup("manic") == ()
    assert index.lookup("cancellation") == ()


def test_the_prefix_non_is_never_a_typo() -> None:
    index = FuzzyIndex(["nowaddressable", "nonblocking"])
    assert index.lookup("nonaddressable") == ()  # "non-addressable" is not "now addressable"
    assert index.lookup("nowblocking") == ()
    assert index.lookup("nonblockng") == ("nonblocking",)


def test_exact_vocabulary_words_are_not_typos() -> None:
    assert FuzzyIndex(["channel"]).lookup("channel") == ()
