"""Building packs, sessions and submissions in-process, with the clock under the test's control."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner.content.catalog import Catalog
from runner.exam.candidate import ExamState, build_submission, start_or_resume, write_submission
from runner.exam.grading import GradingContext, KataOutcome
from runner.exam.pack import BuiltPack, OpenedPack, build_pack, presentation, read_pack, write_pack
from runner.exam.spec import ResolvedExam
from runner.exam.workflow import resolve_spec


@dataclass(frozen=True)
class Setup:
    exam: ResolvedExam
    catalog: Catalog
    built: BuiltPack
    pack: OpenedPack
    pack_dir: Path

    def context(self) -> GradingContext:
        def no_katas(slug: str, files: dict[str, str]) -> KataOutcome:
            raise AssertionError("this exam has no katas")

        return GradingContext(self.exam, self.catalog, self.built.pack_hash, no_katas, {})

    def public_ids(self) -> dict[str, str]:
        """bank id -> the id the candidate sees"""
        return {x.question_id: x.public_id for x in presentation(self.exam, self.catalog)}

    def shown_letters(self, bank_id: str, bank_letters: str) -> str:
        x = next(x for x in presentation(self.exam, self.catalog) if x.question_id == bank_id)
        return x.to_shown_letters(bank_letters)


def setup(spec: Path, tmp_path: Path) -> Setup:
    exam, catalog = resolve_spec(spec)
    built = build_pack(exam, catalog, {})
    pack_dir = write_pack(built, tmp_path / "pack")
    return Setup(exam, catalog, built, read_pack(pack_dir), pack_dir)


def session(
    s: Setup,
    workdir: Path,
    name: str,
    answers: Mapping[str, Any],
    *,
    start: float = 1000.0,
    step: float = 30.0,
    duration: float = 20.0,
    submit_after: float | None = None,
) -> Path:
    """Answer by bank id (choice answers in bank letters), one answer every `step` seconds."""
    state = start_or_resume(s.pack, workdir, name, now=start)
    ids = s.public_ids()
    now = start
    for bank_id, raw in answers.items():
        now += step
        answer = s.shown_letters(bank_id, raw) if isinstance(raw, str) and bank_id in CHOICE_IDS else raw
        state.record(ids[bank_id], answer, duration_s=duration, chars=len(str(answer)), now=now)
    end = now + 10 if submit_after is None else start + submit_after
    return write_submission(build_submission(state, s.pack, now=end), workdir / f"{name}.json")


CHOICE_IDS = {"slices.reslice-shares-array", "slices.copy-ways"}

RIGHT: dict[str, Any] = {
    "slices.reslice-shares-array": "B",
    "slices.copy-ways": "A,C",
    "defer.lifo": True,
    "slices.three-index-frees": False,
    "slices.spot-pinning": [5],
    "slices.append-output": "[1 2 99] [1 2 99]\n",
    "slices.interview-reslicing": (
        "A slice is a small header: a pointer, a length and a capacity over a backing array. Re-slicing shares "
        "that backing array, so an append into spare capacity overwrites the original, and a small slice of a huge "
        "array pins the whole array in memory."
    ),
}
WRONG: dict[str, Any] = {
    "slices.reslice-shares-array": "C",
    "slices.copy-ways": "B",
    "defer.lifo": False,
    "slices.three-index-frees": True,
    "slices.spot-pinning": [2],
    "slices.append-output": "[1 2 3]\n",
    "slices.interview-reslicing": "No idea, sorry.",
}


def edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


__all__ = ["ExamState", "Setup", "edit", "session", "setup"]
