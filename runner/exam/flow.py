"""One engine function per `gokata exam ...` command, returning an Outcome.

Commands that read a bank or katas are called inside `--bank`/`--katas` (runner.cli.exam's
content_dirs); everything they write (the spec, the state, the submission, the reports) is
written here or below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import BadInput, ExitStatus
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.exam.batch import BatchResult
    from runner.exam.candidate import ExamState
    from runner.exam.grading import KataOutcome
    from runner.exam.model import CandidateReport
    from runner.exam.pack import OpenedPack
    from runner.exam.signing import Verdict
    from runner.exam.spec import ResolvedExam
    from runner.exam.workflow import PublicContent
    from runner.steps import OnStep


@dataclass(frozen=True)
class Linted:
    exam: ResolvedExam
    public: PublicContent


@dataclass(frozen=True)
class Packed:
    path: Path
    exam: ResolvedExam
    pack_hash: str
    public: PublicContent


@dataclass(frozen=True)
class Taking:
    """An exam opened (or resumed) in its folder; `loaded` answers came from a file, when given."""

    state: ExamState
    opened: OpenedPack
    questions: list[dict[str, Any]]
    katas: list[tuple[str, str, list[str]]]  # slug, workspace, learner files
    answers: Path | None
    loaded: int | None

    def remaining(self) -> int:
        return sum(1 for q in self.questions if q["id"] not in self.state.answers)


@dataclass(frozen=True)
class Submitted:
    path: Path
    unanswered: int
    missing: tuple[str, ...] = ()  # `slug/file`: learner files absent from the workspace, submitted without

    def warnings(self) -> list[str]:
        """What the command says on stderr (the submission is still written, exit 0)."""
        return [
            f"{name}: missing from your kata folder; submitted without it (that task is graded without this file)"
            for name in self.missing
        ]


@dataclass(frozen=True)
class Noted:
    report_dir: Path
    report: CandidateReport


def new_spec(file: Path, *, force: bool) -> Outcome[Path]:
    """Write a spec scaffold to `file` (its first kata is one of the available katas)."""
    from runner.exam.pack_katas import available_katas
    from runner.exam.spec import SCAFFOLD
    from runner.reports.files import write_text

    if (file.exists() or file.is_symlink()) and not force:
        raise BadInput(f"{file} exists; use --force to overwrite")
    slugs = sorted(available_katas())
    text = SCAFFOLD.format(
        name=file.name,
        seed=int.from_bytes(os.urandom(2), "big"),
        kata=slugs[0] if slugs else "REPLACE-WITH-A-KATA-SLUG",
    )
    write_text(file, text)
    return Outcome(file)


def lint(spec: Path) -> Outcome[Linted]:
    from runner.exam.workflow import public_content, resolve_spec

    exam, _ = resolve_spec(spec)
    return Outcome(Linted(exam, public_content(exam)))


def pack(spec: Path, out_path: Path) -> Outcome[Packed]:
    """Build the candidate pack (needs the content folders) and write it to `out_path`."""
    from runner.exam.pack import write_pack
    from runner.exam.workflow import pack_for, public_content

    exam, _, built = pack_for(spec)
    public = public_content(exam)
    write_pack(built, out_path)
    return Outcome(Packed(out_path, exam, built.pack_hash, public))


def take(pack_path: Path, workdir: Path, name: str | None, answers: Path | None) -> Taking:
    """Open the exam (or resume it); with `answers`, store the answers of that file now."""
    from runner.exam.workflow import begin, pack_katas, store_scripted_answers

    state, opened = begin(pack_path, workdir, name)
    questions = opened.questions()
    loaded = store_scripted_answers(state, opened, answers) if answers is not None else None
    return Taking(state, opened, questions, pack_katas(opened, workdir), answers, loaded)


def test_task(workdir: Path, slug: str) -> Outcome[KataOutcome]:
    """Run a coding task's visible tests; the run is logged in the exam's event log."""
    from runner.exam.kata_bridge import run_visible
    from runner.exam.workflow import resume

    state, opened = resume(workdir)
    outcome = run_visible(opened, state.workdir, slug)
    state.log("test", data=f"{slug}:{outcome.status}")
    state.save()
    return Outcome(outcome, ExitStatus.passed(outcome.status == "pass"))


def kata_outcome_json(outcome: KataOutcome) -> dict[str, Any]:
    """`exam test --json`."""
    return {
        "kata": outcome.slug,
        "status": outcome.status,
        "score": round(outcome.score, 4),
        "tests": [
            {"name": t.name, "hidden": t.hidden, "status": t.status, "message": t.message} for t in outcome.tests
        ],
        "duration": round(outcome.duration_s, 2),
    }


def submit(workdir: Path, out_path: Path | None) -> Outcome[Submitted]:
    from runner.exam.candidate import build_submission, missing_files, write_submission
    from runner.exam.workflow import resume
    from runner.files import file_safe

    state, opened = resume(workdir)
    data = build_submission(state, opened)
    target = out_path or workdir / f"submission-{file_safe(state.candidate)}.json"
    write_submission(data, target)
    unanswered = sum(1 for q in opened.questions() if q["id"] not in state.answers)
    return Outcome(Submitted(target, unanswered, tuple(missing_files(data))))


def grade(
    spec: Path,
    submissions: list[Path],
    *,
    jobs: int,
    out_dir: Path,
    key: str | None,
    shard: str | None,
    on_step: OnStep | None,
) -> Outcome[BatchResult]:
    """Grade every submission (or one shard of them); OK when every one could be graded."""
    from runner.exam.batch import grade_all, parse_shard

    part = parse_shard(shard) if shard is not None else None
    result = grade_all(spec, submissions, jobs=jobs, out_dir=out_dir, key=key or None, shard=part, on_step=on_step)
    return Outcome(result, ExitStatus.passed(result.all_graded))


def merge(dirs: list[Path], out_dir: Path, key: str | None) -> Outcome[BatchResult]:
    from runner.exam.batch import merge as merge_dirs

    result = merge_dirs(dirs, out_dir, key or None)
    return Outcome(result, ExitStatus.passed(result.all_graded))


def batch_json(result: BatchResult) -> dict[str, Any]:
    """`exam grade --json` and `exam merge --json`."""
    return {"exam": result.title, "all_graded": result.all_graded, "candidates": [r.to_json() for r in result.reports]}


def parse_scores(items: list[str]) -> dict[str, int]:
    """`--score CRITERION=N` options as a dict (the range is checked against the spec when noted)."""
    scores: dict[str, int] = {}
    for item in items:
        cid, sep, value = item.partition("=")
        if not sep or not value.strip().lstrip("-").isdigit() or len(value) > 6:
            raise BadInput(f"--score {item!r}: give it as CRITERION=N, e.g. concurrency=3")
        scores[cid.strip()] = int(value)
    return scores


def note(
    report_dir: Path, candidate: str, *, text: str | None, author: str, scores: list[str], key: str | None
) -> Outcome[Noted]:
    from runner.exam.batch import add_note

    parsed = parse_scores(scores)
    report = add_note(report_dir, candidate, text=text, author=author[:100], scores=parsed, key=key or None)
    return Outcome(Noted(report_dir, report))


def verify(file: Path, key: str) -> Outcome[Verdict]:
    from runner.exam.signing import verify_file

    verdict = verify_file(file, key)
    return Outcome(verdict, ExitStatus.passed(verdict.status == "intact"))
