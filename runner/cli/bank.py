"""`gokata bank ...`: maintainer commands over the question banks."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

app = typer.Typer(help="Lint, export and verify the question banks.", no_args_is_help=True)


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"


@app.command()
def lint(
    paths: list[Path] = typer.Argument(None, help="Bank files or folders (default: the bundled banks)."),
) -> None:
    """Validate banks; print every problem as file:line:column: field.path: message."""
    from runner.content.lint import lint_banks
    from runner.errors import ContentError
    from runner.ui.bank import render_lint_ok

    catalog, problems = lint_banks(paths or None)
    if problems:
        raise ContentError(problems, f"{len(problems)} problem(s) found")
    render_lint_ok(catalog)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the bank format (for an editor's YAML language server)."""
    from runner.content.export import bank_json_schema

    typer.echo(bank_json_schema())


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json (with answers) or markdown"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    paths: list[Path] = typer.Argument(None, help="Bank files or folders (default: the bundled banks)."),
) -> None:
    """Write the banks out: JSON with answers for tools, Markdown for reading and printing."""
    from runner.content.catalog import load_catalog
    from runner.content.export import export_json, export_markdown

    catalog = load_catalog(paths or None)
    text = export_json(catalog) if fmt is ExportFormat.json else export_markdown(catalog)
    if out is None:
        typer.echo(text, nl=False)
    else:
        from runner.errors import BadInput

        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"{out}: cannot write: {exc.strerror}") from None


@app.command("verify-snippets")
def verify_snippets(
    ids: list[str] = typer.Argument(None, help="Only these question ids."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Programs run in parallel."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    banks: list[Path] = typer.Option(None, "--bank", help="Only these bank files or folders (repeatable)."),
) -> None:
    """Run every `output` question's program with the local Go and compare its output."""
    from runner.content.catalog import load_catalog
    from runner.content.snippets import verify_output_questions
    from runner.ui.bank import render_snippet_report
    from runner.ui.steps import step_reporter

    catalog = load_catalog(banks or None)
    with step_reporter("running programs", json_out=json_out) as on_step:
        report = verify_output_questions(catalog, only=set(ids or ()), jobs=jobs, on_step=on_step)
    render_snippet_report(report, json_out=json_out)
    raise typer.Exit(0 if report.ok else 1)


def _register_extras() -> None:
    from runner.cli import bank_calibrate

    bank_calibrate.register(app)


_register_extras()


@app.command("new")
def new_bank(
    folder: Path = typer.Argument(..., help="Folder for the new bank (created if missing)."),
    topic: str = typer.Option("private", "--topic", help="The bank's topic: its file name and id prefix."),
) -> None:
    """Scaffold a private bank (one question of every kind) that `bank lint` passes: for screens that count."""
    from runner.content.scaffold import new_bank as scaffold
    from runner.ui.console import out

    path = scaffold(folder, topic)
    out().print(f"wrote {path}; check it with `gokata bank lint {folder}`, use it with --bank {folder}")


@app.command()
def mistakes(
    markdown: bool = typer.Option(False, "--markdown", help="Print the table kept in questions/MISTAKES.md."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Show which of the book's 100 Go mistakes the banks and katas teach (from their mistake-N tags).

    Example: gokata bank mistakes --markdown > questions/MISTAKES.md
    """
    from runner.content.catalog import load_catalog
    from runner.content.mistakes import build_table, render_markdown
    from runner.kata.catalog import load_katas
    from runner.ui.bank import render_mistakes

    catalog = load_catalog()
    table = build_table(((q.id, q.tags) for q in catalog.questions), ((k.slug, k.spec.tags) for k in load_katas()))
    if markdown:
        typer.echo(render_markdown(table), nl=False)
        return
    render_mistakes(table, json_out=json_out)
