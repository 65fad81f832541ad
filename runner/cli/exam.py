"""`gokata exam ...`: hiring exercises from spec to signed report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer

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
    from runner.errors import BadInput

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


def _bank_opt() -> Path | None:
    return typer.Option(None, "--bank", help=BANK_HELP, file_okay=False)  # type: ignore[no-any-return]


def _katas_opt() -> Path | None:
    return typer.Option(None, "--katas", help=KATAS_HELP, file_okay=False)  # type: ignore[no-any-return]


@app.command()
def new(
    file: Path = typer.Argument(..., help="Where to write the spec (YAML)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    katas: Path | None = _katas_opt(),
) -> None:
    """Scaffold an exam spec: title, time limit, question draws, katas, weights, pass mark, scorecard."""
    from runner.errors import BadInput
    from runner.exam.katas import available_katas
    from runner.exam.spec import SCAFFOLD
    from runner.ui.console import out

    if file.exists() and not force:
        raise BadInput(f"{file} exists; use --force to overwrite")
    with content_dirs(None, katas):
        slugs = sorted(available_katas())
    text = SCAFFOLD.format(
        name=file.name,
        seed=int.from_bytes(os.urandom(2), "big"),
        kata=slugs[0] if slugs else "REPLACE-WITH-A-KATA-SLUG",
    )
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{file}: cannot write: {exc.strerror}") from None
    out().print(f"wrote {file}; edit it, then run `gokata exam lint {file}`")


@app.command()
def lint(
    spec: Path = typer.Argument(..., help="The exam spec."),
    bank: Path | None = _bank_opt(),
    katas: Path | None = _katas_opt(),
) -> None:
    """Validate a spec like the banks (every problem as file:line:column); say whether it uses public content."""
    from runner.exam.workflow import public_content, resolve_spec
    from runner.ui.exam import render_lint

    with content_dirs(bank, katas):
        exam, _ = resolve_spec(spec)
        public = public_content(exam)
    render_lint(exam, public)


@app.command()
def pack(
    spec: Path = typer.Argument(..., help="The exam spec."),
    out_path: Path = typer.Option(..., "--out", "-o", help="A new folder, or a FILE.zip."),
    bank: Path | None = _bank_opt(),
    katas: Path | None = _katas_opt(),
) -> None:
    """Build the candidate pack: no answers, explanations, frameworks, hidden tests or solutions."""
    from runner.exam.pack import write_pack
    from runner.exam.workflow import pack_for, public_content
    from runner.ui.exam import render_packed

    with content_dirs(bank, katas):
        exam, _, built = pack_for(spec)
        public = public_content(exam)
    write_pack(built, out_path)
    render_packed(out_path, exam, built.pack_hash, public)


@app.command()
def take(
    pack_path: Path = typer.Argument(..., help="The pack folder or .zip you were given."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="Where your answers and code are kept."),
    name: str | None = typer.Option(None, "--name", help="Your name: needed the first time, not when you resume."),
    lang: LangOpt | None = typer.Option(None, "--lang", help="en or zh (default: the exam's language)."),
    answers: Path | None = typer.Option(
        None, "--answers", help="Load answers from a YAML file (marked so in the report)."
    ),
) -> None:
    """Take the exam: timer shown, every answer saved as you go; run again to resume."""
    from runner.exam.workflow import begin, pack_katas, store_scripted_answers
    from runner.ui.console import out
    from runner.ui.exam import render_take_status, run_take

    state, opened = begin(pack_path, workdir, name)
    questions = opened.questions()
    chosen = lang.value if lang else opened.settings.lang
    if answers is not None:
        n = store_scripted_answers(state, opened, answers)
        out().print(f"loaded {n} answer(s) from {answers}")
        remaining = sum(1 for q in questions if q["id"] not in state.answers)
    else:
        remaining = run_take(state, questions, lang="zh" if chosen == "zh" else "en")
    render_take_status(state, remaining, pack_katas(opened, workdir), lang=chosen)


@app.command("test")
def test_kata(
    slug: str = typer.Argument(..., help="The coding task."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Run the visible tests of a coding task against your code."""
    from runner.exam.kata_bridge import run_visible
    from runner.exam.workflow import resume
    from runner.ui.exam import render_kata_outcome

    state, opened = resume(workdir)
    outcome = run_visible(opened, state.workdir, slug)
    state.log("test", data=f"{slug}:{outcome.status}")
    state.save()
    render_kata_outcome(outcome, json_out=json_out, lang=opened.settings.lang)
    raise typer.Exit(0 if outcome.status == "pass" else 1)


@app.command()
def submit(
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help="Submission file (default: in the exam folder)."),
) -> None:
    """Write the one submission file to send back: answers, code, the session's event log, tool version, pack hash."""
    from runner.exam.candidate import build_submission, file_safe, write_submission
    from runner.exam.workflow import resume
    from runner.ui.console import out

    state, opened = resume(workdir)
    data = build_submission(state, opened)
    target = out_path or workdir / f"submission-{file_safe(state.candidate)}.json"
    write_submission(data, target)
    unanswered = sum(1 for q in opened.questions() if q["id"] not in state.answers)
    note = f" ({unanswered} question(s) unanswered)" if unanswered else ""
    out().print(f"wrote {target}{note}; send this file to your interviewer")


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
) -> None:
    """Grade submissions with the full bank and hidden tests; write per-candidate reports and a summary.

    Exit 0 when every submission was graded, 1 when any could not be (its row says why)."""
    from runner.exam.batch import grade_all, parse_shard
    from runner.ui.exam import render_batch
    from runner.ui.steps import step_reporter

    part = parse_shard(shard) if shard is not None else None
    with content_dirs(bank, katas), step_reporter("grading submissions", json_out=json_out) as on_step:
        result = grade_all(spec, submissions, jobs=jobs, out_dir=out_dir, key=key or None, shard=part,
                           on_step=on_step)
    render_batch(result, json_out=json_out)
    raise typer.Exit(0 if result.all_graded else 1)


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
) -> None:
    """Put graded shards together: ranks, similarity across all candidates, summary and signatures."""
    from runner.exam.batch import merge as merge_dirs
    from runner.ui.exam import render_batch

    result = merge_dirs(dirs, out_dir, key or None)
    render_batch(result, json_out=json_out)
    raise typer.Exit(0 if result.all_graded else 1)


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
) -> None:
    """Add interview notes and scorecard scores to a candidate's report; the reports are written again."""
    from runner.errors import BadInput
    from runner.exam.batch import add_note
    from runner.ui.exam import render_noted

    scores: dict[str, int] = {}
    for item in score:
        cid, sep, value = item.partition("=")
        if not sep or not value.strip().lstrip("-").isdigit() or len(value) > 6:
            raise BadInput(f"--score {item!r}: give it as CRITERION=N, e.g. concurrency=3")
        scores[cid.strip()] = int(value)
    report = add_note(report_dir, candidate, text=text, author=author[:100], scores=scores, key=key or None)
    render_noted(report_dir, report)


@app.command()
def verify(
    file: Path = typer.Argument(
        ...,
        help="A report.json, report.html, report.md, junit.xml or summary.json/.md/.csv "
        "written by `gokata exam grade --key`.",
    ),
    key: str = typer.Option(..., "--key", envvar="GOKATA_EXAM_KEY", help="The secret it was signed with."),
) -> None:
    """Say whether a report file is intact (unchanged and signed with this key) or altered: exit 0 or 1."""
    from runner.exam.signing import verify_file
    from runner.ui.exam import render_verdict

    verdict = verify_file(file, key)
    render_verdict(verdict)
    raise typer.Exit(0 if verdict.status == "intact" else 1)
