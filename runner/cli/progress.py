"""`gokata review`, `gokata stats`, `gokata history` and `gokata progress export/import`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner import doctor as doctor_checks
    from runner.progress import flow
    from runner.reports import files, formats
    from runner.ui import progress as ui
    from runner.ui import review as review_ui
else:
    doctor_checks = lazy_module("runner.doctor")
    flow = lazy_module("runner.progress.flow")
    files = lazy_module("runner.reports.files")
    formats = lazy_module("runner.reports.formats")
    ui = lazy_module("runner.ui.progress")
    review_ui = lazy_module("runner.ui.review")


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
) -> ExitStatus:
    """Spaced repetition: the questions due for review (FSRS), then a few new ones.

    Examples: gokata review · gokata review -t defer --new 0 · gokata review --undo
    """
    if undo:
        return draw_only(flow.undo(), ui.render_undone)
    return review_ui.run_review(
        tuple(topic or ()), limit=limit, new=new, cram=cram, lang=lang.value, self_grade=self_grade
    )


def stats(
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="Language of topic titles."),
) -> ExitStatus:
    """Per topic: answered, accuracy, mastery, due today; katas passed, streak, recent days."""
    outcome = flow.stats(lang.value)
    return present(
        "stats",
        outcome,
        json_out=json_out,
        data=lambda st: st.to_json(),
        draw=lambda st: ui.render_stats(st, lang=lang.value),
    )


def history(
    fmt: HistoryFormat = typer.Option(HistoryFormat.csv, "--format", "-f", help="csv or json"),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="FILE", help="Write here instead of stdout."),
) -> ExitStatus:
    """Export every recorded attempt (answers and kata runs), oldest first."""
    text = formats.render(formats.Subject.HISTORY, formats.Format(fmt.value), flow.history())
    files.emit_text(text, out)
    return ExitStatus.OK


@progress_app.command("export")
def export_cmd(
    file: Path = typer.Argument(..., help="The JSON file to write."),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> ExitStatus:
    """Write all your progress to FILE (to import on another machine)."""
    return draw_only(flow.export(file, force=force), ui.render_export)


@progress_app.command("import")
def import_cmd(file: Path = typer.Argument(..., help="A file written by `gokata progress export`.")) -> ExitStatus:
    """Merge progress from FILE into this machine's (attempts already here are skipped)."""
    return draw_only(flow.import_(file), lambda counts: ui.render_import(str(file), counts))


def suspend(
    question_ids: list[str] = typer.Argument(..., metavar="ID...", help="Question ids, e.g. defer.lifo."),
) -> ExitStatus:
    """Keep questions out of reviews until you unsuspend them (their history stays).

    Example: gokata suspend defer.lifo slices.header-fields
    """
    outcome = flow.suspend(question_ids, suspended=True)
    return draw_only(outcome, lambda v: ui.render_suspended(v.asked, v.changed, suspended=v.suspended))


def unsuspend(
    question_ids: list[str] = typer.Argument(..., metavar="ID...", help="Question ids, e.g. defer.lifo."),
) -> ExitStatus:
    """Put suspended questions back into reviews.

    Example: gokata unsuspend defer.lifo
    """
    outcome = flow.suspend(question_ids, suspended=False)
    return draw_only(outcome, lambda v: ui.render_suspended(v.asked, v.changed, suspended=v.suspended))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command()(review)
    app.command()(suspend)
    app.command()(unsuspend)
    app.command()(doctor)
    app.command()(stats)
    app.command()(history)
    app.add_typer(progress_app, name="progress")


def doctor(json_out: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> ExitStatus:
    """Check this machine for gokata: Python, Go, a C compiler for -race, bubblewrap, the progress
    store and free space, the banks and the katas. One line per check, each with a fix.

    Exit 0 when nothing failed (warnings allowed), 1 otherwise.
    """
    outcome = doctor_checks.doctor()
    return present("doctor", outcome, json_out=json_out, data=lambda r: r.to_json(), draw=ui.render_doctor)
