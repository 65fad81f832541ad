"""Order claims: two steps that must happen in a given order, and answers that swap them.

An inverted answer often keeps every step and gets only their order wrong: "Wait for the tasks
first, and once they have finished, call Shutdown". Contrast phrasings cannot list every way
of wording both steps, so an order claim names the steps (`first`, `then`) and this module reads
the order the answer gives them from the words that link them:

- forward, the text's order is the order in time: "X, then Y", "X first ... Y", "X before Y",
  "after X, Y", "once X, Y", "先 X 再 Y", "X 之后 Y", "X 然后 Y";
- reversed: "X after Y", "X once Y is done", "X when Y returns", "X, but first Y",
  "X 之前先 Y", "X 前要 Y".

Two steps with no such word between them ("Shutdown stops the server; Wait waits") say nothing
about order. Both steps must be asserted: "never call Wait before Shutdown" and "if you Wait
before Shutdown, ..." do not swap anything.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from runner.answers.claims import CompiledOrder, ContrastHit, asserted
from runner.answers.matcher import Phrasing, Resolved
from runner.answers.reading import Token


class _Way(Enum):
    FORWARD = "forward"  # the earlier step in the text happens first
    REVERSED = "reversed"  # the later step in the text happens first


@dataclass(frozen=True)
class _Step:
    own: tuple[int, ...]
    text: str
    first: bool  # one of the claim's `first` steps

    @property
    def start(self) -> int:
        return self.own[0]

    @property
    def end(self) -> int:
        return self.own[-1]


# English words that put the step after them later in time ("X, then Y", "X. Afterwards, Y").
_EN_THEN = frozenset({"then", "afterwards", "afterward", "subsequently", "followed", "finally"})
# Words that open another clause between a step and a marker, which then orders that clause.
_EN_BREAKS = frozenset({"since", "because", "as", "so", "which", "that", "while", "and", "but", "where", "who"})
# Subordinators: "X after Y" (Y first) when Y is in their clause; "after X, Y" when they lead.
_EN_AFTER = frozenset({"after", "once", "when", "whenever", "until"})
_EN_BEFORE = frozenset({"before"})
_EN_SUBORDINATORS = _EN_AFTER | _EN_BEFORE
_EN_OPENS_LATER = _EN_THEN | {"after"}  # a sentence opening "Then ..." or "After that ..."
_EN_FIRST = frozenset({"first", "firstly"})
_ZH_THEN = ("然后", "接着", "随后", "之后", "以后", "再")
_ZH_THEN_BEFORE_STEP = (*_ZH_THEN, "才", "完后", "成后", "束后", "回后")  # "X 完成再调用 Y", "X 结束后 Y"
_ZH_THEN_AFTER_STEP = (*_ZH_THEN, "后", "完")  # "关闭服务后再等待", "Put 完再复制"
_ZH_OPENS_LATER = ("然后", "之后", "接着", "随后", "再")  # a sentence opening "然后 ..."
_ZH_BEFORE = ("之前", "以前", "前")
_ZH_FIRST = ("首先", "先")
_ZH_LEAD = ("等到", "等", "待")  # "等 X 完成再 Y"


def stated_reversal(order: CompiledOrder, resolved: Resolved) -> ContrastHit | None:
    """The first sentence that puts one of the `then` steps before one of the `first` steps."""
    firsts = sorted(_steps(order.first, resolved, first=True), key=lambda a: a.start)
    thens = sorted(_steps(order.then, resolved, first=False), key=lambda b: b.start)
    starts = [b.start for b in thens]
    toks = resolved.tokens
    hits: list[ContrastHit] = []
    for a in firsts:
        if hits and toks[a.start].sent >= hits[-1].sentence:
            break  # a hit is in the later step's sentence: from here on none can come earlier
        # Only steps near each other can be linked (MAX_GAP): pairing every step with every other
        # made a long answer that repeats them quadratic (4 s for 76 KB).
        near = thens[bisect_left(starts, a.start - _NEAR) : bisect_right(starts, a.end + _NEAR)]
        for b in near:
            if _overlap(a, b):
                continue
            x, y = (a, b) if a.start < b.start else (b, a)
            way = _way(x, y, resolved)
            if way is None:
                continue
            happens_first = x if way is _Way.FORWARD else y
            if not happens_first.first and (not hits or toks[y.start].sent < hits[-1].sentence):
                hits.append(ContrastHit(toks[y.start].sent, f"{b.text} before {a.text}"))
    return hits[-1] if hits else None


def _steps(phrasings: tuple[Phrasing, ...], resolved: Resolved, *, first: bool) -> Iterator[_Step]:
    for phrasing in phrasings:
        for own in resolved.find(phrasing):
            if asserted(own, resolved, stating=_ORDERING):
                yield _Step(own, phrasing.text, first)


# Conditional words that are the order itself: "before Shutdown returns" orders, "if" supposes.
_ORDERING = frozenset({"before", "after", "when", "whenever", "once", "until", "之前", "以前"})


def _overlap(a: _Step, b: _Step) -> bool:
    return a.start <= b.end and b.start <= a.end


def _way(x: _Step, y: _Step, resolved: Resolved) -> _Way | None:
    """How the words that link two steps (x earlier in the text) order them in time, if they do.

    Only words that sit between the steps, or right before the first one, link them: a marker
    further away orders other things ("Load it first and re-check under the lock").
    """
    toks = resolved.tokens
    if toks[x.start].sent != toks[y.start].sent:
        # "Wait for the tasks. Then call Shutdown.": only a next sentence that opens with "then".
        return _Way.FORWARD if toks[y.start].sent == toks[x.start].sent + 1 and _opens_with_then(y, toks) else None
    between = range(x.end + 1, y.start)
    if sum(toks[i].units for i in between) > MAX_GAP:
        return None
    lead = _leading(x, toks)
    if lead is not None:
        return lead
    # Chinese markers right after the first step bind it to the second only when that follows at
    # once or opens the next clause ("关闭之前先等待", "Put 之后，再复制"): in "Put 之后别再用它，
    # 也别留着切片，要先复制" the 之后 belongs to 别再用.
    near_clause = toks[y.start].clause - toks[x.end].clause <= 1
    han_after_x = _han_run(between, toks)
    if near_clause and han_after_x.startswith(_ZH_BEFORE):  # "关闭之前先等待": y happens first
        return _Way.REVERSED
    if near_clause and han_after_x.startswith(_ZH_THEN_AFTER_STEP):
        return _Way.FORWARD
    for i in between:
        t = toks[i]
        if t.kind != "word":
            continue
        if t.raw in _EN_THEN:
            return _Way.FORWARD
        if t.raw in _EN_FIRST:
            if i == x.end + 1:
                return _Way.FORWARD  # "X first, then Y"
            if any(toks[k].raw in ("and", "then") for k in range(i + 1, y.start)):
                return _Way.FORWARD  # "a return sets the result first and deferred code runs afterwards"
            if i >= y.start - 2:
                return _Way.REVERSED  # "X, but first Y"
        if t.raw in _EN_SUBORDINATORS:
            # "X after Y" binds only when "after" follows X closely: in "copy it before returning
            # because the buffer gets reused after Put" the "after" belongs to "reused".
            bound = i <= x.end + 4 and not any(toks[k].raw in _EN_BREAKS for k in range(x.end + 1, i))
            if bound and i >= y.start - 3 and toks[y.start].clause == t.clause:
                # "X after Y", "X once Y has returned", "X before Y"
                return _Way.FORWARD if t.raw in _EN_BEFORE else _Way.REVERSED
            if _opens_clause(i, toks) and toks[y.start].clause != t.clause and t.raw in _EN_AFTER:
                return _Way.FORWARD  # "X, and once it is done, Y"
    han_before_y = _han_run_ending(between, toks).removesuffix("调用").removesuffix("去")
    if han_before_y.endswith(_ZH_FIRST) or han_before_y.endswith(tuple(w + "要" for w in _ZH_BEFORE)):
        return _Way.REVERSED
    # "X，然后 Y", "X 完成再调用 Y", "X 结束后 Y"; a bare 后 is often "later" ("后拿到锁的 goroutine").
    if han_before_y.endswith(_ZH_THEN_BEFORE_STEP):
        return _Way.FORWARD
    return None


MAX_GAP = 12.0  # words between two steps that a linking word can still join (a Han character is half)
# Tokens between two steps worth trying: the gap's Han characters count half, and a step of its own
# spans a few tokens more.
_NEAR = int(2 * MAX_GAP) + 16


def _leading(x: _Step, toks: tuple[Token, ...]) -> _Way | None:
    """A marker right before the first step: "after X, Y", "once X, Y", "before X, Y", "first X",
    "先 X", "等 X 完成再 Y" (at most three words back, so it governs this step)."""
    # Only within the step's clause: in "Get 后先 Reset，Put 前复制" the 先 orders Reset, not Put.
    clause = toks[x.start].clause
    near = [i for i in range(max(0, x.start - 3), x.start) if toks[i].clause == clause]
    for i in near:
        t = toks[i]
        if t.kind != "word":
            continue
        if t.raw in _EN_FIRST and _only_verbs_between(i, x.start, toks):
            return _Way.FORWARD
        if t.raw in _EN_SUBORDINATORS and _opens_clause(i, toks):
            return _Way.REVERSED if t.raw in _EN_BEFORE else _Way.FORWARD
    han = "".join(toks[i].raw for i in near if toks[i].kind == "han")
    if han.endswith(_ZH_FIRST) or any(w in han for w in _ZH_LEAD):
        return _Way.FORWARD
    return None


_STEP_LEAD_INS = frozenset({"call", "calling", "you", "we", "i", "to", "do", "run", "must", "should", "always"})


def _only_verbs_between(i: int, j: int, toks: tuple[Token, ...]) -> bool:
    """ "first call X", "first you X": nothing but a lead-in verb between the marker and the step."""
    return all(toks[k].kind == "word" and toks[k].raw in _STEP_LEAD_INS for k in range(i + 1, j))


def _opens_clause(i: int, toks: tuple[Token, ...]) -> bool:
    """The word at i starts its clause, or follows only "and"/"but"/"so"/"then" there."""
    k = i - 1
    while k >= 0 and toks[k].clause == toks[i].clause and toks[k].kind == "word" and toks[k].raw in _JOINERS:
        k -= 1
    return k < 0 or toks[k].clause != toks[i].clause


_JOINERS = frozenset({"and", "but", "so", "then", "only", "just"})


def _opens_with_then(y: _Step, toks: tuple[Token, ...]) -> bool:
    sent = toks[y.start].sent
    k = y.start - 1
    while k >= 0 and toks[k].sent == sent:
        k -= 1
    opening = [toks[i] for i in range(k + 1, min(k + 3, y.start))]
    words = [t.raw for t in opening if t.kind == "word"]
    han = "".join(t.raw for t in opening if t.kind == "han")
    return bool(words and words[0] in _EN_OPENS_LATER) or han.startswith(_ZH_OPENS_LATER)


def _han_run(positions: range, toks: tuple[Token, ...]) -> str:
    """The Chinese characters right after the first step, up to the first non-Han token."""
    out = []
    for i in positions:
        if toks[i].kind != "han":
            break
        out.append(toks[i].raw)
    return "".join(out)


def _han_run_ending(positions: range, toks: tuple[Token, ...]) -> str:
    """The Chinese characters right before the second step, back to the first non-Han token."""
    out = []
    for i in reversed(positions):
        if toks[i].kind != "han":
            break
        out.append(toks[i].raw)
    return "".join(reversed(out))
