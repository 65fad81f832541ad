"""`kata list`'s status and last_result: fixed vocabularies, whatever order the runs came in."""

from __future__ import annotations

import json

from runner.kata.result import STATUSES
from runner.kata.standing import PROGRESS, Standing, standings
from runner.progress.attempts import KataAttempt, NullRecorder
from runner.progress.recorder import open_recorder
from tests.cli_helpers import run_cli


def run(slug: str, status: str) -> KataAttempt:
    return KataAttempt(
        slug=slug,
        topic="goroutines",
        status=status,
        score=1.0 if status == "pass" else 0.0,
        tests_passed=0,
        tests_total=5,
        duration_s=0.5,
    )


def test_passed_stays_passed_and_last_result_is_the_latest_verdict() -> None:
    recorder = open_recorder()
    for slug, status in [
        ("solved", "fail"),
        ("solved", "pass"),
        ("regressed", "pass"),
        ("regressed", "timeout"),
        ("stuck", "fail"),
        ("stuck", "compile_error"),
    ]:
        recorder.record_kata(run(slug, status))
    assert standings(recorder) == {
        "solved": Standing("passed", "pass"),
        "regressed": Standing("passed", "timeout"),
        "stuck": Standing("failing", "compile_error"),
    }


def test_a_recorder_keeping_nothing_has_no_standings() -> None:
    assert standings(NullRecorder()) == {}


def test_list_json_uses_only_the_documented_values() -> None:
    recorder = open_recorder()
    recorder.record_kata(run("stats", "pass"))
    recorder.record_kata(run("stats", "race"))
    recorder.record_kata(run("greet", "rejected"))
    result = run_cli("kata", "list", "--json")
    assert result.exit_code == 0
    rows = {r["slug"]: (r["status"], r["last_result"]) for r in json.loads(result.stdout)["katas"]}
    assert rows == {"stats": ("passed", "race"), "greet": ("failing", "rejected")}
    assert all(s in PROGRESS and last in STATUSES for s, last in rows.values())
