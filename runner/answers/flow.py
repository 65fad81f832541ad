"""`gokata answer`: the engine side. Grading an open answer and recording it happen here, once."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import BadInput, ExitStatus
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.answers.blind import SplitReport
    from runner.answers.calibrate import CalibrationReport
    from runner.answers.result import OpenGrade
    from runner.content.models import OpenQuestion
    from runner.progress.recorder import Recorder


@dataclass(frozen=True)
class AnswerTask:
    """An open question to answer, with the progress store already open (so a store that cannot be
    used is reported before any grading is shown)."""

    question: OpenQuestion
    recorder: Recorder


@dataclass(frozen=True)
class Calibration:
    report: CalibrationReport
    blind: tuple[SplitReport, ...]

    def to_json(self) -> dict[str, Any]:
        data = self.report.to_json()
        if self.blind:
            data["blind"] = [split.to_json() for split in self.blind]
        return data


def open_answer(question_id: str, *, text: str | None, file: Path | None) -> AnswerTask:
    from runner.content.models import OpenQuestion
    from runner.content.outline import load_question
    from runner.progress.recorder import open_recorder

    if text is not None and file is not None:
        raise BadInput("give the answer with --text or --file, not both")
    question = load_question(question_id)
    if not isinstance(question, OpenQuestion):
        raise BadInput(
            f"{question_id} is a {question.kind} question; `gokata answer` grades open questions",
            hint=f"practise it with `gokata quiz --topic {question.topic}`",
        )
    return AnswerTask(question, open_recorder())


def given_text(text: str | None, file: Path | None, *, stdin: bool) -> str | None:
    """The answer given on the command line: --text, --file (`-` is stdin), or stdin when `stdin`."""
    if text is not None:
        return text
    if file is not None:
        return read_file(file)
    return read_file(Path("-")) if stdin else None


def grade_answer(task: AnswerTask, text: str, duration_s: float) -> Outcome[OpenGrade]:
    """Grade the answer point by point and record it (practice mode)."""
    from runner.answers.framework import grade_open
    from runner.progress.recorder import QuestionAttempt

    if not text.strip():
        raise BadInput("the answer is empty", hint="write the answer, or pass it with --text or --file")
    question = task.question
    grade = grade_open(question, text)
    task.recorder.record_question(
        QuestionAttempt(
            question_id=question.id,
            topic=question.topic,
            kind="open",
            answer=text,
            correct=None,
            score=grade.score,
            duration_s=duration_s,
            mode="practice",
            missed_core=grade.missed_core,
        )
    )
    return Outcome(grade, ExitStatus.passed(grade.passed))


def calibrate(
    paths: list[Path] | None, *, blind: Path | None, min_within: float, max_mae: float
) -> Outcome[Calibration]:
    """`bank calibrate`: the grader against the banks' example scores (and a blind set, where there is one)."""
    from runner.answers.blind import default_blind_dir, grade_blind
    from runner.answers.calibrate import calibrate as run
    from runner.content.catalog import load_catalog

    catalog = load_catalog(paths or None)
    report = run(catalog)
    folder = blind or (default_blind_dir() if not paths else None)
    splits = grade_blind(catalog, folder) if folder is not None else ()
    ok = report.within >= min_within - 1e-9 and report.mae <= max_mae + 1e-9
    return Outcome(Calibration(report, tuple(splits)), ExitStatus.passed(ok))


def read_file(path: Path) -> str:
    """A UTF-8 text file, or stdin for `-`; a file that cannot be read is bad input. Only
    regular files are opened, and no more is read than an answer may hold (stdin could be
    /dev/zero)."""
    from runner.answers.limits import MAX_ANSWER_CHARS
    from runner.files import NotReadable, read_regular_file, undecodable_at

    if str(path) == "-":
        text = sys.stdin.read(MAX_ANSWER_CHARS + 1)
        if len(text) > MAX_ANSWER_CHARS:
            raise BadInput(f"the answer on stdin is longer than {MAX_ANSWER_CHARS:,} characters; it is not graded")
        return text
    too_long = BadInput(f"{path}: longer than {MAX_ANSWER_CHARS:,} characters; an answer that long is not graded")
    try:
        # UTF-8 takes at most 4 bytes a character: a file over that holds too many characters
        raw = read_regular_file(path, 4 * (MAX_ANSWER_CHARS + 1)).decode("utf-8")
        text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as a text-mode read gives it
        if len(text) > MAX_ANSWER_CHARS:
            raise too_long
        return text
    except NotReadable as exc:
        if exc.what == "too large":
            raise too_long from None
        raise BadInput(f"{path}: not a regular file (a folder, a pipe or a device)") from None
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        line, col = undecodable_at(exc)
        raise BadInput(f"{path}:{line}:{col}: not UTF-8 text") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None
