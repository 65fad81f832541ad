"""`gokata kata next|solution|edit`: thin wrappers (parse -> one engine call -> render)."""

from __future__ import annotations

from pathlib import Path

import typer

from runner.cli.kata import WORKSPACE_HELP, LangOpt
from runner.kata.edit import edit_kata
from runner.kata.next import next_kata
from runner.kata.solution import solution_for
from runner.ui.kata_extra import render_edit, render_next, render_solution


def next_(
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Suggest the kata to do next: weak topics first, then the easiest; says why.

    Examples: gokata kata next · gokata kata next --json
    """
    render_next(next_kata(lang=lang.value), lang=lang.value, json_out=json_out)


def solution(
    slug: str = typer.Argument(..., help="The kata (passed already)."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Show the reference solution of a kata you have passed (never in an exam).

    Example: gokata kata solution sum-positive
    """
    render_solution(solution_for(slug), lang=lang.value, json_out=json_out)


def edit(
    slug: str = typer.Argument(..., help="The kata (started already)."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
) -> None:
    """Open the kata's files in your editor (`gokata config set editor ...`, else $VISUAL/$EDITOR).

    Example: gokata kata edit sum-positive
    """
    outcome = edit_kata(slug, workspace)
    render_edit(outcome)
    raise typer.Exit(0 if outcome.editor_status == 0 else 1)


def register(app: typer.Typer) -> None:
    app.command("next")(next_)
    app.command()(solution)
    app.command()(edit)
