"""The command tree, built one command at a time.

Typer turns every registered function into a Click command before the first one runs: for
gokata's fifty commands that is most of what start-up costs beyond importing Typer. Here a
group's commands are a `LazyCommands` mapping instead: its keys (the names, in the order `--help`
lists them) cost nothing, and a command is built (its options, readable placeholders and
completion) when it is first looked up. Running `gokata topics` builds `topics` alone; `--help`,
completion and anything that walks the whole tree (`.items()`, `.values()`) build the rest.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

import typer
import typer.main
from typer.models import CommandInfo, DefaultPlaceholder, TyperInfo

from runner.cli.boundary import listed_whole, readable_placeholders
from runner.cli.coerce import lighten

Command = Any  # a Click command (typer vendors click; its types are private)
Registrar = Callable[[typer.Typer], None]


@dataclass(frozen=True)
class Build:
    """What Typer passes down from the root app to every command it builds."""

    pretty_exceptions_short: bool
    rich_markup_mode: Any
    suggest_commands: bool

    @classmethod
    def of(cls, app: typer.Typer) -> Build:
        return cls(app.pretty_exceptions_short, app.rich_markup_mode, app.suggest_commands)


class LazyCommands(MutableMapping[str, Command]):
    """A group's commands by name: each built by its builder on first lookup, then kept."""

    def __init__(self, builders: dict[str, Callable[[], Command]]) -> None:
        self._builders = builders
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            build = self._builders[name]  # KeyError for an unknown name, as a dict
            self._built[name] = build()
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._builders.setdefault(name, lambda: command)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._builders[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)

    def __contains__(self, name: object) -> bool:
        return name in self._builders

    def built(self) -> tuple[str, ...]:
        """The names built so far (for tests: a run builds only the command it runs)."""
        return tuple(self._built)


def command_name(info: CommandInfo) -> str:
    """The name Typer gives a registered function: its own, or the function's with dashes."""
    assert info.callback is not None
    return info.name or typer.main.get_command_name(info.callback.__name__)


def group_name(info: TyperInfo) -> str:
    """The name a sub-app was added under (`app.add_typer(sub, name=...)`; gokata always names them)."""
    name = info.name
    assert isinstance(name, str) and not isinstance(name, DefaultPlaceholder), "add_typer(..., name=...) is required"
    return name


def finish(command: Command) -> Command:
    """What a group does to every command it holds (runner.cli.boundary): readable placeholders,
    completion, its whole first help paragraph as its line in the list; and option values
    converted without pydantic where it can (runner.cli.coerce). A built group's own commands
    are finished as they are built."""
    listed_whole(command)
    readable_placeholders(command)
    lighten(command)
    return command


def build_command(info: CommandInfo, how: Build) -> Command:
    return finish(
        typer.main.get_command_from_info(
            info, pretty_exceptions_short=how.pretty_exceptions_short, rich_markup_mode=how.rich_markup_mode
        )
    )


def build_group(info: TyperInfo, how: Build) -> Command:
    """A sub-app as a Click group whose own commands are built lazily too."""
    assert info.typer_instance is not None
    app = info.typer_instance
    hollow = copy.copy(app)  # the group itself (its callback, help, settings), without its commands
    hollow.registered_commands = []
    hollow.registered_groups = []
    shell = copy.copy(info)
    shell.typer_instance = hollow
    group = typer.main.get_group_from_info(
        shell,
        pretty_exceptions_short=how.pretty_exceptions_short,
        suggest_commands=how.suggest_commands,
        rich_markup_mode=how.rich_markup_mode,
    )
    group.commands = LazyCommands(builders(app, how))
    return finish(group)


def builders(app: typer.Typer, how: Build) -> dict[str, Callable[[], Command]]:
    """A builder per command and sub-app registered on `app`: commands first, then sub-apps, each
    in registration order (the order Typer lists them in)."""
    found: dict[str, Callable[[], Command]] = {}
    for command in app.registered_commands:
        found[command_name(command)] = functools.partial(build_command, command, how)
    for sub in app.registered_groups:
        found[group_name(sub)] = functools.partial(build_group, sub, how)
    return found


@functools.cache
def registered(register: Registrar) -> typer.Typer:
    """A Typer app holding what `register` adds (importing its module only now). Once per process:
    a registrar may add commands to a module's own sub-app, which must not gain them twice."""
    app = typer.Typer()
    register(app)
    return app


def registered_builder(name: str, register: Registrar, how: Build) -> Callable[[], Command]:
    """The builder of command `name`, which `register` adds: it alone is built, not the others
    the same module registers."""

    def build() -> Command:
        return builders(registered(register), how)[name]()

    return build
