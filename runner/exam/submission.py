"""Reading one submission file: untrusted input, read in bounded memory and checked field by field.

Whatever the file holds (a zip, a 300 MB log, a list where an object belongs, `"fast"` for a
duration) the result is a typed Submission or a NotGradable carrying the reason in plain words;
nothing else escapes, so a batch grades every other file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner.answers.limits import MAX_ANSWER_CHARS as MAX_ANSWER_CHARS  # re-exported: the exam's limit
from runner.digests import digest_of
from runner.errors import GokataError
from runner.exam.candidate import MAX_SUBMISSION_BYTES as MAX_SUBMISSION_BYTES  # re-exported: the grader's limit
from runner.exam.candidate import SUBMISSION_FORMAT
from runner.exam.events import Event
from runner.exam.model import DecodeError, decode, json_safe
from runner.files import NotReadable, read_regular_file


class NotGradable(GokataError):
    """A submission that cannot be graded; `reason` is what the summary row says."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: not graded: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class AnswerRecord:
    answer: str | bool | int | tuple[int, ...] | None
    duration_s: float | None = None
    chars: int = 0
    from_file: bool = False
    terminal: bool = True
    at: float | None = None

    @property
    def raw(self) -> Any:
        return list(self.answer) if isinstance(self.answer, tuple) else self.answer

    def as_logged(self) -> dict[str, Any]:
        """The fields an answer event's digest covers, as the candidate's session wrote them."""
        return {
            "answer": self.raw,
            "duration_s": self.duration_s,
            "chars": self.chars,
            "from_file": self.from_file,
            "terminal": self.terminal,
        }


@dataclass(frozen=True)
class KataFiles:
    files: dict[str, str]


@dataclass(frozen=True)
class _File:
    format: int
    candidate: str
    pack_hash: str
    answers: dict[str, AnswerRecord]
    katas: dict[str, KataFiles]
    events: tuple[Event, ...] = ()
    tool_version: str | None = None
    started_at: float | None = None
    submitted_at: float | None = None
    digest: str | None = None


@dataclass(frozen=True)
class Submission:
    path: Path
    candidate: str
    pack_hash: str
    answers: dict[str, AnswerRecord]
    katas: dict[str, dict[str, str]]
    events: tuple[Event, ...]
    tool_version: str | None
    digest_ok: bool
    started_at: float | None
    submitted_at: float | None


def read_bounded(path: Path, limit: int = MAX_SUBMISSION_BYTES) -> bytes:
    """At most `limit` bytes of a regular file: a huge file costs `limit` of memory, not its size."""
    try:
        return bytes(read_regular_file(path, limit))
    except NotReadable as exc:
        if exc.what == "too large":
            raise NotGradable(path, f"larger than {limit >> 20} MiB; a submission is far smaller") from None
        raise NotGradable(path, "not a regular file") from None
    except FileNotFoundError:
        raise NotGradable(path, "no such file") from None
    except OSError as exc:
        raise NotGradable(path, f"cannot read it ({exc.strerror})") from None


def _check(path: Path, f: _File) -> None:
    if not f.candidate.strip():
        raise NotGradable(path, "the candidate's name is empty")
    for qid, a in f.answers.items():
        if isinstance(a.answer, str) and len(a.answer) > MAX_ANSWER_CHARS:
            raise NotGradable(path, f"the answer to {qid} is longer than {MAX_ANSWER_CHARS} characters")
        for name, value in (("duration_s", a.duration_s), ("at", a.at)):
            if value is not None and (value < 0 or not math.isfinite(value)):
                raise NotGradable(path, f"answers.{qid}.{name}: not a time")
        if a.chars < 0:
            raise NotGradable(path, f"answers.{qid}.chars: negative")


def _has_surrogate(data: Any) -> bool:
    if isinstance(data, str):
        return any("\ud800" <= c <= "\udfff" for c in data)
    if isinstance(data, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in data.items())
    if isinstance(data, list):
        return any(_has_surrogate(v) for v in data)
    return False


def read_submission(path: Path) -> Submission:
    raw = read_bounded(path)
    if raw[:4] == b"PK\x03\x04":
        raise NotGradable(path, "a zip archive, not a submission file (send the .json that `exam submit` wrote)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NotGradable(path, "not UTF-8 text; not a submission file") from None
    if not text.strip():
        raise NotGradable(path, "the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotGradable(path, f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (RecursionError, ValueError) as exc:
        raise NotGradable(path, f"not a submission file ({str(exc)[:100]})") from None
    if not isinstance(data, dict):
        raise NotGradable(path, f"not a submission file (a JSON {type(data).__name__}, not an object)")
    if data.get("format") != SUBMISSION_FORMAT:
        found = data.get("format")
        raise NotGradable(
            path,
            "not a gokata submission file"
            if found is None
            else f"submission format {str(found)[:20]!r}; this gokata reads format {SUBMISSION_FORMAT}",
        )
    try:
        f = decode(_File, data)
    except DecodeError as exc:
        raise NotGradable(path, f"malformed: {exc}") from None
    except RecursionError:
        raise NotGradable(path, "malformed: nested too deeply") from None
    _check(path, f)
    try:
        digest_ok = f.digest == digest_of(data)
    except (ValueError, RecursionError):
        digest_ok = False  # a lone surrogate cannot be hashed as UTF-8: no session wrote it
    if _has_surrogate(data):
        # `"\ud800"` is valid JSON but no UTF-8 file or terminal can hold what it decodes to;
        # graded with U+FFFD in its place (the digest above already says the file was edited)
        f = decode(_File, json_safe(data))
    return Submission(
        path,
        f.candidate.strip(),
        f.pack_hash,
        dict(f.answers),
        {slug: dict(k.files) for slug, k in f.katas.items()},
        f.events,
        f.tool_version,
        digest_ok,
        f.started_at,
        f.submitted_at,
    )
