"""`gokata exam ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="exam commands", no_args_is_help=True)
