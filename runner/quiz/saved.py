"""A quiz in progress, saved after every answer so that `q`, end of input, Ctrl-C or a crash
can be resumed with `gokata quiz --resume`.

The file holds the selection as shown (question ids and choice orders), where the learner is,
the session's options and what was answered so far. It is the learner's own data but is read as
untrusted: a damaged file is reported with its path and left in place, never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from runner.content.models import AnyQuestion, Lang
from runner.errors import BadInput
from runner.files import NotReadable, atomic_write, read_regular_file
from runner.progress.location import data_dir
from runner.quiz.select import Presented
from runner.quiz.session import QuizSession

FILE_NAME = "paused-quiz.json"
FORMAT = 1
MAX_BYTES = 4 * 1024 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SavedItem(_Model):
    id: str = Field(min_length=1, max_length=200)
    order: tuple[StrictInt, ...] = ()


class SavedAnswer(_Model):
    id: str = Field(min_length=1, max_length=200)
    topic: str = Field(max_length=200)
    score: float = Field(ge=0, le=1, strict=True)
    fully_right: StrictBool


class SavedQuiz(_Model):
    # strict numbers and flags: `"seed": true` and `"position": true` were read as 1
    format: StrictInt = FORMAT
    lang: Lang = "en"
    exam: StrictBool = False
    self_grade: StrictBool = False
    rate: StrictBool = False
    seed: StrictInt | None = None
    items: tuple[SavedItem, ...] = Field(max_length=10_000)
    position: StrictInt = Field(ge=0, le=10_000)  # never past items: see load()
    # Which session wrote it: a session that ends clears the file only when it is still its own
    # (a quiz finished in one terminal deleted the quiz paused in another).
    session: str = Field(default="", max_length=64)
    answered: tuple[SavedAnswer, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def done(self) -> bool:
        return self.position >= len(self.items)

    def presented(self, by_id: Mapping[str, AnyQuestion]) -> tuple[list[Presented], int]:
        """The questions still to ask, as first shown, and how many were dropped because the banks
        no longer hold them (or their choices changed)."""
        out: list[Presented] = []
        dropped = 0
        for item in self.items[self.position :]:
            q = by_id.get(item.id)
            choices = len(getattr(q, "choices", ()))
            if q is None or (item.order and sorted(item.order) != list(range(choices))):
                dropped += 1
                continue
            out.append(Presented(q, item.order))
        return out, dropped


def saved_path() -> Path:
    return data_dir() / FILE_NAME


def save(state: SavedQuiz, path: Path | None = None) -> None:
    path = path or saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, state.model_dump_json(indent=1))


def load(path: Path | None = None) -> SavedQuiz | None:
    """The paused quiz, or None when there is none."""
    path = path or saved_path()
    try:
        raw = read_regular_file(path, MAX_BYTES).decode("utf-8")
    except NotReadable as exc:
        if exc.what == "too large":
            raise BadInput(
                f"{path}: the saved quiz is larger than {MAX_BYTES // 1024 // 1024} MiB; not read",
                hint="Start a new quiz; the file was left in place.",
            ) from None
        raise BadInput(
            f"{path}: not a regular file (a folder, a pipe or a device); not read",
            hint="Remove it, then start a new quiz.",
        ) from None
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(
            f"{path}: cannot read the saved quiz: {exc}", hint="Start a new quiz; the file was left in place."
        ) from None
    try:
        data = json.loads(raw)
        state = SavedQuiz.model_validate(data)
        if state.position > len(state.items):
            raise ValueError(f"position {state.position} is past its {len(state.items)} questions")
        asked = {item.id for item in state.items[: state.position]}
        # 40,000 answers to a quiz of 3 questions were taken and reported as "answered before the pause"
        if stray := next((a.id for a in state.answered if a.id not in asked), None):
            raise ValueError(f"answered: {stray!r} is not among the {state.position} questions asked before the pause")
        if stray := next((q for q in state.skipped if q not in asked), None):
            raise ValueError(f"skipped: {stray!r} is not among the {state.position} questions asked before the pause")
        if len(state.answered) + len(state.skipped) > state.position:
            raise ValueError(f"more answers and skips than the {state.position} questions asked before the pause")
    except (json.JSONDecodeError, ValidationError, ValueError, TypeError, RecursionError) as exc:
        line = getattr(exc, "lineno", 1)
        first = _first_problem(exc)
        raise BadInput(
            f"{path}:{line}: the saved quiz is damaged: {first}", hint="Start a new quiz; the file was left in place."
        ) from None
    if state.format > FORMAT:
        raise BadInput(f"{path}: written by a newer gokata (format {state.format})", hint="Upgrade gokata.")
    return state


def _first_problem(exc: Exception) -> str:
    """What is wrong, naming the field: pydantic's own first line names only the model."""
    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"{where}: {error['msg']}" if where else str(error["msg"])
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def paused_elsewhere(path: Path | None = None) -> SavedQuiz | None:
    """The unfinished quiz a new one would replace, if any (an unreadable file counts as none here:
    `--resume` reports it)."""
    try:
        state = load(path)
    except BadInput:
        return None
    return state if state is not None and not state.done else None


def clear(path: Path | None = None) -> None:
    (path or saved_path()).unlink(missing_ok=True)


@dataclass
class Saver:
    """Saves the session after every step (`run_session(on_step=...)`), and clears the file once
    every question was answered or skipped. `base` is the paused quiz this session resumes."""

    lang: Lang
    exam: bool
    self_grade: bool
    rate: bool
    base: SavedQuiz | None = None
    path: Path | None = None
    session_id: str = ""

    def __post_init__(self) -> None:
        if not self.session_id:
            import secrets

            self.session_id = (self.base.session if self.base is not None else "") or secrets.token_hex(8)

    def __call__(self, session: QuizSession) -> None:
        if session.current is None and not session.stopped:
            self._clear_own()
            return
        save(self.snapshot(session), self.path)

    def _clear_own(self) -> None:
        try:
            on_disk = load(self.path)
        except BadInput:
            return  # not readable: left for the person to look at
        if on_disk is not None and on_disk.session in ("", self.session_id):
            clear(self.path)

    def snapshot(self, session: QuizSession) -> SavedQuiz:
        done = self.base.items[: self.base.position] if self.base else ()
        earlier = self.base.answered if self.base else ()
        earlier_skipped = self.base.skipped if self.base else ()
        return SavedQuiz(
            lang=self.lang,
            exam=self.exam,
            self_grade=self.self_grade,
            rate=self.rate,
            seed=session.seed,
            items=(*done, *(SavedItem(id=p.question.id, order=p.order) for p in session.presented)),
            position=len(done) + session.position,
            answered=(
                *earlier,
                *(
                    SavedAnswer(id=v.question_id, topic=v.topic, score=v.score, fully_right=v.fully_right)
                    for v in session.verdicts
                ),
            ),
            skipped=(*earlier_skipped, *session.skipped),
            session=self.session_id,
        )
