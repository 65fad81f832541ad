"""The exam's use of the kata runner: hidden tests for graders, visible tests for candidates."""

from __future__ import annotations

import tempfile
from pathlib import Path

from runner.exam.grading import KataGrader, KataOutcome, KataTest
from runner.exam.pack import OpenedPack
from runner.exam.spec import ResolvedExam
from runner.kata.result import KataResult


def _outcome_from(result: KataResult, slug: str, title: str, topic: str) -> KataOutcome:
    tests = tuple(KataTest(t.name, t.hidden, t.status, t.message) for t in result.tests)
    return KataOutcome(slug, title, topic, result.status, result.score, tests, result.duration_s, result.summary)


def hidden_grader(exam: ResolvedExam) -> KataGrader:
    """Grade a candidate's files with the kata's visible and hidden tests in the sandbox."""

    def grade(slug: str, files: dict[str, str]) -> KataOutcome:
        from runner.kata.catalog import load_kata
        from runner.kata.grade import grade_submission

        kata = load_kata(slug)
        title, topic = kata.spec.title.en, kata.spec.topic
        if not files:
            return KataOutcome(slug, title, topic, "missing", 0.0, (), 0.0, "No code was submitted for this kata.")
        with tempfile.TemporaryDirectory(prefix="gokata-exam-") as tmp:
            code = Path(tmp)
            for name, text in files.items():
                if name in kata.spec.learner_files:
                    (code / name).write_text(text, encoding="utf-8")
            result = grade_submission(kata, code)
        return _outcome_from(result, slug, title, topic)

    return grade


def run_visible(pack: OpenedPack, workdir: Path, slug: str) -> KataOutcome:
    """A candidate's check: the pack's visible tests only, against the workspace code."""
    from runner.errors import BadInput
    from runner.kata.catalog import load_kata_dir
    from runner.kata.grade import grade_submission

    prefix = f"katas/{slug}/"
    if f"{prefix}kata.json" not in pack.files:
        raise BadInput(f"no coding task {slug!r} in this exam")
    with tempfile.TemporaryDirectory(prefix="gokata-exam-kata-") as tmp:
        root = Path(tmp) / slug
        for path, data in pack.files.items():
            if path.startswith(prefix):
                target = root / path[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        kata = load_kata_dir(root)
        result = grade_submission(kata, workdir / "katas" / slug, visible_only=True)
    return _outcome_from(result, slug, kata.spec.title.en, kata.spec.topic)
