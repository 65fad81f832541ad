from __future__ import annotations

from runner.kata.diagnostics import (
    HIDDEN_DOES_NOT_COMPILE,
    PathMap,
    blocked_summary,
    compile_errors,
    failure_message,
    parse_race,
    running_tests_from_dump,
)

PATHS = PathMap(
    module="example.com/stats",
    sandbox_dir="/tmp/gokata-run-x/src",
    learner={"stats.go": "work/stats.go"},
    tests=frozenset({"stats_test.go"}),
    hidden=frozenset({"stats_hidden_test.go"}),
    harness_token="t0k",
)

RACE = """Read at 0x00c000014118 by goroutine 9:
  example.com/stats.ParallelSum.func1()
      example.com/stats/stats.go:41 +0x30

Previous write at 0x00c000014118 by goroutine 8:
  example.com/stats.ParallelSum.func1()
      example.com/stats/stats.go:42 +0xbd
  example.com/stats.gokatat0k_TestParallelSum()
      example.com/stats/stats_hidden_test.go:10 +0x1c

Goroutine 9 (running) created at:
  example.com/stats.ParallelSum()
      example.com/stats/stats.go:38 +0x99"""

DUMP = """panic: test timed out after 3s
\trunning tests:
\t\tTestParallelSum (3s)
\t\tTestParallelSum/workers (3s)

goroutine 5 [running]:
testing.(*M).startAlarm.func1()
\ttesting/testing.go:2802 +0x605

goroutine 1 [chan receive]:
testing.(*T).Run(0xc0000d8008, {0x646bb6, 0x9}, 0x654218)
\ttesting/testing.go:2109 +0xb3e

goroutine 22 [chan receive, 2 minutes]:
example.com/stats.ParallelSum({0xc000, 0x3e8, 0x3e8}, 0x3)
\texample.com/stats/stats.go:49 +0x8a
example.com/stats.gokatat0k_TestParallelSum.func1(0xc0000d86c8?)
\texample.com/stats/stats_hidden_test.go:20 +0x1d

goroutine 23 [chan receive]:
example.com/stats.ParallelSum({0xc000, 0x3e8, 0x3e8}, 0x8)
\texample.com/stats/stats.go:49 +0x8a

goroutine 24 [running]:
\tgoroutine running on other thread; stack unavailable
created by testing.(*T).Run in goroutine 1
\ttesting/testing.go:2101 +0xb13
"""


def test_race_gives_both_accesses_in_the_learners_file() -> None:
    race = parse_race("TestParallelSum/workers#01", RACE, PATHS)
    assert race.test == "TestParallelSum"
    assert [(a.kind, a.location, a.function, a.goroutine) for a in race.accesses] == [
        ("read", "work/stats.go:41", "ParallelSum.func1", "9"),
        ("previous write", "work/stats.go:42", "ParallelSum.func1", "8"),
    ]


def test_timeout_dump_summary_names_running_tests_and_where_goroutines_wait() -> None:
    assert running_tests_from_dump(DUMP) == ["TestParallelSum", "TestParallelSum/workers"]
    assert blocked_summary(DUMP, PATHS) == [
        "1 goroutine still running (busy, e.g. a loop that never ends); Go cannot show where a running goroutine is",
        "2 goroutines blocked (chan receive) at work/stats.go:49 in ParallelSum",
    ]


def test_compile_errors_point_at_the_learners_file_and_flag_hidden_tests() -> None:
    output = (
        "# example.com/stats [example.com/stats.test]\n./stats.go:9:2: undefined: undefinedThing\n"
        "./stats_hidden_test.go:6:15: too many arguments in call to Max\n\thave (number, number)\n"
        "\twant ([]int)\n"
    )
    errors = compile_errors(output, PATHS)
    assert [str(e) for e in errors] == [
        "work/stats.go:9:2: undefined: undefinedThing",
        f"stats_hidden_test.go: {HIDDEN_DOES_NOT_COMPILE}",
    ]
    assert [e.in_hidden_test for e in errors] == [False, True]


def test_hidden_test_compile_errors_never_quote_the_hidden_test() -> None:
    """A red team changed a type the tests use on purpose: Go's messages quoted the hidden test's
    lines (`got != http.StatusNotFound`, its dates), ten errors per run."""
    output = (
        "# example.com/stats [example.com/stats.test]\n"
        './stats_hidden_test.go:12:5: invalid operation: got != "02/03/2026" (mismatched types int and untyped string)\n'
        "./stats_hidden_test.go:30:9: cannot use want (variable of type []string) as int value\n"
        '\t./stats_hidden_test.go:29:2: declared here: want := []string{"2026-02-30"}\n'
        "./stats_test.go:7:3: undefined: stats.Mean\n"
    )
    errors = compile_errors(output, PATHS)
    shown = "\n".join(str(e) for e in errors)
    assert "2026" not in shown and "mismatched" not in shown and "declared here" not in shown
    assert [str(e) for e in errors] == [
        "stats_test.go:7:3: undefined: stats.Mean",
        f"stats_hidden_test.go: {HIDDEN_DOES_NOT_COMPILE}",
    ]


def test_messages_drop_framing_and_keep_subtests_and_panic_location() -> None:
    own = "=== RUN   TestMax\n    stats_test.go:14: Max = 8; want 9\n--- FAIL: TestMax (0.00s)\n"
    sub = (
        "=== RUN   TestMax/neg\n    stats_test.go:20: bad\n"
        "panic: runtime error: index out of range [0] with length 0 [recovered, repanicked]\n\n"
        "goroutine 7 [running]:\ntesting.tRunner.func1.2({0x5, 0x6})\n\ttesting/testing.go:1872 +0x1\n"
        "example.com/stats.Max(...)\n\t/tmp/gokata-run-x/src/stats.go:17 +0x2\n"
    )
    message = failure_message(own, [("TestMax/neg", sub)], PATHS)
    assert message == (
        "stats_test.go:14: Max = 8; want 9\nTestMax/neg:\n  stats_test.go:20: bad\n"
        "  panic: runtime error: index out of range [0] with length 0\n"
        "    at work/stats.go:17 in Max"
    )


def test_paths_and_generated_names_are_cleaned() -> None:
    text = "example.com/stats/stats.go:3 gokatat0k_TestA zz_gokata_t0k_0_test.go:9 /tmp/gokata-run-x/src/stats.go:4"
    assert PATHS.clean(text) == "work/stats.go:3 TestA (gokata harness):9 work/stats.go:4"


def test_go_s_note_under_an_error_stays_with_it() -> None:
    """A learner redeclaring a name the kata's export_test.go declares: Go reports the test file's
    line and, under it, the learner's as "other declaration". Read as two errors, the learner's
    note came first and the summary said "other declaration of LockOf" (red team)."""
    output = (
        "# example.com/stats [example.com/stats.test]\n"
        "./stats_test.go:5:6: LockOf redeclared in this block\n"
        "\t./stats.go:28:6: other declaration of LockOf\n"
    )
    errors = compile_errors(output, PATHS)
    assert [str(e) for e in errors] == [
        "stats_test.go:5:6: LockOf redeclared in this block\nwork/stats.go:28:6: other declaration of LockOf"
    ]
