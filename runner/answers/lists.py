"""Is an answer a bare list of terms? Read from its shape, whatever joins the items.

A list is cut into items at line breaks, bullets, commas, 、, semicolons, slashes, bars, sentence
ends, spaces between Chinese words, and chains of "and"/"和". An item is a clause when it
carries what makes words a statement: a subject pronoun, a copula, an auxiliary or modal verb, or
a connective (is, can, must, because, so, it, 是, 会, 要, 因为, 所以 ...). Articles, prepositions,
"that" and negations do not: "a deferred closure that assigns err" and "not overwriting an earlier
error" are noun phrases, items of a list.

An answer is a list when it has at least four items, they are short, and few of them are
clauses. A run of ten or more words with no separator and almost no small word ("defer statement
evaluates arguments immediately receiver LIFO closure ...") is terms joined by spaces: a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from runner.answers.normalize import is_han, normalize

# A letter outside ASCII: in these answers, a Chinese character. Not the exact Han ranges: a
# class of large code-point ranges costs re milliseconds to compile at every start-up (it fills
# a 64K table), a class of categories almost nothing. Other scripts are filtered where it matters.
_LETTER = r"[^\W\d_a-zA-Z]"

# Where items end. A full stop ends one only before a space or the end (not in `sync.Once`, "1.22").
_SEPARATOR = re.compile(
    rf"[\n\r]+|^\s*[-*•·+]\s+|[,，、;；|•·]|[。！？!?]|\.(?=\s|$)|\s/\s|(?<=[\w)])/(?=[\w(])"
    rf"|\s[-–—]\s|(?<={_LETTER})\s+(?={_LETTER})",
    re.M,
)
_AND_CHAIN = re.compile(r"\s+(?:and|or)\s+|(?<=[^\s])(?:和|以及|或者)(?=[^\s])")
_WORD = re.compile(rf"[a-z0-9_.()\[\]*&:=<>!'-]+|{_LETTER}")

EN_CLAUSAL = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "will",
        "would",
        "can",
        "could",
        "must",
        "should",
        "may",
        "might",
        "shall",
        "does",
        "do",
        "did",
        "doesn't",
        "don't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "won't",
        "can't",
        "cannot",
        "couldn't",
        "shouldn't",
        "has",
        "have",
        "had",
        "it",
        "it's",
        "its",
        "they",
        "they're",
        "you",
        "you're",
        "we",
        "we're",
        "i",
        "i'm",
        "he",
        "she",
        "this",
        "these",
        "there",
        "here",
        "because",
        "so",
        "but",
        "then",
        "which",
        "if",
        "when",
        "unless",
        "otherwise",
        "since",
        "while",
        "although",
        "though",
        "thus",
        "hence",
        "therefore",
        "means",
        "let's",
        "just",
        "also",
        "only",
        "still",
        "what",
        "why",
        "how",
        "whether",
    ]
)
ZH_CLAUSAL = (
    "是",
    "会",
    "就",
    "要",
    "应该",
    "必须",
    "因为",
    "所以",
    "如果",
    "但",
    "然后",
    "我们",
    "你",
    "它",
    "他们",
    "这样",
    "那么",
    "的话",
    "吗",
    "呢",
    "可以",
    "需要",
    "才",
    "而是",
    "并且",
    "而且",
    "其实",
    "这个",
    "那个",
    "这些",
    "那些",
    "也",
    "还",
    "都",
    "把",
    "被",
    "让",
    "我",
    "能",
    "时候",
    "给",
    "一个",
    "各自",
    "通过",
    "直接",
    "马上",
    "只要",
    "只有",
    "已经",
    "先",
    "再",
    "比如",
    "例如",
    "适合",
)
EN_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "and",
        "or",
        "not",
        "no",
    ]
)

_TERMINATOR = re.compile(r"[。！？!?]|\.(?=\s|$)")
_FENCE = re.compile(r"```.*?(```|$)", re.S)
# A line of Go code is not an item: `x := f()`, `func (s *S) Get() {`, `}`, `case <-ctx.Done():`.
_CODE_LINE = re.compile(
    r"^[\W\d_a-zA-Z]*(?::=|<-|[{}]\s*$)|^\s*[})\]]|"
    # Words after the keyword are separated by spaces: "(?:\s*\S+)" would let a long run without
    # spaces ("defer 语句执行时会立即…") split in exponentially many ways before failing.
    r"^\s*(?:func|var|if|for|return|defer|go|case|select|switch|type|package|import)\b\S*(?:\s+\S+){0,6}\s*$"
)

MIN_ITEMS = 4
MAX_CLAUSE_SHARE = 0.34
MAX_UNPUNCTUATED_CLAUSE_SHARE = 0.6
MAX_MEAN_UNITS = 8.0
SPACE_JOINED_WORDS = 7
SPACE_JOINED_SMALL = 0.2  # prose has two or three times this share of small words


@dataclass(frozen=True)
class Item:
    units: float  # words; a Han character counts half
    clausal: bool


def _item(text: str) -> Item | None:
    words = [w for w in _WORD.findall(text) if len(w) > 1 or w.isascii() or is_han(w)]
    if not words:
        return None
    han = "".join(w for w in words if len(w) == 1 and is_han(w))
    # "he's" and "that's" are read as "he" and "that".
    latin = [w.strip(".()'").split("'")[0] for w in words if not (len(w) == 1 and is_han(w))]
    units = len(latin) + len(han) / 2
    clausal = any(w in EN_CLAUSAL for w in latin) or any(m in han for m in ZH_CLAUSAL)
    return Item(units, clausal)


def _split_space_joined(text: str, *, unpunctuated: bool) -> list[str]:
    """A long run of words with no separator and almost no small word: terms joined by spaces."""
    words = text.split()
    if not unpunctuated or ":" in text:
        return [text]
    if len(words) < SPACE_JOINED_WORDS:
        return [text]
    small = sum(w in EN_SMALL or w in EN_CLAUSAL for w in words)
    if small / len(words) >= SPACE_JOINED_SMALL:
        return [text]
    return [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]


def _prose_lines(text: str) -> str:
    """The answer without code: fenced blocks and lines that read as Go code."""
    text = _FENCE.sub("\n", text)
    return "\n".join(line for line in text.splitlines() if not _CODE_LINE.match(line))


def items(text: str) -> list[Item]:
    out: list[Item] = []
    prose = normalize(_prose_lines(text))
    unpunctuated = not _TERMINATOR.search(prose)
    for piece in _SEPARATOR.split(prose):
        if not piece or not piece.strip():
            continue
        chained = _AND_CHAIN.split(piece)
        parts = chained if len(chained) >= 3 else [piece]
        for part in parts:
            for sub in _split_space_joined(part.strip(), unpunctuated=unpunctuated):
                item = _item(sub)
                if item is not None:
                    out.append(item)
    return out


@lru_cache(maxsize=512)
def looks_like_list(text: str) -> bool:
    found = items(text)
    if len(found) < MIN_ITEMS:
        return False
    # Prose is made of sentences; a list has at most a stray full stop.
    terminators = len(_TERMINATOR.findall(normalize(_prose_lines(text)).strip()))
    if terminators > max(1, len(found) // 8):
        return False
    clauses = sum(i.clausal for i in found)
    mean = sum(i.units for i in found) / len(found)
    # Without a single sentence end, a long run of items is a list even when some read as clauses
    # ("f 返回后才 Store done", "panic 也算完成").
    share = MAX_UNPUNCTUATED_CLAUSE_SHARE if not terminators and len(found) >= 6 else MAX_CLAUSE_SHARE
    return clauses / len(found) < share and mean <= MAX_MEAN_UNITS
