"""Run the CLI in-process through Typer's CliRunner."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from runner.cli.main import app


def run_cli(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
