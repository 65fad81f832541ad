"""Authoring rules for open questions, checked by `gokata bank lint` (not by loading).

A framework written for the claims grader: every point has an authored follow-up in English
and Chinese; every core point names at least one claim with contrasts (what an inverted answer
would say); `$name` phrasings name an entry of the plain-words lexicon; a `probe` names an open
follow-up item that `follows` the question; learner texts never point at material the learner
never saw ("Correction 4", "GO_FACTS", "the article").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from runner.content.models import AnyQuestion, Bank, LocalText, OpenQuestion
from runner.content.plain_words import unknown_references

Where = Callable[[tuple[str | int, ...]], tuple[int, int]]
Found = tuple[tuple[str | int, ...], str]  # data path, message

_INTERNAL = re.compile(r"\bcorrection\s*#?\d+|\bgo_facts\b|\bthe (source )?article\b|原文|这篇文章|那篇文章", re.I)


def open_question_problems(q: OpenQuestion) -> Iterator[Found]:
    for j, p in enumerate(q.framework):
        at: tuple[str | int, ...] = ("framework", j)
        if p.follow_up is None or not p.follow_up.zh:
            yield at + ("follow_up",), f"point {p.id!r} needs an authored follow-up in en and zh"
        if p.core and not any(c.contrasts or c.order for c in p.claims):
            yield at + ("claims",), f"core point {p.id!r} needs a claim with contrasts or an order"
        phrasings = tuple(ph for concept in p.concepts for ph in concept)
        phrasings += tuple(ph for c in p.claims for ph in c.phrasings)
        for ref in unknown_references(phrasings):
            yield at, f"{ref!r} names no entry of the plain-words lexicon"
    for k, m in enumerate(q.misconceptions):
        for ref in unknown_references(m.phrasings):
            yield ("misconceptions", k), f"{ref!r} names no entry of the plain-words lexicon"


def learner_texts(q: AnyQuestion) -> Iterator[tuple[tuple[str | int, ...], LocalText]]:
    yield ("prompt",), q.prompt
    yield ("explanation",), q.explanation
    choices = getattr(q, "choices", ())
    for i, c in enumerate(choices):
        yield ("choices", i, "text"), c.text
        if c.why is not None:
            yield ("choices", i, "why"), c.why
    if isinstance(q, OpenQuestion):
        yield ("model_answer",), q.model_answer
        for j, p in enumerate(q.framework):
            yield ("framework", j, "point"), p.point
            if p.follow_up is not None:
                yield ("framework", j, "follow_up"), p.follow_up
        for k, m in enumerate(q.misconceptions):
            yield ("misconceptions", k, "correction"), m.correction


def hygiene_problems(q: AnyQuestion) -> Iterator[Found]:
    for at, text in learner_texts(q):
        for lang, value in (("en", text.en), ("zh", text.zh)):
            m = _INTERNAL.search(value or "")
            if m:
                yield (
                    at + (lang,),
                    (
                        f"learner text refers to material the learner never saw: {m.group()!r}; "
                        "make the question self-contained"
                    ),
                )


def bank_problems(bank: Bank) -> Iterator[tuple[int, tuple[str | int, ...], str]]:
    """(question index, data path inside the question, message) for one bank."""
    for i, q in enumerate(bank.questions):
        if isinstance(q, OpenQuestion):
            for at, msg in open_question_problems(q):
                yield i, at, msg
        for at, msg in hygiene_problems(q):
            yield i, at, msg


def probe_problems(questions: dict[str, AnyQuestion]) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    """(question id, data path, message): probes name follow-up items that follow their question."""
    for q in questions.values():
        if not isinstance(q, OpenQuestion):
            continue
        if q.follows is not None and not isinstance(questions.get(q.follows), OpenQuestion):
            yield q.id, ("follows",), f"follows {q.follows!r}, which is not an open question"
        for j, p in enumerate(q.framework):
            if p.probe is None:
                continue
            item = questions.get(p.probe)
            if not isinstance(item, OpenQuestion):
                yield q.id, ("framework", j, "probe"), f"probe {p.probe!r} is not an open question"
            elif item.follows != q.id:
                yield q.id, ("framework", j, "probe"), f"probe {p.probe!r} must say `follows: {q.id}`"
