"""Claims and their contrasts: the part of a point that an inverted answer turns round.

A point's claim names its decisive part (a moment, a direction, an owner, a quantifier ...) and
the contrasts, phrasings that give that part a wrong value. An answer states a contrast when a
contrast phrasing matches and is asserted: not denied ("not when the function returns",
"rather than at return", "而不是"), not supposed ("if the receiver closes it, ..."), not a
question, not attributed to someone else ("people think ...", "同事说 ..."), and not named with
its bad outcome ("closing from the receiver panics the sender"). When the claim has an `about`
list, the contrast must sit in a sentence that mentions one of them, or right after one that
does ("Once remembers. It retries f on the next call." still speaks of Once).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile

from runner.answers.matcher import Phrasing, Resolved
from runner.answers.reading import COND, LACK, NEED, NEG, Polarity, Token
from runner.content.models import Claim


@dataclass(frozen=True)
class CompiledOrder:
    """An order claim's steps (sequence.py reads whether an answer swaps them)."""

    first: tuple[Phrasing, ...]
    then: tuple[Phrasing, ...]


@dataclass(frozen=True)
class CompiledClaim:
    claim: Claim
    about: tuple[Phrasing, ...]
    contrasts: tuple[Phrasing, ...]
    order: CompiledOrder | None = None

    @property
    def phrasings(self) -> tuple[Phrasing, ...]:
        """Every phrasing the claim holds, compiled (Claim.phrasings, in the same order)."""
        steps = (*self.order.first, *self.order.then) if self.order else ()
        return (*self.about, *self.contrasts, *steps)


@dataclass(frozen=True)
class ContrastHit:
    sentence: int  # index of the answer sentence that states the contrast
    phrasing: str


def stated_contrast(claim: CompiledClaim, resolved: Resolved) -> ContrastHit | None:
    """The first sentence that states one of the claim's contrasts about its subject."""
    about_sentences: set[int] | None = None
    if claim.about:
        about_sentences = {resolved.tokens[own[0]].sent for ph in claim.about for own in resolved.find(ph)}
        if not about_sentences:
            return None
    hits: list[ContrastHit] = []
    for phrasing in claim.contrasts:
        for own in resolved.find(phrasing):
            sent = resolved.tokens[own[0]].sent
            if about_sentences is not None and not ({sent, sent - 1} & about_sentences):
                continue
            if asserted(own, resolved):
                hits.append(ContrastHit(sent, phrasing.text))
                break
    return min(hits, key=lambda h: h.sentence) if hits else None


def asserted(own: tuple[int, ...], resolved: Resolved, *, stating: frozenset[str] = frozenset()) -> bool:
    """The answer states this match as its own view: the test for contrasts and misconceptions.
    A clause under "when" (and, for the steps of an order claim, under the `stating` words, its
    own ordering words) still states what it says."""
    reading = resolved.reading
    sentence = reading.sentences[resolved.tokens[own[0]].sent]
    if sentence.is_question:
        return False
    # A phrasing that carries its own negation ("no need to call cancel") holds its cue inside the
    # match, so it reads as affirmed when stated.
    polarity = resolved.polarity(own)
    if polarity is Polarity.HYPOTHETICAL and _under_only(own, resolved, _WHEN | stating):
        polarity = Polarity.AFFIRMED
    if polarity is not Polarity.AFFIRMED:
        return False
    return (
        not reading.described_as_mistake(own)
        and not reading.in_purpose_clause(own)
        and not _only_seeming(own, resolved)
        and not _nil_between(own, resolved)
        and not _restricted_after(own, resolved)
    )


_ONLY_WHEN = frozenset({"when", "if", "once", "after", "while", "for"})


def _restricted_after(own: tuple[int, ...], resolved: Resolved) -> bool:
    """ "compares equal to nil only when both are nil": a statement restricted right after it to a
    case is not the general claim a contrast names."""
    after = resolved.reading.words_after(own[-1])
    return len(after) == 2 and after[0] == "only" and after[1] in _ONLY_WHEN


_WHEN = frozenset({"when", "whenever"})
_SEEMING = frozenset({"look", "looks", "looked", "seem", "seems", "seemed", "appear", "appears", "appeared"})
_SEEMING_HAN = ("看起来", "看上去", "乍看", "似乎", "貌似", "好像")
_LOOKING_AT = frozenset({"at", "into", "for", "up", "through", "over", "after", "around", "back", "inside"})
_BUT = frozenset({"but", "however", "yet"})
_BUT_HAN = ("但", "可是", "其实", "实际上", "然而")


def _nil_between(own: tuple[int, ...], resolved: Resolved) -> bool:
    """ "Do returns a nil error for 4xx" is not "Do returns an error for a 4xx": a nil the
    phrasing skipped over turns the thing it names into its absence."""
    inside = set(own)
    return any(resolved.tokens[i].raw == "nil" for i in range(own[0], own[-1] + 1) if i not in inside)


def _only_seeming(own: tuple[int, ...], resolved: Resolved) -> bool:
    """ "Load and then Add looks safe ..., but the decision sits in the gap": how the code looks,
    conceded and then taken back in the same sentence, is not the answer's claim."""
    toks = resolved.tokens
    first, last = own[0], own[-1]
    clause = toks[first].clause
    start = first
    while start > 0 and toks[start - 1].clause == clause:
        start -= 1
    before = toks[start : last + 1]
    han = "".join(t.raw for t in before if t.kind == "han")
    seeming = any(
        t.raw in _SEEMING and (k + 1 >= len(before) or before[k + 1].raw not in _LOOKING_AT)
        for k, t in enumerate(before)
    )
    if not (seeming or any(w in han for w in _SEEMING_HAN)):
        return False
    after = toks[last + 1 : resolved.reading.sentence_tokens[toks[first].sent].stop]
    han_after = "".join(t.raw for t in after if t.kind == "han")
    return any(t.raw in _BUT for t in after) or any(w in han_after for w in _BUT_HAN)


def _under_only(own: tuple[int, ...], resolved: Resolved, words: frozenset[str]) -> bool:
    """ "When that happens the runtime detects the duplicate key and WithValue panics": a clause
    under "when", with no negation, states what happens, not a supposition. A contrast or a wrong
    belief said that way is the answer's own claim ("if" still supposes). `words`: the
    conditional words that state rather than suppose (a Chinese one is read where its cue starts)."""
    reading = resolved.reading
    toks = reading.tokens
    first = own[0]
    clause = toks[first].clause
    conditions: list[bool] = []  # for each conditional word before the match: one of `words`
    i = first - 1
    while i >= 0 and toks[i].clause == clause:
        if reading.cues[i] & (NEG | LACK | NEED):
            return False
        if reading.cues[i] & COND:
            conditions.append(_starts_one_of(toks, i, words))
        i -= 1
    return bool(conditions) and all(conditions)


def _starts_one_of(toks: tuple[Token, ...], i: int, words: frozenset[str]) -> bool:
    """The word a cue at i starts is one of `words`: the token itself, or for a Chinese cue the
    characters from it on (之前)."""
    if toks[i].kind != "han":
        return toks[i].raw in words
    han = "".join(t.raw for t in takewhile(lambda t: t.kind == "han", toks[i : i + 4]))
    return any(han.startswith(w) for w in words)
