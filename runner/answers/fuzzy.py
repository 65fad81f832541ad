"""Typo tolerance: an answer word within a small edit distance of a phrasing word counts as it.

Thresholds (on stems): 5-8 letters allow one edit, 9 or more allow two; shorter words must be
exact, because short English words are one letter apart from other words ("lock"/"look").
An edit is an insertion, deletion, substitution or swap of two neighbours ("gorotuine"). The
first letter must match: typos there are rare, and it keeps "panic" from matching "manic"; a
word with the prefix "non" never matches one without it (non-addressable is not now addressable).

Lookup uses deletion neighbourhoods (the SymSpell idea): each vocabulary word is indexed under
itself and every one-letter deletion, so a candidate is found with a handful of dict lookups
instead of a distance computation against the whole vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_FUZZY = 5
LONG_WORD = 9
# No Go term or English word is longer; a longer "word" is noise, and its two-deletion
# neighbourhood grows with the cube of its length (a 2,000-letter word took 3.9 GB).
MAX_FUZZY = 40


def allowed_edits(length: int) -> int:
    if length >= LONG_WORD:
        return 2
    if length >= MIN_FUZZY:
        return 1
    return 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class FuzzyIndex:
    """Finds the vocabulary words an answer word is a typo of."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocab = frozenset(w for w in vocabulary if w.isalpha() and len(w) >= MIN_FUZZY)
        # Built on every first grade of a question (a few thousand entries): lists and one lookup
        # per entry, not a set per word, halve it. A word may sit twice under one key ("lock" from
        # "llock"); lookup() gathers candidates into a set.
        index: dict[str, list[str]] = {}
        get = index.get
        for w in self._vocab:
            for d in (w, *(w[:i] + w[i + 1 :] for i in range(len(w)))):
                words = get(d)
                if words is None:
                    index[d] = [w]
                else:
                    words.append(w)
        self._index = index

    def lookup(self, word: str) -> tuple[str, ...]:
        """The vocabulary words within the allowed distance of `word` (not `word` itself)."""
        if len(word) < MIN_FUZZY or len(word) > MAX_FUZZY or not word.isalpha() or word in self._vocab:
            return ()
        # One deletion on each side finds candidates up to distance 2; two on the query side
        # reach distance 2 for long words whose typo sits next to another edit.
        depth = 2 if len(word) >= LONG_WORD else 1
        candidates: set[str] = set()
        index = self._index
        for d in _deletions(word, depth):
            words = index.get(d)
            if words:
                candidates.update(words)
        hits = []
        for c in sorted(candidates):
            if c[0] != word[0] or c.startswith("non") != word.startswith("non"):
                # "non" is a denial, never a typo: "nonaddressable" is not "nowaddressable".
                continue
            limit = allowed_edits(min(len(c), len(word)))
            if limit and edit_distance(word, c, limit) <= limit:
                hits.append(c)
        return tuple(hits)
