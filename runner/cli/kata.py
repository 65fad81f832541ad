"""`gokata kata ...` commands: thin wrappers over runner.kata.flow (parse -> engine -> render -> status)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.cli import kata_test
    from runner.kata import flow
    from runner.ui import console, kata_watch, steps
    from runner.ui import kata as ui
else:
    kata_test = lazy_module("runner.cli.kata_test")
    flow = lazy_module("runner.kata.flow")
    console = lazy_module("runner.ui.console")
    kata_watch = lazy_module("runner.ui.kata_watch")
    ui = lazy_module("runner.ui.kata")
    steps = lazy_module("runner.ui.steps")

app = typer.Typer(
    help="Go katas: start one, test it (visible and hidden tests, sandboxed), get hints.", no_args_is_help=True
)


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


WORKSPACE_HELP = "Workspace root (default: $GOKATA_WORKSPACE, else ~/gokata-workspace); the kata is in SLUG/ under it."


@app.command("list")
def list_katas(
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (falls back to English)."),
) -> ExitStatus:
    """Every kata with its topic, difficulty and your status (not started / failing / passed)."""
    outcome = flow.list_katas(lang.value)
    return present(
        "kata list",
        outcome,
        json_out=json_out,
        data=flow.KataList.to_json,
        draw=lambda v: ui.render_list(v.rows, v.problems, lang.value),
    )


@app.command()
def start(
    slug: str = typer.Argument(..., help="The kata (see `gokata kata list`)."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
) -> ExitStatus:
    """Copy the task, the starter files and the visible tests into your workspace."""
    outcome = flow.start_kata(slug, workspace)
    return draw_only(outcome, lambda v: ui.render_start(v.kata, v.report, lang=lang.value, go_missing=None))


@app.command()
def test(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    code: Path | None = typer.Option(
        None,
        "--code",
        help="Grade the learner files in this folder instead (for graders: nothing is recorded in your progress).",
    ),
    visible_only: bool = typer.Option(False, "--visible-only", help="Run the visible tests only."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    junit: Path | None = typer.Option(None, "--junit", help="Also write a JUnit XML report to this file."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (Go's own messages stay as they are)."),
) -> ExitStatus:
    """Grade your code: visible and hidden tests under -race in a sandbox. Exit 0 only when all pass."""
    return kata_test.run_test(
        slug, workspace, code, visible_only=visible_only, json_out=json_out, junit=junit, lang=lang.value
    )


@app.command()
def hint(
    slug: str = typer.Argument(..., help="The kata."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> ExitStatus:
    """Show the next hint (one more each time; your progress remembers how many you have seen)."""
    outcome = flow.hint(slug, lang.value)
    return present(
        "kata hint",
        outcome,
        json_out=json_out,
        data=lambda v: v.to_json(),
        draw=lambda v: ui.render_hint(v, lang.value),
    )


@app.command()
def reset(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
) -> ExitStatus:
    """Put the starter files back (your current files are kept in a backup folder first)."""
    outcome = flow.reset_kata(slug, workspace)
    return draw_only(outcome, lambda v: ui.render_reset(v.kata, v.report))


@app.command()
def watch(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    visible_only: bool = typer.Option(False, "--visible-only", help="Run the visible tests only."),
) -> ExitStatus:
    """Re-test on every save of your files. Press q (or Ctrl-C) to stop."""
    session = flow.prepare_watch(slug, workspace)
    return kata_watch.run_watch(session, visible_only=visible_only)


@app.command()
def verify(
    slugs: list[str] = typer.Argument(None, help="Only these katas (default: all)."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Test runs at a time (default: the number of CPUs)."),
) -> ExitStatus:
    """Maintainers: check every kata (schema, starter fails, solution passes 3x, mutants caught, std only)."""
    with steps.step_reporter("verifying katas", quiet=json_out) as on_step:
        outcome = flow.verify(tuple(slugs or ()), jobs=jobs, on_step=on_step)
    return present("kata verify", outcome, json_out=json_out, data=lambda v: v.to_json(), draw=ui.render_verify)


@app.command("new")
def new_kata(
    slug: str = typer.Argument(..., help="The new kata's name (lower-case letters, digits, dashes)."),
    folder: Path = typer.Option(..., "--dir", help="Your katas folder; the kata is written to DIR/SLUG."),
) -> ExitStatus:
    """Scaffold a private kata (starter, tests, hidden tests, solution, a mutant) that `kata verify` passes."""
    outcome = flow.new_kata(slug, folder)
    return draw_only(
        outcome,
        lambda root: console.out().print(
            f"wrote {root}; check it with `gokata --katas {folder} kata verify {slug}`, use it with --katas {folder}"
        ),
    )
