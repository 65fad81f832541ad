"""`exam grade`: grade many submissions in parallel and write every report file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from runner.errors import BadInput
from runner.exam import reports as R
from runner.exam.candidate import file_safe
from runner.exam.grading import CandidateReport, grade_batch, grade_submission
from runner.exam.kata_bridge import hidden_grader
from runner.exam.katas import load_kata_files
from runner.exam.signing import sign
from runner.exam.workflow import pack_for


def grade_all(spec: Path, submissions: Sequence[Path], *, jobs: int, out_dir: Path,
              key: str | None) -> tuple[list[CandidateReport], list[str]]:
    exam, catalog, built = pack_for(spec)
    missing = [str(p) for p in submissions if not p.is_file()]
    if missing:
        raise BadInput(f"no such submission file(s): {', '.join(missing)}")
    grader = hidden_grader(exam)
    starters = {slug: {name: (kata.root / name).read_text(encoding="utf-8") for name in kata.learner_files}
                for slug, kata in load_kata_files(exam.katas).items()}
    reports = grade_batch(list(submissions), lambda p: grade_submission(p, exam, catalog, built.pack_hash, grader),
                          jobs=jobs, starters=starters)
    written: list[str] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for r in reports:
            if key:
                r.data = sign(r.data, key)
            base = file_safe(r.candidate).lower()
            while base in used:
                base += "-2"
            used.add(base)
            folder = out_dir / base
            folder.mkdir(exist_ok=True)
            for name, text in (("report.json", R.to_json(r.data)), ("report.md", R.to_markdown(r.data)),
                               ("report.html", R.to_html(r.data)), ("junit.xml", R.to_junit(r.data))):
                (folder / name).write_text(text, encoding="utf-8")
            written.append(str(folder))
        datas = [r.data for r in reports]
        (out_dir / "summary.md").write_text(R.summary_markdown(datas), encoding="utf-8")
        summary: dict[str, object] = {"exam": exam.spec.title, "candidates": R.summary_rows(datas)}
        if key:
            summary = sign(summary, key)
        (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                                              encoding="utf-8")
        written.append(str(out_dir / "summary.md"))
    except OSError as exc:
        raise BadInput(f"{out_dir}: cannot write reports: {exc.strerror}") from None
    return reports, written
