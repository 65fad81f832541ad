"""Sealed packs and the candidate's clock: every setting is in the pack hash, the grader takes
them from the spec, and the session's event log shows edits and impossible timings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from runner.errors import BadInput
from runner.exam.candidate import STATE, load_state
from runner.exam.events import chain_problems, new_event, timing_problems
from runner.exam.grading import grade_submission
from runner.exam.pack import read_pack
from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, session, setup


def _kinds(report: Any) -> set[str]:
    return {f.kind for f in report.flags}


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["settings"].update(time_limit_minutes=6000),
        lambda m: m["settings"].update(pass_mark=0.0),
        lambda m: m["settings"]["sections"][0].update(weight=100),
        lambda m: m["settings"].update(instructions={"en": "Use any help you like."}),
        lambda m: m["settings"]["sections"][0]["questions"].pop(),
    ],
)
def test_every_setting_is_inside_the_pack_hash(tmp_path: Path, quiz_spec: Path, change: Any) -> None:
    s = setup(quiz_spec, tmp_path)
    manifest = s.pack_dir / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data)
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BadInput, match="the pack was altered"):
        read_pack(s.pack_dir)
    result = run_cli("exam", "take", str(s.pack_dir), "--dir", str(tmp_path / "w"), "--name", "Eve")
    assert result.exit_code == 2 and "altered" in result.stderr


def test_a_file_added_to_the_pack_is_refused(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    (s.pack_dir / "answers.txt").write_text("B", encoding="utf-8")
    with pytest.raises(BadInput, match=r"altered \(answers.txt\)"):
        read_pack(s.pack_dir)


def test_late_comes_from_the_logged_times_against_the_spec(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    # 120 minutes against the spec's 60: submitted late, and the last answers late too
    sub = session(s, tmp_path / "w", "Slow", RIGHT, step=1100.0, submit_after=120 * 60)
    report = grade_submission(sub, s.context())
    assert "late" in _kinds(report)
    assert report.time is not None and report.time.late and report.time.minutes_used == 120.0
    assert report.time.time_limit_minutes == 60
    assert [q.late for q in report.questions][-1]
    on_time = grade_submission(session(s, tmp_path / "w2", "Quick", RIGHT), s.context())
    assert "late" not in _kinds(on_time) and on_time.time is not None and not on_time.time.late


def test_the_grader_ignores_what_the_submission_says_about_itself(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Self", RIGHT, step=1100.0, submit_after=120 * 60, duration=1.0)

    def lie(data: dict[str, Any]) -> None:
        data["time_limit_minutes"] = 6000
        data["late"] = False
        for a in data["answers"].values():
            a.update(late=False, pasted=False, terminal=True)

    data = json.loads(sub.read_text(encoding="utf-8"))
    lie(data)
    sub.write_text(json.dumps(data), encoding="utf-8")
    report = grade_submission(sub, s.context())
    assert "late" in _kinds(report)  # from the log and the spec
    assert "pasted" in _kinds(report)  # a 200-character answer in 1 s, whatever the file says
    assert report.time is not None and report.time.time_limit_minutes == 60


def test_editing_started_at_in_the_state_does_not_move_the_clock(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    session(s, tmp_path / "w", "Clock", {"defer.lifo": True})
    state_file = tmp_path / "w" / STATE
    data = json.loads(state_file.read_text(encoding="utf-8"))
    logged = data["events"][0]["at"]
    data["started_at"] = logged + 3600  # "I started an hour later"
    state_file.write_text(json.dumps(data), encoding="utf-8")
    assert load_state(tmp_path / "w").started_at == logged


def test_editing_the_logged_start_breaks_the_chain(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Chain", RIGHT)

    def move_start(data: dict[str, Any]) -> None:
        data["events"][0]["at"] += 3600
        data["started_at"] += 3600

    data = json.loads(sub.read_text(encoding="utf-8"))
    move_start(data)
    sub.write_text(json.dumps(data), encoding="utf-8")
    report = grade_submission(sub, s.context())
    flag = next(f for f in report.flags if f.kind == "broken-chain")
    assert "event 0 (start) was changed" in flag.message
    assert not report.chain_ok
    # and a clean session's chain holds
    clean = grade_submission(session(s, tmp_path / "w2", "Clean", RIGHT), s.context())
    assert clean.chain_ok and not {"broken-chain", "impossible-timing", "altered"} & _kinds(clean)


def test_a_removed_event_and_an_answer_changed_without_its_event_are_found(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Cut", RIGHT)
    data = json.loads(sub.read_text(encoding="utf-8"))
    del data["events"][2]
    first = next(iter(data["answers"]))
    data["answers"][first]["answer"] = "A"
    sub.write_text(json.dumps(data), encoding="utf-8")
    report = grade_submission(sub, s.context())
    assert {"broken-chain", "altered"} <= _kinds(report)
    assert first in next(f for f in report.flags if f.kind == "altered").message


def test_impossible_timings() -> None:
    log: list[Any] = []
    new_event(log, "g", "start", 1000.0)
    new_event(log, "g", "answer", 1010.0, qid="q01")
    new_event(log, "g", "answer", 900.0, qid="q02")  # before the start
    assert not chain_problems(log, "g")
    problems = timing_problems(log, {"q01": 5.0, "q02": 1.0})
    assert any("before the exam started" in p for p in problems)
    log = []
    new_event(log, "g", "start", 1000.0)
    new_event(log, "g", "answer", 1060.0, qid="q01")
    new_event(log, "g", "answer", 1120.0, qid="q02")
    # 50 s + 100 s of answering in two minutes
    assert any(
        "by q02 the answers took 150 s, but only 120 s had passed" in p
        for p in timing_problems(log, {"q01": 50.0, "q02": 100.0})
    )
    assert timing_problems(log, {"q01": 50.0, "q02": 50.0}) == []


def test_the_report_says_whose_clock_it_is(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Ada", RIGHT)
    out = tmp_path / "out"
    assert run_cli("exam", "grade", str(quiz_spec), str(sub), "--out", str(out)).exit_code == 0
    for name in ("report.md", "report.html"):
        assert "reported by the candidate" in (out / "ada" / name).read_text(encoding="utf-8")


def test_visible_test_runs_and_submit_are_logged(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Logged", {"defer.lifo": True})
    data = json.loads(sub.read_text(encoding="utf-8"))
    assert [e["kind"] for e in data["events"]] == ["start", "answer", "submit"]
    assert data["events"][1]["prev"] == data["events"][0]["hash"]
