"""`gokata exam ...`: hiring exercises from spec to signed report."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import typer

app = typer.Typer(help="Hiring exercises: spec, candidate pack, take, submit, grade, verify.", no_args_is_help=True)

DEFAULT_DIR = Path("gokata-exam")


class LangOpt(StrEnum):
    en = "en"
    zh = "zh"


@app.command()
def new(
    file: Path = typer.Argument(..., help="Where to write the spec (YAML)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Scaffold an exam spec: title, time limit, question draws, katas, weights, pass mark."""
    from runner.errors import BadInput
    from runner.exam.katas import available_katas
    from runner.exam.spec import SCAFFOLD
    from runner.ui.console import out

    if file.exists() and not force:
        raise BadInput(f"{file} exists; use --force to overwrite")
    katas = sorted(available_katas())
    text = SCAFFOLD.format(name=file.name, seed=int.from_bytes(os.urandom(2), "big"),
                           kata=katas[0] if katas else "REPLACE-WITH-A-KATA-SLUG")
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{file}: cannot write: {exc.strerror}") from None
    out().print(f"wrote {file}; edit it, then run `gokata exam lint {file}`")


@app.command()
def lint(spec: Path = typer.Argument(..., help="The exam spec.")) -> None:
    """Validate a spec like the banks: every problem as file:line:column."""
    from runner.exam.workflow import resolve_spec
    from runner.ui.console import out

    exam, _ = resolve_spec(spec)
    out().print(f"[green]ok[/]: {len(exam.sections)} section(s), {len(exam.question_ids)} question(s), "
                f"{len(exam.katas)} kata(s)")


@app.command()
def pack(
    spec: Path = typer.Argument(..., help="The exam spec."),
    out_path: Path = typer.Option(..., "--out", "-o", help="A new folder, or a FILE.zip."),
) -> None:
    """Build the candidate pack: no answers, explanations, frameworks, hidden tests or solutions."""
    from runner.exam.pack import write_pack
    from runner.exam.workflow import pack_for
    from runner.ui.console import out

    exam, _, built = pack_for(spec)
    write_pack(built, out_path)
    out().print(f"wrote {out_path}: {len(exam.question_ids)} question(s), {len(exam.katas)} kata(s)\n"
                f"pack hash {built.pack_hash}")


@app.command()
def take(
    pack_path: Path = typer.Argument(..., help="The pack folder or .zip you were given."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="Where your answers and code are kept."),
    name: str | None = typer.Option(None, "--name", help="Your name: needed the first time, not when you resume."),
    lang: LangOpt | None = typer.Option(None, "--lang", help="en or zh (default: the exam's language)."),
    answers: Path | None = typer.Option(None, "--answers", help="Load answers from a YAML file (marked so in the "
                                        "report)."),
) -> None:
    """Take the exam: timer shown, every answer saved as you go; run again to resume."""
    from runner.exam.workflow import begin, pack_katas, store_scripted_answers
    from runner.ui.console import out
    from runner.ui.exam import render_take_status, run_take

    state, opened = begin(pack_path, workdir, name)
    questions = opened.questions()
    if answers is not None:
        n = store_scripted_answers(state, opened, answers)
        out().print(f"loaded {n} answer(s) from {answers}")
        remaining = sum(1 for q in questions if q["id"] not in state.answers)
    else:
        remaining = run_take(state, questions, lang=(lang.value if lang else opened.manifest.get("lang", "en")))
    render_take_status(state, remaining, pack_katas(opened, workdir))


@app.command("test")
def test_kata(
    slug: str = typer.Argument(..., help="The coding task."),
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
) -> None:
    """Run the visible tests of a coding task against your code."""
    from runner.exam.kata_bridge import run_visible
    from runner.exam.workflow import resume

    state, opened = resume(workdir)
    outcome = run_visible(opened, state.workdir, slug)
    from runner.ui.exam import render_kata_outcome

    render_kata_outcome(outcome, json_out=json_out)
    raise typer.Exit(0 if outcome.status == "pass" else 1)


@app.command()
def submit(
    workdir: Path = typer.Option(DEFAULT_DIR, "--dir", help="The exam folder."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help="Submission file (default: in the exam folder)."),
) -> None:
    """Write the one submission file to send back: answers, code, timings, tool version, pack hash."""
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
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Submissions graded in parallel."),
    out_dir: Path = typer.Option(Path("exam-reports"), "--out", "-o", help="Folder for the reports."),
    key: str | None = typer.Option(None, "--key", envvar="GOKATA_EXAM_KEY", help="Sign reports with this secret."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Grade submissions with the full bank and hidden tests; write per-candidate reports and a summary."""
    from runner.exam.batch import grade_all
    from runner.ui.exam import render_reports_table

    reports, written = grade_all(spec, submissions, jobs=jobs, out_dir=out_dir, key=key)
    if json_out:
        import json

        print(json.dumps({"candidates": [r.data for r in reports]}, ensure_ascii=False))
    else:
        render_reports_table([r.data for r in reports], written)


@app.command()
def verify(
    report: Path = typer.Argument(..., help="A report.json from `gokata exam grade --key`."),
    key: str = typer.Option(..., "--key", envvar="GOKATA_EXAM_KEY", help="The secret it was signed with."),
) -> None:
    """Check a report's signature: exit 0 when it is intact and signed with this key, 1 otherwise."""
    import json

    from runner.errors import BadInput
    from runner.exam.signing import verify as check
    from runner.ui.console import out

    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInput(f"{report}: cannot read the report: {exc}") from None
    if not isinstance(data, dict) or "signature" not in data:
        out().print(f"[red]{report}: not signed[/]")
        raise typer.Exit(1)
    if check(data, key):
        out().print(f"[green]valid[/]: {report} is intact and signed with this key")
        return
    out().print(f"[red]INVALID[/]: {report} was changed after signing, or signed with another key")
    raise typer.Exit(1)
