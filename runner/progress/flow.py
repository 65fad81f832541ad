"""One engine function per progress command (review, stats, history, export/import, suspend,
doctor), each opening the store for as long as it needs it and returning an Outcome."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from runner.errors import BadInput
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.content.models import AnyQuestion, Lang
    from runner.content.outline import Outline
    from runner.progress.history import History
    from runner.progress.stats import Stats
    from runner.progress.store import MergeCounts, ProgressStore
    from runner.progress.transfer import ExportCounts


@dataclass(frozen=True)
class ReviewPlan:
    """The questions due now (FSRS), then a few new ones; `store` records the answers."""

    outline: Outline  # the topics and their titles
    questions: list[AnyQuestion]
    next_due: datetime | None  # when nothing is due: when the next seen question falls due
    store: ProgressStore


@dataclass(frozen=True)
class Suspension:
    asked: list[str]
    changed: list[str]
    suspended: bool


@contextmanager
def review_plan(topics: tuple[str, ...], *, limit: int, new: int, cram: bool) -> Iterator[ReviewPlan]:
    """The review to run, with the store open until the session ends."""
    from runner.content.outline import load_outline, load_questions
    from runner.progress.due import due_questions, next_due
    from runner.progress.store import open_store

    outline = load_outline()
    with open_store() as store:
        now = datetime.now().astimezone()
        ids = due_questions(outline, store, now=now, topics=topics, limit=limit, new=new, cram=cram)
        by_id = load_questions(ids)  # only the banks of the questions asked
        upcoming = None if ids else next_due(outline, store, topics=topics)
        yield ReviewPlan(outline, [by_id[i] for i in ids], upcoming, store)


def undo() -> Outcome[dict[str, object]]:
    """Take back the last rated answer and restore its review card."""
    from runner.progress.store import open_store

    with open_store() as store:
        undone = store.undo_last_rating()
    if undone is None:
        raise BadInput("there is no rated answer to take back")
    return Outcome(undone)


def stats(lang: Lang) -> Outcome[Stats]:
    from runner.content.outline import load_outline
    from runner.progress.stats import compute_stats
    from runner.progress.store import open_store

    outline = load_outline()
    with open_store() as store:
        return Outcome(compute_stats(outline, store, now=datetime.now().astimezone(), lang=lang))


def history() -> History:
    from runner.progress.history import history as records
    from runner.progress.store import open_store

    with open_store() as store:
        return records(store)


def export(file: Path, *, force: bool) -> Outcome[ExportCounts]:
    from runner.progress.store import open_store
    from runner.progress.transfer import export_progress

    with open_store() as store:
        return Outcome(export_progress(store, file, force=force))


def import_(file: Path) -> Outcome[MergeCounts]:
    from runner.progress.store import open_store
    from runner.progress.transfer import import_progress

    with open_store() as store:
        return Outcome(import_progress(store, file))


def suspend(question_ids: list[str], *, suspended: bool) -> Outcome[Suspension]:
    """Keep questions out of reviews (or put them back); an unknown id to suspend is bad input."""
    from runner.progress.store import open_store

    if suspended:
        from runner.content.catalog import load_catalog

        catalog = load_catalog()
        for qid in question_ids:
            catalog.question(qid)  # an unknown id is bad input, before anything changes
    with open_store() as store:
        change = store.suspend if suspended else store.unsuspend
        changed = [qid for qid in question_ids if change(qid)]
    return Outcome(Suspension(question_ids, changed, suspended))
