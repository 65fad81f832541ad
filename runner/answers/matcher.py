"""Phrasings compiled for matching, and finding them in a read answer.

A phrasing is read with the same tokenizer as answers. English function words drop out, so
"the backing array" and "backing array" are one phrasing. It becomes a sequence of segments:
one per English word or Go identifier, one per run of Han characters written without spaces.
A match takes the segments in order within one sentence, with at most MAX_GAP word units
between neighbours ("keeps the whole array alive" matches "keeps alive"). Han characters inside
a segment must be adjacent, allowing one skipped particle (的, 了) and, in runs of five or more,
one wrong character inside (not the first or last).

Code-like phrasings ("== nil", "[a:b:c]", "copy(", "struct{}", "-gcflags=-m") would lose their
meaning as words ("== nil" would become "nil"), so they match verbatim, spaces ignored.

A phrasing with " & " between parts ("same & memory", "求值 & 返回时") is a co-occurrence: every
part must match within one statement (a clause, with a Chinese …时 clause kept in it), in any
order. That is how plain speech states an idea whose words do not come in a fixed order ("the
copy and the original point at the same memory").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from runner.answers import glossary
from runner.answers import lexicon as lx
from runner.answers.fuzzy import FuzzyIndex
from runner.answers.normalize import normalize
from runner.answers.reading import (
    LACK,
    MYTH,
    NEED,
    NEG,
    Match,
    Polarity,
    Reading,
    Token,
    a_not_a,
    compact,
    read_phrasing,
    stem,
)

MAX_GAP = 3.0
MAX_CLAUSES_CROSSED = 1
_SKIPPABLE_HAN = frozenset("的了地得")
_HAN_TYPO_MIN = 5
# A Chinese typo is usually a homophone picked by the input method. A character that carries a
# contrast (a number, a negation, an order, a direction, one of a pair of opposites) is never
# taken as a typo: 第二次 is not 第一次, 字节数 is not 字符数.
_CONTRASTIVE_HAN = frozenset(
    "零一二三四五六七八九十百千万两几多少全半每各"
    "不没无非未别否"
    "先后前早晚迟再首末最初终才"
    "上下左右内外里入出进退来去"
    "大小长短高低增减加删读写开关启停收发生死新旧正负真假有空满对错"
    "会能要可该必"
    "字节符"
    "顺反逆倒"
)
# Words a gap between a phrasing's parts may not skip: "和普通 Once 不一样" is not "和普通 Once 一样".
_GAP_STOPS_HAN = frozenset("不没无非未别")
_CODE_CHARS = frozenset("[]{}=&*%~<>!+|^")


@dataclass(frozen=True, slots=True)
class Segment:
    chars: tuple[str, ...]  # the key of an English word/identifier, or the characters of a Han run
    han: bool
    plain: bool = False  # matches a plain word only (a joined form must not match an identifier part)

    @property
    def lead(self) -> str:
        return self.chars[0]

    def __reduce__(self) -> tuple[type[Segment], tuple[tuple[str, ...], bool, bool]]:
        # A kept grader holds thousands of segments; the dataclass default for a frozen slotted
        # class looks up its fields per object, which made loading one 2.5x slower.
        return Segment, (self.chars, self.han, self.plain)


Variant = tuple[Segment, ...]

_SEGMENTS: dict[tuple[tuple[str, ...], bool, bool], Segment] = {}


def _segment(chars: tuple[str, ...], *, han: bool, plain: bool = False) -> Segment:
    """One object per distinct segment: a compiled question holds each about five times, and a
    kept grader pickles a shared object once (its store was a sixth of a first grade)."""
    key = (chars, han, plain)
    seg = _SEGMENTS.get(key)
    if seg is None:
        seg = _SEGMENTS[key] = Segment(chars, han, plain)
    return seg


@dataclass(frozen=True)
class Phrasing:
    text: str
    variants: tuple[Variant, ...]
    code: str | None = None  # compact text of a code-like phrasing
    negative: bool = False  # carries its own negation ("not for", "never", "不能")
    parts: tuple[Phrasing, ...] = ()  # a co-occurrence: every part within one clause, any order


def is_code(text: str) -> bool:
    t = text.replace("()", "")
    if not _CODE_CHARS_OR_PARENS.isdisjoint(t):
        return True
    at = t.find(":")
    while at >= 0:  # "ctx:" or "a:b" is code, "note: ..." is prose
        if at + 1 == len(t) or not t[at + 1].isspace():
            return True
        at = t.find(":", at + 1)
    return False


_CODE_CHARS_OR_PARENS = _CODE_CHARS | {"(", ")"}


CO_OCCURS = " & "


@lru_cache(maxsize=16384)
def compile_phrasing(text: str) -> Phrasing:
    """A phrasing compiled once per process: the shared beliefs repeat in every question of their
    topics, and a batch (calibrate, exam grade) compiles each text once instead of per question."""
    if CO_OCCURS in text:
        parts = tuple(compile_phrasing(part.strip()) for part in text.split(CO_OCCURS) if part.strip())
        return Phrasing(text, (), parts=parts, negative=any(p.negative for p in parts))
    if is_code(text):
        return Phrasing(text, (), code=compact(normalize(text))[0])
    read, cues = read_phrasing(text)
    negative = any(c & (NEG | NEED | LACK | MYTH) for c in cues)
    tokens = [t for t in read if not (t.kind == "word" and t.raw in lx.ARTICLES)]
    content = [t for t in tokens if not (t.kind == "word" and t.raw in lx.PHRASING_FILLER)]
    # A run of Chinese characters is one content unit, not one per character: in "ctx 只管 Do"
    # there are two content words besides "Do", so "Do" stays part of the phrasing.
    units = sum(1 for i, t in enumerate(content) if t.kind != "han" or i == 0 or content[i - 1].kind != "han")
    if units >= 3:
        tokens = content
    if not tokens:
        return Phrasing(text, ())
    variants: list[Variant] = [_segments(tokens)]
    joined = [t.alt[0] for t in tokens if t.kind == "word" and t.alt]
    if joined:
        # "re-slice" also as one word: "reslice".
        variants.append(_segments(tokens, join_hyphens=True))
    words = [t for t in tokens if t.kind == "word"]
    if 2 <= len(tokens) <= 3 and len(words) == len(tokens):
        # "wait group" also as "waitgroup", "back pressure" as "backpressure".
        variants.append((_segment((stem("".join(t.raw for t in words)),), han=False, plain=True),))
    variants.extend(_mixed_variants(variants[0]))
    unique = tuple(dict.fromkeys(variants))
    return Phrasing(text, unique, negative=negative)


def _glossary_hits(chars: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, Chinese term) of each glossary term in a Han run, longest first, no overlap."""
    run = "".join(chars)
    # Every occurrence, found from the terms that start with each character (a compile reads
    # thousands of runs; trying all the glossary's terms on each was a fifth of the compile).
    found = [
        (_TERM_RANK[term], at, term)
        for at, ch in enumerate(run)
        for term in _TERMS_BY_FIRST.get(ch, ())
        if run.startswith(term, at)
    ]
    if not found:
        return []
    found.sort()
    taken = [False] * len(run)
    hits: list[tuple[int, int, str]] = []
    for _, at, term in found:
        if not any(taken[at : at + len(term)]):
            hits.append((at, at + len(term), term))
            for i in range(at, at + len(term)):
                taken[i] = True
    return sorted(hits)


_TERM_RANK = {term: rank for rank, term in enumerate(glossary.BY_LENGTH)}
_TERMS_BY_FIRST: dict[str, list[str]] = {}
for _term in glossary.BY_LENGTH:
    _TERMS_BY_FIRST.setdefault(_term[0], []).append(_term)


def _replaced(seg: Segment, hits: list[tuple[int, int, str]]) -> list[Segment]:
    """The Han run with each hit written in English (its glossary word), the rest kept in Han."""
    out: list[Segment] = []
    pos = 0
    for start, end, term in hits:
        if start > pos:
            out.append(_segment(seg.chars[pos:start], han=True))
        out.extend(_segment((stem(w),), han=False) for w in glossary.GLOSSARY[term][0].split())
        pos = end
    if pos < len(seg.chars):
        out.append(_segment(seg.chars[pos:], han=True))
    return out


def _mixed_variants(variant: Variant) -> list[Variant]:
    """The phrasing as a mixed Chinese-English answer says it: every glossary term in English,
    and each one alone in English ("整个进程" also as "整个 process")."""
    hits = [(i, _glossary_hits(seg.chars)) for i, seg in enumerate(variant) if seg.han]
    hits = [(i, h) for i, h in hits if h]
    if not hits:
        return []
    out: list[Variant] = []
    every = list(variant)
    for i, h in reversed(hits):
        every[i : i + 1] = _replaced(variant[i], h)
    out.append(tuple(every))
    singles = [(i, hit) for i, h in hits for hit in h]
    if len(singles) > 1:
        for i, hit in singles:
            one = list(variant)
            one[i : i + 1] = _replaced(variant[i], [hit])
            out.append(tuple(one))
    return out


def _segments(tokens: list[Token], *, join_hyphens: bool = False) -> Variant:
    segs: list[Segment] = []
    han_run: list[str] = []
    run_frag = -1
    skip_next_parts = 0
    for t in tokens:
        if t.kind == "han":
            if han_run and t.frag != run_frag:
                segs.append(_segment(tuple(han_run), han=True))
                han_run = []
            han_run.append(t.key)
            run_frag = t.frag
            continue
        if han_run:
            segs.append(_segment(tuple(han_run), han=True))
            han_run = []
        if skip_next_parts:
            skip_next_parts -= 1
            continue
        if join_hyphens and t.kind == "word" and t.alt:
            segs.append(_segment((t.alt[0],), han=False, plain=True))
            skip_next_parts = t.parts - 1
            continue
        segs.append(_segment((t.key,), han=False))
    if han_run:
        segs.append(_segment(tuple(han_run), han=True))
    return tuple(segs)


def _negates(tok: Token) -> bool:
    return (tok.kind == "han" and tok.key in _GAP_STOPS_HAN) or (tok.kind == "word" and tok.raw in lx.EN_NEGATORS)


class Resolved:
    """An answer read against one question's vocabulary: each position's keys, and an index."""

    def __init__(self, reading: Reading, fuzzy: FuzzyIndex, phrasings: Iterable[Phrasing]) -> None:
        self.reading = reading
        self.tokens = reading.tokens
        self._gaps: tuple[list[bool], list[float]] | None = None
        self.keys: list[frozenset[str]] = []
        self.index: dict[str, list[int]] = {}
        known: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        for pos, t in enumerate(reading.tokens):
            frozen = known.get((t.key, t.alt))
            if frozen is None:
                keys = {t.key, *t.alt}
                if t.kind == "word":
                    for k in (t.key, *t.alt):
                        keys.update(fuzzy.lookup(k))
                frozen = known[(t.key, t.alt)] = frozenset(keys)
            self.keys.append(frozen)
            for k in frozen:
                self.index.setdefault(k, []).append(pos)
        # Every match of every phrasing, found once: matching a concept reads from here, and
        # the union of their positions tells a negation which term it binds to.
        self._matches: dict[int, tuple[tuple[int, ...], ...]] = {}
        terms: dict[int, list[Match]] = {}
        for ph in phrasings:
            found = self._matches[id(ph)] = self._find_all(ph)
            for own in found:
                match = frozenset(own)
                for pos in own:
                    terms.setdefault(pos, []).append(match)
        self.terms: dict[int, tuple[Match, ...]] = {pos: tuple(ms) for pos, ms in terms.items()}

    def polarity(self, own: tuple[int, ...]) -> Polarity:
        return self.reading.polarity(own, self.terms)

    def polarity_cue(self, own: tuple[int, ...]) -> tuple[Polarity, int]:
        return self.reading.polarity_cue(own, self.terms)

    def find(self, phrasing: Phrasing) -> Iterator[tuple[int, ...]]:
        """Every match of the phrasing, as the token positions it covers."""
        cached = self._matches.get(id(phrasing))
        if cached is None:
            cached = self._matches[id(phrasing)] = self._find_all(phrasing)
        yield from cached

    def _find_all(self, phrasing: Phrasing) -> tuple[tuple[int, ...], ...]:
        if phrasing.parts:
            return self._find_together(phrasing.parts)
        if phrasing.code is not None:
            return tuple(self.reading.code_matches(phrasing.code)) if phrasing.code else ()
        index = self.index
        # Most phrasings of a question are absent from an answer: skip them without a generator each.
        return tuple(m for v in phrasing.variants if v[0].lead in index for m in self._find_variant(v))

    def _find_together(self, parts: tuple[Phrasing, ...]) -> tuple[tuple[int, ...], ...]:
        """One match per statement where every part matches: the first match of each part there."""
        per_part: list[dict[int, tuple[int, ...]]] = []
        for part in parts:
            firsts: dict[int, tuple[int, ...]] = {}
            for own in self._find_all(part):
                firsts.setdefault(self.tokens[own[0]].statement, own)
            per_part.append(firsts)
        common = set(per_part[0]).intersection(*per_part[1:]) if per_part else set()
        return tuple(tuple(sorted({i for firsts in per_part for i in firsts[c]})) for c in sorted(common))

    def _find_variant(self, variant: Variant) -> Iterator[tuple[int, ...]]:
        toks = self.tokens
        keys = self.keys
        n = len(toks)
        hard = self.reading.hard_breaks
        stops, units = self._gap_facts()
        for start in self.index.get(variant[0].lead, ()):
            first = self._match_segment(variant[0], start)
            if first is None:
                continue
            own = list(first)
            sent = toks[start].sent
            crossed = 0
            for seg in variant[1:]:
                q = own[-1] + 1
                gap = 0.0
                found = None
                lead, han = seg.chars[0], seg.han
                while q < n and toks[q].sent == sent and gap <= MAX_GAP:
                    if q in hard:
                        break  # a colon or a dash ends the statement: nothing matches across it
                    if toks[q].clause != toks[q - 1].clause:
                        crossed += 1
                        if crossed > MAX_CLAUSES_CROSSED:
                            break
                    # The segment's first key must be here before it is worth trying (most
                    # positions fail there; a long answer tries millions).
                    if (toks[q].key == lead) if han else (lead in keys[q]):
                        found = self._match_segment(seg, q)
                        if found is not None:
                            break
                    if stops[q]:
                        break
                    gap += units[q]
                    q += 1
                if found is None:
                    break
                own.extend(found)
            else:
                yield tuple(own)

    def _gap_facts(self) -> tuple[list[bool], list[float]]:
        """Per position: whether a gap may not skip it (a negation), and its length in words."""
        facts = self._gaps
        if facts is None:
            facts = self._gaps = ([_negates(t) for t in self.tokens], [t.units for t in self.tokens])
        return facts

    def _match_segment(self, seg: Segment, pos: int) -> tuple[int, ...] | None:
        if not seg.han:
            if seg.plain and self.tokens[pos].kind != "word":
                return None
            return (pos,) if seg.chars[0] in self.keys[pos] else None
        toks = self.tokens
        n = len(toks)
        if seg.chars[0] in "不没" and _inside_a_not_a(toks, pos):
            return None  # "算不算竞争" asks whether it is a race: it does not say "不算竞争"
        own: list[int] = []
        typos = 0
        skipped = 0
        q = pos
        sent = toks[pos].sent
        for i, ch in enumerate(seg.chars):
            while True:
                if q >= n or toks[q].kind != "han" or toks[q].sent != sent:
                    return None
                actual = toks[q].key
                if actual == ch:
                    break
                if actual in _SKIPPABLE_HAN and not skipped and i > 0:
                    skipped += 1
                    q += 1
                    continue
                if (
                    0 < i < len(seg.chars) - 1
                    and len(seg.chars) >= _HAN_TYPO_MIN
                    and not typos
                    and ch not in _CONTRASTIVE_HAN
                    and actual not in _CONTRASTIVE_HAN
                ):
                    typos += 1
                    break
                return None
            own.append(q)
            q += 1
        return tuple(own)


def _inside_a_not_a(toks: tuple[Token, ...], k: int) -> bool:
    """The 不 or 没 at k is the middle of an A-not-A question form (reading.a_not_a), read on the
    Han characters around it in its sentence. A phrasing that starts there is not stated."""
    around = toks[max(0, k - 1) : k + 2]
    if len(around) < 3 or any(t.kind != "han" or t.sent != toks[k].sent for t in around):
        return False
    return a_not_a("".join(t.raw for t in around), 1)
