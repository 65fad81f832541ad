from __future__ import annotations

import json

from runner.kata import events
from runner.kata.events import EventCollector


def line(**event: object) -> bytes:
    return json.dumps(event).encode() + b"\n"


def test_events_split_across_chunks_are_reassembled() -> None:
    data = (
        line(Action="start", Package="p")
        + line(Action="run", Test="TestA")
        + line(Action="output", Test="TestA", Output="    a_test.go:3: boom\n")
        + line(Action="fail", Test="TestA", Elapsed=0.5)
        + line(Action="fail", Package="p")
    )
    collector = EventCollector()
    for i in range(0, len(data), 7):
        collector.feed(data[i : i + 7])
    collector.close()
    trace = collector.tests["TestA"]
    assert (trace.runs, trace.verdicts, trace.elapsed) == (1, ["fail"], 0.5)
    assert "boom" in trace.text
    assert collector.started_at is not None
    assert collector.package_actions == ["fail"]


def test_build_output_and_failure_are_kept() -> None:
    collector = EventCollector()
    collector.feed(line(ImportPath="p [p.test]", Action="build-output", Output="./a.go:4:2: undefined: x\n"))
    collector.feed(line(ImportPath="p [p.test]", Action="build-fail"))
    assert collector.build_failed
    assert "undefined: x" in collector.build_output


def test_a_huge_line_is_cut_not_kept() -> None:
    collector = EventCollector()
    collector.feed(b"x" * (events.MAX_LINE * 3))
    collector.feed(b"tail\n" + line(Action="pass", Test="TestA"))
    collector.close()
    assert len(collector.non_json) <= events.PACKAGE_OUTPUT
    assert collector.tests["TestA"].verdicts == ["pass"]


def test_output_is_capped_per_test_and_in_total() -> None:
    collector = EventCollector()
    chunk = "y" * 1000 + "\n"
    for i in range(3000):
        collector.feed(line(Action="output", Test=f"Test{i % 100}", Output=chunk))
    assert all(t.output_size <= events.PER_TEST_OUTPUT for t in collector.tests.values())
    assert sum(t.output_size for t in collector.tests.values()) <= events.TOTAL_TEST_OUTPUT
    assert collector.truncated


def test_too_many_test_names_are_not_all_kept() -> None:
    collector = EventCollector()
    for i in range(events.MAX_TESTS + 10):
        collector.feed(line(Action="run", Test=f"Test{i}"))
    assert len(collector.tests) == events.MAX_TESTS
    assert collector.too_many_tests


def test_race_reports_timeouts_and_crashes_are_picked_out() -> None:
    collector = EventCollector()
    text = (
        "==================\nWARNING: DATA RACE\nRead at 0x1 by goroutine 7:\n  p.F()\n      p/a.go:3 +0x1\n"
        "==================\n"
    )
    collector.feed(line(Action="output", Test="TestR", Output=text))
    collector.feed(line(Action="output", Test="TestP", Output="panic: boom\n"))
    collector.feed(line(Action="output", Test="TestP", Output="\ngoroutine 1 [running]:\n"))
    collector.feed(line(Action="output", Test="TestT", Output="panic: test timed out after 1s\n\trunning tests:\n"))
    collector.close()
    assert collector.races == [("TestR", "Read at 0x1 by goroutine 7:\n  p.F()\n      p/a.go:3 +0x1")]
    assert collector.crash is not None and collector.crash.test == "TestP"
    assert collector.crash.text.startswith("panic: boom\n")
    assert collector.timeout_seen and "running tests:" in collector.dump


def test_non_json_lines_are_kept_as_text() -> None:
    collector = EventCollector()
    collector.feed(b"go: something went wrong\n")
    assert "something went wrong" in collector.non_json
