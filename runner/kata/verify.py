"""`kata verify`: the maintainers' check that every kata grades what it claims to.

For each kata: kata.yaml is valid; the starter builds and fails at least one visible and one
hidden test; the reference solution passes every test three times with -race -count=1
-shuffle=on; every mutant fails at least one hidden test; no hidden test shares a visible
test's name; kata files import only the standard library.

Runs are independent `go test` processes, so they go to a thread pool (`jobs` at a time);
the first run goes alone so a cold machine compiles the race runtime once, not `jobs` times.
A kata whose files, toolchain and checking code are those of an earlier pass is not run again
(runner/verified.py; GOKATA_NO_VERIFY_CACHE=1 runs everything).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from runner import verified
from runner.errors import BadInput, Problem
from runner.kata.catalog import Kata, scan_katas
from runner.kata.grade import Submission, grade_sources, solution_submission
from runner.kata.harness import declared_tests, other_test_functions
from runner.kata.result import KataResult, TestOutcome
from runner.kata.sandbox import remove_tree
from runner.steps import OnStep, StepCounter
from runner.toolchain import GoToolchain, find_go, prepare_home, sandbox_env

SOLUTION_RUNS = 3
MIN_MUTANTS = 5  # known-wrong variants each kata must have (issue 12)
REJECTERS = ("visible tests", "hidden tests", "race detector")
ProgressFn = Callable[[str], None]


@dataclass(frozen=True)
class MutantCheck:
    name: str
    status: str  # the mutant's verdict
    rejected_by: tuple[str, ...]  # of REJECTERS: which of them failed it (empty: nothing did)

    def to_json(self) -> dict[str, object]:
        return {"mutant": self.name, "status": self.status, "rejected_by": list(self.rejected_by)}

    def __str__(self) -> str:
        who = ", ".join(self.rejected_by) if self.rejected_by else "NOTHING"
        return f"mutant {self.name}: {self.status}, rejected by {who}"


def rejected_by(result: KataResult) -> tuple[str, ...]:
    """Who caught a mutant: visible tests, hidden tests (a failing test whose only complaint is
    not a race report), and the race detector (the race detector's own log)."""

    def failed(test: TestOutcome) -> bool:
        lines = [ln for ln in test.message.splitlines() if ln.strip()]
        return not test.passed and (not lines or any(_RACE_LINE not in ln for ln in lines))

    who: list[str] = []
    if any(failed(t) for t in result.tests if not t.hidden):
        who.append("visible tests")
    if any(failed(t) for t in result.tests if t.hidden):
        who.append("hidden tests")
    if result.races or result.status == "race":
        who.append("race detector")
    return tuple(who)


_RACE_LINE = "race detected during execution of test"


@dataclass(frozen=True)
class KataCheck:
    slug: str
    problems: tuple[str, ...]
    runs: int
    mutants: int
    duration_s: float  # summed over this kata's runs (they overlap with other katas' runs)
    mutant_checks: tuple[MutantCheck, ...] = ()  # sorted by name
    cached: bool = False  # the same files passed before with this toolchain and gokata (runner/verified.py)

    @property
    def ok(self) -> bool:
        return not self.problems

    def rejecter_counts(self) -> dict[str, int]:
        """How many of this kata's mutants each of visible tests, hidden tests and the race detector caught."""
        return {who: sum(who in m.rejected_by for m in self.mutant_checks) for who in REJECTERS}

    def to_json(self) -> dict[str, object]:
        return {
            "kata": self.slug,
            "ok": self.ok,
            "problems": list(self.problems),
            "runs": self.runs,
            "mutants": self.mutants,
            "duration": round(self.duration_s, 3),
            "rejected_by": self.rejecter_counts(),
            "mutant_results": [m.to_json() for m in self.mutant_checks],
            "cached": self.cached,
        }

    def text_lines(self) -> list[str]:
        """The plain-text account of the mutants: one line per mutant, after a count line."""
        counts = ", ".join(f"{n} by {who}" for who, n in self.rejecter_counts().items())
        return [f"{self.slug}: {self.mutants} mutant(s); caught {counts}", *(f"  {m}" for m in self.mutant_checks)]


@dataclass(frozen=True)
class VerifyReport:
    katas: tuple[KataCheck, ...]
    content_problems: tuple[str, ...]  # katas that did not load (kata.yaml problems, file:line:col)
    duration_s: float
    jobs: int

    @property
    def ok(self) -> bool:
        return not self.content_problems and all(k.ok for k in self.katas)

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "katas": [k.to_json() for k in self.katas],
            "content_problems": list(self.content_problems),
            "duration": round(self.duration_s, 3),
            "jobs": self.jobs,
        }


@dataclass
class _Tally:
    kata: Kata
    problems: list[str] = field(default_factory=list)
    runs: int = 0
    seconds: float = 0.0
    mutants: list[MutantCheck] = field(default_factory=list)


def verify_katas(
    slugs: Sequence[str] = (),
    *,
    root: Path | None = None,
    jobs: int = 2,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    min_mutants: int | None = None,
    on_step: OnStep | None = None,
) -> VerifyReport:
    """`min_mutants`: None reads GOKATA_MIN_MUTANTS, else MIN_MUTANTS (fixture katas for gokata's own
    tests have fewer). `on_step` hears of every finished run (done/total, failures so far)."""
    started = time.monotonic()
    if min_mutants is None:
        raw = os.environ.get("GOKATA_MIN_MUTANTS", "")
        min_mutants = int(raw) if raw.isdigit() else MIN_MUTANTS
    go = find_go("kata verify")
    all_katas, content = _select(slugs, root)
    keys = {k.slug: _cache_key(k, go, min_mutants) for k in all_katas}
    cached = {k.slug: c for k in all_katas if (c := _cached_check(k.slug, keys[k.slug])) is not None}
    katas = [k for k in all_katas if k.slug not in cached]
    tallies = {k.slug: _Tally(k) for k in katas}
    std = std_packages(go) if katas else frozenset()
    for tally in tallies.values():
        tally.problems.extend(static_problems(tally.kata, go, std))
        if len(tally.kata.mutants) < min_mutants:
            tally.problems.append(
                f"{len(tally.kata.mutants)} mutant(s): a kata needs at least {min_mutants} "
                "known-wrong variants (.meta/mutants/<name>/)"
            )

    # Starters and mutants first: they are the runs that may sit out a whole time limit, and a
    # long run started last would leave the other workers idle at the end.
    units: list[tuple[str, Kata, str, Callable[[KataResult], list[str]], Submission]] = []
    for kata in katas:
        units.append((kata.slug, kata, "starter", _starter_problems, _starter_submission(kata)))
        if kata.solution_dir.is_dir():
            for mutant in kata.mutants:
                units.append((kata.slug, kata, f"mutant {mutant}", _mutant_problems, solution_submission(kata, mutant)))
    for kata in katas:
        if kata.solution_dir.is_dir():
            for i in range(SOLUTION_RUNS):
                units.append((kata.slug, kata, f"solution run {i + 1}", _solution_problems, solution_submission(kata)))

    cancel = cancel or threading.Event()
    lock = threading.Lock()
    counter = StepCounter(len(units), on_step)

    def run(unit: tuple[str, Kata, str, Callable[[KataResult], list[str]], Submission]) -> None:
        slug, kata, what, judge, submission = unit
        result = grade_sources(
            kata,
            submission,
            shuffle=what.startswith("solution"),
            cancel=cancel,
            progress=progress,
            both_builds=what.startswith("solution"),
        )
        found = [f"{what}: {p}" for p in judge(result)]
        with lock:
            tally = tallies[slug]
            tally.runs += 1
            tally.seconds += result.duration_s
            tally.problems.extend(found)
            if what.startswith("mutant "):
                tally.mutants.append(MutantCheck(what.removeprefix("mutant "), result.status, rejected_by(result)))
        if progress:
            progress(f"{slug}: {what}: {'ok' if not found else 'PROBLEM'} ({result.status}, {result.duration_s:.1f} s)")
        counter.finished(f"{slug}: {what} ({result.status}, {result.duration_s:.1f} s)", not found)

    if units:
        # One quick run alone first: on a cold cache it builds the race runtime once, not once per worker.
        first = next((u for u in units if u[2].startswith("solution")), units[0])
        run(first)
        rest = [u for u in units if u is not first]
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures: list[Future[None]] = [pool.submit(run, u) for u in rest]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                cancel.set()
                for future in futures:
                    future.cancel()
                raise

    fresh = {
        t.kata.slug: KataCheck(
            t.kata.slug,
            tuple(dict.fromkeys(t.problems)),
            t.runs,
            len(t.kata.mutants),
            t.seconds,
            tuple(sorted(t.mutants, key=lambda m: m.name)),
        )
        for t in tallies.values()
    }
    if not cancel.is_set():
        for slug, check in fresh.items():
            if check.ok:
                verified.store("katas", keys[slug], _check_to_cache(check))
    checks = tuple(cached.get(k.slug) or fresh[k.slug] for k in all_katas)
    return VerifyReport(checks, tuple(str(p) for p in content), time.monotonic() - started, max(1, jobs))


def _cache_key(kata: Kata, go: GoToolchain, min_mutants: int) -> str:
    """What a kata's verdict depends on: its files, the toolchain, the checking code and settings."""
    return verified.key(
        kata.slug,
        verified.tree_digest(kata.root),
        verified.code_digest("kata", "toolchain.py"),
        go.version,
        go.goroot,
        min_mutants,
        SOLUTION_RUNS,
        os.environ.get("GOKATA_SANDBOX", ""),
    )


def _check_to_cache(check: KataCheck) -> dict[str, object]:
    return {
        "runs": check.runs,
        "mutants": check.mutants,
        "duration": check.duration_s,
        "mutant_checks": [[m.name, m.status, list(m.rejected_by)] for m in check.mutant_checks],
    }


def _cached_check(slug: str, entry: str) -> KataCheck | None:
    """The passing check stored for exactly these inputs, marked as cached; None if there is none."""
    data = verified.load("katas", entry)
    if not isinstance(data, dict):
        return None
    try:
        mutants = tuple(MutantCheck(str(n), str(s), tuple(map(str, r))) for n, s, r in data["mutant_checks"])
        return KataCheck(
            slug, (), int(data["runs"]), int(data["mutants"]), float(data["duration"]), mutants, cached=True
        )
    except (TypeError, KeyError, ValueError):
        return None


def _select(slugs: Sequence[str], root: Path | None) -> tuple[list[Kata], list[Problem]]:
    katas, problems = scan_katas(root)
    if not slugs:
        return katas, problems
    by_slug = {k.slug: k for k in katas}
    chosen: list[Kata] = []
    wanted_problems: list[Problem] = []
    for slug in slugs:
        if slug in by_slug:
            chosen.append(by_slug[slug])
            continue
        mine = [p for p in problems if f"/{slug}/" in p.file.replace("\\", "/") + "/"]
        if not mine:
            raise BadInput(f"no kata named {slug!r}", hint="See `gokata kata list` for the katas there are.")
        wanted_problems.extend(mine)
    return chosen, wanted_problems


def _starter_submission(kata: Kata) -> Submission:
    return Submission({n: kata.root / n for n in kata.learner_files}, {n: n for n in kata.learner_files}, (), ())


def _solution_problems(result: KataResult) -> list[str]:
    if result.status == "pass":
        return []
    if result.status == "rejected" and "which is not one of the kata's tests" in result.details:
        return [
            f"a test ran that gokata did not find declared ({result.details.splitlines()[0]}): declare each "
            "test as `func TestName(t *testing.T)` at the start of a line in a *_test.go file"
        ]
    failing = [t for t in result.tests if not t.passed]
    detail = "; ".join(f"{t.name}: {t.message.splitlines()[0] if t.message else t.status}" for t in failing[:3])
    return [f"the reference solution does not pass ({result.summary})" + (f" {detail}" if detail else "")]


def _starter_problems(result: KataResult) -> list[str]:
    if result.status in ("compile_error", "rejected"):
        return [f"the starter must build and run: {result.summary}"]
    problems = []
    if not any(not t.passed for t in result.tests if not t.hidden):
        problems.append("the starter passes every visible test (it should fail at least one)")
    if not any(not t.passed for t in result.tests if t.hidden):
        problems.append("the starter passes every hidden test (it should fail at least one)")
    return problems


def _mutant_problems(result: KataResult) -> list[str]:
    if result.status in ("compile_error", "rejected"):
        return [f"the mutant must build and run, or it tests nothing: {result.summary}"]
    if not any(not t.passed for t in result.tests if t.hidden):
        return ["every hidden test passes: the hidden tests do not catch this mistake"]
    return []


def static_problems(kata: Kata, go: GoToolchain, std: frozenset[str]) -> list[str]:
    """Checks that need no test run."""
    problems: list[str] = []
    visible = _names(kata.root, kata.visible_tests)
    hidden = _names(kata.hidden_dir, kata.hidden_tests)
    if not visible:
        problems.append("no visible tests (Test functions in *_test.go at the kata's top level)")
    if not hidden:
        problems.append("no hidden tests (.meta/hidden/*_test.go)")
    for name in sorted(set(visible) & set(hidden)):
        problems.append(f"hidden test {name} has the same name as a visible test")
    for name in sorted(set(kata.visible_tests) & set(kata.hidden_tests)):
        problems.append(f".meta/hidden/{name} has the name of a visible test file (it would replace it)")
    for folder, test_files in ((kata.root, kata.visible_tests), (kata.hidden_dir, kata.hidden_tests)):
        for file in test_files:
            others = other_test_functions((folder / file).read_text(encoding="utf-8", errors="replace"))
            if others:
                problems.append(
                    f"{file}: {', '.join(others)}: only Test functions are graded; use a Test function instead"
                )
    if not (kata.root / "README.md").is_file():
        problems.append("README.md is missing")
    if not kata.solution_dir.is_dir():
        problems.append(".meta/solution is missing")
    else:
        for name in kata.learner_files:
            if not (kata.solution_dir / name).is_file():
                problems.append(f".meta/solution/{name} is missing")
    learner = set(kata.learner_files)
    for mutant in kata.mutants:
        files = sorted(p.name for p in kata.mutant_dir(mutant).iterdir() if p.is_file())
        if not files:
            problems.append(f"mutant {mutant}: empty folder")
        for name in files:
            if name not in learner:
                problems.append(f"mutant {mutant}: {name} is not a learner file ({', '.join(kata.learner_files)})")
        if files and all(_same(kata.mutant_dir(mutant) / n, kata.solution_dir / n) for n in files):
            problems.append(f"mutant {mutant}: identical to the solution")
    for path in kata.spec.allowed_imports:
        if path not in std:
            problems.append(f"allowed_imports: {path} is not a standard-library package")
    problems.extend(_nonstandard_imports(kata, go, std))
    return problems


def _names(folder: Path, files: Sequence[str]) -> list[str]:
    names: list[str] = []
    for file in files:
        names.extend(declared_tests((folder / file).read_text(encoding="utf-8", errors="replace")))
    return names


def _same(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


_std_lock = threading.Lock()
_std_cache: dict[str, frozenset[str]] = {}


def std_packages(go: GoToolchain) -> frozenset[str]:
    with _std_lock:
        if go.exe in _std_cache:
            return _std_cache[go.exe]
    with tempfile.TemporaryDirectory(prefix="gokata-std-") as tmp:
        prepare_home(Path(tmp))
        env = sandbox_env(go, home=Path(tmp), tmp=Path(tmp), memory_limit_mb=1024)
        proc = subprocess.run(
            [go.exe, "list", "std"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    found = frozenset(proc.stdout.split()) | {"C"}
    with _std_lock:
        _std_cache[go.exe] = found
    return found


def _nonstandard_imports(kata: Kata, go: GoToolchain, std: frozenset[str]) -> list[str]:
    """Imports of the kata's own files (tests, support files, solution) outside the standard library."""
    tmp = Path(tempfile.mkdtemp(prefix="gokata-verify-"))
    try:
        pkg = tmp / "src"
        pkg.mkdir()
        for name in ("go.mod", *kata.support_files, *kata.visible_tests):
            if (kata.root / name).is_file():
                (pkg / name).write_bytes((kata.root / name).read_bytes())
        for name in kata.hidden_tests:
            (pkg / name).write_bytes((kata.hidden_dir / name).read_bytes())
        for name in kata.learner_files:
            source = kata.solution_dir / name if (kata.solution_dir / name).is_file() else kata.root / name
            (pkg / name).write_bytes(source.read_bytes())
        prepare_home(tmp)
        env = sandbox_env(go, home=tmp, tmp=tmp, memory_limit_mb=1024)
        proc = subprocess.run(
            [go.exe, "list", "-e", "-json", "-race", "."],
            capture_output=True,
            text=True,
            env=env,
            cwd=pkg,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    finally:
        remove_tree(tmp)
    try:
        info = json.loads(proc.stdout)
    except ValueError:
        return [f"go list failed on the kata: {proc.stderr.strip()[:300]}"]
    imports: set[str] = set()
    for key in ("Imports", "TestImports", "XTestImports"):
        imports.update(info.get(key) or [])
    imports.discard(kata.module)
    return [f"imports {path}, which is not in the standard library" for path in sorted(imports - std)]
