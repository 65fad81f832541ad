"""`gokata bank calibrate`: registered on the bank group by register()."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import present
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.answers import flow
    from runner.ui import answer as ui
else:
    flow = lazy_module("runner.answers.flow")
    ui = lazy_module("runner.ui.answer")


def calibrate(
    paths: list[Path] = typer.Argument(None, help="Bank files or folders (default: the bundled banks)."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout, with every example's score."),
    min_within: float = typer.Option(
        0.0, "--min-within", min=0.0, max=1.0, help="Exit 1 when the share of examples within 0.15 is below this."
    ),
    max_mae: float = typer.Option(
        1.0, "--max-mae", min=0.0, max=1.0, help="Exit 1 when the mean absolute error is above this."
    ),
    show: int = typer.Option(10, "--show", min=0, help="How many of the worst disagreements to list."),
    blind: Path | None = typer.Option(
        None,
        "--blind",
        metavar="DIR",
        help="A blind answer set (dev/ and test/ folders) to report too; default: the repository's "
        "tests/grading/blind when run from a source checkout.",
    ),
) -> ExitStatus:
    """Grade every example answer in the banks and report agreement with the expected scores."""
    outcome = flow.calibrate(paths, blind=blind, min_within=min_within, max_mae=max_mae)
    return present(
        "bank calibrate",
        outcome,
        json_out=json_out,
        data=flow.Calibration.to_json,
        draw=lambda c: ui.render_calibration(c.report, show=show, blind=c.blind),
    )


def register(app: typer.Typer) -> None:
    """Add the calibrate command to the `bank` group."""
    app.command("calibrate")(calibrate)
