"""One function per `gokata bank ...` command over the banks alone, returning an Outcome."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from runner.errors import BadInput, ContentError, ExitStatus
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.content.snippets import SnippetReport
    from runner.steps import OnStep


def lint(paths: list[Path] | None) -> Outcome[Catalog]:
    """Every problem of the banks at once (as a ContentError), or the catalog they make."""
    from runner.content.lint import lint_banks

    catalog, problems = lint_banks(paths or None)
    if problems:
        raise ContentError(problems, f"{len(problems)} problem(s) found")
    if paths and not catalog.banks:
        # "ok: 0 bank(s)" passed a CI step pointed at the wrong folder
        raise BadInput(f"no bank files (*.yaml) in {', '.join(str(p) for p in paths)}; nothing was checked")
    return Outcome(catalog)


def catalog(paths: list[Path] | None) -> Catalog:
    from runner.content.catalog import load_catalog

    return load_catalog(paths or None)


def verify_snippets(
    paths: list[Path] | None, ids: list[str] | None, *, jobs: int, on_step: OnStep | None
) -> Outcome[SnippetReport]:
    from runner.content.snippets import verify_output_questions

    report = verify_output_questions(catalog(paths), only=set(ids or ()), jobs=jobs, on_step=on_step)
    return Outcome(report, ExitStatus.passed(report.ok))


def new_bank(folder: Path, topic: str) -> Outcome[Path]:
    from runner.content.scaffold import new_bank as scaffold

    return Outcome(scaffold(folder, topic))
