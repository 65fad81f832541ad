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
from runner.kata.phrases import NOTHING, Said, joined, plain, race_kind, say
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
    """Everything observed about one run: what `decide` works out the verdict from."""

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
    notes: list[Said] = []
    if ev.truncated or proc.stderr_truncated:
        notes.append(say("note.truncated"))

    forged = _tampering(f)
    if forged:
        return _result(
            f,
            "rejected",
            say("summary.tampered", what=forged[0]),
            _all(f, "fail", say("test.tampered")),
            notes=notes,
            details="\n".join(forged[:10]),
        )

    if ev.build_failed or (ev.started_at is None and proc.killed is None and proc.returncode != 0):
        errors = compile_errors(ev.build_output or ev.non_json or proc.stderr, f.paths)
        first = str(errors[0]) if errors else (proc.stderr.strip().splitlines() or ["go test failed"])[0]
        return _result(
            f,
            "compile_error",
            say("summary.no_build", first=first.splitlines()[0]),
            _all(f, "fail", say("test.no_build")),
            compile_errors=tuple(errors),
            notes=notes,
        )

    timed_out = _timed_out(f)
    if ev.timeout_seen and not timed_out:
        notes.append(say("note.fake_timeout"))
    running = _still_running(f) if timed_out else []
    tests = tuple(_outcome(f, name, hidden, running) for name, hidden in f.expected.items())
    races = _races(f)
    passed = sum(t.passed for t in tests)
    total = len(tests)

    if timed_out:
        blocked = tuple(blocked_summary(ev.dump, f.paths)) if ev.dump else ()
        summary = timeout_summary(f.time_limit_s, running, blocked)
        if not ev.dump:
            notes.append(say("note.no_dump"))
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
        why = stop or plain(_crash_text(f)) or say("why.race" if races else "why.after_tests")
        not_counted = say("test.not_counted", why=why)
        tests = tuple(
            TestOutcome(t.name, t.hidden, "fail", not_counted.en, t.elapsed_s, message_zh=not_counted.zh) for t in tests
        )
        return _result(
            f,
            "race" if races else "fail",
            say("summary.passed_then_failed", why=why),
            tests,
            races=races,
            notes=notes,
            details=_package_details(f),
        )
    if races:
        spots = joined(
            [say("summary.race_spot", kind=race_kind(a.kind), location=a.location) for a in races[0].accesses],
            say("summary.race_and"),
        )
        return _result(
            f, "race", say("summary.race", spots=spots or say("summary.race_see")), tests, races=races, notes=notes
        )
    if passed == total and total:
        return _result(f, "pass", say("summary.all_passed", total=total), tests, notes=notes)
    summary = say("summary.some_passed", passed=passed, total=total)
    if stop:
        summary += say("summary.stopped", stop=stop)
    elif clean_exit and not any(f.records.verdicts.get(n) for n in f.expected):
        summary += say("summary.exited_early")
    crash = _crash_text(f)
    if crash and not stop:
        summary += say("summary.crashed", first=crash.splitlines()[0])
    return _result(f, "fail", summary, tests, notes=notes, details=_package_details(f))


def timeout_summary(limit_s: float, running: list[str], blocked: tuple[str, ...]) -> Said:
    """The whole story of a time-out in a few lines: an exam report shows only the summary."""
    where = say("summary.timeout_where", tests=", ".join(running)) if running else NOTHING
    summary = say("summary.timeout", limit=f"{limit_s:g}", where=where)
    if blocked:
        summary += say("summary.timeout_blocked") + "\n" + "\n".join(f"  {line}" for line in blocked)
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
    message = plain(_message_for(f, name))
    if not recorded:
        reason = _why_unreported(f, name, running)
        message = reason + "\n" + message if message else reason
    elif recorded == ["pass"] and not seen:
        message = say("test.result_lost")
    elif status == "skip" and not message:
        message = say("test.skipped")
    return TestOutcome(name, hidden, status, message.en, elapsed, message_zh=message.zh)


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


def _why_unreported(f: RunFacts, name: str, running: list[str]) -> Said:
    ev, proc = f.events, f.process
    if name in running:
        return say("test.still_running", limit=f"{f.time_limit_s:g}")
    if _timed_out(f):
        return say("test.time_first")
    stop = _stop_reason(f)
    if stop:
        return say("test.stopped", stop=stop)
    crash = ev.crash if _run_failed(f) else None
    if crash is not None:
        where = say("test.crashed_in", test=crash.test) if crash.test else NOTHING
        first = panic_head(crash.text.splitlines()[0]) if crash.text else "panic"
        return say("test.crashed", where=where, first=first)
    if proc.returncode == 0:
        return say("test.exited")
    return say("test.unreported")


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


def _stop_reason(f: RunFacts) -> Said:
    killed = f.process.killed
    if killed == "memory":
        return say("why.memory", mb=f.memory_limit_mb)
    if killed == "processes":
        return say("why.processes", n=f.limits.max_processes)
    if killed == "output":
        return say("why.output", mb=f.limits.max_output_bytes // (1024 * 1024))
    return NOTHING


def _crash_text(f: RunFacts) -> str:
    crash = f.events.crash
    if crash is None or not crash.text or not _run_failed(f):
        return ""
    return f.paths.clean(panic_summary(crash.text.splitlines(), f.paths))


def _package_details(f: RunFacts) -> str:
    text = f.events.package_output
    lines = [ln for ln in text.splitlines() if ln.strip() and not re.match(r"^(PASS|FAIL|ok\s|FAIL\s)", ln)]
    return f.paths.clean("\n".join(lines[-30:]))


def _all(f: RunFacts, status: TestStatus, message: Said) -> tuple[TestOutcome, ...]:
    return tuple(
        TestOutcome(name, hidden, status, message.en, message_zh=message.zh) for name, hidden in f.expected.items()
    )


def _result(
    f: RunFacts,
    status: Status,
    summary: Said,
    tests: tuple[TestOutcome, ...],
    *,
    compile_errors: tuple[CompileError, ...] = (),
    races: tuple[DataRace, ...] = (),
    timeout: TimeoutInfo | None = None,
    notes: list[Said] | None = None,
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
        summary=summary.en,
        summary_zh=summary.zh,
        visible_only=f.visible_only,
        compile_errors=compile_errors,
        races=races,
        timeout=timeout,
        ignored=f.ignored,
        notes=tuple(n.en for n in notes or ()),
        notes_zh=tuple(n.zh for n in notes or ()),
        details=details,
    )
