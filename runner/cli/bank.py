"""`gokata bank ...`: maintainer commands over the question banks."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.content import flow
    from runner.kata import flow as kata_flow
    from runner.reports import files, formats
    from runner.ui import bank as ui
    from runner.ui import console, steps
else:
    flow = lazy_module("runner.content.flow")
    kata_flow = lazy_module("runner.kata.flow")
    files = lazy_module("runner.reports.files")
    formats = lazy_module("runner.reports.formats")
    ui = lazy_module("runner.ui.bank")
    console = lazy_module("runner.ui.console")
    steps = lazy_module("runner.ui.steps")

app = typer.Typer(help="Lint, export and verify the question banks.", no_args_is_help=True)


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"


@app.command()
def lint(
    paths: list[Path] = typer.Argument(None, help="Bank files or folders (default: the bundled banks)."),
) -> ExitStatus:
    """Validate banks; print every problem as file:line:column: field.path: message."""
    return draw_only(flow.lint(paths), ui.render_lint_ok)


@app.command()
def schema() -> ExitStatus:
    """Print the JSON Schema of the bank format (for an editor's YAML language server)."""
    files.emit_text(formats.render(formats.Subject.BANK_SCHEMA, formats.Format.JSON))
    return ExitStatus.OK


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json (with answers) or markdown"),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="FILE", help="Write here instead of stdout."),
    paths: list[Path] = typer.Argument(None, help="Bank files or folders (default: the bundled banks)."),
) -> ExitStatus:
    """Write the banks out: JSON with answers for tools, Markdown for reading and printing."""
    text = formats.render(formats.Subject.BANKS, formats.Format(fmt.value), flow.catalog(paths))
    files.emit_text(text, out)
    return ExitStatus.OK


@app.command("verify-snippets")
def verify_snippets(
    ids: list[str] = typer.Argument(None, help="Only these question ids."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Programs run in parallel."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    banks: list[Path] = typer.Option(None, "--bank", help="Only these bank files or folders (repeatable)."),
) -> ExitStatus:
    """Run every `output` question's program with the local Go and compare its output."""
    with steps.step_reporter("running programs", quiet=json_out) as on_step:
        outcome = flow.verify_snippets(banks, ids, jobs=jobs, on_step=on_step)
    return present(
        "bank verify-snippets", outcome, json_out=json_out, data=lambda r: r.to_json(), draw=ui.render_snippet_report
    )


def _register_extras() -> None:
    from runner.cli import bank_calibrate

    bank_calibrate.register(app)


_register_extras()


@app.command("new")
def new_bank(
    folder: Path = typer.Argument(..., help="Folder for the new bank (created if missing)."),
    topic: str = typer.Option("private", "--topic", help="The bank's topic: its file name and id prefix."),
) -> ExitStatus:
    """Scaffold a private bank (one question of every kind) that `bank lint` passes: for screens that count."""
    outcome = flow.new_bank(folder, topic)
    return draw_only(
        outcome,
        lambda path: console.out().print(
            f"wrote {path}; check it with `gokata bank lint {folder}`, use it with --bank {folder}"
        ),
    )


@app.command()
def mistakes(
    markdown: bool = typer.Option(False, "--markdown", help="Print the table kept in questions/MISTAKES.md."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> ExitStatus:
    """Show which of the book's 100 Go mistakes the banks and katas teach (from their mistake-N tags).

    Example: gokata bank mistakes --markdown > questions/MISTAKES.md
    """
    outcome = kata_flow.mistakes_table()
    if markdown:
        files.emit_text(formats.render(formats.Subject.MISTAKES, formats.Format.MARKDOWN, outcome.value))
        return outcome.status
    return present("bank mistakes", outcome, json_out=json_out, data=lambda t: t.to_json(), draw=ui.render_mistakes)
