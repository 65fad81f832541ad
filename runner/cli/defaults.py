"""The settings as the defaults of every command's options (--lang, --workspace, review's --new).

Apart from `gokata config` (cli/config.py) so that the root callback of every command does not
build the config command group and its Typer app on the way (a few ms on every start-up)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner import config as cfg
    from runner.progress import new_today
else:
    cfg = lazy_module("runner.config")
    new_today = lazy_module("runner.progress.new_today")


def apply_defaults(ctx: Any) -> None:
    """Root callback hook: the settings become the defaults of --lang, --workspace and review's --new.
    Skipped for `gokata config` itself, so a broken file can still be shown, fixed and edited, and
    for `gokata doctor`, which must run whatever is broken."""
    if ctx.invoked_subcommand in (None, "config", "doctor") or ctx.resilient_parsing:
        return
    new_left = new_today.new_left_today if ctx.invoked_subcommand == "review" else (lambda n: n)
    settings = cfg.load_settings()
    _choose_grader(ctx, str(settings["grader"]))
    ctx.default_map = Defaults(settings, ctx.command, (), new_left)


def _choose_grader(ctx: Any, grader: str) -> None:
    """The grader setting, for this command: the open-answer grader reads GOKATA_GRADER (set from
    the file here, restored after, since CliRunner runs many commands in one process). A missing
    extra stops the command before it starts, not after a learner has typed an answer."""
    from runner.answers import meaning

    if grader != "meaning":
        return
    if "--help" in ctx.meta.get("gokata.argv", ()):
        return  # reading a command's help grades nothing
    if not meaning.installed():
        raise meaning.MeaningMissing()
    env_for_command(ctx, {meaning.GRADER_ENV: "meaning"})


def env_for_command(ctx: Any, values: Mapping[str, str]) -> None:
    """Set these environment variables for this command only: restored when it ends, since
    CliRunner runs many commands in one process."""
    import os

    saved = {var: os.environ.get(var) for var in values}
    os.environ.update(values)

    def restore() -> None:
        for var, before in saved.items():
            if before is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = before

    ctx.call_on_close(restore)


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
