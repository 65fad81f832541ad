"""The exam's use of the kata runner: hidden tests for graders, visible tests for candidates."""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from runner.errors import BadInput
from runner.exam.grading import KataGrader, KataOutcome, KataTest
from runner.exam.pack import OpenedPack
from runner.exam.spec import ResolvedExam
from runner.kata.catalog import Kata
from runner.kata.isolation import RunSlots
from runner.kata.result import KataResult
from runner.paths import cache_dir


def _outcome_from(result: KataResult, slug: str, title: str, topic: str) -> KataOutcome:
    tests = tuple(KataTest(t.name, t.hidden, t.status, t.message, t.message_zh) for t in result.tests)
    # The kata runner is starting to say how it sandboxed a run; older results do not carry it.
    isolation = getattr(result, "isolation", None)
    return KataOutcome(
        slug,
        title,
        topic,
        result.status,
        result.score,
        tests,
        result.duration_s,
        result.summary,
        isolation if isinstance(isolation, str) else None,
        result.summary_zh,
    )


def credited_score(result: KataResult, starter_passes: frozenset[str]) -> tuple[float, str]:
    """Credit for the work done: the tests the starter fails that now pass, less any the starter
    passed that now fail. An untouched starter scores 0, however many tests it happens to pass."""
    if result.status == "pass":
        return 1.0, ""
    to_earn = [t for t in result.tests if t.name not in starter_passes]
    if not to_earn:
        return result.score, ""
    gained = sum(t.passed for t in to_earn)
    lost = sum(1 for t in result.tests if t.name in starter_passes and not t.passed)
    note = (
        f"The starter already passes {len(starter_passes)} of {len(result.tests)} tests; "
        f"credit counts the other {len(to_earn)}" + (f", less {lost} broken on the way" if lost else "") + "."
    )
    return max(0.0, (gained - lost) / len(to_earn)), note


def _cached_starter_passes(kata: Kata, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
    """Which tests a kata's starter passes, remembered on disk: it changes only with the kata's
    files or the toolchain, and grading it costs a full sandboxed run per batch otherwise."""
    from runner import __version__
    from runner.toolchain import find_go

    digest = hashlib.sha256(f"{__version__}|{find_go().version}".encode())
    for path in sorted(p for p in kata.root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(kata.root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    folder = cache_dir("starters")
    entry = folder / f"{kata.slug}-{digest.hexdigest()[:24]}.json"
    try:
        return frozenset(json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass  # not graded yet on this machine, or unreadable: grade it
    passes = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps(sorted(passes)), encoding="utf-8")
    except OSError:
        pass  # a read-only cache costs time, never correctness
    return passes


def starter_files(exam: ResolvedExam) -> dict[str, dict[str, str]]:
    """Each kata's starter learner files: what a candidate's own work is measured against."""
    from runner.exam.pack_katas import load_kata_files

    return {
        slug: {
            name: (kata.root / name).read_text(encoding="utf-8", errors="replace")
            for name in kata.learner_files
            if (kata.root / name).is_file()
        }
        for slug, kata in load_kata_files(exam.katas).items()
    }


def _files_key(slug: str, files: dict[str, str]) -> str:
    digest = hashlib.sha256(slug.encode())
    for name in sorted(files):
        digest.update(
            b"\0" + name.encode("utf-8", "surrogatepass") + b"\0" + files[name].encode("utf-8", "surrogatepass")
        )
    return digest.hexdigest()


def hidden_grader(exam: ResolvedExam, run_slots: RunSlots | None = None) -> KataGrader:
    """Grade a candidate's files with the kata's visible and hidden tests in the sandbox.

    Identical files are graded once per batch (an untouched starter, code passed between
    candidates): the run is deterministic for the same files, and it is the costly part.
    `run_slots`: the batch's limit on test binaries running at once, when it builds more
    submissions than that at a time."""
    from runner.kata.catalog import load_kata
    from runner.kata.grade import collect_submission, grade_sources, grade_submission

    lock = threading.Lock()
    starters: dict[str, frozenset[str]] = {}
    runs: dict[str, KataResult] = {}
    running: dict[str, threading.Lock] = {}

    def starter_passes(slug: str) -> frozenset[str]:
        with lock:  # graded once per kata, whichever candidate needs it first
            if slug not in starters:
                kata = load_kata(slug)
                starters[slug] = _cached_starter_passes(
                    kata,
                    lambda: frozenset(
                        t.name for t in grade_submission(kata, kata.root, run_slots=run_slots).tests if t.passed
                    ),
                )
            return starters[slug]

    def run_once(slug: str, files: dict[str, str]) -> KataResult:
        key = _files_key(slug, files)
        with lock:
            gate = running.setdefault(key, threading.Lock())
        with gate:  # a second candidate with the same files waits for the first run instead of repeating it
            if key in runs:
                return runs[key]
            kata = load_kata(slug)
            with tempfile.TemporaryDirectory(prefix="gokata-exam-") as tmp:
                code = Path(tmp)
                for name, text in files.items():
                    if name in kata.spec.learner_files:
                        (code / name).write_text(text, encoding="utf-8", errors="replace")
                submission = collect_submission(kata, code)
                # Messages name the file as the candidate knows it, not this temporary folder:
                # the same report whichever folder (and however many at once) it was graded in.
                shown = {name: f"katas/{slug}/{name}" for name in submission.display}
                result = grade_sources(kata, replace(submission, display=shown), run_slots=run_slots, both_builds=True)
            runs[key] = result
            return result

    def grade(slug: str, files: dict[str, str]) -> KataOutcome:
        kata = load_kata(slug)
        title, topic = kata.spec.title.en, kata.spec.topic
        usable = {n: t for n, t in files.items() if n in kata.spec.learner_files}
        if not usable:
            return KataOutcome(slug, title, topic, "missing", 0.0, (), 0.0, "No code was submitted for this kata.")
        try:
            result = run_once(slug, usable)
        except BadInput as exc:  # the kata runner refused the files themselves
            return KataOutcome(slug, title, topic, "rejected", 0.0, (), 0.0, f"Not run: {exc.message}")
        score, note = credited_score(result, starter_passes(slug))
        outcome = _outcome_from(result, slug, title, topic)
        summary = " ".join(x for x in (outcome.summary, note) if x)
        return KataOutcome(
            slug, title, topic, outcome.status, score, outcome.tests, outcome.duration_s, summary, outcome.isolation
        )

    return grade


def run_visible(pack: OpenedPack, workdir: Path, slug: str) -> KataOutcome:
    """A candidate's check: the pack's visible tests only, against the workspace code."""
    from runner.kata.catalog import load_kata_dir
    from runner.kata.grade import grade_submission

    prefix = f"katas/{slug}/"
    if f"{prefix}kata.json" not in pack.files:
        raise BadInput(f"no coding task {slug!r} in this exam")
    with tempfile.TemporaryDirectory(prefix="gokata-exam-kata-") as tmp:
        root = Path(tmp) / slug
        for path, data in pack.files.items():
            if path.startswith(prefix):
                target = root / path[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        kata = load_kata_dir(root)
        result = grade_submission(kata, workdir / "katas" / slug, visible_only=True)
    return _outcome_from(result, slug, kata.spec.title.en, kata.spec.topic)
