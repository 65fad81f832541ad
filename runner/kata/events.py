"""Streaming reader of `go test -json` output that keeps bounded amounts of everything.

Nothing here decides a verdict: it records what the stream claimed (per-test actions, output,
build output) and picks out the parts worth explaining (data race reports, the time-out dump,
a crash). The stream is not trusted: the program under test can print framed lines itself.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

PER_TEST_OUTPUT = 16 * 1024
TOTAL_TEST_OUTPUT = 1024 * 1024
PACKAGE_OUTPUT = 64 * 1024
BUILD_OUTPUT = 64 * 1024
DUMP_CAP = 256 * 1024
CRASH_CAP = 32 * 1024
RACE_CAP = 16 * 1024
MAX_RACES = 10
MAX_LINE = 64 * 1024
MAX_TESTS = 2000
MAX_VERDICTS = 8
VERDICTS = ("pass", "fail", "skip")


@dataclass
class TestTrace:
    """What the test2json stream says about one test: its runs, verdicts and output."""

    name: str
    runs: int = 0
    verdicts: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
    output_size: int = 0
    output_truncated: bool = False
    elapsed: float | None = None

    @property
    def text(self) -> str:
        return "".join(self.output)


@dataclass
class Crash:
    """The last panic or fatal error printed, and the test it was attributed to."""

    test: str | None
    text: str


class EventCollector:
    def __init__(self) -> None:
        self.started_at: float | None = None
        self.started_wall: float | None = None  # the `start` event's own Time: when go test started the binary
        self.tests: dict[str, TestTrace] = {}
        self.run_order: list[str] = []
        self.too_many_tests = False
        self.package_actions: list[str] = []
        self.package_output = ""
        self.build_output = ""
        self.build_failed = False
        self.non_json = ""
        self.timeout_seen = False
        self.dump = ""
        self.races: list[tuple[str | None, str]] = []  # (test running, report text)
        self.truncated = False
        self._pending = bytearray()
        self._skipping_long_line = False
        self._retained = 0
        self._line = ""  # the output stream's current partial line, across events
        self._race: list[str] | None = None
        self._race_test: str | None = None
        self._crash_parts: list[str] | None = None
        self._crash_test: str | None = None
        self._crash_size = 0

    @property
    def crash(self) -> Crash | None:
        """The last panic or fatal error printed (a real one ends the program, so it comes last),
        with the test it was attributed to. Text only: verdict.py uses it only as detail of a run
        that the process's exit already showed to have failed."""
        if self._crash_parts is None:
            return None
        return Crash(self._crash_test, "".join(self._crash_parts))

    # -- the byte stream -----------------------------------------------------------------

    def feed(self, chunk: bytes) -> None:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                rest = chunk[start:]
                if not self._skipping_long_line:
                    self._pending += rest
                    if len(self._pending) > MAX_LINE:
                        self._line_done(bytes(self._pending[:MAX_LINE]))
                        self._pending.clear()
                        self._skipping_long_line = True
                return
            if self._skipping_long_line:
                self._skipping_long_line = False
            else:
                self._pending += chunk[start:nl]
                self._line_done(bytes(self._pending))
            self._pending.clear()
            start = nl + 1

    def close(self) -> None:
        if self._pending:
            self._line_done(bytes(self._pending))
            self._pending.clear()
        if self._line:
            self._stream_line(self._line, None)
            self._line = ""
        self._end_race()

    def _line_done(self, raw: bytes) -> None:
        if not raw.strip():
            return
        if self._saturated():
            act = raw.find(b'"Action":"output"')
            if 0 <= act < raw.find(b'"Output":'):
                self.truncated = True
                return
        try:
            event = json.loads(raw)
        except ValueError:
            event = None
        if not isinstance(event, dict):
            self._append_non_json(raw.decode("utf-8", errors="replace"))
            return
        self._event(event)

    def _saturated(self) -> bool:
        return (
            self._retained >= TOTAL_TEST_OUTPUT
            and len(self.package_output) >= PACKAGE_OUTPUT
            and len(self.dump) >= DUMP_CAP
            and len(self.races) >= MAX_RACES
        )

    # -- events --------------------------------------------------------------------------

    def _event(self, event: dict[str, object]) -> None:
        action = event.get("Action")
        test = event.get("Test")
        test_name = test if isinstance(test, str) and test else None
        if action == "build-output":
            text = event.get("Output")
            if isinstance(text, str) and len(self.build_output) < BUILD_OUTPUT:
                self.build_output += text[: BUILD_OUTPUT - len(self.build_output)]
            return
        if action == "build-fail":
            self.build_failed = True
            return
        if action == "start" and test_name is None:
            if self.started_at is None:
                self.started_at = time.monotonic()
                self.started_wall = _event_time(event.get("Time"))
            return
        if action == "output":
            text = event.get("Output")
            if isinstance(text, str):
                self._output(test_name, text)
            return
        if test_name is None:
            if isinstance(action, str) and action in VERDICTS:
                self.package_actions.append(action)
                if isinstance(event.get("FailedBuild"), str):
                    self.build_failed = True
            return
        trace = self._trace(test_name)
        if trace is None:
            return
        if action == "run":
            trace.runs += 1
            self.run_order.append(test_name)
        elif isinstance(action, str) and action in VERDICTS:
            if len(trace.verdicts) < MAX_VERDICTS:
                trace.verdicts.append(action)
            elapsed = event.get("Elapsed")
            if isinstance(elapsed, int | float):
                trace.elapsed = float(elapsed)

    def _trace(self, name: str) -> TestTrace | None:
        trace = self.tests.get(name)
        if trace is None:
            if len(self.tests) >= MAX_TESTS:
                self.too_many_tests = True
                return None
            trace = self.tests[name] = TestTrace(name)
        return trace

    def _output(self, test: str | None, text: str) -> None:
        if test is None:
            room = PACKAGE_OUTPUT - len(self.package_output)
            if room > 0:
                self.package_output += text[:room]
            if len(text) > room:
                self.truncated = True
        else:
            trace = self._trace(test)
            if trace is not None:
                room = min(PER_TEST_OUTPUT - trace.output_size, TOTAL_TEST_OUTPUT - self._retained)
                if room > 0:
                    piece = text[:room]
                    trace.output.append(piece)
                    trace.output_size += len(piece)
                    self._retained += len(piece)
                if len(text) > room:
                    trace.output_truncated = True
                    self.truncated = True
        self._scan(test, text)

    def _append_non_json(self, text: str) -> None:
        if len(self.non_json) < PACKAGE_OUTPUT:
            self.non_json += (text + "\n")[: PACKAGE_OUTPUT - len(self.non_json)]

    # -- the reassembled output stream: races, the time-out dump, crashes ------------------

    def _scan(self, test: str | None, text: str) -> None:
        self._line += text
        if len(self._line) > MAX_LINE and "\n" not in self._line:
            self._line = self._line[:MAX_LINE]
            return
        while True:
            nl = self._line.find("\n")
            if nl < 0:
                return
            line, self._line = self._line[:nl], self._line[nl + 1 :]
            self._stream_line(line, test)

    def _stream_line(self, line: str, test: str | None) -> None:
        if self.timeout_seen and len(self.dump) < DUMP_CAP:
            self.dump += (line + "\n")[: DUMP_CAP - len(self.dump)]
        if self._race is not None:
            if line.startswith("=================="):
                self._end_race()
            elif sum(map(len, self._race)) < RACE_CAP:
                self._race.append(line)
            return
        if line.startswith("WARNING: DATA RACE"):
            if len(self.races) < MAX_RACES:
                self._race = []
                self._race_test = test
            return
        if line.startswith("panic: test timed out after"):
            # A claim until verdict.py checks it against the clock: the last one is kept (a real
            # one ends the program), with the goroutine dump that follows it.
            self.timeout_seen = True
            self.dump = line + "\n"
            return
        if line.startswith("panic: ") or line.startswith("fatal error: "):
            self._crash_parts = []
            self._crash_test = test
            self._crash_size = 0
        if self._crash_parts is not None and self._crash_size < CRASH_CAP:
            self._crash_parts.append(line + "\n")
            self._crash_size += len(line) + 1

    def _end_race(self) -> None:
        if self._race is not None:
            self.races.append((self._race_test, "\n".join(self._race)))
        self._race = None
        self._race_test = None


_FRACTION = re.compile(r"(\.\d{6})\d+")


def _event_time(value: object) -> float | None:
    """An event's RFC 3339 Time (nanoseconds cut to what Python parses) as a Unix time."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(_FRACTION.sub(r"\1", value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None
