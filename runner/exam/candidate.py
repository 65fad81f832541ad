"""The candidate's side: a work folder holding the exam state, saved after every answer so a
crash loses nothing, an append-only event log of the session, kata workspaces, and the one
submission file sent back."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runner import __version__
from runner.digests import digest_of
from runner.errors import BadInput
from runner.exam.events import Event, EventKind, answer_digest, new_event
from runner.exam.model import DecodeError, decode
from runner.exam.pack import OpenedPack
from runner.files import atomic_write
from runner.paths import EXAM_STATE_FILE

STATE = EXAM_STATE_FILE
SUBMISSION_FORMAT = 2
MAX_STATE_BYTES = 16 * 1024 * 1024
# Typing speed above which a long answer most likely arrived by paste (chars per second).
PASTE_CPS = 15.0
PASTE_MIN_CHARS = 120
# Reading a question takes longer than this; several answers under it suggest a script.
FAST_ANSWER_S = 2.0
FAST_ANSWERS_TO_FLAG = 3


def is_pasted(chars: int, duration_s: float | None) -> bool:
    """A long answer that arrived faster than a person types."""
    if duration_s is None or chars < PASTE_MIN_CHARS:
        return False
    return duration_s <= 0 or chars / duration_s > PASTE_CPS


@dataclass
class ExamState:
    workdir: Path
    pack_hash: str
    candidate: str
    started_at: float  # the start event's time: the clock runs from the log, not from an editable field
    time_limit_minutes: int  # from the pack's sealed settings
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    @property
    def deadline(self) -> float:
        return self.started_at + self.time_limit_minutes * 60

    def remaining_s(self, now: float | None = None) -> float:
        return self.deadline - (time.time() if now is None else now)

    def save(self) -> None:
        data = {
            "pack_hash": self.pack_hash,
            "candidate": self.candidate,
            "started_at": self.started_at,
            "time_limit_minutes": self.time_limit_minutes,
            "answers": self.answers,
            "events": [e.to_json() for e in self.events],
        }
        try:
            atomic_write(self.workdir / STATE, json.dumps(data, ensure_ascii=False, indent=2))
        except OSError as exc:
            raise BadInput(f"{self.workdir / STATE}: cannot save the exam state: {exc.strerror}") from None

    def log(self, kind: EventKind, *, now: float | None = None, qid: str = "", data: str = "") -> None:
        new_event(self.events, self.pack_hash, kind, time.time() if now is None else now, qid=qid, data=data)

    def record(
        self,
        qid: str,
        answer: Any,
        *,
        duration_s: float | None,
        chars: int,
        now: float | None = None,
        from_file: bool = False,
        terminal: bool = True,
    ) -> None:
        """Store one answer, log it, and save at once. Answers loaded from a file are marked so, never as typed."""
        now = time.time() if now is None else now
        entry = {
            "answer": answer,
            "duration_s": None if duration_s is None else round(duration_s, 2),
            "chars": chars,
            "pasted": not from_file and is_pasted(chars, duration_s),
            "from_file": from_file,
            "terminal": terminal,
            "late": now > self.deadline,
            "at": round(now, 3),
        }
        self.answers[qid] = entry
        self.log("answer", now=now, qid=qid, data=answer_digest(qid, entry))
        self.save()


def kata_workspace(workdir: Path, slug: str) -> Path:
    return workdir / "katas" / slug


@dataclass(frozen=True)
class _StateFile:
    pack_hash: str
    candidate: str
    time_limit_minutes: int
    answers: dict[str, dict[str, Any]]
    events: tuple[Event, ...] = ()
    started_at: float | None = None


def _read_state(state_file: Path) -> _StateFile:
    try:
        with state_file.open("rb") as fh:
            raw = fh.read(MAX_STATE_BYTES + 1)
    except OSError as exc:
        raise BadInput(f"{state_file}: cannot read the saved exam state: {exc.strerror}") from None
    if len(raw) > MAX_STATE_BYTES:
        raise BadInput(f"{state_file}: the saved exam state is larger than {MAX_STATE_BYTES >> 20} MiB")
    try:
        data = json.loads(raw.decode("utf-8"))
        return decode(_StateFile, data)
    except UnicodeDecodeError:
        raise BadInput(f"{state_file}: the saved exam state is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{state_file}:{exc.lineno}:{exc.colno}: the saved exam state is damaged: {exc.msg}") from None
    except (DecodeError, RecursionError, ValueError) as exc:
        raise BadInput(f"{state_file}: the saved exam state is damaged: {exc}") from None


def _state_from(workdir: Path, f: _StateFile) -> ExamState:
    # The clock starts at the logged start: editing `started_at` alone changes nothing, and
    # editing the start event breaks the chain, which the grader reports.
    start = next((e.at for e in f.events if e.kind == "start"), f.started_at)
    if start is None:
        raise BadInput(f"{workdir / STATE}: the saved exam state has no start; start again in a new --dir")
    return ExamState(workdir, f.pack_hash, f.candidate, start, f.time_limit_minutes, dict(f.answers), list(f.events))


def start_or_resume(pack: OpenedPack, workdir: Path, candidate: str | None, *, now: float | None = None) -> ExamState:
    """Resume the state in `workdir` if it belongs to this pack; otherwise start, copying the kata starters."""
    state_file = workdir / STATE
    if state_file.exists():
        saved = _read_state(state_file)
        if saved.pack_hash != pack.pack_hash:
            raise BadInput(f"{workdir} holds another exam; use a different --dir")
        return _state_from(workdir, saved)
    if not candidate or not candidate.strip():
        raise BadInput("give your name with --name to start the exam")
    if len(candidate) > 200 or any(ord(c) < 32 for c in candidate):
        raise BadInput("--name: give a name of at most 200 printable characters")
    try:
        workdir.mkdir(parents=True, exist_ok=True)
        for path, content in pack.files.items():
            if path.startswith("katas/") and not path.endswith("/kata.json"):
                target = workdir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
        (workdir / "INSTRUCTIONS.md").write_bytes(pack.files.get("INSTRUCTIONS.md", b""))
        started = time.time() if now is None else now
        state = ExamState(
            workdir, pack.pack_hash, candidate.strip(), round(started, 3), pack.settings.time_limit_minutes
        )
        state.log("start", now=started)
        state.save()
    except OSError as exc:
        raise BadInput(f"{workdir}: cannot set up the exam folder: {exc.strerror}") from None
    return state


def load_state(workdir: Path) -> ExamState:
    state_file = workdir / STATE
    if not state_file.is_file():
        raise BadInput(f"{workdir}: no exam in progress here (start one with `gokata exam take PACK`)")
    return _state_from(workdir, _read_state(state_file))


def build_submission(state: ExamState, pack: OpenedPack, *, now: float | None = None) -> dict[str, Any]:
    katas: dict[str, dict[str, dict[str, str]]] = {}
    for section in pack.settings.sections:
        for slug in section.katas:
            learner = pack.kata_learner_files(slug)
            ws = kata_workspace(state.workdir, slug)
            files: dict[str, str] = {}
            for name in learner:
                p = ws / name
                if p.is_file() and not p.is_symlink():
                    try:
                        files[name] = p.read_text(encoding="utf-8", errors="replace")
                    except OSError as exc:
                        raise BadInput(f"{p}: cannot read: {exc.strerror}") from None
            katas[slug] = {"files": files}
    submitted = time.time() if now is None else now
    state.log("submit", now=submitted)
    try:
        state.save()
    except OSError as exc:
        raise BadInput(f"{state.workdir}: cannot save the exam state: {exc.strerror}") from None
    data: dict[str, Any] = {
        "format": SUBMISSION_FORMAT,
        "tool_version": __version__,
        "pack_hash": state.pack_hash,
        "candidate": state.candidate,
        "started_at": state.started_at,
        "submitted_at": round(submitted, 3),
        "answers": state.answers,
        "katas": katas,
        "events": [e.to_json() for e in state.events],
    }
    data["digest"] = digest_of(data)
    return data


def write_submission(data: dict[str, Any], out: Path) -> Path:
    try:
        atomic_write(out, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    except OSError as exc:
        raise BadInput(f"{out}: cannot write the submission: {exc.strerror}") from None
    return out
