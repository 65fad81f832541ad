"""From a graded attempt to an FSRS rating (1 Again, 2 Hard, 3 Good, 4 Easy).

The rules, in order:
1. The learner's override, when given, is the rating.
2. Wrong (a choice, true/false, output or spot-the-bug answer not right; an open answer that
   missed or contradicted a core point, or scored under 0.5) is Again.
3. An open answer scoring 0.5 up to 0.8 is Hard; so is a right answer reached with a hint.
4. Right is Good; right within the kind's "fast" time is Easy.
"""

from __future__ import annotations

from runner.kinds.registry import find
from runner.progress.attempts import QuestionAttempt

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

# Modes whose answers move the review schedule. Scripted grading (`quiz --answers`, hiring
# exams) grades someone else's answers, so it is not recorded at all; `gokata answer` is the
# learner's own practice and is recorded as such.
SCHEDULING_MODES = frozenset({"practice", "review", "exam", "interview"})
UNRECORDED_MODES = frozenset({"scripted"})

OPEN_RIGHT = 0.8  # an open answer at or above this (and no core point missed) counts as right
OPEN_WRONG = 0.5  # below this it counts as wrong


def fast_seconds(kind: str) -> float | None:
    """Seconds within which a right answer shows effortless recall (each kind's `fast_seconds`):
    roughly the time to read the prompt and answer without deliberating. Reading code (output,
    spot-the-bug) and writing prose (open) take longer, so their bars are higher. None for a kind
    this gokata does not know (an old record)."""
    found = find(kind)
    return None if found is None else found.fast_seconds


def is_right(attempt: QuestionAttempt) -> bool:
    """Right for accuracy figures: exact kinds by their verdict, open answers by score and core points."""
    if attempt.correct is not None:
        return attempt.correct
    return attempt.score >= OPEN_RIGHT and not attempt.missed_core


def is_fast(attempt: QuestionAttempt) -> bool:
    limit = fast_seconds(attempt.kind)
    # A zero duration means "not measured" (imported or scripted), never "fast".
    return limit is not None and 0 < attempt.duration_s <= limit


def suggested_rating(attempt: QuestionAttempt) -> int:
    """The rating the verdict earns, ignoring any override (what the session offers to the learner)."""
    if attempt.missed_core or attempt.correct is False:
        return AGAIN
    if attempt.correct is None:
        if attempt.score < OPEN_WRONG:
            return AGAIN
        if attempt.score < OPEN_RIGHT:
            return HARD
    if attempt.hints > 0:
        return HARD
    return EASY if is_fast(attempt) else GOOD


def rating_for(attempt: QuestionAttempt) -> int:
    """The rating the scheduler uses: the learner's override when valid, else the suggestion."""
    if attempt.rating_override is not None:
        if attempt.rating_override not in RATING_NAMES:
            raise ValueError(f"rating_override must be 1..4, got {attempt.rating_override}")
        return attempt.rating_override
    return suggested_rating(attempt)
