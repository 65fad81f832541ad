"""What `topics` and `stats` need of the banks, as plain data: each topic's title and its
questions' ids, kinds and difficulties.

It is cached beside the catalog, under the same files and identity (cache.load_many), and loads
without building a content model: those two commands skip pydantic (about 60 ms of every
start-up) and the whole catalog (about 25 ms more). A miss loads the catalog, which validates
the banks and reports their problems as always, and outlines it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runner.content import cache
from runner.content.bank_files import bank_files
from runner.content.plain_text import Text
from runner.errors import BadInput

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.content.models import AnyQuestion

KIND = "outlines-3"  # a new name whenever these classes change: an old pickle would load without the new fields


@dataclass(frozen=True)
class QuestionOutline:
    id: str
    kind: str
    difficulty: int
    follows: str | None = None  # the open question a follow-up item belongs to (gokata interview)
    topic: str = ""


@dataclass(frozen=True)
class BankOutline:
    topic: str
    title: Text
    questions: tuple[QuestionOutline, ...]
    file: str | None = None  # the bank file its questions came from


@dataclass(frozen=True)
class Outline:
    banks: tuple[BankOutline, ...]

    @property
    def questions(self) -> tuple[QuestionOutline, ...]:
        return tuple(q for b in self.banks for q in b.questions)

    def topics(self) -> tuple[str, ...]:
        return tuple(b.topic for b in self.banks)

    def bank(self, topic: str) -> BankOutline:
        """As Catalog.bank: an unknown topic is BadInput naming the known ones."""
        for b in self.banks:
            if b.topic == topic:
                return b
        raise BadInput(f"unknown topic {topic!r}; known topics: {', '.join(self.topics()) or '(none)'}")

    def title(self, topic: str, lang: str) -> str:
        return self.bank(topic).title.get(lang)


def outline_of(catalog: Catalog) -> Outline:
    def file_of(ids: list[str]) -> str | None:
        origin = catalog.origins.get(ids[0]) if ids else None
        return origin.file if origin is not None else None

    return Outline(
        tuple(
            BankOutline(
                bank.topic,
                Text(bank.title.en, bank.title.zh),
                tuple(
                    QuestionOutline(q.id, q.kind, q.difficulty, getattr(q, "follows", None), q.topic)
                    for q in bank.questions
                ),
                file_of([q.id for q in bank.questions]),
            )
            for bank in catalog.banks
        )
    )


def load_outline(paths: Iterable[Path] | None = None) -> Outline:
    """The outline of the banks as they are now; ContentError when they have problems."""
    files = bank_files(paths)
    stamped = cache.stamp_many(files)
    cached = cache.load_many(files, KIND, stamped=stamped)
    if isinstance(cached, Outline):
        return cached
    from runner.content.catalog import load_catalog

    outline = outline_of(load_catalog(files))
    cache.store_many(files, outline, KIND, stamped=stamped)
    return outline


def load_questions(question_ids: Iterable[str], paths: Iterable[Path] | None = None) -> dict[str, AnyQuestion]:
    """The questions of these ids that exist (an unknown id is left out), unpickling only their
    own banks when the banks are cached as they are now: the outline is stored only for banks that
    validated together, so its file is that bank's. Any miss loads the whole catalog, which
    reports the banks' problems as always."""
    roots = list(paths) if paths is not None else None
    wanted = set(question_ids)
    if not wanted:
        return {}
    from runner.content.catalog import load_catalog
    from runner.content.models import Bank

    outline = load_outline(roots)
    found: dict[str, AnyQuestion] = {}
    for b in outline.banks:
        if not wanted.intersection(q.id for q in b.questions):
            continue
        cached = cache.load(Path(b.file)) if b.file is not None else None
        bank = cached[0] if isinstance(cached, tuple) and cached else None
        if not isinstance(bank, Bank):
            by_id = load_catalog(roots).by_id()
            return {qid: by_id[qid] for qid in wanted if qid in by_id}
        found.update((q.id, q) for q in bank.questions if q.id in wanted)
    return found


def load_question(question_id: str, paths: Iterable[Path] | None = None) -> AnyQuestion:
    """One question (see load_questions); an unknown id is BadInput."""
    found = load_questions((question_id,), paths).get(question_id)
    if found is None:  # the same words as Catalog.question
        raise BadInput(f"unknown question id {question_id!r}")
    return found
