"""`gokata doctor`: one line per check, a failing check does not hide the others."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from runner.answers import meaning
from runner.doctor import Check, Status, check_go, check_grader, check_store, run_checks
from tests.cli_helpers import run_cli


def test_doctor_reports_every_check_as_json() -> None:
    result = run_cli("doctor", "--json")
    data = json.loads(result.stdout)
    names = [c["name"] for c in data["checks"]]
    assert names == [
        "python",
        "go",
        "c compiler",
        "sandbox",
        "progress",
        "disk space",
        "banks",
        "katas",
        "workspace",
        "grader",
    ]
    assert result.exit_code == (0 if data["ok"] else 1)


def test_a_damaged_store_fails_its_check_with_a_fix_and_the_rest_still_run() -> None:
    store = Path(os.environ["GOKATA_HOME"]) / "progress.db"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"not a database" * 50)
    check = check_store()
    assert check.status is Status.FAIL and str(store) in check.detail
    result = run_cli("doctor")
    assert result.exit_code == 1
    assert "FAIL progress" in result.stdout and "banks:" in result.stdout
    assert store.read_bytes() == b"not a database" * 50


def test_go_missing_is_a_warning_with_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    check = check_go()
    assert check.status is Status.WARN and "go.dev" in check.fix


def test_a_check_that_fails_does_not_stop_the_report() -> None:
    report = run_checks((lambda: Check("a", Status.FAIL, "broken", "fix it"), lambda: Check("b", Status.OK, "fine")))
    assert not report.ok and [c.name for c in report.checks] == ["a", "b"]


def test_grader_meaning_without_the_extra_fails_its_check_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(meaning, "installed", lambda: False)
    assert check_grader().status is Status.OK
    monkeypatch.setenv("GOKATA_GRADER", "meaning")
    check = check_grader()
    assert check.status is Status.FAIL and "gokata[meaning]" in check.fix
    result = run_cli("doctor")  # doctor itself still runs, to say what is wrong
    assert result.exit_code == 1 and "FAIL grader" in result.stdout


def test_a_gokata_home_that_is_a_file_fails_checks_instead_of_stopping_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "home"
    a_file.write_text("x")
    monkeypatch.setenv("GOKATA_HOME", str(a_file))
    monkeypatch.delenv("GOKATA_WORKSPACE", raising=False)
    result = run_cli("doctor", "--json")
    assert result.exit_code == 1, result.output
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["workspace"]["status"] == "fail" and "is not a folder" in checks["workspace"]["detail"]
    assert checks["banks"]["status"] == "ok"  # the other checks still ran
