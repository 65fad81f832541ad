"""Hints for a question as shown: the author's first, then ones gokata derives from the kind.

A hint narrows the search without giving the answer away: how many choices are right, a choice
that is wrong, how many lines the output has, where the faulty lines are, which questions an
interviewer would ask. A right answer after a hint is rated Hard (see runner.progress.rating).
"""

from __future__ import annotations

from runner.content.models import (
    LETTERS,
    Lang,
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
)
from runner.quiz.select import Presented


def hints_for(p: Presented, lang: Lang) -> tuple[str, ...]:
    """Every hint for the question as shown, in the order they are given."""
    q = p.question
    zh = lang == "zh"
    out = [h.get(lang) for h in q.hints]
    match q:
        case MultiQuestion():
            right = sum(c.correct for c in q.choices)
            out.append(
                f"{len(q.choices)} 个选项中有 {right} 个正确。"
                if zh
                else f"{right} of the {len(q.choices)} choices are right."
            )
            wrong = _wrong_letters(p, zh)
            out.extend(wrong[:-1])  # all of them would give the answer away
        case SingleQuestion():
            out.extend(_wrong_letters(p, zh)[:-1] if len(q.choices) > 2 else [])
        case OutputQuestion():
            lines = q.expected_output.rstrip("\n").split("\n")
            out.append(f"输出共 {len(lines)} 行。" if zh else f"The output has {len(lines)} line(s).")
            first = lines[0]
            out.append(f"第一行是：{first}" if zh else f"The first line is: {first}")
        case SpotTheBugQuestion():
            n = len(q.bug_lines)
            total = len((q.code or "").splitlines()) or max(q.bug_lines)
            lo, hi = max(1, min(q.bug_lines) - 2), min(total, min(q.bug_lines) + 2)
            out.append(f"有 {n} 行有问题。" if zh else f"{n} line(s) are faulty.")
            out.append(f"看看第 {lo} 到 {hi} 行。" if zh else f"Look at lines {lo} to {hi}.")
        case OpenQuestion():
            core = [pt for pt in q.framework if pt.core]
            out.append(
                f"参考框架有 {len(q.framework)} 个要点，其中 {len(core)} 个是核心。"
                if zh
                else f"The answer framework has {len(q.framework)} points; {len(core)} of them are core."
            )
            out.extend(pt.follow_up.get(lang) for pt in core if pt.follow_up is not None)
    return tuple(h for h in out if h)


def _wrong_letters(p: Presented, zh: bool) -> list[str]:
    """Wrong choices, one per hint, in the order shown."""
    q = p.question
    assert isinstance(q, SingleQuestion | MultiQuestion)
    wrong = [LETTERS[i] for i, bank in enumerate(p.order) if not q.choices[bank].correct]
    return [f"{letter} 不对。" if zh else f"{letter} is not right." for letter in wrong]
