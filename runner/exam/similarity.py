"""Near-identical kata work across candidates: a reason for a human look, never a verdict.

What is compared is each candidate's own work: the lines they added to the starter, with
comments and layout removed. Two candidates who both left the starter alone, or who made
the same one-line fix a small kata invites, are not flagged; two who wrote the same
twenty new lines are.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runner.exam.grading import CandidateReport

THRESHOLD = 0.9
MIN_OWN_CHARS = 120  # less added code than this is too little to tell a copy from the obvious fix
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_SPACE = re.compile(r"[ \t]+")


def normalised_lines(code: str) -> list[str]:
    text = _COMMENT.sub("", code)
    return [line for line in (_SPACE.sub(" ", raw).strip() for raw in text.splitlines()) if line]


def own_work(code: str, starter: str) -> str:
    """The lines of `code` that the starter does not have (as a multiset), joined."""
    given = Counter(normalised_lines(starter))
    added: list[str] = []
    for line in normalised_lines(code):
        if given[line] > 0:
            given[line] -= 1
        else:
            added.append(line)
    return "\n".join(added)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _joined(files: dict[str, str]) -> str:
    return "\n".join(files[name] for name in sorted(files))


def flag_similar_code(reports: list[CandidateReport], starters: dict[str, dict[str, str]]) -> None:
    """Add a `similar-code` flag to both candidates of every pair whose own kata work nearly matches."""
    for a, b in combinations(reports, 2):
        for slug in sorted(set(a.kata_code) & set(b.kata_code)):
            starter = _joined(starters.get(slug, {}))
            work_a = own_work(_joined(a.kata_code[slug]), starter)
            work_b = own_work(_joined(b.kata_code[slug]), starter)
            if min(len(work_a), len(work_b)) < MIN_OWN_CHARS:
                continue
            ratio = similarity(work_a, work_b)
            if ratio >= THRESHOLD:
                for me, other in ((a, b), (b, a)):
                    me.data["flags"].append({
                        "kind": "similar-code",
                        "message": f"Kata {slug}: the code written for it is {ratio:.0%} like {other.candidate}'s "
                                   "(lines added to the starter, comments and layout ignored).",
                    })
