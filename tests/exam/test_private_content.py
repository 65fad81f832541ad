"""Private content made easy: scaffolds that lint and verify, --bank/--katas, and a warning
whenever an exam draws from the bundled public bank or katas."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from runner.paths import _bundled
from tests.cli_helpers import run_cli

PRIVATE_SPEC = """\
title: Private screen
time_limit_minutes: 45
pass_mark: 0.6
sections:
  - id: quiz
    title: Quiz
    weight: 1
    questions: [acme.example-single, acme.example-open]
  - id: coding
    title: Coding
    weight: 1
    katas: [dose-clamp]
"""


def _private(tmp_path: Path) -> tuple[Path, Path, Path]:
    bank, katas = tmp_path / "bank", tmp_path / "katas"
    assert run_cli("bank", "new", str(bank), "--topic", "acme").exit_code == 0
    assert run_cli("kata", "new", "dose-clamp", "--dir", str(katas)).exit_code == 0
    spec = tmp_path / "spec.yaml"
    spec.write_text(PRIVATE_SPEC, encoding="utf-8")
    return bank, katas, spec


def test_bank_scaffold_lints_and_refuses_to_overwrite(tmp_path: Path) -> None:
    assert run_cli("bank", "new", str(tmp_path / "b")).exit_code == 0
    result = run_cli("bank", "lint", str(tmp_path / "b"))
    assert result.exit_code == 0 and "6 question(s), no problems" in result.stdout
    assert run_cli("bank", "new", str(tmp_path / "b")).exit_code == 2
    assert run_cli("bank", "new", str(tmp_path / "c"), "--topic", "Bad Topic").exit_code == 2
    assert run_cli("kata", "new", "Bad Slug", "--dir", str(tmp_path)).exit_code == 2
    assert run_cli("kata", "new", "ok", "--dir", str(tmp_path)).exit_code == 0
    assert run_cli("kata", "new", "ok", "--dir", str(tmp_path)).exit_code == 2


@pytest.mark.go
def test_kata_scaffold_verifies(tmp_path: Path) -> None:
    assert run_cli("kata", "new", "dose-clamp", "--dir", str(tmp_path)).exit_code == 0
    result = run_cli("--katas", str(tmp_path), "kata", "verify", "dose-clamp")
    assert result.exit_code == 0, result.output
    assert "all katas verified" in result.stdout


def test_bank_and_katas_options_mean_the_environment_variables(tmp_path: Path) -> None:
    bank, katas, spec = _private(tmp_path)
    before = {k: os.environ.get(k) for k in ("GOKATA_QUESTIONS", "GOKATA_KATAS")}
    root = run_cli("--bank", str(bank), "--katas", str(katas), "exam", "lint", str(spec))
    assert root.exit_code == 0, root.output
    assert "private content" in root.stdout
    own = run_cli("exam", "lint", str(spec), "--bank", str(bank), "--katas", str(katas))
    assert own.exit_code == 0 and "private content" in own.stdout
    assert {k: os.environ.get(k) for k in before} == before  # for that command only
    assert run_cli("exam", "lint", str(spec)).exit_code == 2  # the fixture bank has no acme questions
    assert run_cli("--bank", str(tmp_path / "nope"), "topics").exit_code == 2
    packed = run_cli(
        "exam", "pack", str(spec), "--bank", str(bank), "--katas", str(katas), "--out", str(tmp_path / "p")
    )
    assert packed.exit_code == 0 and "warning" not in packed.stderr


def test_pack_warns_and_lint_reports_public_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOKATA_QUESTIONS")
    monkeypatch.delenv("GOKATA_KATAS")
    kata = sorted(p.name for p in _bundled("katas").iterdir() if (p / "kata.yaml").is_file())[0]
    spec = tmp_path / "public.yaml"
    spec.write_text(
        PRIVATE_SPEC.replace(
            "questions: [acme.example-single, acme.example-open]", "draw: [{topic: [slices], count: 2}]"
        ).replace("dose-clamp", kata),
        encoding="utf-8",
    )
    lint = run_cli("exam", "lint", str(spec))
    assert lint.exit_code == 0, lint.output
    assert "public content" in lint.stdout and "2 question(s) from the bundled public bank" in lint.stdout
    assert kata in lint.stdout
    packed = run_cli("exam", "pack", str(spec), "--out", str(tmp_path / "p"))
    assert packed.exit_code == 0 and "warning" in packed.stderr and "bank new" in packed.stderr
    # a private folder holding a copy of a bundled kata is still public
    copied = tmp_path / "copied-katas"
    shutil.copytree(_bundled("katas") / kata, copied / kata)
    lint = run_cli("exam", "lint", str(spec), "--katas", str(copied))
    assert "public content" in lint.stdout and kata in lint.stdout
