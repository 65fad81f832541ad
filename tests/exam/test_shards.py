"""Grading at scale: shards graded apart and merged give what one run gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.answers import meaning
from runner.exam.batch import in_shard, parse_shard
from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, WRONG, session, setup

COPIED = (
    "Honestly the way I think about it is that slices are views: a little struct holding a pointer to "
    "an array plus len and cap, and whenever you reslice you keep pointing into the very same memory."
)


def test_three_shards_merged_give_the_same_summary_as_one_run(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    subs = []
    for i in range(9):
        answers = dict(RIGHT if i % 3 else WRONG)
        answers["slices.interview-reslicing"] = f"My answer number {i}: slices share arrays."
        if i in (1, 7):
            answers["slices.interview-reslicing"] = COPIED
        subs.append(str(session(s, tmp_path / f"w{i}", f"Candidate {i}", answers)))
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    subs.append(str(tmp_path / "broken.json"))
    whole = tmp_path / "whole"
    assert run_cli("exam", "grade", str(quiz_spec), *subs, "--out", str(whole), "--key", "k").exit_code == 1
    shards = []
    for i in (1, 2, 3):
        d = tmp_path / f"shard{i}"
        r = run_cli("exam", "grade", str(quiz_spec), *subs, "--shard", f"{i}/3", "--out", str(d), "--key", "k")
        assert r.exit_code in (0, 1), r.output
        shards.append(str(d))
    counts = [len(json.loads((Path(d) / "summary.json").read_text(encoding="utf-8"))["candidates"]) for d in shards]
    assert sum(counts) == len(subs) and all(counts)
    merged = tmp_path / "merged"
    result = run_cli("exam", "merge", *shards, "--out", str(merged), "--key", "k")
    assert result.exit_code == 1, result.output  # the broken file is still a not-graded row
    one = json.loads((whole / "summary.json").read_text(encoding="utf-8"))
    many = json.loads((merged / "summary.json").read_text(encoding="utf-8"))
    assert many == one
    copies = [(p["a"], p["b"]) for p in one["similar"] if p["kind"] == "similar-answers"]
    assert copies == [("Candidate 1", "Candidate 7")]  # found whichever shards they were graded in
    assert (merged / "candidate-1" / "report.json").read_text(encoding="utf-8") == (
        whole / "candidate-1" / "report.json"
    ).read_text(encoding="utf-8")
    assert run_cli("exam", "verify", str(merged / "summary.csv"), "--key", "k").exit_code == 0


def test_merge_refuses_altered_shards_and_doubles(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Ada", RIGHT)
    d = tmp_path / "d"
    assert run_cli("exam", "grade", str(quiz_spec), str(sub), "--out", str(d), "--key", "k").exit_code == 0
    twice = run_cli("exam", "merge", str(d), str(tmp_path / "d" / ".." / "d"), "--out", str(tmp_path / "m"))
    assert twice.exit_code == 2 and "graded in both" in twice.stderr
    report = d / "ada" / "report.json"
    report.write_text(report.read_text(encoding="utf-8").replace('"score": 1.0', '"score": 0.1', 1), encoding="utf-8")
    altered = run_cli("exam", "merge", str(d), "--out", str(tmp_path / "m"), "--key", "k")
    assert altered.exit_code == 2 and "altered after signing" in altered.stderr


def test_shards_are_a_deterministic_partition() -> None:
    names = [Path(f"sub-{i}.json") for i in range(200)]
    parts = [[p for p in names if in_shard(p, (i, 4))] for i in range(1, 5)]
    assert sorted(p for part in parts for p in part) == sorted(names)
    assert all(len(part) > 20 for part in parts)
    assert parse_shard("2/3") == (2, 3)


def test_merge_refuses_shards_that_read_open_answers_differently(
    tmp_path: Path, quiz_spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = setup(quiz_spec, tmp_path)
    subs = [str(session(s, tmp_path / f"w{i}", f"Candidate {i}", dict(RIGHT))) for i in range(4)]
    monkeypatch.setattr(meaning, "installed", lambda: True)
    monkeypatch.setattr(meaning, "said_otherwise", lambda points, sentences, embed=None: [None] * len(points))
    shards = []
    for i, grader in ((1, "words"), (2, "meaning")):
        monkeypatch.setenv("GOKATA_GRADER", grader)
        d = tmp_path / f"shard{i}"
        r = run_cli("exam", "grade", str(quiz_spec), *subs, "--shard", f"{i}/2", "--out", str(d), "--key", "k")
        assert r.exit_code in (0, 1), r.output
        shards.append(str(d))
    monkeypatch.delenv("GOKATA_GRADER")
    read = [json.loads(p.read_text(encoding="utf-8"))["grader"] for p in Path(shards[1]).glob("*/report.json")]
    assert read and set(read) == {"meaning"}
    md = next(Path(shards[1]).glob("*/report.md")).read_text(encoding="utf-8")
    assert "meaning extra" in md
    result = run_cli("exam", "merge", *shards, "--out", str(tmp_path / "merged"), "--key", "k")
    assert result.exit_code == 2 and "same `grader` setting" in result.stderr, result.output
