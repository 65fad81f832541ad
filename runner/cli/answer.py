"""Commands of this group are registered by register(); see runner/cli/main.py."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
