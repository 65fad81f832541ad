"""Which question an answer is about: an answer much nearer another bundled question than its own
answers something else.

A fluent answer about another Go topic shares the question's vocabulary ("mutex", "goroutine",
"timer") and earns loose phrasings of its points. What it does not share is the question's
subject as a whole: compared word for word (tf-idf over English stems, identifiers and Chinese
character pairs) with every bundled open question, it sits much nearer the question it really
answers. The bundled questions are the reference for any question, a private bank's too: when
an answer is less than RATIO as near its own question (prompt, code, model answers and point
wordings) as it is to the nearest other one, it is about something else.

On the blind dev splits, 77 % of off-topic answers are under 0.6 as near their own question as
the nearest other, and 0.1 % of strong ones; RATIO, NEAR and MIN_TERMS are set where no strong,
partial, inverted, typo or mixed dev answer, no calibration example and no model answer is placed
elsewhere (70 % of off-topic dev answers still are).

The reference index ships inside the package (build_shipped.py) under the grader's fingerprint;
with a stale one it is built from the bundled banks once per process (about 150 ms).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from runner.answers import shipped
from runner.answers.reading import stem

if TYPE_CHECKING:
    from runner.content.models import OpenQuestion

RATIO = 0.5
KIN = 0.25  # a reference question as near the question as this is on its subject
MIN_TERMS = 25  # a shorter answer says too little to place: a sentence or two
# An answer must share this much with the other question too: below it, both similarities are a
# few common words, and their ratio is noise (a plain Chinese answer shares few character pairs).
NEAR = 0.08
INDEX_FILE = "questions.index"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*|[\u4e00-\u9fff]+")
# Words every answer uses: they would make any two answers look alike.
_STOP_WORDS = (
    "the a an of to and or is are be in on it that this for with as at by if you i we they not no but so when then "
    "can will would do does don't from your its their there what which how"
)
_STOP = frozenset(_STOP_WORDS.split())

Vector = dict[str, float]


def terms(text: str) -> Counter[str]:
    """English stems (and each part of a dotted name), and each pair of adjacent Chinese characters."""
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0] >= "\u4e00":
            out.update(w[i : i + 2] for i in range(len(w) - 1))
            continue
        w = w.lower().strip(".")
        if w in _STOP or len(w) < 2:
            continue
        out[stem(w)] += 1
        if "." in w:
            out.update(stem(p) for p in w.split(".") if p)
    return out


def question_text(q: OpenQuestion) -> str:
    parts = [q.prompt.en, q.prompt.zh or "", q.model_answer.en, q.model_answer.zh or "", q.code or ""]
    for p in q.framework:
        parts += [p.point.en, p.point.zh or ""]
    return "\n".join(parts)


@dataclass(frozen=True)
class QuestionIndex:
    """Each reference question's unit tf-idf vector, stored by term in flat arrays: loading the
    shipped index is then a few memory copies, not tens of thousands of objects (17 ms to 2)."""

    ids: tuple[str, ...]  # the reference questions
    follows: tuple[str | None, ...]  # per reference question, the question it is a follow-up of
    terms: str  # every term, joined by NUL
    idf: array[float]  # per term
    unseen: float  # the weight of a term no reference question uses
    offsets: array[int]  # per term, where its postings start in `questions` and `weights` (one more at the end)
    questions: array[int]  # index into `ids`
    weights: array[float]

    @cached_property
    def position(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms.split("\0"))}

    def vector(self, counts: Counter[str]) -> Vector:
        pos = self.position
        v = {}
        for t, n in counts.items():
            at = pos.get(t)
            v[t] = (1 + math.log(n)) * (self.idf[at] if at is not None else self.unseen)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def similarities(self, vector: Vector) -> list[float]:
        """The vector's cosine similarity to each reference question, in the order of `ids`."""
        pos, offsets, questions, weights = self.position, self.offsets, self.questions, self.weights
        sims = [0.0] * len(self.ids)
        for t, x in vector.items():
            at = pos.get(t)
            if at is None:
                continue
            for j in range(offsets[at], offsets[at + 1]):
                sims[questions[j]] += x * weights[j]
        return sims

    def kin(self, question: OpenQuestion, own: Vector) -> frozenset[str]:
        """The reference questions on the question's own subject: itself, the one it follows up,
        its follow-ups and theirs, and any whose wording is as near it as KIN (a copy in a private
        bank, a question on the same scenario)."""
        main = question.follows or question.id
        family = {question.id, main}
        family.update(qid for qid, f in zip(self.ids, self.follows, strict=True) if f in family)
        near = (qid for qid, sim in zip(self.ids, self.similarities(own), strict=True) if sim >= KIN)
        return frozenset((*family, *near))

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "position"}  # rebuilt on first use


def build_index(questions: Iterable[OpenQuestion]) -> QuestionIndex:
    by_id = {q.id: q for q in questions}  # an id given twice counts once
    docs = {qid: terms(question_text(q)) for qid, q in by_id.items()}
    follows = tuple(q.follows for q in by_id.values())
    df: Counter[str] = Counter(t for counts in docs.values() for t in counts)
    n = len(docs)
    ids = tuple(docs)
    vocabulary = sorted(df)
    idf = array("d", (math.log((n + 1) / (df[t] + 0.5)) for t in vocabulary))
    postings: dict[str, list[tuple[int, float]]] = {t: [] for t in vocabulary}
    bare = QuestionIndex(
        ids, follows, "\0".join(vocabulary), idf, math.log(n + 1), array("I", [0]), array("H"), array("d")
    )
    for qi, counts in enumerate(docs.values()):
        for t, w in bare.vector(counts).items():
            postings[t].append((qi, w))
    offsets, owners, weights = array("I", [0]), array("H"), array("d")
    for t in vocabulary:
        for qi, w in postings[t]:
            owners.append(qi)
            weights.append(w)
        offsets.append(len(owners))
    return QuestionIndex(ids, follows, bare.terms, idf, bare.unseen, offsets, owners, weights)


@dataclass(frozen=True)
class Subject:
    """What an answer is compared with: the question's own vector, and the reference questions on
    its subject, which are never "another question"."""

    own: tuple[tuple[str, float], ...] = ()
    kin: frozenset[str] = frozenset()


def subject_of(question: OpenQuestion) -> Subject:
    """Computed when the question is compiled."""
    index = reference_index()
    if index is None:
        return Subject()
    own = index.vector(terms(question_text(question)))
    return Subject(tuple(own.items()), index.kin(question, own))


def elsewhere(subject: Subject, text: str) -> str | None:
    """The id of the bundled question this answer is about instead of its own, if any."""
    index = reference_index()
    counts = terms(text)
    if index is None or not subject.own or sum(counts.values()) < MIN_TERMS:
        return None
    answer = index.vector(counts)
    sims = index.similarities(answer)
    others = [i for i, qid in enumerate(index.ids) if qid not in subject.kin]
    if not others:
        return None
    best = max(others, key=sims.__getitem__)
    own = dict(subject.own)
    mine = sum(x * own.get(t, 0.0) for t, x in answer.items())
    return index.ids[best] if sims[best] >= NEAR and mine < RATIO * sims[best] else None


@cache
def reference_index() -> QuestionIndex | None:
    """The bundled questions' index as shipped, or built from the bundled banks when that is stale."""
    loaded = _load_shipped()
    if isinstance(loaded, QuestionIndex):
        return loaded
    return bundled_index()


def bundled_index() -> QuestionIndex | None:
    from runner.content.catalog import load_catalog  # only when the shipped index is stale
    from runner.content.models import OpenQuestion

    try:
        questions = [q for q in load_catalog().questions if isinstance(q, OpenQuestion)]
    except Exception:  # no readable bundled banks: nothing to compare with
        return None
    return build_index(questions) if questions else None


def _load_shipped() -> object | None:
    return shipped.read(INDEX_FILE)
