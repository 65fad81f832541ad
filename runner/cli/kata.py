"""`gokata kata ...` commands: thin wrappers over runner.kata (parse -> engine -> render -> exit)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from runner.kata.result import KataResult
    from runner.progress.recorder import Recorder

app = typer.Typer(help="Go katas: start one, test it (visible and hidden tests, sandboxed), get hints.",
                  no_args_is_help=True)


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


WORKSPACE_HELP = "Workspace root (default: $GOKATA_WORKSPACE, else ~/gokata-workspace); the kata is in SLUG/ under it."


@app.command("list")
def list_katas(
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (falls back to English)."),
) -> None:
    """Every kata with its topic, difficulty and your status (not started / failing / passed)."""
    from runner.kata.catalog import scan_katas
    from runner.kata.standing import NOT_STARTED, standings
    from runner.progress.recorder import open_recorder
    from runner.ui.kata import render_list

    katas, problems = scan_katas()
    mine = standings(open_recorder())
    rows = [{
        "slug": k.slug, "title": k.title(lang.value), "topic": k.spec.topic, "difficulty": k.spec.difficulty,
        "status": mine.get(k.slug, NOT_STARTED).status, "last_result": mine.get(k.slug, NOT_STARTED).last_result,
    } for k in katas]
    render_list(rows, problems, json_out=json_out, lang=lang.value)


@app.command()
def start(
    slug: str = typer.Argument(..., help="The kata (see `gokata kata list`)."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
) -> None:
    """Copy the task, the starter files and the visible tests into your workspace."""
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import start as start_kata
    from runner.toolchain import find_go
    from runner.ui.kata import render_start

    kata = load_kata(slug)
    find_go("kata start")
    report = start_kata(kata, workspace)
    render_start(kata, report, lang=lang.value, go_missing=None)


@app.command()
def test(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    code: Path | None = typer.Option(None, "--code", help="Grade the learner files in this folder instead "
                                     "(for graders: nothing is recorded in your progress)."),
    visible_only: bool = typer.Option(False, "--visible-only", help="Run the visible tests only."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    junit: Path | None = typer.Option(None, "--junit", help="Also write a JUnit XML report to this file."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh (Go's own messages stay as they are)."),
) -> None:
    """Grade your code: visible and hidden tests under -race in a sandbox. Exit 0 only when all pass."""
    from runner.errors import BadInput
    from runner.kata.catalog import load_kata
    from runner.kata.grade import grade_submission
    from runner.kata.workspace import kata_workspace
    from runner.toolchain import find_go
    from runner.ui.kata import print_json, render_progress, render_result

    if workspace is not None and code is not None:
        raise BadInput("--workspace and --code are alternatives; give one of them")
    kata = load_kata(slug)
    find_go("kata test")
    code_dir = code if code is not None else kata_workspace(kata, workspace)
    if code is None and not code_dir.is_dir():
        raise BadInput(f"no workspace for {slug} at {code_dir}",
                       hint=f"Run `gokata kata start {slug}` first, or point --code at a folder with your files.")
    recorder = _recorder() if code is None else None
    with _terminate_as_interrupt():
        result = grade_submission(kata, code_dir, visible_only=visible_only, progress=render_progress)
    if recorder is not None:
        _record(recorder, kata.spec.topic, result)
    if junit is not None:
        _write_junit(junit, result)
    if json_out:
        print_json(result.to_json())
    else:
        render_result(result, kata=kata, code=str(code_dir), lang=lang.value)
    raise typer.Exit(0 if result.ok else 1)


@app.command()
def hint(
    slug: str = typer.Argument(..., help="The kata."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="en or zh."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Show the next hint (one more each time; your progress remembers how many you have seen)."""
    from runner.kata.catalog import load_kata
    from runner.kata.hints import next_hint
    from runner.ui.kata import render_hint

    kata = load_kata(slug)
    render_hint(next_hint(kata, _recorder(), lang.value), json_out=json_out, lang=lang.value)


@app.command()
def reset(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
) -> None:
    """Put the starter files back (your current files are kept in a backup folder first)."""
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import reset as reset_kata
    from runner.ui.kata import render_reset

    kata = load_kata(slug)
    render_reset(kata, reset_kata(kata, workspace))


@app.command()
def watch(
    slug: str = typer.Argument(..., help="The kata."),
    workspace: Path | None = typer.Option(None, "--workspace", help=WORKSPACE_HELP),
    visible_only: bool = typer.Option(False, "--visible-only", help="Run the visible tests only."),
) -> None:
    """Re-test on every save of your files. Press q (or Ctrl-C) to stop."""
    import threading

    from runner.errors import BadInput
    from runner.kata.catalog import load_kata
    from runner.kata.grade import grade_submission
    from runner.kata.watch import watch_and_grade
    from runner.kata.workspace import kata_workspace
    from runner.toolchain import find_go
    from runner.ui.kata import (
        quit_key,
        render_progress,
        render_result,
        render_watch_error,
        render_watch_header,
        render_watch_separator,
    )

    kata = load_kata(slug)
    find_go("kata watch")
    directory = kata_workspace(kata, workspace)
    if not directory.is_dir():
        raise BadInput(f"no workspace for {slug} at {directory}", hint=f"Run `gokata kata start {slug}` first.")
    recorder = _recorder()
    stop = threading.Event()

    def grade() -> KataResult:
        return grade_submission(kata, directory, visible_only=visible_only, progress=render_progress, cancel=stop)

    def on_result(result: KataResult) -> None:
        _record(recorder, kata.spec.topic, result)
        render_watch_separator()
        render_result(result, kata=kata, code=str(directory))

    try:
        with _terminate_as_interrupt(), quit_key(stop) as tty:
            render_watch_header(directory, tty=tty)
            watch_and_grade(directory, kata.learner_files, grade, on_result=on_result,
                            on_error=lambda exc: None if stop.is_set() else render_watch_error(exc), stop=stop)
    except KeyboardInterrupt:
        pass  # Ctrl-C is the ordinary way out of a watch, not a failure
    render_progress("stopped watching")


@app.command()
def verify(
    slugs: list[str] = typer.Argument(None, help="Only these katas (default: all)."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Test runs at a time (default: the number of CPUs)."),
) -> None:
    """Maintainers: check every kata (schema, starter fails, solution passes 3x, mutants caught, std only)."""
    from runner.kata.verify import verify_katas
    from runner.ui.kata import render_verify
    from runner.ui.steps import step_reporter

    with _terminate_as_interrupt(), step_reporter("verifying katas", json_out=json_out) as on_step:
        report = verify_katas(tuple(slugs or ()), jobs=jobs or os.cpu_count() or 2, on_step=on_step)
    render_verify(report, json_out=json_out)
    raise typer.Exit(0 if report.ok else 1)


def _recorder() -> Recorder:
    from runner.progress.recorder import open_recorder

    return open_recorder()


def _record(recorder: Recorder, topic: str, result: KataResult) -> None:
    from runner.progress.recorder import KataAttempt

    recorder.record_kata(KataAttempt(slug=result.kata, topic=topic, status=result.status, score=result.score,
                                tests_passed=result.passed, tests_total=result.total,
                                duration_s=result.duration_s))


def _write_junit(path: Path, result: KataResult) -> None:
    from runner.errors import BadInput
    from runner.kata.junit import junit_xml

    try:
        path.write_text(junit_xml(result), encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot write the JUnit report: {exc.strerror}") from None


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM ends a run like Ctrl-C does: the sandbox's processes are killed and its folder removed."""
    import signal
    import threading

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


@app.command("new")
def new_kata(
    slug: str = typer.Argument(..., help="The new kata's name (lower-case letters, digits, dashes)."),
    folder: Path = typer.Option(..., "--dir", help="Your katas folder; the kata is written to DIR/SLUG."),
) -> None:
    """Scaffold a private kata (starter, tests, hidden tests, solution, a mutant) that `kata verify` passes."""
    from runner.kata.scaffold import new_kata as scaffold
    from runner.ui.console import out

    root = scaffold(slug, folder)
    out().print(f"wrote {root}; check it with `gokata --katas {folder} kata verify {slug}`, "
                f"use it with --katas {folder}")
