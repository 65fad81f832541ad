"""`gokata exam ...`: hiring exercises from spec to signed report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.present import draw_only, present
from runner.errors import BadInput, ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.exam import flow
    from runner.ui import console, steps
    from runner.ui import exam as ui
    from runner.ui import exam_take as take_ui
else:
    flow = lazy_module("runner.exam.flow")
    console = lazy_module("runner.ui.console")
    steps = lazy_module("runner.ui.steps")
    ui = lazy_module("runner.ui.exam")
    take_ui = lazy_module("runner.ui.exam_take")

app = typer.Typer(
    help="Hiring exercises: spec, candidate pack, take, submit, grade, merge, note, verify.", no_args_is_help=True
)

DEFAULT_DIR = Path("gokata-exam")
BANK_HELP = "Question bank folder (same as GOKATA_QUESTIONS): use a private bank for a screen that counts."
KATAS_HELP = "Katas folder (same as GOKATA_KATAS): use private katas for a screen that counts."


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


@contextmanager
def content_dirs(bank: Path | None, katas: Path | None) -> Iterator[None]:
    """--bank/--katas for the length of one command: the same as the environment variables."""
    saved = {k: os.environ.get(k) for k in ("GOKATA_QUESTIONS", "GOKATA_KATAS")}
    for name, value, var in (("--bank", bank, "GOKATA_QUESTIONS"), ("--katas", katas, "GOKATA_KATAS")):
        if value is not None:
            if not value.is_dir():
                raise BadInput(f"{name} {value}: no such folder")
            os.environ[var] = str(value)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _checked_key(key: str | None) -> str | None:
    """An empty secret signs nothing: `--key ''`, or GOKATA_EXAM_KEY set to nothing by a CI secret
    that failed to load, gave unsigned reports without a word."""
    if key is not None and not key.strip():
        raise BadInput("--key: the secret is empty; give the secret itself (or leave --key out to sign nothing)")
    if key is None and "GOKATA_EXAM_KEY" in os.environ and not os.environ["GOKATA_EXAM_KEY"].strip():
        raise BadInput(
            "GOKATA_EXAM_KEY is set but empty; set it to the secret, or unset it to sign nothing",
            hint="A CI secret that did not load leaves the variable empty.",
        )
    return key


def _bank_opt() -> Path | None:
    return typer.Option(None, "--bank", help=BANK_HELP, file_okay=False)  # type: ignore[no-any-return]


def _katas_opt() -> Path | None:
    return typer.Option(None, "--katas", help=KATAS_HELP, file_okay=False)  # type: ignore[no-any-return]


@app.command()
def new(
    file: Path = typer.Argument(..., help="Where to write the spec (YAML)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    katas: Path | None = _katas_opt(),
) -> ExitStatus:
    """Scaffold an exam spec: title, time limit, question draws, katas, weights, pass mark, scorecard."""
    with content_dirs(None, katas):
        outcome = flow.new_spec(file, force=force)
    return draw_only(
        outcome, lambda path: console.out().print(f"wrote {path}; edit it, then run `gokata exam lint {path}`")
    )


@app.command()
def lint(
    spec: Path = typer.Argument(..., help="The exam spec."),
    bank: Path | None = _bank_opt(),
    katas: Path | None = _katas_opt(),
) -> ExitStatus:
    """Validate a spec like the banks (every problem as file:line:column); say whether it uses public content."""
    with content_dirs(bank, katas):
        outcome = flow.lint(spec)
    return draw_only(outcome, lambda v: ui.render_lint(v.exam, v.public))


@app.command()
def pack(
    spec: Path = typer.Argument(..., help="The exam spec."),
    out_path: Path = typer.Option(..., "--out", "-o", help="A new folder, or a FILE.zip."),
    bank: Path | None = _bank_opt(),
    katas: Path | None = _katas_opt(),
) -> ExitStatus:
    """Build the candidate pack: no answers, explanations, frameworks, hidden tests or solutions."""
    with content_dirs(bank, katas):
        outcome = flow.pack(spec, out_path)
    return draw_only(outcome, lambda v: ui.render_packed(v.path, v.exam, v.pack_hash, v.public))


@app.command()
def take(
    pack_path: Path = typer.Argument(..., help="The pack folder or .zip you were given."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="Where your answers and code are kept."),
    name: str | None = typer.Option(None, "--name", help="Your name: needed the first time, not when you resume."),
    lang: LangOpt | None = typer.Option(None, "--lang", help="en or zh (default: the exam's language)."),
    answers: Path | None = typer.Option(
        None, "--answers", help="Load answers from a YAML file (marked so in the report)."
    ),
) -> ExitStatus:
    """Take the exam: timer shown, every answer saved as you go; run again to resume."""
    taking = flow.take(pack_path, workdir, name, answers)
    return take_ui.take_exam(taking, lang.value if lang else None)


@app.command("test")
def test_kata(
    slug: str = typer.Argument(..., help="The coding task."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    lang: LangOpt | None = typer.Option(None, "--lang", help="en or zh (default: the configured language)."),
) -> ExitStatus:
    """Run the visible tests of a coding task against your code."""
    outcome = flow.test_task(workdir, slug)
    chosen = lang.value if lang else None
    return present(
        "exam test",
        outcome,
        json_out=json_out,
        data=flow.kata_outcome_json,
        draw=lambda v: ui.render_kata_outcome(v, chosen),
    )


@app.command()
def submit(
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help="Submission file (default: in the exam folder)."),
) -> ExitStatus:
    """Write the one submission file to send back: answers, code, the session's event log, tool version, pack hash."""
    outcome = flow.submit(workdir, out_path)
    return draw_only(outcome, _render_submitted)


@app.command()
def grade(
    spec: Path = typer.Argument(..., help="The exam spec the pack was built from."),
    submissions: list[Path] = typer.Argument(..., help="Submission files."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, max=256, help="Submissions graded in parallel."),
    out_dir: Path = typer.Option(Path("exam-reports"), "--out", "-o", help="Folder for the reports."),
    key: str | None = typer.Option(None, "--key", envvar="GOKATA_EXAM_KEY", help="Sign reports with this secret."),
    shard: str | None = typer.Option(
        None, "--shard", help="Grade only share i of n (e.g. 2/3); put the shards together with `gokata exam merge`."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    bank: Path | None = _bank_opt(),
    katas: Path | None = _katas_opt(),
) -> ExitStatus:
    """Grade submissions with the full bank and hidden tests; write per-candidate reports and a summary.

    Exit 0 when every submission was graded, 1 when any could not be (its row says why)."""
    with content_dirs(bank, katas), steps.step_reporter("grading submissions", quiet=json_out) as on_step:
        outcome = flow.grade(
            spec, submissions, jobs=jobs, out_dir=out_dir, key=_checked_key(key), shard=shard, on_step=on_step
        )
    return present("exam grade", outcome, json_out=json_out, data=flow.batch_json, draw=ui.render_batch)


@app.command()
def merge(
    dirs: list[Path] = typer.Argument(..., help="The --out folders of `exam grade --shard i/n` runs."),
    out_dir: Path = typer.Option(..., "--out", "-o", help="Folder for the merged reports."),
    key: str | None = typer.Option(
        None,
        "--key",
        envvar="GOKATA_EXAM_KEY",
        help="Check the shards' signatures and sign the merged reports with this secret.",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> ExitStatus:
    """Put graded shards together: ranks, similarity across all candidates, summary and signatures."""
    outcome = flow.merge(dirs, out_dir, _checked_key(key))
    return present("exam merge", outcome, json_out=json_out, data=flow.batch_json, draw=ui.render_batch)


@app.command()
def note(
    report_dir: Path = typer.Argument(..., help="The --out folder of `exam grade` (or `exam merge`)."),
    candidate: str = typer.Argument(..., help="The candidate's folder name or name as in the report."),
    text: str | None = typer.Option(None, "--text", "-t", help="A note from the interview."),
    score: list[str] = typer.Option(
        [], "--score", "-s", help="CRITERION=N (1-4), from the spec's scorecard; repeatable."
    ),
    author: str = typer.Option("", "--author", help="Who writes the note."),
    key: str | None = typer.Option(None, "--key", envvar="GOKATA_EXAM_KEY", help="Sign again with this secret."),
) -> ExitStatus:
    """Add interview notes and scorecard scores to a candidate's report; the reports are written again."""
    outcome = flow.note(report_dir, candidate, text=text, author=author, scores=score, key=_checked_key(key))
    return draw_only(outcome, lambda v: ui.render_noted(v.report_dir, v.report))


@app.command()
def verify(
    file: Path = typer.Argument(
        ...,
        help="A report.json, report.html, report.md, junit.xml or summary.json/.md/.csv "
        "written by `gokata exam grade --key`.",
    ),
    key: str = typer.Option(..., "--key", envvar="GOKATA_EXAM_KEY", help="The secret it was signed with."),
) -> ExitStatus:
    """Say whether a report file is intact (unchanged and signed with this key) or altered: exit 0 or 1."""
    return draw_only(flow.verify(file, _checked_key(key) or ""), ui.render_verdict)


def _render_submitted(done: flow.Submitted) -> None:
    from rich.markup import escape

    for warning in done.warnings():
        console.err().print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    note = f" ({done.unanswered} question(s) unanswered)" if done.unanswered else ""
    console.out().print(f"wrote {done.path}{note}; send this file to your interviewer")
