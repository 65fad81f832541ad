"""Hints for a question as shown: the author's first, then ones gokata derives from the kind.

A hint narrows the search without giving the answer away: how many choices are right, a choice
that is wrong, how many lines the output has, where the faulty lines are, which questions an
interviewer would ask; each kind's module (runner/kinds/) gives its own. A right answer after a
hint is rated Hard (see runner.progress.rating).
"""

from __future__ import annotations

from runner.content.models import Lang
from runner.kinds.registry import kind_of
from runner.quiz.select import Presented


def hints_for(p: Presented, lang: Lang) -> tuple[str, ...]:
    """Every hint for the question as shown, in the order they are given."""
    q = p.question
    out = [h.get(lang) for h in q.hints]
    out.extend(kind_of(q).hints(q, p.order, lang))
    return tuple(h for h in out if h)
