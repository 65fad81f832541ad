"""Normalisation and sentence splitting.

Sentences are cut on the original text and normalised one by one, so the evidence a grade
shows is the learner's own sentence, character for character, whatever NFKC did to it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# NFKC already maps full-width Latin, digits and punctuation ("ｓｙｎｃ．Ｏｎｃｅ", "，", "（）") to
# their ASCII forms; these are the look-alikes it leaves alone.
_LOOKALIKES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u300c": '"',
        "\u300d": '"',
        "\u300e": '"',
        "\u300f": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u3000": " ",
        "\u00a0": " ",
    }
)

# A sentence ends at a Chinese or ASCII terminator, a semicolon or a line break. A full stop
# ends one only when no identifier character follows, so `sync.Once`, `ctx.Done()` and "1.22"
# stay whole, and neither does an ASCII full stop between an identifier and "(", which is a type
# assertion (`err.(*ParseError)`, `v.(type)`); an ASCII ! or ? followed at once by code characters
# is code, not an ending (`err != nil`, `/debug/pprof/goroutine?debug=2`).
_TERMINATOR = re.compile(
    r"[。！？；;\n\r]|[!?](?![A-Za-z0-9_=&/])"
    r"|(?<=[A-Za-z0-9_\])])\.(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_\])])\.(?![A-Za-z0-9_])"
    r"|[．｡](?![A-Za-z0-9_Ａ-Ｚａ-ｚ０-９])"
)


def is_han(char: str) -> bool:
    """A Chinese character (CJK ideographs, extension A and the compatibility block)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"


def normalize(text: str) -> str:
    """NFKC (full width to half width), look-alike quotes and dashes to ASCII, lower case.

    A full-width colon gets a space after it: in Chinese it ends a clause ("原因：数据竞争"),
    while an ASCII colon with no space is code ("s[a:b:c]", "M:N")."""
    return unicodedata.normalize("NFKC", text.replace("\uff1a", ": ")).translate(_LOOKALIKES).lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the original answer
    end: int
    text: str  # the original sentence, trimmed: what a grade quotes as evidence

    @property
    def norm(self) -> str:
        return normalize(self.text)

    @property
    def is_question(self) -> bool:
        """The sentence asks rather than states."""
        return self.text.rstrip().endswith(("?", "？"))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The answer's sentences in order, with their offsets; empty pieces are dropped."""
    sentences: list[Sentence] = []
    start = 0
    for m in _TERMINATOR.finditer(text):
        _add(sentences, text, start, m.end())
        start = m.end()
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    sentences.append(Sentence(s, s + len(stripped), stripped))
