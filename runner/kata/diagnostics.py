"""Turning raw go output into what a learner can act on: their file:line, the racing accesses,
where goroutines were stuck at a time-out, compile errors. Pure text in, values out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from runner.kata.result import CompileError, DataRace, RaceAccess

MESSAGE_LINES = 40
MESSAGE_CHARS = 4000


@dataclass(frozen=True)
class PathMap:
    """Where the files of a sandbox run are shown to the learner."""

    module: str
    sandbox_dir: str
    learner: dict[str, str]  # file name -> display path (the learner's own copy)
    tests: frozenset[str]  # visible test and support file names (shown by name)
    hidden: frozenset[str]  # hidden test file names
    harness_token: str

    def is_known(self, name: str) -> bool:
        return name in self.learner or name in self.tests or name in self.hidden

    def display(self, name: str) -> str:
        return self.learner.get(name, name)

    def clean(self, text: str) -> str:
        """Sandbox and module paths stripped, learner files shown at their own path, and the
        harness's generated names turned back into the tests' names."""
        for prefix in (self.sandbox_dir + "/", self.module + "/" if self.module else None):
            if prefix:
                text = text.replace(prefix, "")
        text = text.replace(self.sandbox_dir, "the graded package")
        if self.harness_token:
            text = text.replace(f"gokata{self.harness_token}_", "")
            text = re.sub(rf"zz_gokata_{self.harness_token}_\d+_test\.go", "(gokata harness)", text)
        for name, shown in self.learner.items():
            if shown != name:
                text = re.sub(rf"(?<![\w/.\-]){re.escape(name)}(?=:\d)", shown.replace("\\", "\\\\"), text)
        return text


# -- frames ---------------------------------------------------------------------------------

_FRAME_FILE = re.compile(r"^\s+(\S+?\.go):(\d+)(?: \+0x[0-9a-f]+)?\s*$")
_FUNC_LINE = re.compile(r"^\s*(?:created by )?(.+?)(?:\([^()]*\))?(?: in goroutine \d+)?\s*$")


@dataclass(frozen=True)
class Frame:
    """One frame of a Go stack trace."""

    function: str
    file: str  # base name
    line: int
    qualified: str = ""  # the function with its package path


def frames(lines: list[str]) -> list[Frame]:
    """Pairs of `function(args)` / `<tab>path/file.go:NN +0x..` lines, as in Go tracebacks."""
    found: list[Frame] = []
    previous = ""
    for line in lines:
        m = _FRAME_FILE.match(line)
        if m:
            fn = _FUNC_LINE.match(previous)
            qualified = fn.group(1) if fn else previous.strip()
            found.append(Frame(short_function(qualified), m.group(1).rsplit("/", 1)[-1], int(m.group(2)), qualified))
        previous = line
    return found


def short_function(qualified: str) -> str:
    """`example.com/kata.(*Counter).Inc` -> `(*Counter).Inc`; `example.com/kata.Block.func1` -> `Block.func1`."""
    last = qualified.rsplit("/", 1)[-1]
    return last.split(".", 1)[1] if "." in last else last


def first_known(found: list[Frame], paths: PathMap) -> Frame | None:
    learner = [f for f in found if f.file in paths.learner]
    if learner:
        return learner[0]
    known = [f for f in found if paths.is_known(f.file)]
    return known[0] if known else None


def where(frame: Frame, paths: PathMap) -> str:
    return f"{paths.display(frame.file)}:{frame.line}"


# -- test messages ---------------------------------------------------------------------------

_FRAMING = re.compile(r"^\s*(=== (RUN|PAUSE|CONT|NAME)\b|--- (PASS|FAIL|SKIP):)")
# testing's own position on its messages ("testing.go:1712: race detected ...") says nothing to a learner
_TESTING_LOCATION = re.compile(r"^testing\.go:\d+: ")
_GOROUTINE_HEADER = re.compile(r"^goroutine (\d+) \[([^\]]*)\]:?\s*$")
_RACE_BLOCK = re.compile(r"==================\nWARNING: DATA RACE\n.*?(?:==================\n|\Z)", re.S)


def failure_message(own: str, subtests: list[tuple[str, str]], paths: PathMap) -> str:
    """The text a failing test left: its log lines and its failing subtests', without framing
    lines, race reports (shown separately) or goroutine traces (reduced to the learner's frame)."""
    parts = _clean_lines(own, paths)
    for name, text in subtests:
        lines = _clean_lines(text, paths)
        if lines:
            parts.append(f"{name}:")
            parts.extend("  " + line for line in lines)
    return _cap("\n".join(parts))


def _clean_lines(text: str, paths: PathMap) -> list[str]:
    text = _RACE_BLOCK.sub("", text)  # races are reported on their own, with both locations
    kept: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FRAMING.match(line) or not line.strip():
            i += 1
            continue
        if line.startswith("panic: test timed out"):
            break  # the time-out is reported on its own, with the dump summarised
        if line.startswith(("panic: ", "fatal error: ")):
            kept.extend(paths.clean(panic_summary(lines[i:], paths)).splitlines())
            break
        cleaned = paths.clean(_dedent(line))
        cleaned = _TESTING_LOCATION.sub("", cleaned)
        if not kept or kept[-1] != cleaned:
            kept.append(cleaned)
        i += 1
    return kept


def _dedent(line: str) -> str:
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    return " " * max(0, indent - 4) + stripped if indent >= 4 else stripped


def panic_head(line: str) -> str:
    """The panic line without testing's `[recovered]` / `[recovered, repanicked]` marks."""
    return re.sub(r"\s*\[recovered[^\]]*\]$", "", line.strip())


def panic_summary(lines: list[str], paths: PathMap) -> str:
    """`panic: ...` plus where in the learner's (or the test's) code it happened."""
    head = panic_head(lines[0])
    frame = first_known(frames(lines[1:]), paths)
    if frame is None:
        return head
    return f"{head}\n  at {where(frame, paths)} in {frame.function}"


def _cap(text: str) -> str:
    lines = text.splitlines()
    if len(lines) > MESSAGE_LINES:
        text = "\n".join(lines[:MESSAGE_LINES]) + f"\n... ({len(lines) - MESSAGE_LINES} more lines)"
    if len(text) > MESSAGE_CHARS:
        text = text[:MESSAGE_CHARS] + " ... (truncated)"
    return text


# -- data races ------------------------------------------------------------------------------

_ACCESS = re.compile(r"^(Previous )?(.+?) at 0x[0-9a-f]+ by (main goroutine|goroutine (\d+)):\s*$")


def parse_race(test: str | None, report: str, paths: PathMap) -> DataRace:
    accesses: list[RaceAccess] = []
    sections = re.split(r"\n\s*\n", report)
    for section in sections:
        lines = section.strip("\n").splitlines()
        if not lines:
            continue
        m = _ACCESS.match(lines[0].strip())
        if not m:
            continue
        found = frames(lines[1:])
        frame = first_known(found, paths) or (found[0] if found else None)
        kind = m.group(2).lower()
        goroutine = "main" if m.group(3) == "main goroutine" else m.group(4) or "?"
        location = where(frame, paths) if frame else "unknown location"
        accesses.append(
            RaceAccess(
                ("previous " if m.group(1) else "") + kind, goroutine, location, frame.function if frame else "?"
            )
        )
        if len(accesses) == 2:
            break
    return DataRace(tuple(accesses), test.split("/", 1)[0] if test else None)


# -- time-outs -------------------------------------------------------------------------------


def running_tests_from_dump(dump: str) -> list[str]:
    """The `running tests:` list the testing package prints when -timeout fires."""
    names: list[str] = []
    capture = False
    for line in dump.splitlines()[:200]:
        if line.strip() == "running tests:":
            capture = True
            continue
        if capture:
            m = re.match(r"^\s+(\S+) \(", line)
            if not m:
                break
            names.append(m.group(1))
    return names


def blocked_summary(dump: str, paths: PathMap, *, limit: int = 5) -> list[str]:
    """A few lines: how many goroutines were stuck where (the kata's code only), most first."""
    groups: Counter[tuple[str, str, str]] = Counter()
    busy = 0
    for block in re.split(r"\n\s*\n", dump):
        lines = block.strip("\n").splitlines()
        if not lines:
            continue
        header = _GOROUTINE_HEADER.match(lines[0].strip())
        if not header:
            continue
        if any("stack unavailable" in ln for ln in lines[1:3]):
            busy += 1
            continue
        stack = frames(lines[1:])
        if stack and stack[0].qualified.startswith("testing."):
            continue  # the testing framework waiting for a test (or a subtest) to finish
        frame = first_known(stack, paths)
        if frame is None:
            continue  # the runtime's and the testing framework's own goroutines
        state = re.sub(r", \d+ minutes?$", "", header.group(2)).replace(", locked to thread", "")
        groups[(state, where(frame, paths), frame.function)] += 1
    out = []
    if busy:
        out.append(
            f"{busy} goroutine{'s' if busy != 1 else ''} still running (busy, e.g. a loop that never ends); "
            "Go cannot show where a running goroutine is"
        )
    for (state, location, function), count in groups.most_common(limit):
        who = f"{count} goroutine{'s' if count != 1 else ''}"
        # A goroutine caught running at the time-out is usually in a loop that never ends (when Go
        # can stop it to show where, it is listed here; else as "busy" above).
        verb = (
            "still running (busy, e.g. a loop that never ends)"
            if state in ("running", "runnable")
            else f"blocked ({state})"
        )
        out.append(paths.clean(f"{who} {verb} at {location} in {function}"))
    if len(groups) > limit:
        out.append(f"... and {sum(groups.values()) - sum(c for _, c in groups.most_common(limit))} more")
    return out


# -- compile errors --------------------------------------------------------------------------

_COMPILE = re.compile(r"^(?:vet: )?(?:\./)?(\S+?\.go):(\d+)(?::(\d+))?: (.*)$")


def compile_errors(build_output: str, paths: PathMap) -> list[CompileError]:
    errors: list[CompileError] = []
    for raw in build_output.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if errors and raw.startswith("\t"):
            # Go's note under an error ("\ttransfer.go:28:6: other declaration of LockOf") belongs
            # to it: read as an error of its own, the learner's line sorted first and the summary
            # said "other declaration of LockOf" without the "redeclared" it explains.
            last = errors[-1]
            note = _COMPILE.match(line.strip())
            text = (
                f"{paths.display(note.group(1).rsplit('/', 1)[-1])}:{note.group(2)}:{note.group(3) or 0}: "
                f"{paths.clean(note.group(4))}"
                if note
                else paths.clean(line.strip())
            )
            errors[-1] = CompileError(
                last.file, last.line, last.column, last.message + "\n" + text, last.in_hidden_test
            )
            continue
        m = _COMPILE.match(line.strip())
        if m:
            name = m.group(1).rsplit("/", 1)[-1]
            shown = "(gokata harness)" if name.startswith("zz_gokata_") else paths.display(name)
            errors.append(
                CompileError(
                    shown,
                    int(m.group(2)),
                    int(m.group(3) or 0),
                    paths.clean(m.group(4)),
                    in_hidden_test=name in paths.hidden,
                )
            )
        elif errors and raw.startswith(("\t", " ")):
            last = errors[-1]
            message = last.message + "\n" + paths.clean(line.strip())
            errors[-1] = CompileError(last.file, last.line, last.column, message, last.in_hidden_test)
        else:
            errors.append(CompileError("", 0, 0, paths.clean(line.strip())))
    errors = _hidden_redacted(errors)
    # The learner's own errors first: a broken learner file also breaks every test that uses it.
    errors.sort(key=lambda e: (e.in_hidden_test, e.file not in paths.learner.values()))
    return errors[:50]


HIDDEN_DOES_NOT_COMPILE = (
    "a hidden test does not compile against your code: keep every exported name, type and signature "
    "the README and the starter define (Go's message is not shown, since it quotes the hidden test)"
)


def _hidden_redacted(errors: list[CompileError]) -> list[CompileError]:
    """Errors inside a hidden test file, one per file and without Go's text: the compiler quotes
    the line it stops at (`got != http.StatusNotFound`, a test's dates), so a submission that
    changes a type on purpose could read the hidden tests ten errors at a time."""
    out: list[CompileError] = []
    seen: set[str] = set()
    for e in errors:
        if not e.in_hidden_test:
            out.append(e)
        elif e.file not in seen:
            seen.add(e.file)
            out.append(CompileError(e.file, 0, 0, HIDDEN_DOES_NOT_COMPILE, in_hidden_test=True))
    return out
