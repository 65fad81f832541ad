"""Reading an answer: tokens, clauses, negation cues and whether it is prose or a keyword list.

Tokens:
- Go identifiers stay whole: `sync.Once`, `wg.Add`, `ctx.Done()` are one token each (empty
  call parentheses dropped), and their parts are extra keys, so a phrasing "WaitGroup" finds
  `sync.WaitGroup`.
- English words are lower-cased and lightly stemmed ("shares", "shared", "sharing" -> "shar").
- Every Han character is its own token. Chinese phrasings then match as contiguous runs of
  characters, with or without spaces around them: no segmenter, no dictionary to ship.

Nothing here depends on a question; `read_answer` is cached by text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from types import MappingProxyType

from runner.answers import lexicon as lx
from runner.answers.normalize import Sentence, is_han, split_sentences

Match = frozenset[int]  # the token positions a phrasing matched
_NO_TERMS: Mapping[int, tuple[Match, ...]] = MappingProxyType({})


def _is_joiner(tokens: Sequence[Token], i: int) -> bool:
    """and / or / nor, 和 / 与 / 或(者) / (以)及: a word that joins list items."""
    raw = tokens[i].raw
    if raw in lx.EN_JOINERS:
        return True
    if tokens[i].kind != "han":
        return False
    prev = tokens[i - 1].raw if i > 0 else ""
    nxt = tokens[i + 1].raw if i + 1 < len(tokens) else ""
    if raw in lx.ZH_JOINERS:
        return prev + raw not in lx.ZH_NOT_JOINERS and raw + nxt not in lx.ZH_NOT_JOINERS
    return (raw == "者" and prev == "或") or (raw == "以" and nxt == "及")


def _blocks(terms: Mapping[int, tuple[Match, ...]], i: int, target: int) -> bool:
    """A matched term at i stands between a negator and `target`, unless one match holds both."""
    matches = terms.get(i)
    return matches is not None and not any(target in m for m in matches)


class Polarity(Enum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"  # "does not share", "不共享"
    DISMISSED = "dismissed"  # "no need to call cancel", "cancel is unnecessary", "a myth that ..."
    LACKING = "lacking"  # "no race", "without a lock", "没有类型安全"
    QUALIFIED = "qualified"  # a "not needed" after the term: "switching doesn't need the kernel"
    HYPOTHETICAL = "hypothetical"  # "if you don't call cancel, ...": neither asserted nor denied


# Cue flags on a token.
NEG = 1  # negates the term right after it in its clause (see lexicon.NEGATION_REACH)
NEED = 2  # "not needed": negates its whole clause
MYTH = 4  # "a common myth is that ...": negates what follows in its sentence
COND = 8  # "if", "如果": negations after it in its clause are hypothetical
BREAK = 16  # starts a new clause
BREAK_AFTER = 64  # ends its clause: the next token starts a new one ("没任务时|会偷")
CUE_TAIL = 128  # the rest of a negation word (能 in 不能): not a word the negation has to reach over
LACK = 32  # like NEG, for negators of existence ("no", "without", "没有")
ADVERB = 256  # "not always", "not only": negates only a match that starts at the adverb
SUBJECT = 512  # a negated cause or remedy ("does not cause", "不会导致", "won't help"): negates the terms before it
# A negation in time: "no longer leaks", "isn't a leak anymore", "不再泄漏". The learner knows it used
# to hold and no longer does: like a supposition, it neither asserts nor denies the term.
PAST = 1024

# Any letter outside ASCII, then kept only if it is a Chinese character (is_han): a class of the
# exact Han ranges costs re milliseconds to compile at every start-up, a class of categories does not.
_LETTER = r"[^\W\d_a-z]"
_TOKEN = re.compile(
    rf"""
     (?P<ident>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+(?:\(\))?)
    |(?P<flag>(?<![^\s(\[=`'"])--?[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?!\w|\.\w))
    |(?P<hyph>[a-z0-9]+(?:-[a-z0-9]+)+)
    |(?P<word>[a-z0-9_]+(?:'[a-z]+)*(?:\(\))?)
    |(?P<han>{_LETTER})
    |(?P<brk>,|:(?=\s|$)|\s-+\s|[—–]+)
    |(?P<paren>[()\[\]])
    |(?P<sep>[、/|•·*]|\s+)
    """,
    re.X,
)


def stem(word: str) -> str:
    """A light suffix stripper: enough to equate the inflections answers use, nothing clever.
    Only consistency matters: "name", "named", "names" and "naming" all become "nam"."""
    if len(word) <= 2 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os", "ys")):
        word = word[:-1]
    for suffix, min_len in (("ing", 6), ("ed", 4)):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith("eed"):
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 2:
        word = word[:-1]
    return word


@dataclass(slots=True)
class Token:  # built once by read_answer, then only read (not frozen: building it is the hot path)
    key: str  # stem, identifier without "()", the Han character, or the number
    kind: str  # word | ident | han
    raw: str  # normalised surface form, apostrophes removed
    sent: int
    clause: int
    frag: int
    alt: tuple[str, ...] = ()  # identifier selector, the joined form of a hyphenated word
    parts: int = 1  # on a hyphenated word's first token: how many tokens the word became
    start: int = 0  # offsets into its sentence's normalised text
    end: int = 0
    function: bool = False  # a function word (see lexicon): prose rather than a list of terms
    # Like `clause`, but a Chinese subordinate clause (…时, …的话) stays in its statement: "参数在
    # 函数返回时才求值" is one statement about when arguments are evaluated.
    statement: int = 0
    joined: bool = False  # a later part of a hyphenated word ("before" in "happens-before"): never a cue

    @property
    def units(self) -> float:
        """Length in words: a Han character is about half a Chinese word."""
        return 0.5 if self.kind == "han" else 1.0


@dataclass(frozen=True)
class Reading:
    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    cues: tuple[int, ...]  # flags per token
    cue_positions: tuple[tuple[int, ...], ...]  # per sentence: token positions carrying NEG/NEED/MYTH
    spaced_frags: frozenset[int]
    sentence_tokens: tuple[range, ...] = field(default=())  # the token positions of each sentence
    comma_clauses: frozenset[int] = frozenset()  # token positions that start a clause after a comma
    # Token positions that start a clause after a colon or a dash: "don't rely on it: return the
    # new slice" is two statements, and no phrasing matches across the break.
    hard_breaks: frozenset[int] = frozenset()
    after_parens: frozenset[int] = frozenset()  # token positions right after a parenthesis or bracket

    @cached_property
    def fragments(self) -> tuple[Fragment, ...]:
        return _fragments(self.tokens, self.cues, self.spaced_frags)

    @cached_property
    def function_share(self) -> float:
        return self.function_shares[0]

    @cached_property
    def function_shares(self) -> tuple[float, float]:
        """The share of function words in the length, with and without joiners and articles."""
        total = function = core = 0.0
        for t in self.tokens:
            u = 0.5 if t.kind == "han" else 1.0
            total += u
            if t.function:
                function += u
                if t.raw not in lx.LIST_JOINERS and t.raw not in lx.ARTICLES:
                    core += u
        return (function / total, core / total) if total else (0.0, 0.0)

    @property
    def keyword_only(self) -> bool:
        """Structure alone: see keyword_list, which a grade also feeds the question's terms."""
        return keyword_list(self)

    @cached_property
    def compact(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Per sentence, the text without spaces and quotes (see `compact`): made on first use."""
        return tuple(compact(s.norm) for s in self.sentences)

    def code_matches(self, code: str) -> list[tuple[int, ...]]:
        """Where a code-like phrasing ("== nil", "[a:b:c]", "copy(") occurs, as the token
        positions it overlaps. Code is compared verbatim, spaces ignored."""
        found: list[tuple[int, ...]] = []
        for si, (flat, to_norm) in enumerate(self.compact):
            at = flat.find(code)
            while at >= 0:
                lo, hi = to_norm[at], to_norm[at + len(code) - 1] + 1
                span = self.sentence_tokens[si]
                own = tuple(i for i in span if self.tokens[i].start < hi and self.tokens[i].end > lo)
                if not own:
                    # Pure punctuation: anchor on the next token of the sentence, else the previous,
                    # but never on a negation: in "用 == 不可靠" and "not ==" that is the cue that
                    # denies the statement, and a cue inside a match denies nothing.
                    after = [i for i in span if self.tokens[i].start >= hi]
                    before = [i for i in span if self.tokens[i].end <= lo]
                    near = [*after[:1], *before[-1:]]
                    plain = [i for i in near if not self.cues[i] & (NEG | LACK | NEED)]
                    own = tuple((plain or near)[:1])
                if own:
                    found.append(own)
                at = flat.find(code, at + 1)
        return found

    def _needed_doing(self, p: int, target: int) -> bool:
        """ "no need for the options or the constructor to return an error": what is not needed is
        the doing after "for ... to", whoever the "for" names (a few words, one clause)."""
        toks = self.tokens
        if target < 2 or toks[target - 1].raw != "to" or toks[target].clause != toks[p].clause:
            return False
        between = [t.raw for t in toks[p + 1 : target - 1] if t.kind == "word"]
        if "for" not in between:
            return False
        after_for = between[len(between) - between[::-1].index("for") :]
        return 0 < len(after_for) <= 6

    def _ends_need(self, p: int) -> bool:
        """Whether the need-negation at `p` ends its clause: nothing but its own tail, function
        words, and a verb of doing it (加, 用, "worry about") follow it there."""
        toks = self.tokens
        clause = toks[p].clause
        for q in range(p + 1, len(toks)):
            t = toks[q]
            if t.clause != clause or t.sent != toks[p].sent:
                break
            if t.function or self.cues[q] & CUE_TAIL or t.raw in lx.DISMISSED_DOING:
                continue
            return False
        return True

    def polarity(self, own: tuple[int, ...], terms: Mapping[int, tuple[Match, ...]] = _NO_TERMS) -> Polarity:
        return self.polarity_cue(own, terms)[0]

    def polarity_cue(
        self, own: tuple[int, ...], terms: Mapping[int, tuple[Match, ...]] = _NO_TERMS
    ) -> tuple[Polarity, int]:
        """Whether a match made of the token positions `own` (ascending) is asserted, denied, or
        only supposed ("if you don't call cancel, ...": the learner knows what happens either way).

        Cues that are part of the match itself do not count: a phrasing may carry its own
        negation ("no need to call cancel"), and matching it asserts it. A plain negator binds
        to the nearest term after it: in "does not share the backing array" it denies sharing,
        not the array. `terms` maps each position where any of the question's phrasings matched
        to those matches; a term inside the same match as the target (依赖 in
        依赖注入, "need" in "don't need to call cancel") does not block. The position of the cue
        that decided comes with the polarity (-1 when none did).
        """
        first, last = own[0], own[-1]
        toks = self.tokens
        mine = set(own)
        clauses = {toks[q].clause for q in own}
        supposed = False
        for p in self.cue_positions[toks[first].sent]:
            if p in mine:
                continue
            flags = self.cues[p]
            if p + 1 == first and self.cues[first] & CUE_TAIL and toks[first].raw in _ZH_NEGATING:
                # "并不会强行" against a phrasing "不会强行": the phrasing starts with the negating
                # character the cue 并不 ends in, so the negation is the phrasing's own, said with
                # emphasis. ("不会 panic" against "会 panic" is a denial: 会 negates nothing.)
                continue
            if flags & MYTH and p < first and toks[p].statement == toks[first].statement:
                return Polarity.DISMISSED, p
            found: Polarity | None = None
            if flags & NEED and p > last:
                # In "switching doesn't need the kernel" the term before the cue is the subject,
                # in "calling cancel is unnecessary" the topic: a cue after the term leaves it
                # undecided, unless nothing is needed after it ("-race 也不需要加", "the epsilon
                # isn't needed here"): then the term is what is waved away.
                if toks[p].clause in clauses:
                    found = Polarity.DISMISSED if self._ends_need(p) else Polarity.QUALIFIED
            elif flags & SUBJECT and p > last:
                # "闭包和接口都不会导致逃逸", "closures don't cause escapes": a denied cause denies
                # its subjects; not when the denied verb only describes a noun after it ("阻塞在
                # 一个不会发生的事件上").
                if self._subject_of(last, p, terms) and not self._attributive(p):
                    found = Polarity.NEGATED
            elif flags & ADVERB and p < first:
                # "not always faster" denies "always faster", and nothing else after it.
                if first == p + 1:
                    found = Polarity.NEGATED
            elif flags & (NEG | LACK | NEED) and p < last:
                target = next(q for q in own if q > p)
                if toks[p].raw == "non" and target != p + 1:
                    continue  # "non-nil interface": the prefix denies its own word only
                if toks[p].raw == "非" and any(toks[i].raw == "的" for i in range(p + 1, target)):
                    continue  # "非关键的第三方客户端": 非 denies 关键, not what 的 attaches it to
                if flags & LACK and not flags & (NEG | NEED) and self._verb_between(p, target):
                    continue
                if flags & (NEG | LACK) and not flags & NEED and self._until_after(last):
                    continue
                prohibited = False
                if flags & NEG and not flags & NEED and target > p + 1 and self._in_relative_clause(p):
                    # "the jobs that were not done keep running": it denies "done" only; but "the
                    # one thing that must not happen is calling Add in the goroutine" names what
                    # must not be done.
                    if not self._names_what_must_not(p, target):
                        continue
                    prohibited = True
                reach = lx.NEED_REACH if flags & NEED else lx.NEGATION_REACH
                if flags & NEG and self._sets_aside_rest(p):
                    reach = _SET_ASIDE_REACH  # "an idle timeout, not give up after 30 seconds in total"
                # "no allocation for pointers, small integers and constants": what "no" lacks is
                # the word right after it, so its list must start there.
                list_reach = 0.0 if flags & LACK else reach
                if (
                    prohibited
                    or self._reaches(p, target, mine, terms, reach, list_reach)
                    or (flags & NEED and self._needed_doing(p, target))
                ):
                    found = (
                        Polarity.DISMISSED if flags & NEED else Polarity.NEGATED if flags & NEG else Polarity.LACKING
                    )
            if found is not None:
                if not self._hypothetical(p) and not flags & PAST and not self._even_without(p, last):
                    return found, p
                supposed = True
        if (
            supposed
            or self._hypothetical(first)
            or self._supposed_by_dehua(last)
            or self._would_then(first, last)
            or self._under_old_version(first)
        ):
            return Polarity.HYPOTHETICAL, -1
        after = last + 1
        if (
            after < len(toks)
            and toks[after].sent == toks[last].sent
            and self.cues[after] & LACK
            and toks[after].clause == toks[last].clause
            and toks[after].kind == "word"
            and toks[after].raw != "without"
        ):  # "keep the values without the cancellation" keeps them
            # "the sub-slice copies no elements", "it allocates nothing": the verb is denied.
            return Polarity.NEGATED, after
        if self._cannot_complement(last):
            # "recover 根本 catch 不到", "拿不到": 不到 / 不了 after the verb says it cannot be done.
            return Polarity.NEGATED, after
        return Polarity.AFFIRMED, -1

    def _cannot_complement(self, last: int) -> bool:
        """A Chinese potential complement follows the match: 不 and one of 到了住出掉动, in its clause."""
        toks = self.tokens
        if last + 2 >= len(toks):
            return False
        neg, result = toks[last + 1], toks[last + 2]
        # After a Chinese verb, 到 and 出 name what the action never brings rather than deny it
        # ("永远等不到的东西" still waits); 修不了 and 停不住 do deny it.
        results = _CANNOT_RESULTS if toks[last].kind != "han" else _CANNOT_RESULTS_HAN
        return (
            neg.raw == "不"
            and result.kind == "han"
            and result.raw in results
            and neg.clause == result.clause == toks[last].clause
        )

    def _names_what_must_not(self, p: int, target: int) -> bool:
        """The relative clause whose negator is at p is the subject of a copula right before the
        match: "the (one) thing that must not happen is X", "the call that should never be made
        is X". A short clause, then is/are/was, then X within a couple of words."""
        toks = self.tokens
        modal = toks[p].raw in _MODAL_NEGATORS or (p > 0 and toks[p - 1].raw in _MODALS)
        if not modal:
            return False  # "anything that is not closed is a leak" says what is a leak
        for c in range(p + 1, min(p + 5, target)):
            if toks[c].raw in _COPULA and toks[c].statement == toks[p].statement:
                if c + 1 < len(toks) and _participle(toks[c + 1].raw):
                    return False  # "work that must not be lost is persisted first": a passive predicate
                return target - c <= 3 and toks[target].statement == toks[c].statement
        return False

    def _in_relative_clause(self, p: int) -> bool:
        """The English negator at p opens the predicate of a relative clause ("that were not",
        "which didn't", "who never"): it denies that clause's own verb, not the main one after it."""
        toks = self.tokens
        i = p - 1
        while i >= 0 and toks[i].sent == toks[p].sent and toks[i].kind == "word" and toks[i].raw in lx.EN_AUX:
            i -= 1
        return i >= 0 and toks[i].sent == toks[p].sent and toks[i].kind == "word" and toks[i].raw in lx.EN_RELATIVE

    def _verb_between(self, p: int, target: int) -> bool:
        """A verb after "without X" or "没有 X 的 Y" ends what the cue lacks: "a read without the
        lock is a race", "没有锁的读是数据竞争". A quantifier ("no goroutine can see it", "nothing
        creates an edge") denies the whole predicate, so only these two forms stop."""
        toks = self.tokens
        english = toks[p].kind == "word"
        if english and toks[p].raw != "without":
            return False
        attributive = False
        for i in range(p + 1, target):
            t = toks[i]
            if english and t.kind == "word" and t.raw in lx.EN_LACK_STOPS:
                return True
            if not english and t.kind == "han":
                if t.key == "的":
                    attributive = True
                elif attributive and t.key in lx.ZH_LACK_STOPS:
                    return True
        return False

    def _until_after(self, last: int) -> bool:
        """ "The timer is not stopped until cancel": the denial is of the earlier moment, and the
        sentence states when it happens, so the term stays asserted."""
        toks = self.tokens
        for i in range(last + 1, len(toks)):
            if toks[i].clause != toks[last].clause:
                return False
            if toks[i].kind == "word" and toks[i].raw in lx.EN_UNTIL:
                return True
        return False

    def _content_units(self, positions: Iterable[int]) -> float:
        toks, cues = self.tokens, self.cues
        return sum(toks[i].units for i in positions if not toks[i].function and not cues[i] & CUE_TAIL)

    def _reaches(
        self,
        p: int,
        target: int,
        mine: set[int],
        terms: Mapping[int, tuple[Match, ...]],
        reach: float,
        list_reach: float,
    ) -> bool:
        """The negator at p governs the term at `target`: within `reach` content words of it, with
        no other term in between, or as a later item of a list whose first item is within reach
        ("not for cancellation or timeouts", "no ID, handle or thread-local storage",
        "不是用来取消或者超时的": the negation covers every item)."""
        toks = self.tokens
        if any(toks[i].raw in _ZH_THEN_RESULT for i in range(p + 1, target)):
            return False  # "不关闭就会泄漏": the negation is the condition's, the result is stated
        if self._compares_to(p, target):
            return False  # "locking every method isn't the same as protecting the data"
        if self._ends_own_item(p, target):
            return False
        blocking = [i for i in range(p + 1, target) if i not in mine and _blocks(terms, i, target)]
        between = range(p + 1, target)
        if (
            not blocking
            and toks[target].clause == toks[p].clause
            and (not any(_is_joiner(toks, i) for i in between) or not self._content_units(between))
        ):
            # Only a joiner between: the item before it was code punctuation ("unlike == or comparing").
            return self._content_units(between) <= reach
        if any(self.cues[q] & (NEG | LACK | NEED) for q in mine):
            return False  # "no ID and can't be killed": an item with its own negation is its own statement
        if blocking and any(p in m for m in terms.get(blocking[0], ())):
            return False  # the negator belongs to the first item ("no guarantee and victim ...")
        return self._list_item(p, target, blocking[0] if blocking else None, list_reach)

    def _sets_aside_rest(self, p: int) -> bool:
        """ "A, not B": a "not" that opens its clause sets aside the whole phrase after it, not
        only the next word or two. ("instead of B, do C" and "unlike B, C ..." go on to state C,
        so those keep the short reach.)"""
        toks = self.tokens
        if toks[p].raw != "not" or p == 0 or toks[p - 1].sent != toks[p].sent:
            return False
        return toks[p - 1].clause != toks[p].clause or toks[p - 1].raw == "but"

    def _even_without(self, p: int, last: int) -> bool:
        """ "不 Stop 也会被回收", "不加锁也没事": a Chinese negation conceded with 也 right after the
        match supposes it ("even without Stop ..."), it does not deny it."""
        toks = self.tokens
        if toks[p].kind != "han" or p > last or toks[p].clause != toks[last].clause:
            return False
        after = [t for t in toks[last + 1 : last + 3] if t.clause == toks[last].clause]
        return any(t.raw == "也" for t in after)

    def _compares_to(self, p: int, target: int) -> bool:
        """Between the negator and the target stands an equivalence ("the same as", "equivalent
        to", 等于, 等同于): what is denied is that the two are one, not the second."""
        words = [self.tokens[i].raw for i in range(p + 1, target)]
        chars = [w for w in words if len(w) == 1]  # a Han character is a token of its own
        return bool(set(itertools.pairwise(words)) & _EQUIVALENCE) or tuple(chars[:2]) in _ZH_EQUIVALENCE

    def _ends_own_item(self, p: int, target: int) -> bool:
        """A Chinese negator is the predicate of its own list item, with content before it in the
        item and the item's end right after it ("输入格式不对、文件找不到、网络抖动"): it does
        not reach the items after it, as a leading one does ("没有锁、超时和重试")."""
        toks = self.tokens
        if toks[p].kind != "han" or p == 0:
            return False
        before = toks[p - 1]
        in_item = before.kind == "han" and before.frag == toks[p].frag and before.clause == toks[p].clause
        return in_item and any(self._item_boundary(i) for i in range(p + 1, min(p + 4, target + 1)))

    def _list_item(self, p: int, target: int, first_term: int | None, reach: float) -> bool:
        """`target` starts a later item of a list that the negator at p reaches: the first item
        starts within reach, items are short (three content words) and hold no function word but
        an article, and they are joined by and/or/和/或 or separators (、, parentheses); by commas
        too when an and/or joins the list somewhere ("X, Y or Z"). A comma and an "and" after a
        single item start a new clause ("there is no race, and wg.Wait makes ...")."""
        toks = self.tokens
        first = first_term
        if first is None:
            first = next((i for i in range(p + 1, target) if self._content_units((i,))), target)
        if first >= target or self._content_units(range(p + 1, first)) > reach:
            return False
        if any(toks[i].clause != toks[i - 1].clause for i in range(p + 1, first + 1)):
            return False
        if not reach and any(toks[i].raw not in lx.ARTICLES for i in range(p + 1, first)):
            return False  # "nothing is guaranteed and New ...": "no" lacks the word right after it
        items = 0
        units = 0.0
        joined = commas = False
        target_item = 0
        new_item = True
        for i in range(first, self._list_end(target)):
            t = toks[i]
            if i > first and t.clause != toks[i - 1].clause:
                if i not in self.comma_clauses or t.raw in _ZH_CLAUSE_OPENERS:
                    break  # "不会冲突，再暴露 WithUser 和 UserFrom": a new statement, not an item
                commas = new_item = True
            if _is_joiner(toks, i):
                if i in self.comma_clauses and items < 2:
                    break
                joined = new_item = True
                continue
            if i > first and self._item_boundary(i):
                new_item = True
            if t.function and t.raw in lx.ARTICLES:
                continue
            if i == target:
                if not new_item:
                    return False
                target_item = items + 1
            if new_item:
                items, units, new_item = items + 1, 0.0, False
            units += t.units
            if t.function or self.cues[i] & (NEG | LACK | NEED | COND | BREAK | MYTH) or units > 3:
                if i < target:
                    return False
                if (
                    items == target_item
                    and t.kind == "word"
                    and t.function
                    and t.raw not in lx.PREPOSITIONS
                    and t.raw not in lx.TRAILING_ADVERBS  # "no need for an epsilon or integer units there"
                ):
                    return False  # "... and New must still work": the target starts a clause, not an item
                break
        return target_item >= 2 and (joined or not commas)

    def _item_boundary(self, i: int) -> bool:
        """A list separator (comma, 、, slash, parenthesis) right before position i."""
        return self.tokens[i].frag != self.tokens[i - 1].frag or i in self.after_parens

    def _list_end(self, target: int) -> int:
        """Where to stop looking for the and/or of a list: the end of the sentence, or eight
        tokens after the target."""
        span = self.sentence_tokens[self.tokens[target].sent]
        return min(span.stop, target + 8)

    def _attributive(self, cue: int) -> bool:
        """The Chinese negation at `cue` sits in a modifier: a 的 follows its verb closely, with a
        noun after it, in the clause ("不会发生的事件", "没人关的 channel")."""
        toks = self.tokens
        if toks[cue].kind != "han":
            return False
        for i in range(cue + 1, min(cue + 5, len(toks) - 1)):
            if toks[i].clause != toks[cue].clause or toks[i].kind != "han":
                return False
            if toks[i].raw == "的":
                return toks[i + 1].kind == "han" and toks[i + 1].clause == toks[cue].clause
        return False

    def _subject_of(self, last: int, cue: int, terms: Mapping[int, tuple[Match, ...]]) -> bool:
        """The match ending at `last` is (one of) the subject(s) of the denied verb at `cue`: only
        other terms, joiners and function words stand between them in one clause."""
        toks = self.tokens
        if toks[last].clause != toks[cue].clause:
            return False
        return all(i in terms or toks[i].function or _is_joiner(toks, i) for i in range(last + 1, cue))

    def in_purpose_clause(self, own: tuple[int, ...]) -> bool:
        """The match sits in a clause that states a goal, not a fact: "To keep just 64 bytes, copy
        them", "In order to avoid the copy, ...", "为了只保留 64 字节，...". The clause opens its
        sentence."""
        toks = self.tokens
        first = own[0]
        start, end = self._clause_span(first)
        if start > 0 and toks[start - 1].sent == toks[first].sent:
            return False
        # Only a short clause that a comma closes is a goal: without one ("To avoid duplicates the
        # worker marks the job done ...") the sentence's own statement runs on in it.
        closed = end + 1 < len(toks) and toks[end + 1].sent == toks[first].sent
        if not closed or sum(t.units for t in toks[start : end + 1]) > _PURPOSE_WORDS:
            return False
        opening = [t.raw for t in toks[start : start + 3]]
        if opening[:2] == ["为", "了"]:
            return True
        i = start + 2 if opening in (["in", "order", "to"], ["so", "as", "to"]) else start
        return (
            i + 1 < len(toks)
            and toks[i].raw == "to"
            and toks[i + 1].kind == "word"
            and toks[i + 1].clause == toks[i].clause
        )

    def described_as_mistake(self, own: tuple[int, ...]) -> bool:
        """The match opens its clause and a bad outcome follows at once: "Add inside the
        goroutine races with Wait", "在协程里调用 Add 会和 Wait 竞争"."""
        toks = self.tokens
        first, last = own[0], own[-1]
        clause = toks[first].clause
        i = first - 1
        gerund = False
        while i >= 0 and toks[i].clause == clause:
            if not toks[i].function:
                if gerund or not _gerund(toks[i]):
                    return False
                gerund = True
            i -= 1
        gap = 0.0
        han = ""
        han_at: list[int] = []  # the token of each character of `han`
        i = last + 1
        # A match may span a clause break ("Wait first, then Shutdown"): its outcome follows its end.
        clause = toks[last].clause
        while i < len(toks) and gap <= 3.0:
            t = toks[i]
            if t.clause != clause:
                # "Calling Wait first and then Shutdown is wrong": a sequence is one subject.
                if t.raw != "then" or t.sent != toks[last].sent:
                    break
                clause = t.clause
            if t.raw in lx.EN_OR_ELSE or t.raw in ("否则", "不然"):
                return False
            if t.kind == "han":
                han += t.raw
                han_at.append(i)
                outcome = _zh_outcome_at(han)
                if outcome >= 0:
                    # The reader's own negation cues, so 不仅 and 是不是 deny nothing here either.
                    negated = any(self.cues[j] & (NEG | LACK) for j in han_at[:outcome])
                    return not negated and not any(w in han[:outcome] for w in lx.ZH_AVERTS)
            elif t.raw in lx.EN_CONSEQUENCE:
                return True
            elif self.cues[i] & NEG and self._denies_working(i):
                return True  # "Just writing defer recover() doesn't do it", "X won't work"
            elif t.raw in lx.EN_AVERTS or self.cues[i] & (NEG | LACK):
                return False
            if not t.function:
                gap += t.units
            i += 1
        return False

    def words_after(self, i: int, count: int = 2) -> list[str]:
        """The English words among the `count` tokens after position i, in its clause."""
        toks = self.tokens
        return [t.raw for t in toks[i + 1 : i + 1 + count] if t.clause == toks[i].clause and t.kind == "word"]

    def _denies_working(self, i: int) -> bool:
        """The negation at i says the practice fails: "doesn't work", "won't help", "isn't
        enough", "doesn't do it" (the next word or two of its clause)."""
        after = self.words_after(i)
        if not after:
            return False
        if after[0] in lx.EN_FAILS_WHEN_DENIED:
            return True
        return after[0] in ("do", "does") and after[1:2] in (["it"], ["anything"], ["much"])

    def _clause_span(self, i: int) -> tuple[int, int]:
        """The first and last token positions of the clause token i is in."""
        return self._clause_spans[i]

    @cached_property
    def _clause_spans(self) -> list[tuple[int, int]]:
        # Once per reading, not a walk per question asked: walking out from the token made one
        # sentence of 100 KB with no clause break take 40 s to grade.
        toks = self.tokens
        spans: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(toks) + 1):
            if i == len(toks) or toks[i].clause != toks[start].clause:
                spans.extend([(start, i - 1)] * (i - start))
                start = i
        return spans

    def _supposed_by_dehua(self, last: int) -> bool:
        """The match's clause ends in 的话 ("每次请求都新建 Transport 的话，连接池就白费了"):
        like 如果 before it, the clause supposes what it says."""
        toks = self.tokens
        end = self._clause_span(last)[1]
        return end >= 1 and toks[end].raw == "话" and toks[end - 1].raw == "的" and end - 1 > last

    def _under_old_version(self, first: int) -> bool:
        """The sentence opens with a clause that names an older Go ("Before Go 1.22, every &v was
        the same address", "Go 1.22 之前，…"): the clause right after it says how things were."""
        toks = self.tokens
        sent = toks[first].sent
        start = self._clause_span(first)[0]
        if start == 0 or toks[start - 1].sent != sent:
            return False
        frame = self._clause_span(start - 1)[0]
        if frame > 0 and toks[frame - 1].sent == sent and not self._after_label(frame):
            return False  # the frame must open the sentence, or follow a short label ("The leak: ...")
        words = [t.raw for t in toks[frame:start]]
        han = "".join(w for t, w in zip(toks[frame:start], words, strict=True) if t.kind == "han")
        text = self.sentences[sent].norm[toks[frame].start : toks[start - 1].end]
        versioned = (
            bool(_GO_VERSION.search(text))
            or any(w in _VERSION_WORDS for w in words)
            or "版本" in han
            or ("go" in words and any(w in ("older", "earlier", "old") for w in words))  # "on older Go, ..."
        )
        return versioned and (any(w in _OLDER_EN for w in words) or any(m in han for m in _OLDER_ZH))

    def _after_label(self, frame: int) -> bool:
        """A short label and a colon open the sentence before the token at `frame` ("The leak: on
        older Go, ...", "先说泄漏：老版本 Go 里 ...")."""
        sent = self.tokens[frame].sent
        before = self.sentences[sent].norm[: self.tokens[frame].start].rstrip()
        return frame - self.sentence_tokens[sent].start <= 5 and before.endswith(":")

    def _would_then(self, first: int, last: int) -> bool:
        """ "would then" or "would otherwise" at the match's clause (where "then" opens a clause
        of its own): the consequence of something just supposed ("closing ch in fetch would be
        wrong: the send would then panic")."""
        toks = self.tokens
        start, end = self._clause_span(first)
        end = max(end, last)
        at = self._would_then_at
        lo = bisect_left(at, max(0, start - 1))
        hi = bisect_left(at, min(end + 1, len(toks) - 1))
        return any(toks[i].sent == toks[first].sent for i in at[lo:hi])

    @cached_property
    def _would_then_at(self) -> list[int]:
        """The positions of "would" followed by "then" or "otherwise", found once per reading:
        scanning the clause for each match was quadratic in a long clause."""
        toks = self.tokens
        return [i for i in range(len(toks) - 1) if toks[i].raw == "would" and toks[i + 1].raw in _SUPPOSED_AFTER_WOULD]

    def _hypothetical(self, p: int) -> bool:
        """A conditional word earlier in the cue's clause ("if you don't ...")."""
        return self._condition_in_clause[p]

    @cached_property
    def _condition_in_clause(self) -> list[bool]:
        """Per token: a conditional word at or before it in its clause, found in one pass."""
        toks, cues = self.tokens, self.cues
        out: list[bool] = []
        seen = False
        for i, tok in enumerate(toks):
            if i == 0 or tok.clause != toks[i - 1].clause:
                seen = False
            seen = seen or bool(cues[i] & COND)
            out.append(seen)
        return out


_SUPPOSED_AFTER_WOULD = frozenset({"then", "otherwise"})
_LEADING = frozenset({"when", "whenever", "once", "after", "if"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "i", "you", "he", "she"})
_COPULA = frozenset({"is", "are", "was", "were"})
_IRREGULAR_PARTICIPLES = frozenset(
    {"kept", "lost", "done", "written", "sent", "taken", "given", "made", "held", "put", "set", "run", "read", "built"}
)


def _participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))


_ZH_NEGATING = frozenset("不没无非未别")
_PURPOSE_WORDS = 8  # word units (a Han character counts half): "To keep just 64 bytes,"
# The results of a Chinese potential complement that say a verb cannot succeed: 抓不到, 改不了, 停不住.
_CANNOT_RESULTS = frozenset("到了住出掉动")
_CANNOT_RESULTS_HAN = frozenset("了住掉动")
_MODALS = frozenset({"must", "should", "shall", "can", "may"})
_MODAL_NEGATORS = frozenset({"mustnt", "shouldnt", "cant", "cannot"})
# A sentence-opening clause about an older Go: a version (a number, "version", 版本) and a word
# that puts it in the past.
_GO_VERSION = re.compile(r"(?<![\w.])(?:go\s?)?1\.\d{1,2}(?![\d.])|\bgo\s?1\b", re.I)
_VERSION_WORDS = frozenset({"version", "versions", "release", "releases"})
_OLDER_EN = frozenset({"before", "prior", "until", "earlier", "older", "previously", "pre", "below"})
_OLDER_ZH = ("之前", "以前", "早期", "旧版", "老版", "过去", "及以下")


def _gerund(t: Token) -> bool:
    return t.kind == "word" and t.raw.endswith("ing") and len(t.raw) > 4 and t.raw not in lx.EN_NOT_GERUNDS


def _zh_outcome_at(han: str) -> int:
    """Where the first bad-outcome word in `han` starts, or -1."""
    found = [
        k
        for k in (han.find(w) for w in lx.ZH_CONSEQUENCE)
        if k >= 0 and not _error_noun(han, k) and not han.startswith(lx.ZH_UNUSED, k)
    ]
    return min(found) if found else -1


# 错误 is also the noun "error", the common sense in Go talk: "只看最外层那个错误", "返回错误", "错误链".
_ERROR_NOUN_BEFORE = ("个", "的", "那", "这", "该", "回", "装", "新", "层", "原")
_ERROR_NOUN_AFTER = ("值", "链", "类型", "处理", "信息", "码", "对象", "接口", "变量")


def _error_noun(han: str, k: int) -> bool:
    if not han.startswith("错误", k):
        return False
    return han[k - 1 : k].endswith(_ERROR_NOUN_BEFORE) or han.startswith(_ERROR_NOUN_AFTER, k + 2)


_Tokenized = tuple[list[Token], list[bool], set[int], set[int], set[int], set[int]]


def _tokenize(sentences: tuple[Sentence, ...]) -> _Tokenized:
    """The tokens of the sentences, whether a punctuation clause break comes right before each,
    and the positions that start a clause after a comma, after a colon or dash, or after a
    parenthesis, and the fragments cut from their neighbour by a space between Han characters."""
    tokens: list[Token] = []
    breaks: list[bool] = []  # a punctuation clause break right before this token
    frag = 0
    norms = [s.norm for s in sentences]
    commas: set[int] = set()
    hard: set[int] = set()
    parens: set[int] = set()
    spaced_frags: set[int] = set()  # fragments cut from their neighbour by a space between Han characters
    for si in range(len(sentences)):
        frag += 1
        pending_break = True
        after_comma = after_paren = after_hard = False
        prev_han = False
        spaced = False
        depth = 0  # inside parentheses a comma separates list items, it does not end a clause
        for m in _TOKEN.finditer(norms[si]):
            kind = m.lastgroup or ""
            s = m.group()
            if kind == "han" and not is_han(s):
                continue  # another script's letter: read as nothing, like any other symbol
            if kind == "paren":
                depth = max(0, depth + (1 if s in "([" else -1))
                after_paren = True
                continue
            if kind == "brk" and not (depth and s == ","):
                pending_break = True
                after_comma = s == ","
                after_hard = not after_comma
                frag += 1
                continue
            if kind == "brk":
                frag += 1
                continue
            if kind == "sep":
                if s.isspace():
                    spaced = True
                else:
                    frag += 1
                continue
            han = kind == "han"
            # Chinese prose has no spaces between characters: a space there separates list items.
            if han and prev_han and spaced:
                spaced_frags.update((frag, frag + 1))
                frag += 1
            prev_han, spaced = han, False
            for tok in _make_tokens(kind, s, si, frag, m.start()):
                if pending_break and after_comma:
                    commas.add(len(tokens))
                elif pending_break and after_hard:
                    hard.add(len(tokens))
                if after_paren:
                    parens.add(len(tokens))
                    after_paren = False
                tokens.append(tok)
                breaks.append(pending_break)
                pending_break = after_comma = after_hard = False
    return tokens, breaks, commas, hard, parens, spaced_frags


def read_phrasing(text: str) -> tuple[list[Token], list[int]]:
    """A phrasing's tokens and cue flags: what compiling it needs, without the clauses, function
    words and indexes an answer's reading builds (a question's compile reads hundreds)."""
    tokens = _tokenize(split_sentences(text))[0]
    return tokens, _cue_flags(tokens)


@lru_cache(maxsize=512)
def read_answer(text: str) -> Reading:
    sentences = split_sentences(text)
    tokens, breaks, commas, hard, parens, spaced_frags = _tokenize(sentences)
    cues = _cue_flags(tokens)
    _mark_function_words(tokens)
    clause = statement = 0
    final: list[Token] = []
    leading = False  # the statement opens with "when ..." and no comma has closed that clause yet
    lead_at = 0
    for i, tok in enumerate(tokens):
        if breaks[i] or cues[i] & BREAK:
            # "When a worker fails, it closes the channel": the leading clause and the one after
            # its comma are one statement, so the parts of a co-occurrence may sit in each.
            if not (leading and i in commas and not cues[i] & BREAK):
                statement += 1
            leading = False
        if (breaks[i] or i == 0) and tok.kind == "word" and tok.raw in _LEADING:
            leading, lead_at = True, i
        elif leading and tok.kind == "word" and tok.raw in _SUBJECT_PRONOUNS and i > lead_at + 1:
            # "When the loader is done it closes the jobs channel, each worker ...": the comma
            # after the leading clause was left out, so the main clause is already under way and
            # the next comma ends it.
            leading = False
        if breaks[i] or cues[i] & BREAK or (i > 0 and cues[i - 1] & BREAK_AFTER):
            clause += 1
        tok.clause = clause
        tok.statement = statement
        final.append(tok)
    per_sentence: list[list[int]] = [[] for _ in sentences]
    for i, tok in enumerate(final):
        if cues[i] & (NEG | NEED | MYTH | LACK | ADVERB | SUBJECT):
            per_sentence[tok.sent].append(i)
    spans: list[range] = []
    at = 0
    for si in range(len(sentences)):
        end = at
        while end < len(final) and final[end].sent == si:
            end += 1
        spans.append(range(at, end))
        at = end
    return Reading(
        text=text,
        sentences=sentences,
        tokens=tuple(final),
        cues=tuple(cues),
        cue_positions=tuple(tuple(p) for p in per_sentence),
        spaced_frags=frozenset(spaced_frags),
        sentence_tokens=tuple(spans),
        comma_clauses=frozenset(commas),
        hard_breaks=frozenset(hard),
        after_parens=frozenset(parens),
    )


_NOT_CODE = frozenset(" \t\r\n`'\"")


def compact(norm: str) -> tuple[str, tuple[int, ...]]:
    """The text without spaces and quotes, and for each of its characters the offset it came from."""
    keep = [i for i, ch in enumerate(norm) if ch not in _NOT_CODE]
    return "".join(norm[i] for i in keep), tuple(keep)


def _make_tokens(kind: str, s: str, sent: int, frag: int, at: int) -> list[Token]:
    end = at + len(s)
    if kind == "ident":
        name = s.removesuffix("()")
        # Each part is an extra key: "WaitGroup" finds `sync.WaitGroup`, "Done" finds `ctx.Done()`,
        # "goleak" finds `goleak.VerifyNone(t)`.
        parts = tuple(dict.fromkeys(stem(part) for part in name.split(".")))
        return [Token(name, "ident", name, sent, 0, frag, parts, start=at, end=end)]
    if kind == "flag":
        # A command-line flag is a name, not a word: "-race" is not "race", so "there is no race"
        # does not deny `go test -race`, and "run -race" does not mention a race.
        return [Token(s, "ident", s, sent, 0, frag, start=at, end=end)]
    if kind == "hyph":
        pieces = s.split("-")
        out = []
        pos = at
        for n, piece in enumerate(pieces):
            out.append(
                Token(_word_key(piece), "word", piece, sent, 0, frag, start=pos, end=pos + len(piece), joined=n > 0)
            )
            pos += len(piece) + 1
        out[0].alt = (stem("".join(pieces)),)
        out[0].parts = len(pieces)
        return out
    if kind == "word":
        raw = s.removesuffix("()").replace("'", "")
        raw = lx.NEGATOR_SLIPS.get(raw, raw)
        return [Token(_word_key(raw), "word", raw, sent, 0, frag, start=at, end=end)]
    return [Token(s, "han", s, sent, 0, frag, start=at, end=end)]


@lru_cache(maxsize=8192)
def _word_key(raw: str) -> str:
    return "not" if raw in lx.NOT_FORMS else stem(raw)


def _mark_function_words(tokens: list[Token]) -> None:
    for t in tokens:
        if t.kind == "word":
            t.function = t.raw in lx.STOPWORDS
    for i, run in _han_runs(tokens):
        k = 0
        while k < len(run):
            word = next((w for w in _ZH_FUNCTION_BY_FIRST.get(run[k], ()) if run.startswith(w, k)), None)
            if word is not None:
                for m in range(k, k + len(word)):
                    tokens[i + m].function = True
                k += len(word)
                continue
            tokens[i + k].function = run[k] in lx.ZH_PARTICLES
            k += 1


def _han_runs(tokens: list[Token]) -> Iterator[tuple[int, str]]:
    """Each run of Chinese characters within one sentence: its first token's index and its text."""
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i].kind != "han":
            i += 1
            continue
        j = i
        while j < n and tokens[j].kind == "han" and tokens[j].sent == tokens[i].sent:
            j += 1
        yield i, "".join(t.raw for t in tokens[i:j])
        i = j


_ZH_FUNCTION_BY_FIRST: dict[str, list[str]] = {}
for _w in sorted(lx.ZH_FUNCTION_WORDS, key=len, reverse=True):
    _ZH_FUNCTION_BY_FIRST.setdefault(_w[0], []).append(_w)


def _cue_flags(tokens: list[Token]) -> list[int]:
    flags = [0] * len(tokens)
    _english_cues(tokens, flags)
    _chinese_cues(tokens, flags)
    return flags


_EN_CUE_WORDS = (
    lx.EN_NEGATORS
    | lx.EN_NEED_NEGATORS
    | lx.EN_MYTH
    | lx.EN_CONDITIONAL
    | lx.EN_CLAUSE_BREAK
    | {"unlike", "opposed"}
    | lx.EN_BELIEF_VERBS
)


def _adverbial_then(tokens: list[Token], flags: list[int], i: int) -> bool:
    """ "each cycle then has less to do": "then" inside a clause, after its subject, means "as a
    result" and starts nothing. It starts a clause after punctuation or "and" ("..., then call
    Shutdown") and after a condition ("if the buffer is full then the send blocks")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.sent != tokens[i].sent or prev.frag != tokens[i].frag or prev.raw in _THEN_JOINERS:
        return False
    j = i - 1
    while j >= 0 and tokens[j].sent == tokens[i].sent and tokens[j].frag == tokens[i].frag:
        if flags[j] & COND:
            return False
        j -= 1
    return True


_THEN_JOINERS = frozenset({"and", "or", "but", "so", "just", "only", "first"})


def _english_cues(tokens: list[Token], flags: list[int]) -> None:
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or tok.joined:
            continue
        w = tok.raw
        if w not in _EN_CUE_WORDS:
            continue
        if w in lx.EN_NEGATORS:
            after = [t.raw for t in tokens[i + 1 : i + 3] if t.sent == tok.sent and t.kind == "word"]
            if after and after[0] in lx.EN_NOT_NEGATING_NEXT and not _plain_restriction(tokens, i, after[0]):
                flags[i] |= ADVERB
                continue
            need_at = [
                j
                for j in range(i + 1, min(i + 3, len(tokens)))
                if tokens[j].sent == tok.sent
                and tokens[j].raw in lx.EN_NEED_WORDS
                and (tokens[j].raw != "have" or (j + 1 < len(tokens) and tokens[j + 1].raw == "to"))
            ]
            if need_at:
                flags[i] |= NEED
                # "need" belongs to the negation: it is not a word the negation reaches over.
                for j in range(i + 1, need_at[0] + 1):
                    flags[j] |= CUE_TAIL
            elif w in lx.EN_LACK and after[:1] != ["longer"]:
                flags[i] |= LACK
            else:
                flags[i] |= NEG | (SUBJECT if _denies_cause(tokens, i) else 0)
            if after[:1] == ["longer"] or _anymore_after(tokens, i):
                flags[i] |= PAST
        elif w in lx.EN_NEED_NEGATORS:
            flags[i] |= NEED
        elif w in lx.EN_MYTH:
            flags[i] |= MYTH
        if w in lx.EN_CONDITIONAL:
            flags[i] |= COND
        if w in lx.EN_CLAUSE_BREAK and not (w == "then" and _adverbial_then(tokens, flags, i)):
            flags[i] |= BREAK
        if w in lx.EN_BELIEF_VERBS and _attributed(tokens, i):
            # "people think ...", "my colleague says ...": someone else's view, not the answer's.
            flags[i] |= MYTH
        if _sets_aside(tokens, i):
            # "at the defer statement, rather than at return": what follows is denied.
            flags[i] |= NEG


def _anymore_after(tokens: list[Token], i: int) -> bool:
    """ "not ... anymore", "not ... any longer" within the negator's sentence, a few words on."""
    words = [t.raw for t in tokens[i + 1 : i + 8] if t.sent == tokens[i].sent]
    return "anymore" in words or any(a == "any" and b in ("more", "longer") for a, b in itertools.pairwise(words))


def _attributed(tokens: list[Token], i: int) -> bool:
    """The belief verb at i has someone other than the speaker as its subject, a few words before."""
    before = [t.raw for t in tokens[max(0, i - 3) : i] if t.sent == tokens[i].sent]
    return any(w in lx.EN_OTHERS for w in before) and not any(w in ("i", "we") for w in before)


def _sets_aside(tokens: list[Token], i: int) -> bool:
    """ "rather than", "instead of", "as opposed to", "X, unlike Y": the words after it are set aside.
    A sentence that opens with "Unlike X" names X for comparison ("Unlike a config struct, options
    have no zero-value ambiguity") rather than denying it."""
    w = tokens[i].raw
    nxt = tokens[i + 1].raw if i + 1 < len(tokens) and tokens[i + 1].sent == tokens[i].sent else ""
    return (
        (w == "rather" and nxt == "than")
        or (w == "instead" and nxt == "of")
        or (w == "unlike" and i > 0 and tokens[i - 1].sent == tokens[i].sent)
        or (w == "opposed" and i > 0 and tokens[i - 1].raw == "as" and nxt == "to")
    )


_HEDGES = frozenset({"really", "actually", "ever", "necessarily", "much", "big", "real"})
# Content words a clause-opening "not" ("A, not B") reaches: the rest of a short clause.
_SET_ASIDE_REACH = 6.0
# Chinese result markers: a negation before one belongs to the condition ("不加锁就会竞争").
_ZH_THEN_RESULT = frozenset({"就", "便", "则"})
# A comma clause opening with one of these starts a statement of its own: 再暴露 ..., 用闭包 ...
_ZH_CLAUSE_OPENERS = frozenset({"再", "然", "并", "还", "又", "用", "改", "换", "而", "要", "应", "得"})
_EQUIVALENCE = frozenset({("same", "as"), ("equivalent", "to"), ("identical", "to"), ("equal", "to")})
_ZH_EQUIVALENCE = frozenset({("等", "于"), ("等", "同")})


_EN_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "isnt", "arent", "wasnt", "werent"})


_ONLY_WORDS = frozenset({"only", "just", "merely", "simply", "solely"})
_ALSO_WORDS = frozenset({"but", "also", "too", "rather", "instead"})


def _plain_restriction(tokens: list[Token], i: int, adverb: str) -> bool:
    """ "I'd never just turn GC off", "don't simply copy it": with no "but" or "also" later in the
    sentence the negator denies the doing; only "not just X but (also) Y" affirms X."""
    if adverb not in _ONLY_WORDS:
        return False
    rest = (t.raw for t in tokens[i + 2 :] if t.sent == tokens[i].sent)
    return not any(w in _ALSO_WORDS for w in rest)


def _denies_cause(tokens: list[Token], i: int) -> bool:
    """The negator at i is followed by a verb of causing or remedying: "does not cause", "would not help".
    Not in the passive: in "the parent is not affected" the parent is what is acted on, not the
    cause ("caching the error isn't an issue" still dismisses its subject)."""
    be = tokens[i].raw in _EN_BE or (i > 0 and tokens[i - 1].sent == tokens[i].sent and tokens[i - 1].raw in _EN_BE)
    for t in tokens[i + 1 : i + 4]:
        if t.sent != tokens[i].sent or t.kind != "word":
            return False
        if t.key in lx.EN_SUBJECT_VERBS:
            return not (be and t.raw.endswith("ed"))
        if t.raw not in lx.STOPWORDS and t.raw not in _HEDGES:
            return False
    return False


def _zh_table() -> list[tuple[str, int]]:
    table: dict[str, int] = {}

    def add(words: tuple[str, ...], flag: int) -> None:
        for w in words:
            table[w] = table.get(w, 0) | flag

    add(lx.ZH_NOT_NEGATING, 0)
    add(lx.ZH_NEED_NEGATORS, NEED)
    add(lx.ZH_NEGATORS, NEG)
    add(lx.ZH_PAST_NEGATORS, NEG | PAST)
    add(lx.ZH_LACK, LACK)
    add(lx.ZH_MYTH, MYTH)
    add(lx.ZH_CONDITIONAL, COND)
    add(lx.ZH_CLAUSE_BREAK, BREAK)
    add(lx.ZH_NOT_CLAUSE_END, 0)
    add(lx.ZH_CLAUSE_END, BREAK_AFTER)
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def _by_first_char() -> dict[str, list[tuple[str, int]]]:
    table: dict[str, list[tuple[str, int]]] = {}
    for word, flag in _zh_table():  # longest first, kept per first character
        table.setdefault(word[0], []).append((word, flag))
    return table


_ZH_TABLE = _by_first_char()


def _chinese_cues(tokens: list[Token], flags: list[int]) -> None:
    for i, run in _han_runs(tokens):
        _scan_run(run, i, flags)


def _scan_run(run: str, offset: int, flags: list[int]) -> None:
    k = 0
    while k < len(run):
        candidates = _ZH_TABLE.get(run[k])
        if candidates is None:
            k += 1
            continue
        for word, flag in candidates:
            if run.startswith(word, k):
                before = lx.ZH_NOT_A_CUE_AFTER.get(word, "")
                if k > 0 and run[k - 1] in before:
                    flag = 0
                if a_not_a(run, k):
                    flag = 0  # 能不能 / 是不是 / 有没有: "whether", a choice, not a denial
                flags[offset + k] |= flag & ~BREAK_AFTER
                flags[offset + k + len(word) - 1] |= flag & BREAK_AFTER
                if flag & (NEG | LACK | NEED):
                    for m in range(k + 1, k + len(word)):
                        flags[offset + m] |= CUE_TAIL
                if flag & (NEG | LACK) and _zh_cause_at(run, k + len(word)):
                    flags[offset + k] |= SUBJECT
                k += len(word)
                break
        else:
            k += 1


def a_not_a(run: str, k: int) -> bool:
    """The 不 or 没 at k sits between a verb and itself (能不能看到, 是不是, 会不会, 有没有, 可不可以):
    the A-not-A question form, which asks "whether" and denies nothing."""
    if run[k] not in "不没" or k == 0 or k + 1 >= len(run):
        return False
    return run[k - 1] == run[k + 1] or (run[k - 1] == "可" and run.startswith("可以", k + 1))


def _zh_cause_at(run: str, k: int) -> bool:
    """A verb of causing or remedying starts at k, perhaps after 会/能 ("不会导致", "不能解决")."""
    if k < len(run) and run[k] in "会能再":
        k += 1
    return any(run.startswith(w, k) for w in lx.ZH_SUBJECT_VERBS)


@dataclass(frozen=True, slots=True)
class Fragment:
    """A piece between commas, 、, slashes, line breaks, or spaces between Chinese words."""

    members: tuple[int, ...]  # token positions
    units: float
    function: int  # function words; list joiners ("and", "和") and the articles leading a list item not counted
    function_units: float  # the length of its function words, joiners included (a chain's joiners are cut out)
    connective: bool  # a condition, negation or clause-break word: prose
    han_run: int  # longest run of Han characters
    han_units: float  # Chinese share of the length
    spaced: bool  # cut from a neighbour by a space between Chinese words


def _fragments(tokens: tuple[Token, ...], cues: tuple[int, ...], spaced: frozenset[int]) -> tuple[Fragment, ...]:
    groups: dict[int, list[int]] = {}
    joiners: dict[int, int] = {}
    for i, t in enumerate(tokens):
        groups.setdefault(t.frag, []).append(i)
        if (
            t.raw in _JOINER_RAWS
            and _is_joiner(tokens, i)
            and not (i > 0 and tokens[i - 1].raw in _JOINER_RAWS and _is_joiner(tokens, i - 1))
        ):
            joiners[t.frag] = joiners.get(t.frag, 0) + 1
    pieces: list[tuple[list[int], bool, int]] = []  # members, cut from a chain, fragment id
    for frag_id, members in groups.items():
        # "reuse and GC pressure and per-P and stealing": a chain of and/or/和 joins list items
        # just as commas do, so each item is a fragment of its own.
        if joiners.get(frag_id, 0) >= 2:
            pieces.extend((part, True, frag_id) for part in _split_chain(tokens, members))
        else:
            pieces.append((members, False, frag_id))
    # "the data race, the memory model, the first check": items of a list lead with an article
    # without being sentences. In "The check takes minutes." the article is prose.
    articled: dict[int, int] = {}
    for members, _, _ in pieces:
        if tokens[members[0]].raw in lx.ARTICLES and len(members) <= 4:
            articled[tokens[members[0]].sent] = articled.get(tokens[members[0]].sent, 0) + 1
    return tuple(
        _fragment(
            tokens,
            cues,
            members,
            spaced=frag_id in spaced,
            list_item=chain or articled.get(tokens[members[0]].sent, 0) >= 3,
        )
        for members, chain, frag_id in pieces
    )


_JOINER_RAWS = lx.EN_JOINERS | lx.ZH_JOINERS | {"者", "以"}
_CONNECTIVE = COND | BREAK | NEG | NEED | ADVERB | SUBJECT


def _split_chain(tokens: tuple[Token, ...], members: list[int]) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for i in members:
        if _is_joiner(tokens, i):
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(i)
    return [p for p in parts if p]


def _fragment(
    tokens: tuple[Token, ...], cues: tuple[int, ...], members: list[int], *, spaced: bool, list_item: bool
) -> Fragment:
    units = function_units = han_units = 0.0
    function = han_run = run = 0
    connective = False
    leading = list_item  # in a list, "the data race" is a noun phrase, not a sentence
    for i in members:
        t = tokens[i]
        han = t.kind == "han"
        u = 0.5 if han else 1.0
        units += u
        if han:
            han_units += u
            run += 1
            han_run = max(han_run, run)
        else:
            run = 0
        if leading and t.raw in lx.ARTICLES:
            continue
        leading = False
        if t.function:
            function_units += u
            if t.raw not in lx.LIST_JOINERS:
                function += 1
        if cues[i] & _CONNECTIVE:
            connective = True
    return Fragment(
        members=tuple(members),
        units=units,
        function=function,
        function_units=function_units,
        connective=connective,
        han_run=han_run,
        han_units=han_units,
        spaced=spaced,
    )


def keyword_list(reading: Reading, terms: Collection[int] = ()) -> bool:
    """A bare list of terms, not sentences: most of its length sits in fragments that read as
    terms, not clauses ("header, backing array, share, pin", "切片头、底层数组、共享").

    `terms` (positions where the question's phrasings matched) catch lists without commas: a
    fragment made almost only of the question's terms, with no function word, is a list however
    long it is ("wg.Add wg.Done wg.Wait defer errgroup 竞态").
    """
    tokens = reading.tokens
    if reading.function_shares[1] >= 0.2:  # prose even without its joiners and articles: most answers stop here
        return False
    total = sum(t.units for t in tokens)
    if not total:
        return False
    # Joiners in a chain and articles leading a list item ("the data race and the memory
    # model and ...") are not what makes prose.
    share = sum(f.function_units for f in reading.fragments) / total
    if share >= 0.2 or total * (1 - share) < 3:
        return False
    sentence_units = 0.0
    for f in reading.fragments:
        term_units = sum(tokens[i].units for i in f.members if i in terms)
        if f.function == 0 and not f.connective and term_units >= 0.7 * f.units:
            continue
        # Chinese needs no particles to make a sentence ("切片共享底层数组"), but its terms are
        # short: a run of seven characters, or a clause of four words between commas, is a
        # sentence. Spaces between Chinese words only separate list items.
        clause = f.han_units >= 0.4 * f.units and f.units >= 4 and not f.spaced
        if (
            (f.units >= 3 and f.function >= 1)
            or f.function >= 2
            or (f.connective and f.units >= 2)
            or f.han_run >= 7
            or clause
        ):
            sentence_units += f.units
    return sentence_units / total < 0.3
