"""`gokata config ...`: show, set, edit the settings file, and print its path (thin: runner.config)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import typer

from runner.cli.present import draw_only, present
from runner.errors import ExitStatus
from runner.lazy import lazy_module
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner import config as cfg
    from runner.progress import new_today
    from runner.ui import config as ui
else:
    cfg = lazy_module("runner.config")
    new_today = lazy_module("runner.progress.new_today")
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
    settings = Outcome(cfg.load_settings({"lang": lang, "workspace": workspace}))
    return present("config", settings, json_out=json_out, data=lambda v: v.to_json(), draw=ui.render_settings)


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


def apply_defaults(ctx: Any) -> None:
    """Root callback hook: the settings become the defaults of --lang, --workspace and review's --new.
    Skipped for `gokata config` itself, so a broken file can still be shown, fixed and edited, and
    for `gokata doctor`, which must run whatever is broken."""
    if ctx.invoked_subcommand in (None, "config", "doctor") or ctx.resilient_parsing:
        return
    new_left = new_today.new_left_today if ctx.invoked_subcommand == "review" else (lambda n: n)
    ctx.default_map = Defaults(cfg.load_settings(), ctx.command, (), new_left)


class Defaults(Mapping[str, Any]):
    """The Click default_map of `cfg.command_defaults`, worked out as Click asks for it: a command's
    own defaults when its options are parsed, a subcommand's map when that subcommand runs. The
    whole table would build every command of the tree (runner.cli.tree builds them on first use)."""

    def __init__(
        self, settings: cfg.Settings, command: Any, path: tuple[str, ...], new_left: Callable[[int], int]
    ) -> None:
        self._settings, self._command, self._path, self._new_left = settings, command, path, new_left
        self._own: dict[str, object] | None = None

    def _table(self) -> dict[str, object]:
        if self._own is None:  # this command's parameters only: a namespace without its subcommands
            params_only = SimpleNamespace(params=getattr(self._command, "params", ()))
            self._own = cfg.command_defaults(self._settings, params_only, self._path, self._new_left)
        return self._own

    def _subcommands(self) -> Mapping[str, Any]:
        return getattr(self._command, "commands", None) or {}

    def __getitem__(self, name: str) -> Any:
        own = self._table()
        if name in own:
            return own[name]
        if name in self._subcommands():
            return Defaults(self._settings, self._subcommands()[name], (*self._path, name), self._new_left)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        yield from self._table()
        yield from (name for name in self._subcommands() if name not in self._table())

    def __len__(self) -> int:
        return sum(1 for _ in self)
