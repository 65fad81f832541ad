"""`gokata kata solution SLUG`: the reference solution, once the learner has passed the kata.

Never during an exam: a folder holding an exam's state (the candidate's --dir) or any folder
above the current one refuses it, and an exam pack's katas (kata.json, no .meta) carry no solution.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from runner.errors import BadInput
from runner.kata.catalog import Kata
from runner.paths import EXAM_STATE_FILE
from runner.progress.recorder import Recorder

MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class SolutionFile:
    name: str
    text: str


@dataclass(frozen=True)
class SolutionView:
    slug: str
    files: tuple[SolutionFile, ...]

    def to_json(self) -> dict[str, object]:
        return {"slug": self.slug, "files": [{"name": f.name, "text": f.text} for f in self.files]}


def exam_folder(start: Path) -> Path | None:
    """The exam folder (holding an exam's saved state) at or above `start`, if any."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / EXAM_STATE_FILE).is_file():
            return folder
    return None


def reference_solution(kata: Kata, recorder: Recorder, *, cwd: Path) -> SolutionView:
    exam = exam_folder(cwd)
    if exam is not None:
        raise BadInput(f"reference solutions are not available in an exam (this is the exam folder {exam})")
    if (kata.root / "kata.json").is_file() or not kata.solution_dir.is_dir():
        raise BadInput(f"{kata.slug} has no reference solution here (an exam pack never carries one)")
    record = recorder.kata_statuses().get(kata.slug)
    if record is None or not record.ever_passed:
        raise BadInput(
            f"pass {kata.slug} first: the reference solution is shown only after your code passed",
            hint=f"Test your code with `gokata kata test {kata.slug}`; stuck? `gokata kata hint {kata.slug}`.",
        )
    files = []
    for name in kata.learner_files:
        path = kata.solution_dir / name
        if path.is_file():
            files.append(SolutionFile(name, path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8", "replace")))
    return SolutionView(kata.slug, tuple(files))


def solution_for(slug: str, *, cwd: Path | None = None) -> SolutionView:
    from runner.kata.catalog import load_kata
    from runner.progress.recorder import open_recorder

    if cwd is None:
        try:
            cwd = Path.cwd()
        except OSError:
            # whether this is an exam folder cannot be told, so nothing is shown
            raise BadInput(
                "the current folder no longer exists; change to an existing folder and run it again"
            ) from None
    return reference_solution(load_kata(slug), open_recorder(), cwd=cwd)
