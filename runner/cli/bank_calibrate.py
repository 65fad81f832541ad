"""`gokata bank calibrate`: registered on the bank group by register()."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the calibrate command to the `bank` group."""
