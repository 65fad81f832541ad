"""Deciding a run's verdict from what was observed, trusting each source only as far as it deserves.

A graded test passes only when all of these hold:
  * the harness recorded exactly one verdict for it, `pass`, with this run's nonce (harness.py);
  * the test2json stream shows exactly one verdict for it, `pass`;
  * the package result agrees: a run whose every test passed must also have exited cleanly.
A test that never reported is failed. A second verdict for a test, a `pass` in the stream that the
harness did not record, a record without the nonce, or a verdict for a test the kata does not have
means the output was forged: the whole run is `rejected`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from runner.errors import Interrupted
from runner.kata.diagnostics import (
    PathMap,
    blocked_summary,
    compile_errors,
    failure_message,
    panic_head,
    panic_summary,
    parse_race,
    running_tests_from_dump,
)
from runner.kata.events import EventCollector
from runner.kata.harness import Records
from runner.kata.process import Limits, ProcessOutcome
from runner.kata.result import CompileError, DataRace, KataResult, Status, TestOutcome, TestStatus, TimeoutInfo
from runner.toolchain import RaceToolchainMissing, ToolchainTooOld

_NO_CGO = re.compile(
    r"(-race requires cgo[^\n]*|cgo: C compiler \S+ not found[^\n]*|"
    r"exec: \"?(gcc|clang|cc)\"?: executable file not found[^\n]*)"
)
_TOO_OLD = re.compile(r"requires go >= (\S+) \(running go (\S+?)[;)]")


@dataclass(frozen=True)
class RunFacts:
    kata: str
    expected: dict[str, bool]  # graded test -> hidden
    unscored: frozenset[str]  # Example/Fuzz functions: they run, but are not graded
    events: EventCollector
    records: Records
    process: ProcessOutcome
    paths: PathMap
    time_limit_s: float
    memory_limit_mb: int
    limits: Limits
    visible_only: bool
    ignored: tuple[str, ...]
    duration_s: float
    race_reports: tuple[str, ...] = ()  # what the race detector wrote to its own log (GORACE log_path)


def decide(f: RunFacts) -> KataResult:
    ev, proc = f.events, f.process
    if proc.killed == "cancelled":
        raise Interrupted("interrupted")
    raise_for_toolchain(ev.build_output + "\n" + proc.stderr + "\n" + ev.non_json)
    notes: list[str] = []
    if ev.truncated or proc.stderr_truncated:
        notes.append("Some output was cut: only the first part of each test's output is kept.")

    forged = _tampering(f)
    if forged:
        return _result(
            f,
            "rejected",
            f"Refused: the run's output was tampered with ({forged[0]}).",
            _all(f, "fail", "not graded: the run's output was tampered with"),
            notes=notes,
            details="\n".join(forged[:10]),
        )

    if ev.build_failed or (ev.started_at is None and proc.killed is None and proc.returncode != 0):
        errors = compile_errors(ev.build_output or ev.non_json or proc.stderr, f.paths)
        first = str(errors[0]) if errors else (proc.stderr.strip().splitlines() or ["go test failed"])[0]
        return _result(
            f,
            "compile_error",
            f"The code does not build: {first.splitlines()[0]}",
            _all(f, "fail", "not run: the code does not build"),
            compile_errors=tuple(errors),
            notes=notes,
        )

    timed_out = _timed_out(f)
    if ev.timeout_seen and not timed_out:
        notes.append(
            "The output holds a line like Go's time-out message, but the run did not reach its time "
            "limit: the line was treated as ordinary output."
        )
    running = _still_running(f) if timed_out else []
    tests = tuple(_outcome(f, name, hidden, running) for name, hidden in f.expected.items())
    races = _races(f)
    passed = sum(t.passed for t in tests)
    total = len(tests)

    if timed_out:
        blocked = tuple(blocked_summary(ev.dump, f.paths)) if ev.dump else ()
        summary = timeout_summary(f.time_limit_s, running, blocked)
        if not ev.dump:
            notes.append("No goroutine dump was received before the run was stopped.")
        return _result(
            f,
            "timeout",
            summary,
            tests,
            races=races,
            notes=notes,
            timeout=TimeoutInfo(f.time_limit_s, tuple(running), blocked),
        )

    stop = _stop_reason(f)
    clean_exit = proc.killed is None and proc.returncode == 0 and ev.package_actions[-1:] == ["pass"]
    if passed == total and total and not clean_exit:
        # Every test reported a pass, yet the run did not end cleanly: the passes are not trusted.
        why = stop or _crash_text(f) or ("a data race" if races else "the test binary failed after the tests")
        tests = tuple(
            TestOutcome(t.name, t.hidden, "fail", f"passed, but not counted: the run then failed ({why})", t.elapsed_s)
            for t in tests
        )
        return _result(
            f,
            "race" if races else "fail",
            f"Every test passed, but the run then failed: {why}.",
            tests,
            races=races,
            notes=notes,
            details=_package_details(f),
        )
    if races:
        spots = " and ".join(f"{a.kind} at {a.location}" for a in races[0].accesses) or "see the report"
        return _result(f, "race", f"A data race: {spots}.", tests, races=races, notes=notes)
    if passed == total and total:
        return _result(f, "pass", f"All {total} tests passed.", tests, notes=notes)
    summary = f"{passed} of {total} tests passed."
    if stop:
        summary += f" The run was stopped: {stop}."
    elif clean_exit and not any(f.records.verdicts.get(n) for n in f.expected):
        summary += " The test binary exited before running the tests (os.Exit in an init function?)."
    crash = _crash_text(f)
    if crash and not stop:
        summary += f" The test binary crashed: {crash.splitlines()[0]}"
    return _result(f, "fail", summary, tests, notes=notes, details=_package_details(f))


def timeout_summary(limit_s: float, running: list[str], blocked: tuple[str, ...]) -> str:
    """The whole story of a time-out in a few lines: an exam report shows only the summary."""
    where = f" while running {', '.join(running)}" if running else ""
    summary = f"Stopped at the time limit ({limit_s:g} s){where}."
    if blocked:
        summary += " At that moment:\n" + "\n".join(f"  {line}" for line in blocked)
    return summary


def _timed_out(f: RunFacts) -> bool:
    """A time-out is a fact of the process, not a line of its output: gokata's watchdog stopped
    it at the limit, or the test binary failed after running at least its -timeout (the `start`
    event's time, written by go test, against the moment the process ended). A `panic: test
    timed out` line printed earlier than that is the program's own text."""
    proc, ev = f.process, f.events
    if proc.killed == "timeout":
        return True
    if not ev.timeout_seen or proc.killed is not None or proc.returncode in (0, None):
        return False
    if ev.started_wall is None or not proc.finished_wall:
        return False
    return proc.finished_wall - ev.started_wall >= f.time_limit_s


def _run_failed(f: RunFacts) -> bool:
    """The process showed that the run failed: only then may a printed panic add detail."""
    return f.process.killed is not None or f.process.returncode not in (0, None)


def raise_for_toolchain(text: str) -> None:
    m = _NO_CGO.search(text)
    if m:
        raise RaceToolchainMissing(m.group(0))
    m = _TOO_OLD.search(text)
    if m:
        raise ToolchainTooOld(m.group(1), m.group(2))


def _tampering(f: RunFacts) -> list[str]:
    found: list[str] = []
    records = f.records
    if records.forged:
        found.append("a result record without this run's proof")
    for name, verdicts in records.verdicts.items():
        if name not in f.expected:
            found.append(f"a recorded result for {name}, which is not one of the kata's tests")
        elif len(verdicts) > 1:
            found.append(f"{name} recorded {len(verdicts)} results")
    if f.events.too_many_tests:
        found.append("the output claims results for thousands of tests")
    for name, trace in f.events.tests.items():
        top = name.split("/", 1)[0]
        if top not in f.expected and top not in f.unscored:
            if trace.verdicts or trace.runs:
                found.append(f"the output shows {name}, which is not one of the kata's tests")
            continue
        if len(trace.verdicts) > 1:
            counts = ", ".join(f"{trace.verdicts.count(v)} {v}" for v in dict.fromkeys(trace.verdicts))
            found.append(f"the output shows {len(trace.verdicts)} verdicts for {name} ({counts})")
        elif trace.runs > 1:
            found.append(f"the output starts {name} {trace.runs} times")
        elif name in f.expected and trace.verdicts == ["pass"] and records.verdicts.get(name) != ["pass"]:
            found.append(f"the output says {name} passed, but it did not")
    return found


def _outcome(f: RunFacts, name: str, hidden: bool, running: list[str]) -> TestOutcome:
    trace = f.events.tests.get(name)
    recorded = f.records.verdicts.get(name, [])
    seen = trace.verdicts if trace else []
    elapsed = trace.elapsed if trace else None
    if recorded == ["pass"] and seen == ["pass"]:
        return TestOutcome(name, hidden, "pass", "", elapsed)
    status: TestStatus = "skip" if recorded == ["skip"] else "fail"
    message = _message_for(f, name)
    if not recorded:
        reason = _why_unreported(f, name, running)
        message = f"{reason}\n{message}" if message else reason
    elif recorded == ["pass"] and not seen:
        message = (
            "it passed, but its result line was lost in the program's own output (end what you print with a newline)"
        )
    elif status == "skip" and not message:
        message = "skipped"
    return TestOutcome(name, hidden, status, message, elapsed)


def _message_for(f: RunFacts, name: str) -> str:
    ev = f.events
    trace = ev.tests.get(name)
    own = trace.text if trace else ""
    subtests = [
        (sub, t.text)
        for sub, t in ev.tests.items()
        if sub.startswith(name + "/") and ("fail" in t.verdicts or not t.verdicts)
    ]
    message = failure_message(own, subtests, f.paths)
    crash = ev.crash if _run_failed(f) else None
    if crash and crash.test and crash.test.split("/", 1)[0] == name and "panic" not in message:
        message = (message + "\n" if message else "") + f.paths.clean(panic_summary(crash.text.splitlines(), f.paths))
    return message


def _why_unreported(f: RunFacts, name: str, running: list[str]) -> str:
    ev, proc = f.events, f.process
    if name in running:
        return f"still running when the time limit ({f.time_limit_s:g} s) was reached"
    if _timed_out(f):
        return "did not run: the time limit was reached first"
    stop = _stop_reason(f)
    if stop:
        return f"did not finish: the run was stopped ({stop})"
    crash = ev.crash if _run_failed(f) else None
    if crash is not None:
        where = f" in {crash.test}" if crash.test else ""
        first = panic_head(crash.text.splitlines()[0]) if crash.text else "panic"
        return f"did not finish: the test binary crashed{where} ({first})"
    if proc.returncode == 0:
        return "never reported a result: the test binary exited without running it"
    return "never reported a result"


def _still_running(f: RunFacts) -> list[str]:
    from_dump = [n for n in running_tests_from_dump(f.events.dump) if n.split("/", 1)[0] in f.expected]
    tops = list(dict.fromkeys(n.split("/", 1)[0] for n in from_dump))
    if tops:
        return tops
    return [
        n
        for n in dict.fromkeys(f.events.run_order)
        if n in f.expected and not f.events.tests[n].verdicts and not f.records.verdicts.get(n)
    ]


def _races(f: RunFacts) -> tuple[DataRace, ...]:
    """The races the race detector wrote to its own log file. `WARNING: DATA RACE` lines in the
    program's output are not counted: the program can print them itself."""
    races: list[DataRace] = []
    seen: set[tuple[str, ...]] = set()
    for report in f.race_reports:
        race = parse_race(_race_test(f, report), report, f.paths)
        key = tuple(sorted(a.location for a in race.accesses))
        if key not in seen:
            seen.add(key)
            races.append(race)
    return tuple(races)


_STACK_TEST = re.compile(r"\.(?:\w+_)?(Test\w*)[.(]")


def _race_test(f: RunFacts, report: str) -> str | None:
    """The graded test a race report belongs to: the last one named in its stacks (where the
    racing goroutines were created), else the one test the testing package failed for a race."""
    named = [m.group(1) for m in _STACK_TEST.finditer(report) if m.group(1) in f.expected]
    if named:
        return named[-1]
    flagged = [
        name
        for name, trace in f.events.tests.items()
        if name in f.expected and "race detected during execution of test" in trace.text
    ]
    return flagged[0] if len(flagged) == 1 else None


def _stop_reason(f: RunFacts) -> str:
    killed = f.process.killed
    if killed == "memory":
        return f"it used more than {f.memory_limit_mb} MiB of memory"
    if killed == "processes":
        return f"it started more than {f.limits.max_processes} processes"
    if killed == "output":
        return f"it printed more than {f.limits.max_output_bytes // (1024 * 1024)} MiB of output"
    return ""


def _crash_text(f: RunFacts) -> str:
    crash = f.events.crash
    if crash is None or not crash.text or not _run_failed(f):
        return ""
    return f.paths.clean(panic_summary(crash.text.splitlines(), f.paths))


def _package_details(f: RunFacts) -> str:
    text = f.events.package_output
    lines = [ln for ln in text.splitlines() if ln.strip() and not re.match(r"^(PASS|FAIL|ok\s|FAIL\s)", ln)]
    return f.paths.clean("\n".join(lines[-30:]))


def _all(f: RunFacts, status: TestStatus, message: str) -> tuple[TestOutcome, ...]:
    return tuple(TestOutcome(name, hidden, status, message) for name, hidden in f.expected.items())


def _result(
    f: RunFacts,
    status: Status,
    summary: str,
    tests: tuple[TestOutcome, ...],
    *,
    compile_errors: tuple[CompileError, ...] = (),
    races: tuple[DataRace, ...] = (),
    timeout: TimeoutInfo | None = None,
    notes: list[str] | None = None,
    details: str = "",
) -> KataResult:
    total = len(tests)
    score = sum(t.passed for t in tests) / total if total else 0.0
    return KataResult(
        kata=f.kata,
        status=status,
        score=score,
        tests=tests,
        duration_s=f.duration_s,
        summary=summary,
        visible_only=f.visible_only,
        compile_errors=compile_errors,
        races=races,
        timeout=timeout,
        ignored=f.ignored,
        notes=tuple(notes or ()),
        details=details,
    )
