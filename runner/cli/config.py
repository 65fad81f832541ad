"""`gokata config ...`: show, set, edit the settings file, and print its path (thin: runner.config)."""

from __future__ import annotations

from typing import Any

import typer

from runner.config import command_defaults, config_path, edit_config, load_settings, set_value
from runner.progress.new_today import new_left_today
from runner.ui.config import render_edited, render_path, render_set, render_settings

app = typer.Typer(
    help="Your settings (language, kata workspace, daily new questions, editor): show and change them.\n\n"
    "Examples: gokata config · gokata config set lang zh · gokata config edit · gokata config --json",
    invoke_without_command=True,
)


@app.callback()
def show(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    lang: str | None = typer.Option(None, "--lang", help="Show what a command given --lang would use."),
    workspace: str | None = typer.Option(None, "--workspace", help="Likewise for --workspace."),
) -> None:
    """Show every setting, its value and where it came from (default, file, env or flag).

    Examples: gokata config · gokata config set lang zh · gokata config edit · gokata config --lang zh
    """
    if ctx.invoked_subcommand is None:
        render_settings(load_settings({"lang": lang, "workspace": workspace}), json_out=json_out)


@app.command("set")
def set_(
    key: str = typer.Argument(..., help="lang, workspace, new_per_day or editor."),
    value: str = typer.Argument(..., help="The new value (checked before it is written)."),
) -> None:
    """Check a value and write it to the config file (atomically; the other lines are kept).

    Examples: gokata config set lang zh · gokata config set new_per_day 15 · gokata config set editor "code --wait"
    """
    render_set(set_value(key, value))


@app.command()
def edit() -> None:
    """Open the config file in your editor (created with commented examples when missing).

    Example: EDITOR=nano gokata config edit
    """
    render_edited(edit_config())


@app.command("path")
def path_() -> None:
    """Print where the config file is (it may not exist yet).

    Example: cat "$(gokata config path)"
    """
    render_path(config_path())


def apply_defaults(ctx: Any) -> None:
    """Root callback hook: the settings become the defaults of --lang, --workspace and review's --new.
    Skipped for `gokata config` itself, so a broken file can still be shown, fixed and edited, and
    for `gokata doctor`, which must run whatever is broken."""
    if ctx.invoked_subcommand in (None, "config", "doctor") or ctx.resilient_parsing:
        return
    new_left = new_left_today if ctx.invoked_subcommand == "review" else (lambda n: n)
    ctx.default_map = command_defaults(load_settings(), ctx.command, new_left=new_left)
