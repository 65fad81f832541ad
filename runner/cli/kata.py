"""`gokata kata ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="kata commands", no_args_is_help=True)
