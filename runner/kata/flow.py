"""One engine function per `gokata kata ...` command: each loads what it needs, does the work,
records it in the progress store (once, here), and returns an Outcome for the command to render.

Heavy modules are imported inside the functions: `runner.cli.kata` imports this module lazily,
and a command that never grades must not pay for the grader.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import BadInput, ExitStatus, GokataError
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.content.mistakes import MistakeTable
    from runner.errors import Problem
    from runner.kata.catalog import Kata
    from runner.kata.edit import EditOutcome
    from runner.kata.hints import HintView
    from runner.kata.next import NextOutcome
    from runner.kata.result import KataResult
    from runner.kata.solution import SolutionView
    from runner.kata.verify import VerifyReport
    from runner.kata.workspace import ResetReport, StartReport
    from runner.progress.recorder import Recorder
    from runner.steps import OnStep

Progress = Callable[[str], None]


@dataclass(frozen=True)
class KataList:
    """`kata list`: a row per kata, and the katas left out because they are broken."""

    rows: list[dict[str, Any]]  # slug, title, topic, difficulty, status, last_result
    problems: list[Problem]  # katas skipped because they are broken

    def to_json(self) -> dict[str, Any]:
        return {"katas": self.rows, "problems": [str(p) for p in self.problems]}


@dataclass(frozen=True)
class Started:
    """`kata start`: the kata, and what was copied into the workspace."""

    kata: Kata
    report: StartReport


@dataclass(frozen=True)
class Reset:
    """`kata reset`: the kata, and what was put back."""

    kata: Kata
    report: ResetReport


@dataclass(frozen=True)
class TestRun:
    """A graded `kata test`: the result, and where the graded code was."""

    kata: Kata
    result: KataResult
    code: Path

    def to_json(self) -> dict[str, Any]:
        return self.result.to_json()


@dataclass(frozen=True)
class WatchSession:
    """What `kata watch` needs before the first run: the kata, its workspace, the store."""

    kata: Kata
    directory: Path
    recorder: Recorder


def list_katas(lang: str) -> Outcome[KataList]:
    from runner.kata.catalog import scan_katas
    from runner.kata.standing import NOT_STARTED, standings
    from runner.progress.recorder import open_recorder

    katas, problems = scan_katas()
    mine = standings(open_recorder())
    rows = [
        {
            "slug": k.slug,
            "title": k.title(lang),
            "topic": k.spec.topic,
            "difficulty": k.spec.difficulty,
            "status": mine.get(k.slug, NOT_STARTED).status,
            "last_result": mine.get(k.slug, NOT_STARTED).last_result,
        }
        for k in katas
    ]
    return Outcome(KataList(rows, problems))


def start_kata(slug: str, workspace: Path | None) -> Outcome[Started]:
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import start
    from runner.toolchain import find_go

    kata = load_kata(slug)
    find_go("kata start")
    return Outcome(Started(kata, start(kata, workspace)))


def reset_kata(slug: str, workspace: Path | None) -> Outcome[Reset]:
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import reset

    kata = load_kata(slug)
    return Outcome(Reset(kata, reset(kata, workspace)))


def hint(slug: str, lang: str) -> Outcome[HintView]:
    """The next hint; the store remembers it was shown."""
    from runner.kata.catalog import load_kata
    from runner.kata.hints import next_hint
    from runner.progress.recorder import open_recorder

    return Outcome(next_hint(load_kata(slug), open_recorder(), lang))


def test_kata(
    slug: str, workspace: Path | None, code: Path | None, *, visible_only: bool, progress: Progress | None
) -> Outcome[TestRun]:
    """Grade the learner's workspace (recorded in the progress store) or `code` (a grader's run: not recorded)."""
    from runner.kata.catalog import load_kata
    from runner.kata.grade import grade_submission
    from runner.kata.workspace import kata_workspace
    from runner.toolchain import find_go

    if workspace is not None and code is not None:
        raise BadInput("--workspace and --code are alternatives; give one of them")
    kata = load_kata(slug)
    find_go("kata test")
    code_dir = code if code is not None else kata_workspace(kata, workspace)
    if code is None and not code_dir.is_dir():
        raise BadInput(
            f"no workspace for {slug} at {code_dir}",
            hint=f"Run `gokata kata start {slug}` first, or point --code at a folder with your files.",
        )
    recorder = _open_recorder() if code is None else None
    with terminate_as_interrupt():
        result = grade_submission(kata, code_dir, visible_only=visible_only, progress=progress)
    if recorder is not None:
        record_run(recorder, kata, result)
    return Outcome(TestRun(kata, result, code_dir), ExitStatus.passed(result.ok))


def prepare_watch(slug: str, workspace: Path | None) -> WatchSession:
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import kata_workspace
    from runner.toolchain import find_go

    kata = load_kata(slug)
    find_go("kata watch")
    directory = kata_workspace(kata, workspace)
    if not directory.is_dir():
        raise BadInput(f"no workspace for {slug} at {directory}", hint=f"Run `gokata kata start {slug}` first.")
    return WatchSession(kata, directory, _open_recorder())


def watch_kata(
    session: WatchSession,
    *,
    visible_only: bool,
    stop: threading.Event,
    progress: Progress | None,
    on_result: Callable[[KataResult], None],
    on_error: Callable[[GokataError], None],
) -> Outcome[None]:
    """Grade on every save until `stop` is set (or Ctrl-C, the ordinary way out); every run is recorded."""
    from runner.kata.grade import grade_submission
    from runner.kata.watch import watch_and_grade

    kata, directory = session.kata, session.directory

    def grade() -> KataResult:
        return grade_submission(kata, directory, visible_only=visible_only, progress=progress, cancel=stop)

    def graded(result: KataResult) -> None:
        record_run(session.recorder, kata, result)
        on_result(result)

    try:
        with terminate_as_interrupt():
            watch_and_grade(directory, kata.learner_files, grade, on_result=graded, on_error=on_error, stop=stop)
    except KeyboardInterrupt:
        pass  # Ctrl-C is the ordinary way out of a watch, not a failure
    return Outcome(None)


def verify(slugs: tuple[str, ...], *, jobs: int, on_step: OnStep | None) -> Outcome[VerifyReport]:
    """`kata verify`: each finished run is one step (done/total, failures so far) for `on_step`."""
    from runner.kata.verify import verify_katas

    with terminate_as_interrupt():
        report = verify_katas(slugs, jobs=jobs or os.cpu_count() or 2, on_step=on_step)
    return Outcome(report, ExitStatus.passed(report.ok))


def new_kata(slug: str, folder: Path) -> Outcome[Path]:
    from runner.kata.scaffold import new_kata as scaffold

    return Outcome(scaffold(slug, folder))


def mistakes_table() -> Outcome[MistakeTable]:
    """`bank mistakes`: the table reads questions and katas, so it is built at this layer."""
    from runner.content.catalog import load_catalog
    from runner.content.mistakes import build_table
    from runner.kata.catalog import load_katas

    catalog = load_catalog()
    questions = ((q.id, q.tags) for q in catalog.questions)
    return Outcome(build_table(questions, ((k.slug, k.spec.tags) for k in load_katas())))


def record_run(recorder: Recorder, kata: Kata, result: KataResult) -> None:
    """The one place a kata run is recorded."""
    from runner.progress.recorder import KataAttempt

    recorder.record_kata(
        KataAttempt(
            slug=result.kata,
            topic=kata.spec.topic,
            status=result.status,
            score=result.score,
            tests_passed=result.passed,
            tests_total=result.total,
            duration_s=result.duration_s,
        )
    )


def _open_recorder() -> Recorder:
    from runner.progress.recorder import open_recorder

    return open_recorder()


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM ends a run like Ctrl-C does: the sandbox's processes are killed and its folder removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def next_kata(lang: str) -> Outcome[NextOutcome]:
    """`kata next`: the kata to do next, from progress, topic and difficulty."""
    from runner.kata.next import next_kata as suggest

    return Outcome(suggest(lang=lang))


def solution(slug: str) -> Outcome[SolutionView]:
    """`kata solution`: the reference solution, only after a recorded pass and never in an exam."""
    from runner.kata.solution import solution_for

    return Outcome(solution_for(slug))


def edit(slug: str, workspace: Path | None) -> Outcome[EditOutcome]:
    """`kata edit`: open the kata's files in the configured editor; its exit status decides ours."""
    from runner.kata.edit import edit_kata

    outcome = edit_kata(slug, workspace)
    return Outcome(outcome, ExitStatus.passed(outcome.editor_status == 0))
