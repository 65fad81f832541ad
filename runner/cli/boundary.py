"""The one place where expected failures become a message and an exit code."""

from __future__ import annotations

import sys
from typing import Any

import typer
import typer.core

from runner.errors import EXIT_INTERRUPTED, GokataError


class BoundaryGroup(typer.core.TyperGroup):
    """Root command group: every subcommand runs inside its invoke, so this is the boundary
    for the console script and for CliRunner tests alike."""

    def invoke(self, ctx: Any) -> Any:  # typer vendors click; its Context type is private
        try:
            return super().invoke(ctx)
        except GokataError as exc:
            from runner.ui.errors import render_error

            render_error(exc)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            from runner.ui.errors import render_interrupt

            render_interrupt()
            sys.exit(EXIT_INTERRUPTED)
