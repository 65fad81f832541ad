"""`gokata kata next`, `kata solution` and `kata edit` (through CliRunner)."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path

import pytest

from runner.errors import EXIT_BAD_INPUT
from runner.progress.recorder import KataAttempt, QuestionAttempt
from runner.progress.store import open_store
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES

EXAM_KATAS = FIXTURES / "exam" / "katas"


def _katas() -> list[dict[str, object]]:
    rows = json.loads(run_cli("kata", "list", "--json").stdout)["katas"]
    assert isinstance(rows, list)
    return rows


def _record_kata(slug: str, topic: str, status: str) -> None:
    with open_store() as store:
        store.record_kata(KataAttempt(slug, topic, status, 1.0 if status == "pass" else 0.0, 1, 1, 1.0))


def test_next_suggests_an_unpassed_kata_of_a_weak_topic_and_says_why() -> None:
    rows = _katas()
    topics = [str(r["topic"]) for r in rows]
    weak_topic = next(t for t in reversed(topics) if topics.count(t) >= 2)
    from runner.content.catalog import load_catalog

    questions = [q for q in load_catalog().questions if q.topic == weak_topic][:4]
    with open_store() as store:
        for q in questions:
            store.record_question(QuestionAttempt(q.id, q.topic, q.kind, "x", False, 0.0, 1.0, "practice"))
        for q in load_catalog().questions[:40]:
            if q.topic != weak_topic:
                store.record_question(QuestionAttempt(q.id, q.topic, q.kind, "x", True, 1.0, 1.0, "practice"))
    in_topic = sorted((r for r in rows if r["topic"] == weak_topic), key=lambda r: (r["difficulty"], r["slug"]))
    _record_kata(str(in_topic[0]["slug"]), weak_topic, "pass")  # passed: never suggested again
    data = json.loads(run_cli("kata", "next", "--json").stdout)
    pick = data["next"]
    assert pick["topic"] == weak_topic and pick["slug"] != in_topic[0]["slug"]
    assert pick["command"] == f"gokata kata start {pick['slug']}"
    assert "weak_topic" in {r["code"] for r in pick["reasons"]}
    assert data["passed"] == 1 and data["total"] == len(rows)
    text = run_cli("kata", "next").stdout
    assert f"gokata kata start {pick['slug']}\n" in text and "weak area" in text
    zh = run_cli("kata", "next", "--lang", "zh").stdout
    assert "薄弱环节" in zh and "weak area" not in zh


def test_without_history_next_starts_with_the_easiest_kata() -> None:
    rows = _katas()
    pick = json.loads(run_cli("kata", "next", "--json").stdout)["next"]
    assert pick["difficulty"] == min(int(str(r["difficulty"])) for r in rows)
    assert "easiest" in {r["code"] for r in pick["reasons"]}


def test_next_when_everything_is_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(EXAM_KATAS))
    _record_kata("sum-positive", "slices", "pass")
    result = run_cli("kata", "next")
    assert result.exit_code == 0 and "Every kata is passed (1 of 1)" in result.stdout
    assert json.loads(run_cli("kata", "next", "--json").stdout)["next"] is None


def test_the_solution_is_shown_only_after_a_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(EXAM_KATAS))
    result = run_cli("kata", "solution", "sum-positive")
    assert result.exit_code == EXIT_BAD_INPUT and "pass sum-positive first" in result.stderr
    assert "func " not in result.stdout
    _record_kata("sum-positive", "slices", "fail")
    assert run_cli("kata", "solution", "sum-positive").exit_code == EXIT_BAD_INPUT
    _record_kata("sum-positive", "slices", "pass")
    _record_kata("sum-positive", "slices", "fail")  # passed once is enough
    result = run_cli("kata", "solution", "sum-positive")
    assert result.exit_code == 0, result.output
    assert (EXAM_KATAS / "sum-positive" / ".meta" / "solution" / "sum.go").read_text().split("\n")[0] in result.stdout
    data = json.loads(run_cli("kata", "solution", "sum-positive", "--json").stdout)
    assert [f["name"] for f in data["files"]] == ["sum.go"]


def test_never_in_an_exam(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from runner.exam.pack import build_pack, read_pack, write_pack
    from runner.exam.pack_katas import load_kata_files
    from runner.exam.workflow import resolve_spec
    from tests.exam.conftest import SPEC

    monkeypatch.setenv("GOKATA_KATAS", str(EXAM_KATAS))
    monkeypatch.setenv("GOKATA_QUESTIONS", str(FIXTURES / "banks" / "valid"))
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    exam, catalog = resolve_spec(spec)
    pack_dir = write_pack(build_pack(exam, catalog, load_kata_files(exam.katas)), tmp_path / "pack")
    assert (pack_dir / "katas" / "sum-positive" / "kata.json").is_file()
    _record_kata("sum-positive", "slices", "pass")
    # The candidate's pack has no solution to reach, whatever the progress says.
    assert not list(pack_dir.rglob(".meta"))
    assert not [p for p in pack_dir.rglob("*") if "solution" in p.name]
    result = run_cli("--katas", str(pack_dir / "katas"), "kata", "solution", "sum-positive")
    assert result.exit_code == EXIT_BAD_INPUT and "func " not in result.stdout
    from runner.errors import BadInput
    from runner.kata.catalog import load_kata_dir
    from runner.kata.solution import reference_solution
    from runner.progress.recorder import open_recorder

    with pytest.raises(BadInput, match="no reference solution"):
        reference_solution(load_kata_dir(pack_dir / "katas" / "sum-positive"), open_recorder(), cwd=tmp_path)
    # Inside an exam folder (or below it) the command refuses even for bundled katas.
    from runner.exam.candidate import start_or_resume

    workdir = tmp_path / "exam"
    start_or_resume(read_pack(pack_dir), workdir, "Ada", now=1000.0)
    (workdir / "katas" / "sum-positive").mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(workdir / "katas" / "sum-positive")
    result = run_cli("kata", "solution", "sum-positive")
    assert result.exit_code == EXIT_BAD_INPUT and "not available in an exam" in result.stderr
    assert "func " not in result.stdout


def test_edit_opens_the_learner_files_in_the_configured_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(EXAM_KATAS))
    workspace = Path(os.environ["GOKATA_WORKSPACE"]) / "sum-positive"
    assert run_cli("kata", "edit", "sum-positive").exit_code == EXIT_BAD_INPUT  # not started
    workspace.mkdir(parents=True)
    for name in ("sum.go", "README.md"):
        (workspace / name).write_text("x", encoding="utf-8")
    log = tmp_path / "opened"
    editor = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
        f"import sys; open({str(log)!r}, 'w').write(' '.join(sys.argv[1:]))"
    )
    run_cli("config", "set", "editor", editor)
    result = run_cli("kata", "edit", "sum-positive")
    assert result.exit_code == 0, result.output
    assert log.read_text() == f"{workspace / 'sum.go'} {workspace / 'README.md'}"


@pytest.mark.parametrize(
    "cmd",
    [
        ("kata", "next"),
        ("kata", "solution"),
        ("kata", "edit"),
        ("config",),
        ("config", "set"),
        ("config", "edit"),
        ("config", "path"),
    ],
    ids=" ".join,
)
def test_the_new_commands_have_readable_help_with_examples(cmd: tuple[str, ...]) -> None:
    import re

    result = run_cli(*cmd, "--help")
    assert result.exit_code == 0
    assert not re.search(r"<(list\[|int|float|str|path|Path|text)", result.stdout)
    assert "Example" in result.stdout
