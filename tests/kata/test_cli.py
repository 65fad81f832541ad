from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.kata.conftest import KATAS, submission


def statuses() -> dict[str, str]:
    result = run_cli("kata", "list", "--json")
    assert result.exit_code == 0
    return {row["slug"]: row["status"] for row in json.loads(result.stdout)["katas"]}


def test_list_shows_every_kata_not_started() -> None:
    result = run_cli("kata", "list", "--json")
    data = json.loads(result.stdout)
    assert [(r["slug"], r["topic"], r["difficulty"], r["status"], r["last_result"]) for r in data["katas"]] == [
        ("greet", "testing", 1, "not started", None),
        ("stats", "goroutines", 1, "not started", None),
    ]
    table = run_cli("kata", "list")
    assert "Sum, maximum and a parallel sum" in table.stdout and "not started" in table.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("kata", "list"),
        ("kata", "list", "--json"),
        ("kata", "test", "stats"),
        pytest.param(("kata", "verify"), marks=pytest.mark.go),
    ],
)
def test_a_missing_katas_folder_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    missing = tmp_path / "no-katas-here"
    monkeypatch.setenv("GOKATA_KATAS", str(missing))
    result = run_cli(*args)
    assert result.exit_code == 2
    assert f"{missing}: no such folder" in result.stderr and "GOKATA_KATAS" in result.stderr
    assert result.stdout == ""


@pytest.mark.go
def test_start_copies_only_what_a_learner_may_see(tmp_path: Path) -> None:
    result = run_cli("kata", "start", "stats", "--workspace", str(tmp_path))
    assert result.exit_code == 0, result.output
    ws = tmp_path / "stats"
    assert sorted(p.name for p in ws.iterdir()) == [
        "README.md",
        "go.mod",
        "helpers_test.go",
        "stats.go",
        "stats_test.go",
    ]
    assert f"Workspace: {ws}" in result.stdout
    assert "gokata kata test stats" in result.stdout
    assert (ws / "stats.go").read_bytes() == (KATAS / "stats" / "stats.go").read_bytes()
    again = run_cli("kata", "start", "stats", "--workspace", str(tmp_path))
    assert "already there" in again.stdout


@pytest.mark.go
def test_start_uses_gokata_workspace_by_default() -> None:
    import os

    result = run_cli("kata", "start", "greet")
    assert result.exit_code == 0
    assert (Path(os.environ["GOKATA_WORKSPACE"]) / "greet" / "greet.go").is_file()


@pytest.mark.go
def test_test_grades_the_workspace_records_and_exits_by_verdict() -> None:
    assert run_cli("kata", "start", "stats").exit_code == 0
    failing = run_cli("kata", "test", "stats")
    assert failing.exit_code == 1
    assert " FAIL  TestSum" in failing.stdout
    assert "TestMaxNegative (hidden)" in failing.stdout
    assert "stats_test.go:7: Sum([1 2 3]) = 0, want 6" in failing.stdout
    assert "1/5 tests passed" in failing.stdout
    assert statuses()["stats"] == "failing"

    import os

    ws = Path(os.environ["GOKATA_WORKSPACE"]) / "stats"
    shutil.copyfile(submission("stats", "passing") / "stats.go", ws / "stats.go")
    passing = run_cli("kata", "test", "stats", "--json")
    assert passing.exit_code == 0
    data = json.loads(passing.stdout)  # exactly one JSON object, nothing else on stdout
    assert {k: data[k] for k in ("kata", "status", "score")} == {"kata": "stats", "status": "pass", "score": 1.0}
    assert set(data["tests"][0]) >= {"name", "hidden", "status", "message"}
    assert isinstance(data["duration"], float)
    assert data["isolation"] in ("bwrap", "unshare", "limits-only")  # which OS sandbox the tests ran in
    assert statuses()["stats"] == "passed"


@pytest.mark.go
def test_code_folder_grading_writes_junit_and_records_nothing(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    result = run_cli("kata", "test", "stats", "--code", str(submission("stats", "failing")), "--junit", str(report))
    assert result.exit_code == 1
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("5", "2")
    hidden = [c.get("name") for c in suite.iter("testcase") if c.get("classname") == "stats.hidden"]
    assert hidden == ["TestMaxNegative", "TestMaxEmpty", "TestParallelSum"]
    failure = next(c for c in suite.iter("testcase") if c.get("name") == "TestMaxNegative").find("failure")
    assert failure is not None and "want -2, true" in (failure.get("message") or "")
    assert statuses()["stats"] == "not started"


@pytest.mark.go
def test_rejected_submission_json() -> None:
    result = run_cli("kata", "test", "stats", "--code", str(submission("stats", "forbidden_import")), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "rejected" and data["score"] == 0
    assert 'import "os"' in data["summary"]


def test_bad_input_exits_2(tmp_path: Path) -> None:
    both = run_cli("kata", "test", "stats", "--workspace", str(tmp_path), "--code", str(tmp_path))
    assert both.exit_code == 2 and "alternatives" in both.stderr
    assert run_cli("kata", "test", "no-such-kata").exit_code == 2


@pytest.mark.go
def test_a_code_path_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    a_file = tmp_path / "solution.go"
    a_file.write_text("package stats\n", encoding="utf-8")
    result = run_cli("kata", "test", "stats", "--code", str(a_file))
    assert result.exit_code == 2 and f"{a_file}: not a folder" in result.stderr


@pytest.mark.go
def test_testing_before_start_says_how_to_start(tmp_path: Path) -> None:
    result = run_cli("kata", "test", "stats", "--workspace", str(tmp_path))
    assert result.exit_code == 2
    assert "gokata kata start stats" in result.stderr


def test_hints_come_one_more_per_call_and_are_remembered() -> None:
    texts = [run_cli("kata", "hint", "stats", "--json") for _ in range(4)]
    views = [json.loads(t.stdout) for t in texts]
    assert [v["level"] for v in views] == [1, 2, 3, 3]
    assert views[1]["earlier"] == ["Start with Sum; a plain loop is enough."]
    assert views[3]["exhausted"] and not views[2]["exhausted"]
    plain = run_cli("kata", "hint", "greet", "--lang", "zh")
    assert "提示 1/3： 用 fmt.Sprintf。" in plain.stdout


def test_reset_restores_the_starter_and_keeps_a_backup(tmp_path: Path) -> None:
    ws = tmp_path / "stats"
    ws.mkdir()
    (ws / "stats.go").write_text("package stats // my work\n")
    result = run_cli("kata", "reset", "stats", "--workspace", str(tmp_path))
    assert result.exit_code == 0
    assert (ws / "stats.go").read_bytes() == (KATAS / "stats" / "stats.go").read_bytes()
    backups = list((ws / ".gokata-backup").iterdir())
    assert len(backups) == 1 and (backups[0] / "stats.go").read_text() == "package stats // my work\n"
    assert str(backups[0]) in result.stdout


def test_reset_moves_a_linked_file_aside_and_never_writes_through_the_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.go"
    outside.write_text("MY WORK\n")
    ws = tmp_path / "ws" / "stats"
    ws.mkdir(parents=True)
    (ws / "stats.go").symlink_to(outside)
    result = run_cli("kata", "reset", "stats", "--workspace", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.output
    assert outside.read_text() == "MY WORK\n"
    assert not (ws / "stats.go").is_symlink()
    assert (ws / "stats.go").read_bytes() == (KATAS / "stats" / "stats.go").read_bytes()
    (backup,) = (ws / ".gokata-backup").iterdir()
    assert (backup / "stats.go").is_symlink() and (backup / "stats.go").resolve() == outside


def test_reset_of_a_huge_file_moves_it_without_reading_it(tmp_path: Path) -> None:
    ws = tmp_path / "stats"
    ws.mkdir()
    with (ws / "stats.go").open("wb") as fh:
        fh.truncate(3 << 30)  # sparse: 3 GiB that were read whole into memory
    assert run_cli("kata", "reset", "stats", "--workspace", str(tmp_path)).exit_code == 0
    (backup,) = (ws / ".gokata-backup").iterdir()
    assert (backup / "stats.go").stat().st_size == 3 << 30


@pytest.mark.parametrize("blocker", ["kata-folder", "backup-folder"])
def test_reset_where_a_file_stands_for_a_folder_is_a_message(tmp_path: Path, blocker: str) -> None:
    ws = tmp_path / "stats"
    if blocker == "kata-folder":
        ws.write_text("x")
    else:
        ws.mkdir()
        (ws / "stats.go").write_text("package stats // mine\n")
        (ws / ".gokata-backup").write_text("x")
    result = run_cli("kata", "reset", "stats", "--workspace", str(tmp_path))
    assert result.exit_code == 2 and "not a folder" in result.stderr
    if blocker == "backup-folder":
        assert (ws / "stats.go").read_text() == "package stats // mine\n"  # nothing was reset


def test_without_go_kata_commands_exit_3_and_say_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no go here
    for args in (("kata", "test", "stats"), ("kata", "start", "stats"), ("kata", "verify"), ("kata", "watch", "stats")):
        result = run_cli(*args)
        assert result.exit_code == 3, args
        assert "Go is not installed" in result.stderr and "go.dev/doc/install" in result.stderr
    assert run_cli("kata", "list").exit_code == 0  # reading the catalogue needs no Go


@pytest.mark.go
@pytest.mark.slow
def test_verify_the_fixture_katas_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_MIN_MUTANTS", "1")  # the fixture katas have one and two
    result = run_cli("kata", "verify", "--json", "--jobs", "2")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert [(k["kata"], k["runs"], k["mutants"]) for k in data["katas"]] == [("greet", 5, 1), ("stats", 6, 2)]
    assert data["katas"][1]["rejected_by"]["race detector"] == 1
    assert [m["mutant"] for m in data["katas"][1]["mutant_results"]] == ["max-ignores-negatives", "racy-parallel-sum"]


def _cells(line: str, start: int, end: int) -> str:
    """The characters of `line` between two terminal cell positions (a CJK character is two cells)."""
    from rich.cells import cell_len

    out, at = [], 0
    for char in line:
        if start <= at < end:
            out.append(char)
        at += cell_len(char)
    return "".join(out)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_at_80_columns_never_cuts_a_slug_or_a_title(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from runner.kata.catalog import scan_katas
    from runner.ui.console import out
    from tests.conftest import REPO

    monkeypatch.setenv("GOKATA_KATAS", str(REPO / "katas"))
    katas, _ = scan_katas()
    if not katas:
        pytest.skip("no katas in katas/ yet")
    monkeypatch.setattr(out(), "width", 80)
    result = run_cli("kata", "list", "--lang", lang)
    assert result.exit_code == 0
    assert "…" not in result.stdout
    lines = result.stdout.splitlines()
    # At 80 columns the title goes under its slug, indented, folded within the first column.
    from rich.cells import cell_len

    from runner.ui.messages import as_lang, msg

    lg = as_lang(lang)
    header = next(line for line in lines if line.startswith(msg("kata.col.slug_title", lg)))
    topic_at = cell_len(header[: header.index(msg("kata.col.topic", lg))])
    shown: dict[str, str] = {}  # slug -> the title as shown, its lines joined
    slug = ""
    for line in lines[lines.index(header) + 2 :]:
        if not line.strip() or line.startswith(("Start one", "用 ")):
            continue
        if not line.startswith(" "):
            slug = line.split()[0]
            continue
        shown[slug] = shown.get(slug, "") + _cells(line, 0, topic_at).strip()
    for kata in katas:
        assert shown.get(kata.slug, "").replace(" ", "") == kata.title(lang).replace(" ", ""), kata.slug
