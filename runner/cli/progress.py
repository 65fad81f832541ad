"""`gokata review`, `gokata stats`, `gokata history` and `gokata progress export/import`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


class HistoryFormat(StrEnum):
    csv = "csv"
    json = "json"


progress_app = typer.Typer(help="Move your progress between machines.", no_args_is_help=True)


def review(
    topic: list[str] = typer.Option(None, "--topic", "-t", help="Only this topic (repeatable)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many questions."),
    new: int = typer.Option(10, "--new", min=0, help="At most this many questions never seen before."),
    cram: bool = typer.Option(False, "--cram", help="Ignore due dates: review seen questions, least recalled first."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (falls back to English where untranslated)."),
    self_grade: bool = typer.Option(False, "--self-grade", help="Mark open answers yourself instead of the grader."),
    undo: bool = typer.Option(False, "--undo", help="Take back the last rated answer and restore its review card."),
) -> None:
    """Spaced repetition: the questions due for review (FSRS), then a few new ones.

    Examples: gokata review · gokata review -t defer --new 0 · gokata review --undo
    """
    from datetime import datetime

    if undo:
        _undo()
        return

    from runner.content.catalog import load_catalog
    from runner.progress.due import due_questions, next_due
    from runner.progress.rating import suggested_rating
    from runner.progress.store import open_store
    from runner.ui.console import out
    from runner.ui.progress import render_nothing_due
    from runner.ui.session import run_session
    from runner.ui.summary import render_summary

    catalog = load_catalog()
    topics = tuple(topic or ())
    with open_store() as store:
        ids = due_questions(catalog, store, now=datetime.now().astimezone(), topics=topics, limit=limit, new=new,
                            cram=cram)
        if not ids:
            render_nothing_due(next_due(catalog, store, topics=topics), lang=lang.value)
            return
        by_id = catalog.by_id()
        summary = run_session([by_id[i] for i in ids], lang=lang.value, exam=False, recorder=store, mode="review",
                              ask_rating=True, self_grade=self_grade, suggest_rating=suggested_rating)
    from runner.ui.quiz_resume import exit_code

    render_summary(out(), summary, titles={t: catalog.title(t, lang.value) for t in catalog.topics()}, lang=lang.value)
    raise typer.Exit(exit_code(summary))


def stats(
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="Language of topic titles."),
) -> None:
    """Per topic: answered, accuracy, mastery, due today; katas passed, streak, recent days."""
    from datetime import datetime

    from runner.content.catalog import load_catalog
    from runner.progress.stats import compute_stats
    from runner.progress.store import open_store
    from runner.ui.progress import render_stats

    catalog = load_catalog()
    with open_store() as store:
        result = compute_stats(catalog, store, now=datetime.now().astimezone(), lang=lang.value)
    render_stats(result, json_out=json_out, lang=lang.value)


def history(
    fmt: HistoryFormat = typer.Option(HistoryFormat.csv, "--format", "-f", help="csv or json"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
) -> None:
    """Export every recorded attempt (answers and kata runs), oldest first."""
    import sys

    from runner.errors import BadInput
    from runner.progress.history import write_csv, write_json
    from runner.progress.store import open_store

    write = write_csv if fmt is HistoryFormat.csv else write_json
    with open_store() as store:
        if out is None:
            write(store, sys.stdout)
            return
        try:
            with out.open("w", encoding="utf-8", newline="") as f:
                write(store, f)
        except OSError as exc:
            raise BadInput(f"{out}: cannot write: {exc.strerror}") from None


@progress_app.command("export")
def export_cmd(
    file: Path = typer.Argument(..., help="The JSON file to write."),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Write all your progress to FILE (to import on another machine)."""
    from runner.progress.store import open_store
    from runner.progress.transfer import export_progress
    from runner.ui.progress import render_export

    with open_store() as store:
        counts = export_progress(store, file, force=force)
    render_export(counts)


@progress_app.command("import")
def import_cmd(file: Path = typer.Argument(..., help="A file written by `gokata progress export`.")) -> None:
    """Merge progress from FILE into this machine's (attempts already here are skipped)."""
    from runner.progress.store import open_store
    from runner.progress.transfer import import_progress
    from runner.ui.progress import render_import

    with open_store() as store:
        counts = import_progress(store, file)
    render_import(str(file), counts)


def _undo() -> None:
    from runner.errors import BadInput
    from runner.progress.store import open_store
    from runner.ui.progress import render_undone

    with open_store() as store:
        undone = store.undo_last_rating()
    if undone is None:
        raise BadInput("there is no rated answer to take back")
    render_undone(undone)


def suspend(
    question_ids: list[str] = typer.Argument(..., metavar="ID...", help="Question ids, e.g. defer.lifo."),
) -> None:
    """Keep questions out of reviews until you unsuspend them (their history stays).

    Example: gokata suspend defer.lifo slices.header-fields
    """
    from runner.content.catalog import load_catalog
    from runner.progress.store import open_store
    from runner.ui.progress import render_suspended

    catalog = load_catalog()
    for qid in question_ids:
        catalog.question(qid)  # an unknown id is bad input, before anything changes
    with open_store() as store:
        changed = [qid for qid in question_ids if store.suspend(qid)]
    render_suspended(question_ids, changed, suspended=True)


def unsuspend(
    question_ids: list[str] = typer.Argument(..., metavar="ID...", help="Question ids, e.g. defer.lifo."),
) -> None:
    """Put suspended questions back into reviews.

    Example: gokata unsuspend defer.lifo
    """
    from runner.progress.store import open_store
    from runner.ui.progress import render_suspended

    with open_store() as store:
        changed = [qid for qid in question_ids if store.unsuspend(qid)]
    render_suspended(question_ids, changed, suspended=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command()(review)
    app.command()(suspend)
    app.command()(unsuspend)
    app.command()(doctor)
    app.command()(stats)
    app.command()(history)
    app.add_typer(progress_app, name="progress")


def doctor(json_out: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Check this machine for gokata: Python, Go, a C compiler for -race, bubblewrap, the progress
    store and free space, the banks and the katas. One line per check, each with a fix.

    Exit 0 when nothing failed (warnings allowed), 1 otherwise.
    """
    from runner.doctor import run_checks
    from runner.errors import EXIT_NOT_ALL_PASSED, EXIT_OK
    from runner.ui.progress import render_doctor

    report = run_checks()
    render_doctor(report, json_out=json_out)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_NOT_ALL_PASSED)
