"""The `gokata` console script."""

from __future__ import annotations

import typer

from runner.cli.boundary import BoundaryGroup

app = typer.Typer(
    cls=BoundaryGroup,
    name="gokata",
    help="Go interview prep in the terminal: pitfall quizzes, graded katas, hiring exercises.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    # Each command group lives in its own module; importing them is cheap (typer only).
    from runner.cli import answer, bank, exam, kata, progress, quiz

    quiz.register(app)
    answer.register(app)
    progress.register(app)
    app.add_typer(bank.app, name="bank")
    app.add_typer(kata.app, name="kata")
    app.add_typer(exam.app, name="exam")


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
) -> None:
    if version:
        from runner import __version__

        typer.echo(f"gokata {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


_register()


def main() -> None:
    app()
