"""`gokata kata next|solution|edit`: thin wrappers (parse -> one engine call -> render)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.kata import WORKSPACE_HELP, LangOpt
from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.kata import flow
    from runner.ui import kata_extra as ui
else:
    flow = lazy_module("runner.kata.flow")
    ui = lazy_module("runner.ui.kata_extra")


def next_(
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> ExitStatus:
    """Suggest the kata to do next: weak topics first, then the easiest; says why.

    Examples: gokata kata next · gokata kata next --json
    """
    outcome = flow.next_kata(lang.value)
    return present(
        "kata next",
        outcome,
        json_out=json_out,
        data=lambda v: v.to_json(),
        draw=lambda v: ui.render_next(v, lang.value),
    )


def solution(
    slug: str = typer.Argument(..., help="The kata (passed already)."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> ExitStatus:
    """Show the reference solution of a kata you have passed (never in an exam).

    Example: gokata kata solution sum-positive
    """
    outcome = flow.solution(slug)
    return present(
        "kata solution",
        outcome,
        json_out=json_out,
        data=lambda v: v.to_json(),
        draw=lambda v: ui.render_solution(v, lang.value),
    )


def edit(
    slug: str = typer.Argument(..., help="The kata (started already)."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
) -> ExitStatus:
    """Open the kata's files in your editor (`gokata config set editor ...`, else $VISUAL/$EDITOR).

    Example: gokata kata edit sum-positive
    """
    return draw_only(flow.edit(slug, workspace), ui.render_edit)


def register(app: typer.Typer) -> None:
    app.command("next")(next_)
    app.command()(solution)
    app.command()(edit)
