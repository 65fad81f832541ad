"""The candidate's side: a work folder holding the exam state, saved after every answer so a
crash loses nothing, an append-only event log of the session, kata workspaces, and the one
submission file sent back."""

from __future__ import annotations

import json
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from runner import __version__
from runner.digests import digest_of
from runner.errors import BadInput
from runner.exam.events import Event, EventKind, answer_digest, new_event
from runner.exam.model import DecodeError, decode
from runner.exam.pack import OpenedPack
from runner.files import NotReadable, atomic_write, locked, read_regular_file
from runner.paths import EXAM_STATE_FILE

STATE = EXAM_STATE_FILE
SUBMISSION_FORMAT = 2
# What a grader reads of one submission (answers and a few learner files; far below this).
# Here, not in submission.py, because `exam submit` checks it before it writes.
MAX_SUBMISSION_BYTES = 8 * 1024 * 1024
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

    # The events already on disk when this state was read or last saved, and the answers given
    # since: what a save must keep of its own when another process saved in between.
    synced: int = field(default=0, repr=False)
    touched: set[str] = field(default_factory=set, repr=False)

    def save(self) -> None:
        """Write the state; under a lock, merged with what another gokata saved in the same
        folder since this one read it (`exam take` answering in one terminal while `exam test`
        runs in another, or two `exam take --answers` at once): their answers and events are
        kept, this process's answers are put over theirs, and its new events are chained after
        theirs. Before, the last to save wrote what it had read, and answers reported as saved
        were lost."""
        path = self.workdir / STATE
        try:
            with locked(path):
                self._merge_saved(path)
                data = {
                    "pack_hash": self.pack_hash,
                    "candidate": self.candidate,
                    "started_at": self.started_at,
                    "time_limit_minutes": self.time_limit_minutes,
                    "answers": self.answers,
                    "events": [e.to_json() for e in self.events],
                }
                atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2))
        except OSError as exc:
            raise BadInput(f"{path}: cannot save the exam state: {exc.strerror}") from None
        self.synced = len(self.events)

    def _merge_saved(self, path: Path) -> None:
        if not path.is_file():
            return
        try:
            saved = _read_state(path)
        except BadInput:
            return  # damaged on disk: this process's state replaces it, as before
        if saved.pack_hash != self.pack_hash or len(saved.events) <= self.synced:
            return  # nothing saved since this process read it
        if tuple(saved.events[: self.synced]) != tuple(self.events[: self.synced]):
            return  # not the log this process read: its own state is written, the grader sees the chain
        mine = self.events[self.synced :]
        merged = list(saved.events)
        for e in mine:
            new_event(merged, self.pack_hash, cast(EventKind, e.kind), e.at, qid=e.qid, data=e.data)
        answers = dict(saved.answers)
        answers.update({q: self.answers[q] for q in self.touched if q in self.answers})
        self.events, self.answers = merged, answers

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
            "duration_s": None
            if duration_s is None
            else round(float(duration_s), 2),  # 5, not 5.0, digested differently
            "chars": chars,
            "pasted": not from_file and is_pasted(chars, duration_s),
            "from_file": from_file,
            "terminal": terminal,
            "late": now > self.deadline,
            "at": round(now, 3),
        }
        self.answers[qid] = entry
        self.touched.add(qid)
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
    return ExamState(
        workdir,
        f.pack_hash,
        f.candidate,
        start,
        f.time_limit_minutes,
        dict(f.answers),
        list(f.events),
        synced=len(f.events),
    )


def start_or_resume(pack: OpenedPack, workdir: Path, candidate: str | None, *, now: float | None = None) -> ExamState:
    """Resume the state in `workdir` if it belongs to this pack; otherwise start, copying the kata starters."""
    state_file = workdir / STATE
    if state_file.exists() and not state_file.is_file():
        raise _not_a_state_file(state_file)
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
    if state_file.exists() and not state_file.is_file():
        raise _not_a_state_file(state_file)
    if not state_file.is_file():
        raise BadInput(f"{workdir}: no exam in progress here (start one with `gokata exam take PACK`)")
    return _state_from(workdir, _read_state(state_file))


def _not_a_state_file(state_file: Path) -> BadInput:
    what = "a folder" if state_file.is_dir() else "not a regular file"
    return BadInput(
        f"{state_file}: {what} where the saved exam state belongs; move it away (or use another --dir)",
        hint="gokata keeps the exam state in this file; it never writes over something else in its place.",
    )


@dataclass(frozen=True)
class LearnerFiles:
    """The learner files of one kata as `exam submit` found them in the workspace."""

    files: dict[str, str]
    missing: tuple[str, ...]  # named by the kata, absent from the workspace: submitted without them
    refused: tuple[str, ...]  # what is wrong with each file that cannot be submitted as it is


def read_learner_files(ws: Path, names: list[str]) -> LearnerFiles:
    """Read a kata's learner files without following links or reading what is not a file.

    A file the grader would refuse (over the kata runner's per-file limit, a symlink, a folder)
    is refused here, while the candidate can still fix it, instead of going out in a submission
    that grades as "refused" or is too large to grade at all."""
    from runner.kata.policy import MAX_LEARNER_FILE

    files: dict[str, str] = {}
    missing: list[str] = []
    refused: list[str] = []
    for name in names:
        p = ws / name
        try:
            st = p.lstat()
        except FileNotFoundError:
            missing.append(name)
            continue
        except OSError as exc:
            refused.append(f"{p}: cannot read: {exc.strerror}")
            continue
        if stat.S_ISLNK(st.st_mode):
            refused.append(f"{p}: a symbolic link; put the file itself there (graders never follow links)")
            continue
        try:
            files[name] = read_regular_file(p, MAX_LEARNER_FILE).decode("utf-8", errors="replace")
        except NotReadable as exc:
            if exc.what == "too large":  # by lstat, or grown past the limit since
                refused.append(
                    f"{p}: {max(st.st_size, MAX_LEARNER_FILE + 1) >> 10} KiB, over the {MAX_LEARNER_FILE >> 10} KiB "
                    "limit for a kata file (the grader refuses larger ones)"
                )
            else:
                refused.append(f"{p}: {exc.what}; the kata needs its Go source file here")
        except OSError as exc:
            refused.append(f"{p}: cannot read: {exc.strerror}")
    return LearnerFiles(files, tuple(missing), tuple(refused))


def submission_text(data: dict[str, Any]) -> str:
    """The submission file's exact text (its size is checked against the grader's limit before writing)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def build_submission(state: ExamState, pack: OpenedPack, *, now: float | None = None) -> dict[str, Any]:
    """The submission's content. Every check runs before the submit event is logged: a refusal
    leaves the saved state exactly as it was, so the candidate fixes the file and submits again.
    Learner files that are missing are left out and named in the kata's `missing` list."""
    katas: dict[str, dict[str, Any]] = {}
    refused: list[str] = []
    for section in pack.settings.sections:
        for slug in section.katas:
            found = read_learner_files(kata_workspace(state.workdir, slug), pack.kata_learner_files(slug))
            refused.extend(found.refused)
            katas[slug] = {"files": found.files}
            if found.missing:
                katas[slug]["missing"] = list(found.missing)
    if refused:
        raise BadInput(
            "\n".join(refused),
            hint="Nothing was submitted, and your answers and code are kept: fix the file(s) above "
            "and run `gokata exam submit` again.",
        )
    submitted = time.time() if now is None else now
    events = list(state.events)
    new_event(events, state.pack_hash, "submit", submitted)
    data: dict[str, Any] = {
        "format": SUBMISSION_FORMAT,
        "tool_version": __version__,
        "pack_hash": state.pack_hash,
        "candidate": state.candidate,
        "started_at": state.started_at,
        "submitted_at": round(submitted, 3),
        "answers": state.answers,
        "katas": katas,
        "events": [e.to_json() for e in events],
    }
    data["digest"] = digest_of(data)
    size = len(submission_text(data).encode("utf-8", "replace"))
    if size > MAX_SUBMISSION_BYTES:
        raise BadInput(
            f"{state.workdir}: the submission would be {size / (1 << 20):.1f} MiB, over the "
            f"{MAX_SUBMISSION_BYTES >> 20} MiB a grader reads",
            hint="Nothing was submitted, and your answers and code are kept: shorten the largest kata files "
            "and run `gokata exam submit` again.",
        )
    state.events = events
    state.save()
    return data


def missing_files(data: dict[str, Any]) -> list[str]:
    """`slug/file` for every learner file a submission went out without."""
    return [
        f"{slug}/{name}"
        for slug, kata in data.get("katas", {}).items()
        if isinstance(kata, dict)
        for name in kata.get("missing", [])
    ]


def write_submission(data: dict[str, Any], out: Path) -> Path:
    try:
        atomic_write(out, submission_text(data))
    except OSError as exc:
        raise BadInput(f"{out}: cannot write the submission: {exc.strerror}") from None
    return out
