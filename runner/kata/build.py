"""Compiling the learner's package on its own, before any test file is in the sandbox.

`go test` compiles a package together with its in-package test files, so learner code that
names an identifier declared only in a test (a helper, a fake, a package variable) builds and
is graded as if nothing were wrong: it could inspect or special-case the tests. Compiling the
package first without them closes that: such code is a compile error at the learner's line.

`go list -e -export` compiles the package (for its export data) and reports a failure in JSON.
Unlike `go build` it also compiles a `package main` without asking for a func main, so a
learner file with the wrong package clause still gets the clearer error of the test build
("found packages stats and main"). It uses the test run's flags (-race, -trimpath), so the
standard library it needs is the race build `go test` takes from the cache next; on a warm
cache the step costs a few tens of milliseconds. It runs under the limits of a test run's
build phase: a compiler can be made to use a lot of memory or time.

Once the kata has been run in this cache (race_ready.kata_built), the step runs beside the test
run (BuildAlongside), on a copy of the package without the tests, out of the test binary's sight:
a warm `kata test` then waits for the slower of the two, not for their sum. Its verdict still
comes first: when the package does not build alone, the test run is stopped and its result
thrown away.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from runner.kata.process import CancelFlag, Limits, run_limited

_MAX_LISTING = 4 * 1024 * 1024  # one package's `go list -json`: a few KiB, plus compiler messages


class _Collect:
    def __init__(self) -> None:
        self.data = bytearray()

    started_at: float | None = None  # never set: the whole run is a build, under Limits.build_s

    def feed(self, chunk: bytes) -> None:
        self.data += chunk[: max(0, _MAX_LISTING - len(self.data))]


@dataclass(frozen=True)
class BuildOutcome:
    """The package compiled on its own, without any test file: whether it built, what the compiler said."""

    ok: bool
    output: str  # the compiler's messages (or go's own, when it could not list the package)
    killed: str | None  # why the build was stopped, if it was (see process.KillReason)


def build_alone(
    go_exe: str, pkg_dir: Path, env: dict[str, str], limits: Limits, *, cancel: CancelFlag | None = None
) -> BuildOutcome:
    """Compile the package in `pkg_dir`, which holds go.mod, the learner files and the kata's
    support files: no *_test.go yet."""
    argv = [go_exe, "list", "-e", "-export", "-race", "-trimpath", "-json", "."]
    sink = _Collect()
    outcome = run_limited(argv, cwd=pkg_dir, env=env, limits=limits, sink=sink, cancel=cancel)
    if outcome.killed is not None:
        return BuildOutcome(False, outcome.stderr, outcome.killed)
    try:
        info = json.loads(sink.data.decode("utf-8", errors="replace"))
    except ValueError:
        info = None
    if not isinstance(info, dict):
        return BuildOutcome(False, outcome.stderr.strip() or "go list printed no package", None)
    errors = [e for e in (info.get("Error"), *(info.get("DepsErrors") or [])) if isinstance(e, dict)]
    messages = "\n".join(_message(e) for e in errors if e.get("Err"))
    if messages or outcome.returncode != 0:
        return BuildOutcome(False, "\n".join(x for x in (messages, outcome.stderr.strip()) if x), None)
    return BuildOutcome(True, "", None)


def _message(error: dict[str, object]) -> str:
    # A compiler failure carries its positions in the text; a listing error (a file that does
    # not parse, mixed package clauses) may carry one in Pos instead.
    text, pos = str(error.get("Err", "")), str(error.get("Pos") or "")
    return f"{pos}: {text}" if pos and not text.startswith(pos) else text


class AnyOf:
    """Set when any of its flags is set."""

    def __init__(self, *flags: CancelFlag | None) -> None:
        self.flags = tuple(f for f in flags if f is not None)

    def is_set(self) -> bool:
        return any(f.is_set() for f in self.flags)


class BuildAlongside:
    """build_alone() in a thread of its own. `failed` is set as soon as the package is known not
    to build alone; leaving the block stops the build if it still runs and waits for the thread."""

    def __init__(
        self, go_exe: str, pkg_dir: Path, env: dict[str, str], limits: Limits, *, cancel: CancelFlag | None
    ) -> None:
        self.failed = threading.Event()
        self._abandon = threading.Event()
        self._outcome: BuildOutcome | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(go_exe, pkg_dir, env, limits, AnyOf(cancel, self._abandon)), daemon=True
        )

    def __enter__(self) -> BuildAlongside:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._abandon.set()
        self._thread.join()

    def outcome(self) -> BuildOutcome:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._outcome is not None
        return self._outcome

    def _run(self, go_exe: str, pkg_dir: Path, env: dict[str, str], limits: Limits, cancel: CancelFlag) -> None:
        try:
            self._outcome = build_alone(go_exe, pkg_dir, env, limits, cancel=cancel)
        except BaseException as exc:  # handed to the caller's thread by outcome()
            self._error = exc
            self.failed.set()
            return
        if not self._outcome.ok:
            self.failed.set()
