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

from runner.answers.matcher import Phrasing, Resolved
from runner.answers.reading import COND, LACK, NEED, NEG, Polarity
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


def asserted(own: tuple[int, ...], resolved: Resolved) -> bool:
    """The answer states this match as its own view: the test for contrasts and misconceptions."""
    reading = resolved.reading
    sentence = reading.sentences[resolved.tokens[own[0]].sent]
    if sentence.text.rstrip().endswith(("?", "？")):
        return False
    # A phrasing that carries its own negation ("no need to call cancel") holds its cue inside the
    # match, so it reads as affirmed when stated.
    polarity = resolved.polarity(own)
    if polarity is Polarity.HYPOTHETICAL and _under_when_only(own, resolved):
        polarity = Polarity.AFFIRMED
    if polarity is not Polarity.AFFIRMED:
        return False
    return not reading.described_as_mistake(own)


_WHEN = frozenset({"when", "whenever"})


def _under_when_only(own: tuple[int, ...], resolved: Resolved) -> bool:
    """ "When that happens the runtime detects the duplicate key and WithValue panics": a clause
    under "when", with no negation, states what happens, not a supposition. A contrast or a wrong
    belief said that way is the answer's own claim ("if" still supposes)."""
    reading = resolved.reading
    toks = reading.tokens
    first = own[0]
    clause = toks[first].clause
    conditions = []
    i = first - 1
    while i >= 0 and toks[i].clause == clause:
        if reading.cues[i] & (NEG | LACK | NEED):
            return False
        if reading.cues[i] & COND:
            conditions.append(toks[i].raw)
        i -= 1
    return bool(conditions) and all(w in _WHEN for w in conditions)
