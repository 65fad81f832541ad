"""The Typer app behind the `gokata` console script (runner.cli.main): the root group, its options
and the table of command groups, each imported when one of its commands is built."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import typer
import typer.core

from runner.cli.boundary import readable_placeholders, run_command
from runner.cli.coerce import lighten
from runner.cli.tree import Build, LazyCommands, Registrar, registered_builder


class BoundaryGroup(typer.core.TyperGroup):
    """Root command group: every subcommand runs inside its invoke, through the boundary's rule
    (runner.cli.boundary), for the console script and for CliRunner tests alike."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        readable_placeholders(self)

    def invoke(self, ctx: Any) -> Any:  # typer vendors click; its Context type is private
        return run_command(functools.partial(super().invoke, ctx))


class GokataGroup(BoundaryGroup):
    """The root group: a command's module is imported, and the command built, when it runs (or
    when help or completion lists it), so `gokata topics` never builds the other fifty."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        how = Build.of(app)
        self.commands = LazyCommands(
            {name: registered_builder(name, register, how) for names, register in COMMANDS for name in names}
        )

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lighten(self)  # --bank, --katas and the completion options Typer adds after __init__
        ctx.meta["gokata.argv"] = tuple(args)  # the root callback asks whether help was asked for
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names; TyperGroup's own would build every command to list them


app = typer.Typer(
    cls=GokataGroup,
    name="gokata",
    help="Go interview prep in the terminal: pitfall quizzes, graded katas, hiring exercises.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# Each command group lives in its own module, imported when one of its commands is built.
def _quiz(app: typer.Typer) -> None:
    from runner.cli import quiz

    quiz.register(app)


def _answer(app: typer.Typer) -> None:
    from runner.cli import answer

    answer.register(app)


def _interview(app: typer.Typer) -> None:
    from runner.cli import interview

    interview.register(app)


def _progress(app: typer.Typer) -> None:
    from runner.cli import progress

    progress.register(app)


def _bank(app: typer.Typer) -> None:
    from runner.cli import bank

    app.add_typer(bank.app, name="bank")


def _kata(app: typer.Typer) -> None:
    from runner.cli import kata, kata_extra

    kata_extra.register(kata.app)
    app.add_typer(kata.app, name="kata")


def _exam(app: typer.Typer) -> None:
    from runner.cli import exam

    app.add_typer(exam.app, name="exam")


def _config(app: typer.Typer) -> None:
    from runner.cli import config

    app.add_typer(config.app, name="config")


# The commands under `gokata`, in the order --help lists them, and what registers each
# (tests/cli/test_lazy.py checks that each registrar registers exactly these names, in this order).
COMMANDS: tuple[tuple[tuple[str, ...], Registrar], ...] = (
    (("quiz", "topics", "show"), _quiz),
    (("answer",), _answer),
    (("interview",), _interview),
    (("review", "suspend", "unsuspend", "doctor", "stats", "history", "progress"), _progress),
    (("bank",), _bank),
    (("kata",), _kata),
    (("exam",), _exam),
    (("config",), _config),
)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
    bank: Path | None = typer.Option(
        None, "--bank", help="Question bank folder (same as GOKATA_QUESTIONS).", file_okay=False, exists=True
    ),
    katas: Path | None = typer.Option(
        None, "--katas", help="Katas folder (same as GOKATA_KATAS).", file_okay=False, exists=True
    ),
) -> None:
    _content_dirs(ctx, bank, katas)
    _config_defaults(ctx)
    if version:
        from runner import __version__

        typer.echo(f"gokata {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _content_dirs(ctx: typer.Context, bank: Path | None, katas: Path | None) -> None:
    """--bank/--katas set the variables every content reader already honours, for this command only."""
    from runner.cli.defaults import env_for_command

    wanted = {var: str(path) for var, path in (("GOKATA_QUESTIONS", bank), ("GOKATA_KATAS", katas)) if path}
    env_for_command(ctx, wanted)


def _config_defaults(ctx: typer.Context) -> None:
    from runner.cli.defaults import apply_defaults

    apply_defaults(ctx)
