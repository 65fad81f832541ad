"""Copying found with evidence: a reason for a human look, never a verdict.

Three comparisons across candidates, each reported once per pair (on both candidates' reports,
naming the other, quoting what they share):
- kata work: the lines each candidate added to the starter, comments and layout removed, so
  two who left the starter alone, or made the one-line fix a small kata invites, are not flagged;
- open answers: a long passage word for word in both (or nearly the whole answer);
- choice answers: the same uncommon wrong answers to several questions (a distractor many
  candidates fall for is no sign of copying).
Open answers are also compared with the bank's model answer (a pasted public answer).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from runner.content.models import LocalText
from runner.exam.model import CandidateReport, Flag

CODE_THRESHOLD = 0.9
MIN_OWN_CHARS = 120  # less added code than this is too little to tell a copy from the obvious fix
MIN_SHARED_TOKENS = 12  # words (or Han characters) in a row that two independent answers rarely share
MIN_ANSWER_TOKENS = 8
TEXT_THRESHOLD = 0.85  # whole-answer likeness above which short answers count as copied too
MIN_SHARED_WRONG = 3  # identical uncommon wrong choice answers before a pair is flagged
RARE_SHARE = 0.1  # a wrong answer given by at most this share of candidates (and at least 2) is uncommon
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_SPACE = re.compile(r"[ \t]+")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_]+", re.U)
QUOTE_LIMIT = 240


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


_GO_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`|\S")


def code_tokens(code: str) -> tuple[str, ...]:
    return tuple(_GO_TOKEN.findall(code))


def alike(a: Sequence[str], b: Sequence[str], threshold: float) -> float | None:
    """The likeness of two token sequences when it reaches `threshold`, else None; the cheap
    upper bounds first, so comparing every pair of a few hundred candidates stays quick."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else None


def grams(text: str) -> frozenset[tuple[str, ...]]:
    """Runs of MIN_ANSWER_TOKENS tokens: two answers can only be flagged if they share one."""
    words = _tokens(text).words
    return frozenset(words[i : i + MIN_ANSWER_TOKENS] for i in range(len(words) - MIN_ANSWER_TOKENS + 1))


@dataclass(frozen=True)
class _Tokens:
    text: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def _tokens(text: str) -> _Tokens:
    found = list(_TOKEN.finditer(text))
    return _Tokens(text, tuple(m.group().casefold() for m in found), tuple(m.span() for m in found))


def _quote(t: _Tokens, start: int, size: int) -> str:
    a, b = t.spans[start][0], t.spans[start + size - 1][1]
    passage = " ".join(t.text[a:b].split())
    return passage if len(passage) <= QUOTE_LIMIT else passage[: QUOTE_LIMIT - 1] + "…"


def shared_passage(a: str, b: str) -> str | None:
    """The passage two texts share, quoted from `a`, when it is long enough to call a copy."""
    ta, tb = _tokens(a), _tokens(b)
    if min(len(ta.words), len(tb.words)) < MIN_ANSWER_TOKENS:
        return None
    matcher = difflib.SequenceMatcher(None, ta.words, tb.words, autojunk=False)
    m = matcher.find_longest_match(0, len(ta.words), 0, len(tb.words))
    if m.size >= MIN_SHARED_TOKENS or (m.size >= MIN_ANSWER_TOKENS and matcher.ratio() >= TEXT_THRESHOLD):
        return _quote(ta, m.a, m.size)
    return None


def model_answer_flag(public_id: str, answer: str, model: LocalText, *, public: bool) -> Flag | None:
    """An answer that repeats the bank's model answer (in either language)."""
    for text in (model.en, model.zh):
        if not text:
            continue
        passage = shared_passage(answer, text)
        if passage is not None:
            where = "the bundled public bank's" if public else "the bank's"
            return Flag(
                "model-answer",
                f"{public_id}: the answer repeats {where} model answer word for word.",
                other=f"model answer to {public_id}",
                evidence=(passage,),
            )
    return None


@dataclass(frozen=True)
class PairFlag:
    """One finding about one pair: put on both candidates' reports, listed once in the summary."""

    kind: str
    a: str  # folder of the first candidate
    b: str
    message_a: str  # as shown on a's report (names b)
    message_b: str
    evidence: tuple[str, ...]


def _code_pair(
    a: CandidateReport, b: CandidateReport, tokens: dict[tuple[str, str], tuple[str, ...]]
) -> PairFlag | None:
    found: list[tuple[str, float, str]] = []
    own_b = {k.slug: k.own_work for k in b.katas}
    for k in a.katas:
        wb = own_b.get(k.slug, "")
        if min(len(k.own_work), len(wb)) < MIN_OWN_CHARS:
            continue
        ratio = alike(tokens[(a.folder, k.slug)], tokens[(b.folder, k.slug)], CODE_THRESHOLD)
        if ratio is not None:
            line = max(k.own_work.splitlines(), key=len, default="")
            found.append((k.slug, ratio, line))
    if not found:
        return None
    what = "; ".join(f"kata {slug}: {ratio:.0%} alike" for slug, ratio, _ in found)
    tail = " (lines added to the starter, comments and layout ignored)."
    return PairFlag(
        "similar-code",
        a.folder,
        b.folder,
        f"Code like {b.candidate}'s: {what}{tail}",
        f"Code like {a.candidate}'s: {what}{tail}",
        tuple(line for _, _, line in found),
    )


_Grams = dict[tuple[str, str], frozenset[tuple[str, ...]]]


def _answers_pair(a: CandidateReport, b: CandidateReport, prepared: _Grams) -> PairFlag | None:
    given_b = {q.id: q for q in b.questions if q.open is not None and q.given}
    found: list[tuple[str, str]] = []
    for q in a.questions:
        other = given_b.get(q.id)
        if q.open is None or not q.given or other is None or other.given is None:
            continue
        if prepared[(a.folder, q.id)].isdisjoint(prepared[(b.folder, q.id)]):
            continue
        passage = shared_passage(q.given, other.given)
        if passage is not None:
            found.append((q.public_id, passage))
    if not found:
        return None
    which = ", ".join(pid for pid, _ in found)
    return PairFlag(
        "similar-answers",
        a.folder,
        b.folder,
        f"Written answers share long passages with {b.candidate}'s ({which}).",
        f"Written answers share long passages with {a.candidate}'s ({which}).",
        tuple(f"{pid}: “{p}”" for pid, p in found),
    )


def _choices_pair(a: CandidateReport, b: CandidateReport, rare: set[tuple[str, str]]) -> PairFlag | None:
    wrong_b = {q.id: q.given for q in b.questions if q.answered and q.correct is False}
    same = [
        (q.public_id, q.given)
        for q in a.questions
        if q.answered
        and q.correct is False
        and q.given is not None
        and wrong_b.get(q.id) == q.given
        and (q.id, q.given) in rare
    ]
    if len(same) < MIN_SHARED_WRONG:
        return None
    listed = ", ".join(f"{pid} ({given})" for pid, given in same)
    return PairFlag(
        "shared-choices",
        a.folder,
        b.folder,
        f"The same {len(same)} uncommon wrong answers as {b.candidate}: {listed}.",
        f"The same {len(same)} uncommon wrong answers as {a.candidate}: {listed}.",
        tuple(f"{pid}: {given}" for pid, given in same),
    )


def _rare_wrong_answers(graded: Sequence[CandidateReport]) -> set[tuple[str, str]]:
    """Wrong answers few candidates gave: an attractive distractor many fall for is no sign of copying."""
    counts = Counter(
        (q.id, q.given)
        for r in graded
        for q in r.questions
        if q.answered and q.correct is False and q.given is not None
    )
    limit = max(2, math.ceil(RARE_SHARE * len(graded)))
    return {key for key, n in counts.items() if n <= limit}


def pair_flags(reports: Sequence[CandidateReport]) -> list[PairFlag]:
    """Every pair of graded candidates compared once, in a fixed order (folder names)."""
    graded = sorted((r for r in reports if r.graded), key=lambda r: r.folder)
    prepared: _Grams = {
        (r.folder, q.id): grams(q.given) for r in graded for q in r.questions if q.open is not None and q.given
    }
    tokens = {(r.folder, k.slug): code_tokens(k.own_work) for r in graded for k in r.katas}
    rare = _rare_wrong_answers(graded)
    found: list[PairFlag] = []
    for a, b in combinations(graded, 2):
        for flag in (_code_pair(a, b, tokens), _answers_pair(a, b, prepared), _choices_pair(a, b, rare)):
            if flag is not None:
                found.append(flag)
    return found


def with_pair_flags(reports: Sequence[CandidateReport], pairs: Sequence[PairFlag]) -> list[CandidateReport]:
    """Each report with its cross-candidate flags replaced by those found now."""
    from runner.exam.model import CROSS_KINDS

    by_folder: dict[str, list[Flag]] = {r.folder: [] for r in reports}
    names = {r.folder: r.candidate for r in reports}
    for p in pairs:
        by_folder[p.a].append(Flag(p.kind, p.message_a, other=names[p.b], evidence=p.evidence))
        by_folder[p.b].append(Flag(p.kind, p.message_b, other=names[p.a], evidence=p.evidence))
    return [
        r.replace(flags=tuple(f for f in r.flags if f.kind not in CROSS_KINDS) + tuple(by_folder[r.folder]))
        for r in reports
    ]
