"""`gokata config ...`: show, set, edit the settings file, and print its path (thin: runner.config)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner import config as cfg
    from runner.ui import config as ui
else:
    cfg = lazy_module("runner.config")
    ui = lazy_module("runner.ui.config")

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
) -> ExitStatus:
    """Show every setting, its value and where it came from (default, file, env or flag).

    Examples: gokata config · gokata config set lang zh · gokata config edit · gokata config --lang zh
    """
    if ctx.invoked_subcommand is not None:
        return ExitStatus.OK
    loaded = cfg.load_settings({"lang": lang, "workspace": workspace}, to_show=True)
    status = present("config", Outcome(loaded), json_out=json_out, data=lambda v: v.to_json(), draw=ui.render_settings)
    # Shown, good lines and all, and still a failure: a script must not take the file for sound.
    return ExitStatus.BAD_INPUT if loaded.problems else status


@app.command("set")
def set_(
    key: str = typer.Argument(..., help="lang, workspace, new_per_day or editor."),
    value: str = typer.Argument(..., help="The new value (checked before it is written)."),
) -> ExitStatus:
    """Check a value and write it to the config file (atomically; the other lines are kept).

    Examples: gokata config set lang zh · gokata config set new_per_day 15 · gokata config set editor "code --wait"
    """
    return draw_only(Outcome(cfg.set_value(key, value)), ui.render_set)


@app.command()
def edit() -> ExitStatus:
    """Open the config file in your editor (created with commented examples when missing).

    Example: EDITOR=nano gokata config edit
    """
    edited = cfg.edit_config()
    return draw_only(Outcome(edited, ExitStatus.passed(edited.editor_status == 0)), ui.render_edited)


@app.command("path")
def path_() -> ExitStatus:
    """Print where the config file is (it may not exist yet).

    Example: cat "$(gokata config path)"
    """
    return draw_only(Outcome(cfg.config_path()), ui.render_path)
