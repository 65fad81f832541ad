"""The `gokata` console script."""

from __future__ import annotations

from pathlib import Path

import typer

from runner.cli.boundary import BoundaryGroup

app = typer.Typer(
    cls=BoundaryGroup,
    name="gokata",
    help="Go interview prep in the terminal: pitfall quizzes, graded katas, hiring exercises.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    # Each command group lives in its own module; importing them is cheap (typer only).
    from runner.cli import answer, bank, config, exam, interview, kata, kata_extra, progress, quiz

    quiz.register(app)
    answer.register(app)
    interview.register(app)
    progress.register(app)
    app.add_typer(bank.app, name="bank")
    kata_extra.register(kata.app)
    app.add_typer(kata.app, name="kata")
    app.add_typer(exam.app, name="exam")
    app.add_typer(config.app, name="config")


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
    import os

    wanted = {var: str(path) for var, path in (("GOKATA_QUESTIONS", bank), ("GOKATA_KATAS", katas)) if path}
    saved = {var: os.environ.get(var) for var in wanted}
    os.environ.update(wanted)

    def restore() -> None:  # CliRunner runs many commands in one process
        for var, before in saved.items():
            if before is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = before

    ctx.call_on_close(restore)


def _config_defaults(ctx: typer.Context) -> None:
    from runner.cli.config import apply_defaults

    apply_defaults(ctx)


_register()


def main() -> None:
    # `python -m runner` is gokata too, for shell completion as well.
    app(prog_name="gokata")
