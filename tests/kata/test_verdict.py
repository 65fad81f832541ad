"""The trust rules, on made-up observations (the real-process cases are in test_grade_go.py)."""

from __future__ import annotations

import json

import pytest

from runner.errors import Interrupted
from runner.kata.diagnostics import PathMap
from runner.kata.events import EventCollector
from runner.kata.harness import Records
from runner.kata.process import KillReason, Limits, ProcessOutcome
from runner.kata.result import KataResult
from runner.kata.verdict import RunFacts, decide
from runner.toolchain import RaceToolchainMissing, ToolchainTooOld

EXPECTED = {"TestA": False, "TestB": True}
PATHS = PathMap("example.com/k", "/sandbox/src", {"k.go": "k.go"}, frozenset({"k_test.go"}), frozenset(), "tok")
LIMITS = Limits(build_s=10, run_s=10, memory_bytes=1 << 30, max_processes=64, max_output_bytes=1 << 20)


START = "2026-01-02T03:04:05.123456789Z"  # the `start` event's Time, as go test writes it
START_UNIX = 1767323045.123456


def events(*items: dict[str, object]) -> EventCollector:
    collector = EventCollector()
    collector.feed(json.dumps({"Action": "start", "Time": START}).encode() + b"\n")
    for item in items:
        collector.feed(json.dumps(item).encode() + b"\n")
    collector.close()
    return collector


def ran(name: str, verdict: str, output: str = "") -> list[dict[str, object]]:
    out: list[dict[str, object]] = [{"Action": "run", "Test": name}]
    if output:
        out.append({"Action": "output", "Test": name, "Output": output})
    out.append({"Action": verdict, "Test": name})
    return out


def judge(
    stream: list[dict[str, object]],
    records: dict[str, list[str]],
    *,
    returncode: int = 0,
    package: str = "pass",
    killed: KillReason | None = None,
    forged: list[str] | None = None,
    stderr: str = "",
    ran_for: float = 1.0,
    race_reports: tuple[str, ...] = (),
) -> KataResult:
    collector = events(*stream, {"Action": package})
    process = ProcessOutcome(
        returncode=returncode, killed=killed, stderr=stderr, duration_s=1, finished_wall=START_UNIX + ran_for
    )
    facts = RunFacts(
        kata="k",
        expected=EXPECTED,
        unscored=frozenset(),
        events=collector,
        records=Records(records, forged or []),
        process=process,
        paths=PATHS,
        time_limit_s=5,
        memory_limit_mb=256,
        limits=LIMITS,
        visible_only=False,
        ignored=(),
        duration_s=1.0,
        race_reports=race_reports,
    )
    return decide(facts)


BOTH_PASS = ran("TestA", "pass") + ran("TestB", "pass")


def test_agreeing_sources_pass() -> None:
    result = judge(BOTH_PASS, {"TestA": ["pass"], "TestB": ["pass"]})
    assert (result.status, result.score) == ("pass", 1.0)


def test_a_pass_in_the_output_that_the_harness_did_not_record_is_tampering() -> None:
    result = judge(BOTH_PASS, {"TestA": ["pass"], "TestB": ["fail"]}, returncode=1, package="fail")
    assert result.status == "rejected"
    assert "TestB passed, but it did not" in result.summary
    assert result.score == 0


def test_two_verdicts_for_one_test_is_tampering() -> None:
    second: list[dict[str, object]] = [{"Action": "fail", "Test": "TestA"}]
    stream = ran("TestA", "pass") + second + ran("TestB", "pass")
    result = judge(stream, {"TestA": ["pass"], "TestB": ["pass"]})
    assert result.status == "rejected"


def test_a_verdict_for_a_test_the_kata_does_not_have_is_tampering() -> None:
    result = judge(BOTH_PASS + ran("TestInvented", "pass"), {"TestA": ["pass"], "TestB": ["pass"]})
    assert result.status == "rejected" and "TestInvented" in result.summary


def test_a_record_without_the_nonce_is_tampering() -> None:
    result = judge(BOTH_PASS, {"TestA": ["pass"], "TestB": ["pass"]}, forged=["deadbeef pass TestB"])
    assert result.status == "rejected"


def test_a_test_that_never_reported_fails() -> None:
    result = judge(ran("TestA", "pass"), {"TestA": ["pass"]}, returncode=1, package="fail")
    assert result.status == "fail"
    assert [t.status for t in result.tests] == ["pass", "fail"]
    assert result.tests[1].message.startswith("never reported")
    assert result.score == 0.5


def test_a_clean_exit_with_no_test_run_is_a_failure_not_a_pass() -> None:
    result = judge([], {}, returncode=0, package="pass")
    assert result.status == "fail" and result.score == 0
    assert "exited before running the tests" in result.summary


def test_passes_are_not_counted_when_the_run_then_fails() -> None:
    result = judge(BOTH_PASS, {"TestA": ["pass"], "TestB": ["pass"]}, returncode=2, package="fail")
    assert result.status == "fail" and result.score == 0
    assert all("not counted" in t.message for t in result.tests)


def test_the_pessimistic_source_wins_when_a_late_race_fails_a_recorded_pass() -> None:
    stream = ran("TestA", "fail", "    testing.go:1712: race detected during execution of test\n") + ran(
        "TestB", "pass"
    )
    result = judge(stream, {"TestA": ["pass"], "TestB": ["pass"]}, returncode=1, package="fail")
    assert result.status == "fail"
    assert result.tests[0].status == "fail"
    assert result.tests[0].message == "race detected during execution of test"


def test_a_lost_result_line_is_explained() -> None:
    started: list[dict[str, object]] = [{"Action": "run", "Test": "TestA"}]
    stream = started + ran("TestB", "pass")
    result = judge(stream, {"TestA": ["pass"], "TestB": ["pass"]})
    assert result.tests[0].status == "fail"
    assert "result line was lost" in result.tests[0].message


def test_a_stopped_run_says_why() -> None:
    result = judge(ran("TestA", "pass"), {"TestA": ["pass"]}, returncode=-9, package="fail", killed="memory")
    assert result.status == "fail"
    assert "more than 256 MiB" in result.summary
    assert "did not finish" in result.tests[1].message


def test_a_killed_time_out_is_a_timeout_verdict() -> None:
    running: list[dict[str, object]] = [{"Action": "run", "Test": "TestB"}]
    stream = ran("TestA", "pass") + running
    result = judge(stream, {"TestA": ["pass"]}, returncode=-9, package="fail", killed="timeout")
    assert result.status == "timeout"
    assert result.timeout is not None and result.timeout.running == ("TestB",)
    assert result.score == 0.5
    assert result.summary == "Stopped at the time limit (5 s) while running TestB."  # no dump: nothing to add
    assert "No goroutine dump" in result.notes[0]


def test_a_time_out_summary_lists_where_goroutines_were() -> None:
    dump = (
        "panic: test timed out after 5s\n\trunning tests:\n\t\tTestB (5s)\n\n"
        "goroutine 7 [chan receive]:\nexample.com/k.Wait(...)\n\t/sandbox/src/k.go:12 +0x1d\n"
        "example.com/k.gokatatok_TestB(0xc000)\n\t/sandbox/src/k_test.go:9 +0x25\n"
    )
    stream = ran("TestA", "pass") + [
        {"Action": "run", "Test": "TestB"},
        {"Action": "output", "Test": "TestB", "Output": dump},
    ]
    result = judge(stream, {"TestA": ["pass"]}, returncode=1, package="fail", ran_for=5.02)
    assert result.status == "timeout"
    assert result.summary == (
        "Stopped at the time limit (5 s) while running TestB. At that moment:\n"
        "  1 goroutine blocked (chan receive) at k.go:12 in Wait"
    )
    # The same text from a run that ended before its limit is the program's own output.
    early = judge(stream, {"TestA": ["pass"]}, returncode=1, package="fail", ran_for=4.5)
    assert early.status == "fail" and early.timeout is None
    assert any("did not reach its time limit" in n for n in early.notes)


RACE_REPORT = (
    "Write at 0x00c000012345 by goroutine 8:\n  example.com/k.Add()\n      /sandbox/src/k.go:7 +0x44\n\n"
    "Previous write at 0x00c000012345 by goroutine 7:\n  example.com/k.Add()\n      /sandbox/src/k.go:7 +0x44\n\n"
    "Goroutine 8 (running) created at:\n  example.com/k.tok_TestB()\n      /sandbox/src/k_test.go:9 +0x25\n"
)


def test_a_race_is_what_the_race_detector_logged_not_what_was_printed() -> None:
    printed = "==================\nWARNING: DATA RACE\n" + RACE_REPORT + "==================\n"
    stream = ran("TestA", "pass", printed) + ran("TestB", "pass")
    both = {"TestA": ["pass"], "TestB": ["pass"]}
    assert judge(stream, both).status == "pass"
    logged = judge(
        ran("TestA", "pass") + ran("TestB", "fail"),
        {"TestA": ["pass"], "TestB": ["fail"]},
        returncode=1,
        package="fail",
        race_reports=(RACE_REPORT,),
    )
    assert logged.status == "race"
    assert logged.races[0].test == "TestB"
    assert [a.location for a in logged.races[0].accesses] == ["k.go:7", "k.go:7"]


def test_a_printed_panic_adds_nothing_to_a_clean_run() -> None:
    stream = ran("TestA", "pass", "panic: boom\n\ngoroutine 1 [running]:\n") + ran("TestB", "pass")
    result = judge(stream, {"TestA": ["pass"], "TestB": ["pass"]})
    assert result.status == "pass"
    failing = judge(
        ran("TestA", "fail", "panic: boom\n") + ran("TestB", "pass"),
        {"TestA": ["fail"], "TestB": ["pass"]},
        returncode=0,
        package="fail",
    )
    assert "crashed" not in failing.summary


def test_a_cancelled_run_is_an_interruption() -> None:
    with pytest.raises(Interrupted):
        judge([], {}, returncode=-9, killed="cancelled")


def test_toolchain_problems_are_not_verdicts() -> None:
    with pytest.raises(RaceToolchainMissing):
        judge([], {}, returncode=2, stderr="go: -race requires cgo; enable cgo by setting CGO_ENABLED=1\n")
    with pytest.raises(ToolchainTooOld) as caught:
        judge([], {}, returncode=1, stderr="go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)\n")
    assert caught.value.exit_code == 3 and "1.99" in caught.value.message
