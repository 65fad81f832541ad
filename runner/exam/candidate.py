"""The candidate's side: a work folder holding the exam state, saved after every answer so a
crash loses nothing, kata workspaces, and the one submission file sent back."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runner import __version__
from runner.errors import BadInput
from runner.exam.pack import OpenedPack

STATE = "exam-state.json"
SUBMISSION_FORMAT = 1
# Typing speed above which a long answer most likely arrived by paste (chars per second).
PASTE_CPS = 15.0
PASTE_MIN_CHARS = 120
# Reading a question takes longer than this; several answers under it suggest a script.
FAST_ANSWER_S = 2.0
FAST_ANSWERS_TO_FLAG = 3


def canonical_json(data: Any) -> bytes:
    """The byte form that digests and signatures are computed over."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest_of(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json({k: v for k, v in data.items() if k != "digest"})).hexdigest()


def atomic_write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class ExamState:
    workdir: Path
    pack_hash: str
    candidate: str
    started_at: float
    time_limit_minutes: int
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def deadline(self) -> float:
        return self.started_at + self.time_limit_minutes * 60

    def remaining_s(self, now: float | None = None) -> float:
        return self.deadline - (time.time() if now is None else now)

    def save(self) -> None:
        atomic_write(self.workdir / STATE, json.dumps({
            "pack_hash": self.pack_hash, "candidate": self.candidate, "started_at": self.started_at,
            "time_limit_minutes": self.time_limit_minutes, "answers": self.answers,
        }, ensure_ascii=False, indent=2))

    def record(self, qid: str, answer: Any, *, duration_s: float | None, chars: int, now: float | None = None,
               from_file: bool = False, terminal: bool = True) -> None:
        """Store one answer and save at once. Answers loaded from a file are marked so, never as typed."""
        now = time.time() if now is None else now
        cps = chars / duration_s if duration_s else float("inf")
        self.answers[qid] = {
            "answer": answer,
            "duration_s": None if duration_s is None else round(duration_s, 2),
            "chars": chars,
            "pasted": not from_file and chars >= PASTE_MIN_CHARS and cps > PASTE_CPS,
            "from_file": from_file,
            "terminal": terminal,
            "late": now > self.deadline,
        }
        self.save()


def kata_workspace(workdir: Path, slug: str) -> Path:
    return workdir / "katas" / slug


def start_or_resume(pack: OpenedPack, workdir: Path, candidate: str | None, *, now: float | None = None) -> ExamState:
    """Resume the state in `workdir` if it belongs to this pack; otherwise start, copying the kata starters."""
    state_file = workdir / STATE
    if state_file.exists():
        try:
            data = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise BadInput(f"{state_file}: cannot read the saved exam state: {exc}") from None
        if data.get("pack_hash") != pack.pack_hash:
            raise BadInput(f"{workdir} holds another exam; use a different --dir")
        return ExamState(workdir, pack.pack_hash, data["candidate"], float(data["started_at"]),
                         int(data["time_limit_minutes"]), dict(data.get("answers", {})))
    if not candidate:
        raise BadInput("give your name with --name to start the exam")
    workdir.mkdir(parents=True, exist_ok=True)
    for path, content in pack.files.items():
        if path.startswith("katas/") and not path.endswith("/kata.json"):
            target = workdir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    (workdir / "INSTRUCTIONS.md").write_bytes(pack.files.get("INSTRUCTIONS.md", b""))
    state = ExamState(workdir, pack.pack_hash, candidate, time.time() if now is None else now,
                      int(pack.manifest["time_limit_minutes"]))
    state.save()
    return state


def load_state(workdir: Path) -> ExamState:
    state_file = workdir / STATE
    if not state_file.exists():
        raise BadInput(f"{workdir}: no exam in progress here (start one with `gokata exam take PACK`)")
    data = json.loads(state_file.read_text(encoding="utf-8"))
    return ExamState(workdir, data["pack_hash"], data["candidate"], float(data["started_at"]),
                     int(data["time_limit_minutes"]), dict(data.get("answers", {})))


def build_submission(state: ExamState, pack: OpenedPack, *, now: float | None = None) -> dict[str, Any]:
    katas: dict[str, dict[str, dict[str, str]]] = {}
    for section in pack.manifest["sections"]:
        for slug in section["katas"]:
            info = json.loads(pack.files[f"katas/{slug}/kata.json"])
            ws = kata_workspace(state.workdir, slug)
            files: dict[str, str] = {}
            for name in info["learner_files"]:
                p = ws / name
                if p.is_file():
                    files[name] = p.read_text(encoding="utf-8", errors="replace")
            katas[slug] = {"files": files}
    submitted = time.time() if now is None else now
    data: dict[str, Any] = {
        "format": SUBMISSION_FORMAT,
        "tool_version": __version__,
        "pack_hash": state.pack_hash,
        "candidate": state.candidate,
        "started_at": state.started_at,
        "submitted_at": submitted,
        "time_limit_minutes": state.time_limit_minutes,
        "late": submitted > state.deadline,
        "answers": state.answers,
        "katas": katas,
    }
    data["digest"] = digest_of(data)
    return data


def write_submission(data: dict[str, Any], out: Path) -> Path:
    try:
        atomic_write(out, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    except OSError as exc:
        raise BadInput(f"{out}: cannot write the submission: {exc.strerror}") from None
    return out


def read_submission(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}:{exc.colno}: not a submission file: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != SUBMISSION_FORMAT or "answers" not in data:
        raise BadInput(f"{path}: not a gokata submission file")
    return data


def file_safe(name: str) -> str:
    """A candidate's name as a file or folder name."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "candidate"
