"""`gokata bank calibrate`: registered on the bank group by register()."""

from __future__ import annotations

from pathlib import Path

import typer


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
) -> None:
    """Grade every example answer in the banks and report agreement with the expected scores."""
    from runner.answers.blind import default_blind_dir, grade_blind
    from runner.answers.calibrate import calibrate as run
    from runner.content.catalog import load_catalog
    from runner.ui.answer import render_calibration

    catalog = load_catalog(paths or None)
    report = run(catalog)
    folder = blind or (default_blind_dir() if not paths else None)
    splits = grade_blind(catalog, folder) if folder is not None else ()
    render_calibration(report, json_out=json_out, show=show, blind=splits)
    ok = report.within >= min_within - 1e-9 and report.mae <= max_mae + 1e-9
    raise typer.Exit(0 if ok else 1)


def register(app: typer.Typer) -> None:
    """Add the calibrate command to the `bank` group."""
    app.command("calibrate")(calibrate)
