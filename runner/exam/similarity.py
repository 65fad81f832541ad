"""Identical or near-identical kata code across candidates: a reason for a human look, never a verdict."""

from __future__ import annotations

import difflib
import re
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runner.exam.grading import CandidateReport

THRESHOLD = 0.92
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")


def normalise_go(code: str) -> str:
    """Comments and layout removed, so renaming nothing but whitespace and comments does not hide a copy."""
    return _SPACE.sub(" ", _COMMENT.sub("", code)).strip()


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise_go(a), normalise_go(b), autojunk=False).ratio()


def flag_similar_code(reports: list[CandidateReport], *, starters: dict[str, str] | None = None) -> None:
    """Add a `similar-code` flag to both candidates of every pair whose kata code nearly matches."""
    for a, b in combinations(reports, 2):
        for slug in sorted(set(a.kata_code) & set(b.kata_code)):
            code_a = "\n".join(a.kata_code[slug][k] for k in sorted(a.kata_code[slug]))
            code_b = "\n".join(b.kata_code[slug][k] for k in sorted(b.kata_code[slug]))
            if not code_a.strip() or not code_b.strip():
                continue
            if starters and normalise_go(code_a) == normalise_go(starters.get(slug, "")):
                continue  # both untouched starters are alike for no interesting reason
            ratio = similarity(code_a, code_b)
            if ratio >= THRESHOLD:
                for me, other in ((a, b), (b, a)):
                    me.data["flags"].append({
                        "kind": "similar-code",
                        "message": f"Kata {slug}: code {ratio:.0%} similar to {other.candidate}'s "
                                   f"(comments and whitespace ignored).",
                    })
