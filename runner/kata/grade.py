"""Grading a submission: the engine behind `kata test`, `kata watch`, `kata verify` and exams.

    kata = load_kata("slices-first-n-records")
    result = grade_submission(kata, Path("my-code"))   # -> KataResult, never prints

Steps: collect the learner files (and note what else the submission holds), build the sandbox,
refuse forbidden imports and package-scope declarations of predeclared names (Go's parser, through
gohelper.py), build the package without any test file (build.py, in gokata's own GOCACHE with a
per-file size cap: gocache.py), add the kata's tests behind the result harness, run
`go test -race -json -count=1` under limits with the test binary in the OS sandbox (isolation.py),
and decide the verdict from the process's facts (verdict.py). Once the kata has been run in this
cache, the build without tests runs beside the test run, on a copy of the package; its verdict
still wins.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from runner.errors import BadInput, Interrupted
from runner.files import NotReadable, read_regular_file
from runner.kata.build import AnyOf, BuildAlongside, BuildOutcome, build_alone
from runner.kata.catalog import Kata
from runner.kata.diagnostics import PathMap, compile_errors
from runner.kata.events import EventCollector
from runner.kata.gocache import MAX_FILE_BYTES, trim_after_run
from runner.kata.harness import NONCE_ENV, RESULTS_ENV, Harness, Records, other_test_functions, read_records
from runner.kata.isolation import Plan, RunGate, RunSlots, gate_available, plan_for
from runner.kata.phrases import Said, say
from runner.kata.policy import MAX_LEARNER_FILE, check_files, check_sources
from runner.kata.process import CancelFlag, Limits, ProcessOutcome, run_limited
from runner.kata.race_ready import kata_built, mark_kata_built, mark_race_runtime_built, race_runtime_built
from runner.kata.result import CompileError, KataResult, TestOutcome
from runner.kata.sandbox import (
    Sandbox,
    add_kata_files,
    add_learner_files,
    add_support_files,
    copy_for_build_alone,
    open_sandbox,
    race_reports,
)
from runner.kata.verdict import RunFacts, decide, raise_for_toolchain
from runner.toolchain import GoToolchain, find_go, sandbox_env
from runner.visible import file_name

_RUNNER_FOLDER = Path(__file__).resolve().parents[1]  # gokata's own code and bundled data

ProgressFn = Callable[[str], None]

BUILD_BUDGET_S = 300.0  # compile and link; a cold race runtime takes ~10 s on a laptop, far more on a slow one
GRACE_S = 5.0  # after the kata's limit: time for go test's own time-out to print its goroutine dump
MAX_PROCESSES = 64
MAX_OUTPUT = 64 * 1024 * 1024
# The race runtime sleeps 1 s at exit by default so late races in leaked goroutines get reported;
# 100 ms keeps most of that. exitcode 66 (its default) fails a run whose only race came after the tests.
RACE_OPTIONS = "atexit_sleep_ms=100 exitcode=66"
SLOW_BUILD_NOTE = (
    "building with the race detector... (the first run on a machine also compiles the Go race runtime: about 10 s)"
)
# How a build stopped by RLIMIT_FSIZE reads: Go programs get EFBIG, others the signal.
TOO_BIG = re.compile(r"file too large|file size limit exceeded")
TOO_BIG_REASON = say("refuse.build_file", mib=MAX_FILE_BYTES >> 20)


@dataclass(frozen=True)
class Submission:
    """The learner files to grade, where each is read from, and what was left out or refused."""

    sources: dict[str, Path]  # learner file -> where it is read from
    display: dict[str, str]  # learner file -> how its path is shown
    ignored: tuple[str, ...]
    refused: tuple[Said, ...]


def grade_submission(
    kata: Kata,
    code_dir: Path,
    *,
    visible_only: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    shuffle: bool = False,
    run_slots: RunSlots | None = None,
    both_builds: bool = False,
) -> KataResult:
    """Grade the learner files found in `code_dir` (a workspace, or any folder holding them).

    `run_slots`: shared by the threads of a batch that builds more submissions at once than it
    runs; the test binary then waits for one of its slots (see isolation.RunGate).
    `both_builds`: a pass must hold without the race detector too (hiring and verify)."""
    submission = collect_submission(kata, code_dir)
    return grade_sources(
        kata,
        submission,
        visible_only=visible_only,
        progress=progress,
        cancel=cancel,
        shuffle=shuffle,
        run_slots=run_slots,
        both_builds=both_builds,
    )


def collect_submission(kata: Kata, code_dir: Path) -> Submission:
    if not code_dir.is_dir():
        what = (
            "no such folder" if not code_dir.exists() else "not a folder (give the folder that holds the learner files)"
        )
        raise BadInput(f"{code_dir}: {what}")
    sources: dict[str, Path] = {}
    display: dict[str, str] = {}
    refused: list[Said] = []
    missing: list[str] = []
    for name in kata.learner_files:
        path = code_dir / name
        if path.is_symlink():
            refused.append(say("refuse.symlink", name=name))
        elif path.exists() and not path.is_file():  # a folder, a FIFO, a device: nothing to read
            refused.append(say("refuse.not_a_file", name=name))
        elif not path.is_file():
            missing.append(name)
        elif path.stat().st_size > MAX_LEARNER_FILE:
            refused.append(say("refuse.too_large", name=name, kib=MAX_LEARNER_FILE // 1024))
        else:
            sources[name] = path
            display[name] = _shown(path)
    if missing and len(missing) == len(kata.learner_files):
        raise BadInput(
            f"{code_dir} holds none of this kata's files ({', '.join(kata.learner_files)})",
            hint="Point --code at the folder with your solution, or use `gokata kata start` first.",
        )
    refused.extend(say("refuse.missing", name=name) for name in missing)
    return Submission(sources, display, tuple(_ignored(kata, code_dir)), tuple(refused))


def solution_submission(kata: Kata, mutant: str | None = None) -> Submission:
    """The reference solution, or the solution with one mutant's files put over it (for verify)."""
    sources: dict[str, Path] = {}
    for name in kata.learner_files:
        path = kata.solution_dir / name
        if mutant is not None and (kata.mutant_dir(mutant) / name).is_file():
            path = kata.mutant_dir(mutant) / name
        sources[name] = path
    refused = tuple(say("refuse.missing", name=str(p)) for p in sources.values() if not p.is_file())
    return Submission({k: v for k, v in sources.items() if v.is_file()}, {k: k for k in sources}, (), refused)


def grade_sources(
    kata: Kata,
    submission: Submission,
    *,
    visible_only: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    shuffle: bool = False,
    run_slots: RunSlots | None = None,
    both_builds: bool = False,
) -> KataResult:
    try:
        return _grade_sources(
            kata,
            submission,
            visible_only=visible_only,
            progress=progress,
            cancel=cancel,
            shuffle=shuffle,
            run_slots=run_slots,
            both_builds=both_builds,
        )
    finally:
        trim_after_run()


def _grade_sources(
    kata: Kata,
    submission: Submission,
    *,
    visible_only: bool,
    progress: ProgressFn | None,
    cancel: threading.Event | None,
    shuffle: bool,
    run_slots: RunSlots | None,
    both_builds: bool,
) -> KataResult:
    go = find_go()
    started = time.monotonic()
    if submission.refused:
        return _refused(kata, submission, list(submission.refused), visible_only, started)
    nonce = secrets.token_hex(16)
    spec = kata.spec
    with open_sandbox() as box, contextlib.ExitStack() as stack_outer:
        add_learner_files(box, kata, submission.sources)
        env = sandbox_env(
            go,
            home=box.home,
            tmp=box.tmp,
            memory_limit_mb=spec.memory_limit_mb,
            extra={
                RESULTS_ENV: str(box.results),
                NONCE_ENV: nonce,
                # Reports go to a file of their own, not to the output the program shares.
                "GORACE": f"log_path={box.race_logs / 'report'} {RACE_OPTIONS}",
            },
        )
        reasons = check_files(box.pkg, kata.learner_files)
        reasons += check_sources(go, box.pkg, kata.learner_files, spec.allowed_imports, submission.display)
        if reasons:
            return _refused(kata, submission, reasons, visible_only, started)
        limits = Limits(
            build_s=BUILD_BUDGET_S,
            run_s=spec.time_limit + GRACE_S,
            memory_bytes=spec.memory_limit_mb * 1024 * 1024,
            max_processes=MAX_PROCESSES,
            max_output_bytes=MAX_OUTPUT,
            file_size_bytes=MAX_FILE_BYTES,
        )
        add_support_files(box, kata)
        alongside: BuildAlongside | None = None
        if kata_built(go.cache_dir, go.version, kata.slug):
            copy_for_build_alone(box, kata)
            alongside = stack_outer.enter_context(BuildAlongside(go.exe, box.alone, env, limits, cancel=cancel))
        else:
            # Nothing of this kata in the cache yet: beside the test run, both builds would compile
            # the race build of the same packages at once, slower than one after the other.
            built = build_alone(go.exe, box.pkg, env, limits, cancel=cancel)
            if not built.ok:
                return _does_not_build(
                    kata, submission, built, _build_paths(kata, submission, box.pkg), visible_only, started
                )
        add_kata_files(box, kata, include_hidden=not visible_only)
        unscored = _unscored(box)
        harness = Harness.for_files([box.pkg / n for n in (*kata.learner_files, *box.test_files)], nonce)
        harness.write_into(box.pkg, box.test_files)
        plan = plan_for(
            box.root,
            # The test binary needs none of the Go sources (compiled by now) and none of the katas:
            # code under test reading them could find the hidden tests' cases or the solution.
            private=(kata.root.parent, kata.root, _RUNNER_FOLDER),
            blank=tuple(p for p in box.pkg.iterdir() if p.suffix == ".go"),
            needed=(Path(go.goroot),) if go.goroot else (),
        )
        argv = [go.exe, "test", "-race", "-json", "-count=1", "-trimpath", f"-timeout={spec.time_limit:g}s"]
        if shuffle:
            argv.append("-shuffle=on")
        collector, outcome, queued = _run_tests(
            argv,
            plan,
            box,
            env,
            limits,
            run_slots,
            AnyOf(cancel, alongside.failed if alongside is not None else None),
            on_slow_start=_slow_note(go, progress),
        )
        if alongside is not None:
            built = alongside.outcome()
        if not built.ok:
            return _does_not_build(
                kata, submission, built, _build_paths(kata, submission, box.alone), visible_only, started
            )
        records = read_records(box.results, harness.nonce)
        paths = PathMap(
            module=kata.module,
            sandbox_dir=str(box.pkg),
            learner=submission.display,
            tests=frozenset((*kata.visible_tests, *kata.support_files)),
            hidden=frozenset(box.hidden_files),
            harness_token=harness.token,
        )

        def facts(events: EventCollector, process: ProcessOutcome, found: Records, duration_s: float) -> RunFacts:
            return RunFacts(
                kata=kata.slug,
                expected=dict(box.expected),
                unscored=unscored,
                events=events,
                records=found,
                process=process,
                paths=paths,
                time_limit_s=spec.time_limit,
                memory_limit_mb=spec.memory_limit_mb,
                limits=limits,
                visible_only=visible_only,
                ignored=submission.ignored,
                duration_s=duration_s,
            )

        result = decide(
            dataclasses.replace(
                facts(collector, outcome, records, time.monotonic() - started - queued),
                race_reports=race_reports(box),
            )
        )
        if collector.started_at is None:  # the test binary never ran: no sandbox to speak of
            return result
        if both_builds and result.status == "pass" and not visible_only:
            # Graded with -race, shipped without it: code can tell the two apart (sync.Pool drops
            # items under the race detector) and be right only while graded. Where a pass decides
            # something for someone else (an exam, a kata's own verification) it must hold in the
            # build a program really runs too. Practice runs skip it: it added 0.4 s to a 0.7 s
            # warm run, and a learner gains nothing by fooling their own grader.
            plain = _run_without_race(
                argv,
                plan,
                box,
                env,
                limits,
                cancel,
                facts,
                harness.nonce,
                run_slots,
            )
            if plain.status != "pass":
                result = _only_under_race(result, plain)
        mark_race_runtime_built(go.cache_dir, go.version)
        mark_kata_built(go.cache_dir, go.version, kata.slug)
        if not plan.notice:
            return dataclasses.replace(result, isolation=plan.kind)
        notice = say("note.no_sandbox")
        return dataclasses.replace(
            result,
            isolation=plan.kind,
            notes=(*result.notes, plan.notice),
            notes_zh=(*result.notes_zh, notice.zh) if len(result.notes_zh) == len(result.notes) else result.notes_zh,
        )


def _run_tests(
    argv: list[str],
    plan: Plan,
    box: Sandbox,
    env: dict[str, str],
    limits: Limits,
    run_slots: RunSlots | None,
    cancel: CancelFlag | None,
    on_slow_start: Callable[[], None] | None = None,
) -> tuple[EventCollector, ProcessOutcome, float]:
    """`go test` with these flags on the sandbox's package, its test binary run through the
    sandbox; in a batch the binary waits for a slot. The events, the outcome, and the seconds the
    binary waited for its slot (taken out of the run's time)."""
    with contextlib.ExitStack() as stack:
        gate = stack.enter_context(RunGate(run_slots)) if run_slots is not None and gate_available() else None
        collector = EventCollector()
        outcome = run_limited(
            [*argv, *plan.exec_flag(gate.prefix if gate is not None else ()), "."],
            cwd=box.pkg,
            env=env,
            limits=limits,
            sink=collector if gate is None else _GatedSink(collector, gate),
            cancel=cancel,
            on_slow_start=on_slow_start,
        )
    queued = _unqueue(collector, gate)
    collector.close()
    return collector, outcome, queued


def _run_without_race(
    race_argv: list[str],
    plan: Plan,
    box: Sandbox,
    env: dict[str, str],
    limits: Limits,
    cancel: threading.Event | None,
    facts: Callable[[EventCollector, ProcessOutcome, Records, float], RunFacts],
    nonce: str,
    run_slots: RunSlots | None,
) -> KataResult:
    """The same tests in the same sandbox, built without the race detector; in a batch, the test
    binary waits for a slot of its own (the race run's was given back when it ended)."""
    box.results.write_bytes(b"")  # the harness's records of this run only
    started = time.monotonic()
    argv = [a for a in race_argv if a not in ("-race", "-shuffle=on")]
    collector, outcome, queued = _run_tests(argv, plan, box, env, limits, run_slots, cancel)
    return decide(facts(collector, outcome, read_records(box.results, nonce), time.monotonic() - started - queued))


def _only_under_race(race: KataResult, plain: KataResult) -> KataResult:
    """A pass under -race that does not hold without it: the run without it decides."""
    failed = [t.name for t in plain.tests if t.status != "pass"]
    said = say("summary.only_under_race", tests=", ".join(failed[:5]) or plain.status)
    return dataclasses.replace(
        plain,
        duration_s=race.duration_s + plain.duration_s,
        summary=said.en,
        summary_zh=said.zh,
    )


class _GatedSink:
    """The run's events, with the wall clock of the run starting when the gate let the test
    binary go (go test's `start` event comes before it waits), and its slot given back as soon
    as go test reports the package's result (the binary has exited)."""

    def __init__(self, collector: EventCollector, gate: RunGate) -> None:
        self.collector = collector
        self.gate = gate

    def feed(self, chunk: bytes) -> None:
        self.collector.feed(chunk)
        if self.collector.package_actions:
            self.gate.release()

    @property
    def started_at(self) -> float | None:
        return self.gate.started_at(self.collector.started_at)


def _unqueue(collector: EventCollector, gate: RunGate | None) -> float:
    """Take the time the built binary waited for a slot out of the run's facts: the program's
    time starts when it was let go (what a time-out is measured from). Returns the seconds waited."""
    if gate is None:
        return 0.0
    if gate.granted_wall is not None and collector.started_wall is not None:
        collector.started_wall = max(collector.started_wall, gate.granted_wall)
    return gate.waited_s


def _slow_note(go: GoToolchain, progress: ProgressFn | None) -> Callable[[], None] | None:
    """The "first run compiles the race runtime" notice, only while it is not built yet."""
    if progress is None or race_runtime_built(go.cache_dir, go.version):
        return None
    return lambda: progress(SLOW_BUILD_NOTE)


def _build_paths(kata: Kata, submission: Submission, built_in: Path) -> PathMap:
    return PathMap(
        module=kata.module,
        sandbox_dir=str(built_in),
        learner=submission.display,
        tests=frozenset(kata.support_files),
        hidden=frozenset(),
        harness_token="",
    )


def _unscored(box: Sandbox) -> frozenset[str]:
    names: set[str] = set()
    for name in box.test_files:
        names.update(other_test_functions((box.pkg / name).read_text(encoding="utf-8", errors="replace")))
    return frozenset(names)


def _refused(kata: Kata, submission: Submission, reasons: list[Said], visible_only: bool, started: float) -> KataResult:
    tests = _planned_tests(kata, visible_only)
    refused, summary = say("test.refused"), say("summary.refused", reason=reasons[0])
    return KataResult(
        kata=kata.slug,
        status="rejected",
        score=0.0,
        tests=tuple(TestOutcome(name, hidden, "fail", refused.en, message_zh=refused.zh) for name, hidden in tests),
        duration_s=time.monotonic() - started,
        summary=summary.en,
        summary_zh=summary.zh,
        visible_only=visible_only,
        ignored=submission.ignored,
        details="\n".join(r.en for r in reasons),
        details_zh="\n".join(r.zh for r in reasons),
    )


def _does_not_build(
    kata: Kata, submission: Submission, built: BuildOutcome, paths: PathMap, visible_only: bool, started: float
) -> KataResult:
    """The verdict when the learner's package does not compile without the tests."""
    if built.killed == "cancelled":
        raise Interrupted("interrupted")
    raise_for_toolchain(built.output)
    if TOO_BIG.search(built.output):
        return _refused(kata, submission, [TOO_BIG_REASON], visible_only, started)
    notes: tuple[Said, ...] = ()
    errors: tuple[CompileError, ...] = ()
    if built.killed is not None:
        why = {
            "timeout": say("why.build_time", seconds=f"{BUILD_BUDGET_S:g}"),
            "memory": say("why.memory", mb=kata.spec.memory_limit_mb),
        }.get(built.killed, say("why.stopped", how=built.killed))
        summary = say("summary.build_stopped", why=why)
    else:
        errors = tuple(compile_errors(built.output, paths))
        first = str(errors[0]) if errors else (built.output.strip().splitlines() or ["go build failed"])[0]
        summary = say("summary.no_build", first=first.splitlines()[0])
        if _uses_test_names(kata, errors):
            notes = (say("note.test_only_names"),)
    not_run = say("test.no_build")
    return KataResult(
        kata=kata.slug,
        status="compile_error",
        score=0.0,
        tests=tuple(
            TestOutcome(name, hidden, "fail", not_run.en, message_zh=not_run.zh)
            for name, hidden in _planned_tests(kata, visible_only)
        ),
        duration_s=time.monotonic() - started,
        summary=summary.en,
        summary_zh=summary.zh,
        visible_only=visible_only,
        compile_errors=errors,
        ignored=submission.ignored,
        notes=tuple(n.en for n in notes),
        notes_zh=tuple(n.zh for n in notes),
    )


def _uses_test_names(kata: Kata, errors: tuple[CompileError, ...]) -> bool:
    """Whether an `undefined: X` names something the kata's test files mention."""
    undefined = {m.group(1) for e in errors if (m := re.match(r"undefined: (\w+)", e.message))}
    if not undefined:
        return False
    texts = [_text(kata.root / n) for n in kata.visible_tests] + [_text(kata.hidden_dir / n) for n in kata.hidden_tests]
    return any(re.search(rf"\b{re.escape(name)}\b", text) for name in undefined for text in texts)


def _planned_tests(kata: Kata, visible_only: bool) -> list[tuple[str, bool]]:
    from runner.kata.harness import declared_tests

    out: list[tuple[str, bool]] = []
    files = [(kata.root / n, False) for n in kata.visible_tests]
    if not visible_only:
        files += [(kata.hidden_dir / n, True) for n in kata.hidden_tests]
    for path, hidden in files:
        out += [(t, hidden) for t in declared_tests(path.read_text(encoding="utf-8", errors="replace"))]
    return out


def _shown(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path.resolve())


def _ignored(kata: Kata, code_dir: Path) -> list[str]:
    """What the submission holds besides the learner files, and why it is not used."""
    notes: list[str] = []
    learner = set(kata.learner_files)
    for path in sorted(code_dir.iterdir()):
        name = path.name
        if name in learner or not path.is_file():
            continue
        # A name may hold a newline or an escape: shown quoted, it cannot pass for a line of the result.
        shown = file_name(name)
        if name in ("go.mod", "go.sum"):
            if not _same(path, kata.root / name):
                notes.append(f"{shown}: changed; the kata's own {name} is used")
        elif name.endswith("_test.go"):
            if name in kata.visible_tests:
                if not _same(path, kata.root / name):
                    notes.append(f"{shown}: changed; the kata's own copy of its tests is used")
            else:
                extra = " (it declares TestMain)" if "func TestMain(" in _text(path) else ""
                notes.append(f"{shown}: an extra test file{extra}; only the kata's tests are run")
        elif name.endswith(".go"):
            if name in kata.support_files:
                if not _same(path, kata.root / name):
                    notes.append(f"{shown}: changed; the kata's own copy is used")
            else:
                notes.append(f"{shown}: not one of the kata's files ({', '.join(kata.learner_files)}); not used")
        elif name.endswith((".s", ".c", ".h", ".syso")) or name == "go.work":
            notes.append(f"{shown}: not used")
    return notes


# Files in the folder that are not used are only compared or searched for a note; one bigger than
# this is "changed" and not searched (a 32 GiB sparse file costs no disk, but read whole it cost
# twice its size in memory).
_MAX_NOTED_FILE = 4 * MAX_LEARNER_FILE


def _same(a: Path, b: Path) -> bool:
    try:
        return b.is_file() and _bytes(a).replace(b"\r\n", b"\n").strip() == _bytes(b).replace(b"\r\n", b"\n").strip()
    except (OSError, NotReadable):
        return False


def _bytes(path: Path) -> bytes:
    return bytes(read_regular_file(path, _MAX_NOTED_FILE))


def _text(path: Path) -> str:
    try:
        return _bytes(path).decode("utf-8", errors="replace")
    except (OSError, NotReadable):
        return ""
