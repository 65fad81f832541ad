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

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from runner.answers.claims import CompiledOrder, ContrastHit
from runner.answers.matcher import Phrasing, Resolved
from runner.answers.reading import COND, Polarity, Token


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
_EN_THEN = frozenset({"then", "afterwards", "afterward", "next", "later", "subsequently", "followed", "finally"})
# Subordinators: "X after Y" (Y first) when Y is in their clause; "after X, Y" when they lead.
_EN_AFTER = frozenset({"after", "once", "when", "whenever", "until"})
_EN_BEFORE = frozenset({"before"})
_EN_FIRST = frozenset({"first", "firstly"})
_ZH_THEN = ("然后", "接着", "随后", "之后", "以后", "再", "才", "后")
_ZH_BEFORE = ("之前", "以前", "前")
_ZH_FIRST = ("首先", "先")
_ZH_LEAD = ("等到", "等", "待")  # "等 X 完成再 Y"


def stated_reversal(order: CompiledOrder, resolved: Resolved) -> ContrastHit | None:
    """The first sentence that puts one of the `then` steps before one of the `first` steps."""
    firsts = list(_steps(order.first, resolved, first=True))
    thens = list(_steps(order.then, resolved, first=False))
    toks = resolved.tokens
    hits: list[ContrastHit] = []
    for a in firsts:
        for b in thens:
            if _overlap(a, b) or abs(toks[a.start].sent - toks[b.start].sent) > 1:
                continue
            x, y = (a, b) if a.start < b.start else (b, a)
            way = _way(x, y, resolved)
            if way is None:
                continue
            happens_first = x if way is _Way.FORWARD else y
            if not happens_first.first:
                sent = toks[x.start].sent if way is _Way.FORWARD else toks[y.start].sent
                hits.append(ContrastHit(sent, f"{b.text} before {a.text}"))
    return min(hits, key=lambda h: h.sentence) if hits else None


def _steps(phrasings: tuple[Phrasing, ...], resolved: Resolved, *, first: bool) -> Iterator[_Step]:
    for phrasing in phrasings:
        for own in resolved.find(phrasing):
            if _asserted_step(own, resolved):
                yield _Step(own, phrasing.text, first)


# Conditional words that are the order itself: "before Shutdown returns" orders, "if" supposes.
_ORDERING = frozenset({"before", "after", "when", "whenever", "once", "until", "之前", "以前"})


def _asserted_step(own: tuple[int, ...], resolved: Resolved) -> bool:
    """The answer says this step happens: not denied, not asked, not named as the bug, and not
    supposed by anything but the ordering words themselves ("if you Wait before Shutdown")."""
    reading = resolved.reading
    toks = resolved.tokens
    if reading.sentences[toks[own[0]].sent].text.rstrip().endswith(("?", "？")):
        return False
    polarity = resolved.polarity(own)
    if polarity is Polarity.HYPOTHETICAL:
        clause = toks[own[0]].clause
        i = own[0] - 1
        while i >= 0 and toks[i].clause == clause:
            if reading.cues[i] & COND and not _ordering_word(toks, i):
                return False
            i -= 1
    elif polarity is not Polarity.AFFIRMED:
        return False
    return not reading.described_as_mistake(own)


def _ordering_word(toks: tuple[Token, ...], i: int) -> bool:
    t = toks[i]
    if t.kind != "han":
        return t.raw in _ORDERING
    pair = "".join(x.raw for x in toks[max(0, i - 1) : i + 2] if x.kind == "han")
    return any(w in pair for w in _ORDERING)


def _overlap(a: _Step, b: _Step) -> bool:
    return a.start <= b.end and b.start <= a.end


def _way(x: _Step, y: _Step, resolved: Resolved) -> _Way | None:
    """How the words around two steps (x earlier in the text) order them in time, if they do."""
    toks = resolved.tokens
    # Leading words in x's clause: "after X, Y", "once X, Y", "before X, Y", "first X", "先 X".
    lead = _leading(x, toks)
    for i in lead:
        t = toks[i]
        if t.kind == "word" and t.raw in _EN_AFTER:
            return _Way.FORWARD
        if t.kind == "word" and t.raw in _EN_BEFORE:
            return _Way.REVERSED
        if t.kind == "word" and t.raw in _EN_FIRST:
            return _Way.FORWARD
    lead_han = "".join(toks[i].raw for i in lead if toks[i].kind == "han")
    if lead_han.endswith(_ZH_FIRST) or lead_han.endswith(_ZH_LEAD) or any(w in lead_han for w in _ZH_LEAD):
        return _Way.FORWARD
    between = range(x.end + 1, y.start)
    han_after_x = _han_run(between, toks)
    if han_after_x.startswith(_ZH_BEFORE):  # "关闭之前先等待": y happens first
        return _Way.REVERSED
    if han_after_x.startswith(("之后", "以后", "后", "完", "再", "然后", "接着", "随后")):
        return _Way.FORWARD
    for i in between:
        t = toks[i]
        if t.kind == "word":
            if t.raw in _EN_THEN:
                return _Way.FORWARD
            if t.raw in _EN_FIRST:
                # "X first, then Y" is forward; "X, but first Y" puts y first.
                return _Way.REVERSED if i >= y.start - 3 and i > x.end + 1 else _Way.FORWARD
            if t.raw in _EN_AFTER or t.raw in _EN_BEFORE:
                subordinate = toks[y.start].clause == t.clause
                if t.raw in _EN_BEFORE:
                    return _Way.FORWARD if subordinate else None
                # "X once Y returns" puts y first; "X, and once it is done, Y" leads y's clause.
                return _Way.REVERSED if subordinate else _Way.FORWARD
    han_before_y = _han_run_ending(between, toks)
    if han_before_y.endswith(_ZH_FIRST) or han_before_y.endswith(tuple(w + "要" for w in _ZH_BEFORE)):
        return _Way.REVERSED
    if any(w in _han_text(between, toks) for w in _ZH_THEN):
        return _Way.FORWARD
    return None


def _leading(x: _Step, toks: tuple[Token, ...]) -> list[int]:
    """The positions before x in its clause (at most six words back)."""
    out: list[int] = []
    i = x.start - 1
    while i >= 0 and toks[i].clause == toks[x.start].clause and len(out) < 6:
        out.append(i)
        i -= 1
    return out[::-1]


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


def _han_text(positions: range, toks: tuple[Token, ...]) -> str:
    return "".join(toks[i].raw for i in positions if toks[i].kind == "han")
