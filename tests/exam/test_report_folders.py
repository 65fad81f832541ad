"""Report folders read back by `exam merge` and `exam note`, and written again by `exam grade`:
an unsigned report cannot send a write outside --out or rank itself with an impossible score,
notes added at once are all kept, and grading again keeps the interviewers' notes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, WRONG, session, setup


def _graded(tmp_path: Path, quiz_spec: Path, *shards: str) -> list[Path]:
    s = setup(quiz_spec, tmp_path)
    subs = [session(s, tmp_path / "w1", "Ada", RIGHT), session(s, tmp_path / "w2", "Bob", WRONG)]
    outs = []
    for i, shard in enumerate(shards or ("",)):
        out = tmp_path / f"out{i}"
        extra = ("--shard", shard) if shard else ()
        result = run_cli("exam", "grade", str(quiz_spec), *map(str, subs), "--out", str(out), *extra)
        assert result.exit_code == 0, result.output
        outs.append(out)
    return outs


def _edit_report(folder: Path, change: Any) -> None:
    path = next(folder.glob("*/report.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("folder", ["/tmp/gokata-outside", "../../outside", ".", "a/b", ""])
def test_merge_refuses_a_report_whose_folder_is_not_a_folder_name(tmp_path: Path, quiz_spec: Path, folder: str) -> None:
    one, two = _graded(tmp_path, quiz_spec, "1/2", "2/2")
    _edit_report(one if any(one.glob("*/report.json")) else two, lambda d: d.update(folder=folder))
    result = run_cli("exam", "merge", str(one), str(two), "--out", str(tmp_path / "merged"))
    assert result.exit_code == 2 and "is not a folder name gokata writes" in result.stderr
    assert not Path("/tmp/gokata-outside").exists() and not (tmp_path / "outside").exists()


def test_merge_refuses_an_impossible_score(tmp_path: Path, quiz_spec: Path) -> None:
    one, two = _graded(tmp_path, quiz_spec, "1/2", "2/2")
    _edit_report(one if any(one.glob("*/report.json")) else two, lambda d: d.update(score=9.5))
    result = run_cli("exam", "merge", str(one), str(two), "--out", str(tmp_path / "merged"))
    assert result.exit_code == 2 and "score: expected a score from 0 to 1, got 9.5" in result.stderr


def test_notes_added_at_once_are_all_kept(tmp_path: Path, quiz_spec: Path) -> None:
    (out,) = _graded(tmp_path, quiz_spec)
    script = (
        "import sys; from pathlib import Path; from runner.exam.batch import add_note\n"
        "add_note(Path(sys.argv[1]), 'Ada', text=sys.argv[2], author='', scores={}, key=None)\n"
    )
    env = {**os.environ, "GOKATA_QUESTIONS": os.environ["GOKATA_QUESTIONS"]}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(out), f"note {i}"], env=env) for i in range(6)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    report = json.loads((out / "ada" / "report.json").read_text(encoding="utf-8"))
    assert sorted(n["text"] for n in report["interviewer"]["notes"]) == [f"note {i}" for i in range(6)]
    json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_grading_again_into_the_same_folder_keeps_the_notes(tmp_path: Path, quiz_spec: Path) -> None:
    (out,) = _graded(tmp_path, quiz_spec)
    noted = run_cli("exam", "note", str(out), "Ada", "--text", "keep this", "--score", "go-fluency=4")
    assert noted.exit_code == 0, noted.output
    subs = [tmp_path / "w1" / "Ada.json", tmp_path / "w2" / "Bob.json"]
    assert run_cli("exam", "grade", str(quiz_spec), *map(str, subs), "--out", str(out)).exit_code == 0
    interviewer = json.loads((out / "ada" / "report.json").read_text(encoding="utf-8"))["interviewer"]
    assert [n["text"] for n in interviewer["notes"]] == ["keep this"]
    assert interviewer["scores"] == {"go-fluency": 4}
    assert "keep this" in (out / "ada" / "report.md").read_text(encoding="utf-8")
