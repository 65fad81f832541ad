"""How far the grader trusts its own score, and why a person should read the answer when not.

Three situations make a lexical verdict doubtful, in either direction:
- a long, fluent answer that earns little: it may say the right things in words the grader does
  not know (or be off topic, which a person sees at once);
- a point both stated and contradicted: the answer says the right thing and its opposite, or the
  contrast matched a sentence that means something else;
- most of the credit from one sentence of a long answer: one matched sentence decides the grade.
  Decided by grading the answer again without that sentence: a strong answer that opens with a
  summary and then explains keeps most of its score without the summary, and is not flagged.
"""

from __future__ import annotations

from collections.abc import Callable

from runner.answers.reading import Reading
from runner.answers.result import PointResult, PointVerdict

FLUENT_WORDS = 45  # word units (a Han character counts half) that make an answer "long"
LOW_SCORE = 0.3
ONE_SENTENCE_SHARE = 0.7
WITHOUT_IT_KEEPS = 0.5  # the share of the score left without the sentence that marks it as carried by it


def _length(reading: Reading) -> float:
    return sum(t.units for t in reading.tokens)


def assess(
    reading: Reading,
    points: tuple[PointResult, ...],
    score: float,
    *,
    keyword_only: bool,
    waved_away: bool = False,
    about_instead: str | None = None,
    score_without: Callable[[tuple[int, int]], float] | None = None,
) -> tuple[float, tuple[str, ...]]:
    """(confidence 0..1, the reasons it is low). `score_without(span)`: the score of the answer
    with the characters of `span` left out."""
    confidence = 1.0
    reasons: list[str] = []
    long = _length(reading) >= FLUENT_WORDS and len(reading.sentences) >= 2
    # A list, or an answer that waves the question's concerns away, earns little for a reason the
    # grade shows: there is nothing for a person to rescue.
    # An answer capped as being about another question is said to be: a person checks that it is.
    if long and about_instead is not None:
        confidence = min(confidence, 0.35)
        reasons.append(
            f"it reads like an answer to another question ({about_instead}): check it does not answer this one"
        )
    elif long and not keyword_only and not waved_away and score < LOW_SCORE:
        confidence = min(confidence, 0.35)
        reasons.append("a long, fluent answer earned little: it may say the right things in other words")
    both = [p.point_id for p in points if p.verdict is PointVerdict.CONTRADICTED and p.also_covered]
    if both:
        confidence = min(confidence, 0.4)
        reasons.append(f"the answer both states and contradicts: {', '.join(both)}")
    credited = [p for p in points if p.credit > 0 and p.spans]
    earned = sum(p.weight * p.credit for p in credited)
    if long and earned and len(reading.sentences) >= 4:
        by_sentence: dict[tuple[int, int], float] = {}
        for p in credited:
            by_sentence[p.spans[0]] = by_sentence.get(p.spans[0], 0.0) + p.weight * p.credit
        span, carried = max(by_sentence.items(), key=lambda item: item[1])
        if (
            carried / earned >= ONE_SENTENCE_SHARE
            and score >= 0.5
            and (score_without is None or score_without(span) < WITHOUT_IT_KEEPS * score)
        ):
            confidence = min(confidence, 0.45)
            reasons.append("most of the credit comes from one sentence")
    return confidence, tuple(reasons)
