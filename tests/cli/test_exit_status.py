"""Commands return an ExitStatus; the boundary alone turns it into the documented exit code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from runner.cli.app import BoundaryGroup
from runner.cli.boundary import status_code
from runner.errors import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    EXIT_NOT_ALL_PASSED,
    EXIT_OK,
    EXIT_TOOLCHAIN_MISSING,
    BadInput,
    ContentError,
    ExitStatus,
    GokataError,
    Interrupted,
    ProgressStoreError,
    ToolchainMissing,
    exit_code,
)

RUNNER = Path(__file__).resolve().parents[2] / "runner"

DOCUMENTED = {  # README "Exit codes" and DESIGN.md section 5
    ExitStatus.OK: 0,
    ExitStatus.NOT_ALL_PASSED: 1,
    ExitStatus.BAD_INPUT: 2,
    ExitStatus.TOOLCHAIN_MISSING: 3,
    ExitStatus.INTERRUPTED: 130,
}


def test_every_status_maps_to_its_documented_code() -> None:
    assert {s: exit_code(s) for s in ExitStatus} == DOCUMENTED
    assert (EXIT_OK, EXIT_NOT_ALL_PASSED, EXIT_BAD_INPUT, EXIT_TOOLCHAIN_MISSING, EXIT_INTERRUPTED) == (0, 1, 2, 3, 130)


def test_passed_is_the_grading_rule() -> None:
    assert ExitStatus.passed(True) is ExitStatus.OK
    assert ExitStatus.passed(False) is ExitStatus.NOT_ALL_PASSED


def test_a_command_returning_nothing_ends_ok() -> None:
    assert status_code(None) == 0


def _app(status: ExitStatus | None) -> typer.Typer:
    app = typer.Typer(cls=BoundaryGroup)

    @app.command()
    def run() -> ExitStatus | None:
        return status

    @app.command()
    def other() -> None:  # two commands, so `run` is a subcommand as in gokata
        return None

    return app


@pytest.mark.parametrize("status", list(ExitStatus))
def test_the_boundary_exits_with_the_code_of_the_returned_status(status: ExitStatus) -> None:
    result = CliRunner().invoke(_app(status), ["run"])
    assert result.exit_code == DOCUMENTED[status]


def test_no_command_exits_with_a_bare_number() -> None:
    """`typer.Exit(...)` with an argument, or `sys.exit(...)`, decides a code outside the boundary."""
    found = []
    for path in sorted(RUNNER.rglob("*.py")):
        if path.name == "boundary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not (node.args or node.keywords):
                continue
            name = ast.unparse(node.func)
            if name in ("typer.Exit", "Exit", "sys.exit", "raise SystemExit", "SystemExit"):
                found.append(f"{path.relative_to(RUNNER)}:{node.lineno}: {ast.unparse(node)}")
    assert not found


def test_every_error_exits_with_the_code_of_its_status() -> None:
    statuses: dict[type[GokataError], ExitStatus] = {
        GokataError: ExitStatus.BAD_INPUT,
        BadInput: ExitStatus.BAD_INPUT,
        ContentError: ExitStatus.BAD_INPUT,
        ProgressStoreError: ExitStatus.BAD_INPUT,
        ToolchainMissing: ExitStatus.TOOLCHAIN_MISSING,
        Interrupted: ExitStatus.INTERRUPTED,
    }
    for cls, status in statuses.items():
        assert cls.status is status
        assert cls.exit_code == DOCUMENTED[status]
