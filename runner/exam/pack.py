"""The candidate pack: questions without answers, katas without hidden material, a manifest
with content hashes, and instructions. Building it twice from the same spec and banks gives
the same pack hash, so `exam grade` can tell which pack a submission was taken from."""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner import __version__
from runner.content.catalog import Catalog
from runner.content.models import LETTERS, AnyQuestion
from runner.digests import canonical_json, sha256
from runner.errors import BadInput
from runner.exam.model import decode, encode
from runner.exam.pack_katas import kata_public_files
from runner.exam.spec import ResolvedExam
from runner.kata.catalog import Kata
from runner.kinds.base import public_text
from runner.kinds.registry import choices_of, kind_of
from runner.reports.jsonout import json_text

PACK_FORMAT = 2
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Shown:
    """How one question appears in a pack: under an opaque id, with its choices in a seeded order.

    The bank's ids would let a candidate look the answer up (`gokata answer ID`), and the banks
    tend to list the correct choice first, so neither reaches the pack; the grader rebuilds
    this mapping from the spec.
    """

    public_id: str
    question_id: str
    order: tuple[int, ...]  # order[i] = bank index of the choice shown at letter i

    def to_bank_letters(self, shown: str) -> str:
        return ",".join(LETTERS[i] for i in sorted(self.order[LETTERS.index(x)] for x in shown.split(",") if x))

    def to_shown_letters(self, bank: str) -> str:
        return ",".join(sorted(LETTERS[self.order.index(LETTERS.index(x))] for x in bank.split(",") if x))


def presentation(exam: ResolvedExam, catalog: Catalog) -> list[Shown]:
    by_id = catalog.by_id()
    shown: list[Shown] = []
    for section in exam.sections:
        seed = next(s.seed for s in exam.spec.sections if s.id == section.id)
        for qid in section.question_ids:
            q = by_id[qid]
            order = list(range(len(choices_of(q))))
            random.Random(f"{seed}/{qid}").shuffle(order)
            shown.append(Shown(f"q{len(shown) + 1:02d}", qid, tuple(order)))
    return shown


def public_question(q: AnyQuestion, shown: Shown) -> dict[str, Any]:
    """What a candidate may see: never the bank id, correct flags, whys, explanations, frameworks or examples."""
    data: dict[str, Any] = {
        "id": shown.public_id,
        "kind": q.kind,
        "topic": q.topic,
        "difficulty": q.difficulty,
        "prompt": public_text(q.prompt),
    }
    if q.code:
        data["code"] = q.code
    data.update(kind_of(q).public(q, shown.order))
    return data


def pack_hash(files: dict[str, str], settings: dict[str, Any]) -> str:
    """Hash of the pack's content: every file's path and digest, and every setting the candidate
    sees or the grader uses (time limit, sections, weights, pass mark, instructions)."""
    lines = [f"{p} {files[p]}" for p in sorted(files)]
    lines.append(f"settings {sha256(canonical_json(settings))}")
    return sha256("\n".join(lines).encode())


@dataclass(frozen=True)
class SectionSettings:
    id: str
    title: str
    weight: float
    questions: tuple[str, ...]  # public ids
    katas: tuple[str, ...]


@dataclass(frozen=True)
class PackSettings:
    title: str
    time_limit_minutes: int
    lang: str
    pass_mark: float
    instructions: dict[str, str]
    sections: tuple[SectionSettings, ...]


def settings_of(exam: ResolvedExam, public_ids: dict[str, str]) -> PackSettings:
    spec = exam.spec
    return PackSettings(
        title=spec.title,
        time_limit_minutes=spec.time_limit_minutes,
        lang=spec.lang,
        pass_mark=spec.pass_mark,
        instructions=public_text(spec.instructions) or {},
        sections=tuple(
            SectionSettings(s.id, s.title, s.weight, tuple(public_ids[q] for q in s.question_ids), tuple(s.katas))
            for s in exam.sections
        ),
    )


def _instructions(exam: ResolvedExam) -> str:
    spec = exam.spec
    lines = [f"# {spec.title}", "", f"Time limit: {spec.time_limit_minutes} minutes.", ""]
    if spec.instructions:
        lines += [spec.instructions.en, ""] + ([spec.instructions.zh, ""] if spec.instructions.zh else [])
    lines += [
        "## How to take this exam",
        "",
        "1. Install gokata (`pip install gokata` or from the source you were given) and Go 1.25 or later.",
        "2. Run `gokata exam take <this pack>`: questions are asked in the terminal, the timer is shown,",
        "   and every answer is saved as you go (if your machine crashes, run the same command to resume).",
        "3. Coding tasks are copied into a workspace folder; edit the files named there and run",
        "   `gokata exam test <kata>` to run the visible tests. The graders also run hidden tests.",
        "4. Run `gokata exam submit` and send the one file it writes back to your interviewer.",
        "",
        "No network is needed. Please work on your own.",
        "",
        "## Sections",
        "",
    ]
    for s in exam.sections:
        what = f"{len(s.question_ids)} question(s)" if s.question_ids else f"{len(s.katas)} coding task(s)"
        lines.append(f"- {s.title}: {what}, weight {s.weight:g}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class BuiltPack:
    files: dict[str, bytes]  # path -> content, the manifest included
    pack_hash: str


def build_pack(exam: ResolvedExam, catalog: Catalog, katas: dict[str, Kata]) -> BuiltPack:
    by_id = catalog.by_id()
    content: dict[str, bytes] = {}
    shown = presentation(exam, catalog)
    public_ids = {x.question_id: x.public_id for x in shown}
    questions = [public_question(by_id[x.question_id], x) for x in shown]
    content["questions.json"] = json_text(questions).encode()
    content["INSTRUCTIONS.md"] = _instructions(exam).encode()
    for slug in exam.katas:
        for rel, data in kata_public_files(katas[slug]).items():
            content[f"katas/{slug}/{rel}"] = data
    digests = {path: sha256(data) for path, data in content.items()}
    settings = encode(settings_of(exam, public_ids))
    digest = pack_hash(digests, settings)
    # tool_version stays outside the hash: the same spec and banks give the same pack on any gokata.
    manifest = {
        "format": PACK_FORMAT,
        "tool_version": __version__,
        "settings": settings,
        "files": digests,
        "pack_hash": digest,
    }
    content[MANIFEST] = json_text(manifest).encode()
    return BuiltPack(content, digest)


def write_pack(pack: BuiltPack, out: Path) -> Path:
    """A folder, or a zip when `out` ends in .zip (fixed timestamps: same content, same bytes)."""
    try:
        if out.suffix == ".zip":
            from runner.files import atomic_write_bytes
            from runner.reports.files import check_target

            check_target(out, what="the pack")
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(pack.files):
                    info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, pack.files[path], zipfile.ZIP_DEFLATED)
            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(out, buf.getvalue())
        else:
            if out.exists() and any(out.iterdir()):
                raise BadInput(f"{out}: folder exists and is not empty; choose a new folder or a .zip file")
            for path, data in pack.files.items():
                target = out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    except OSError as exc:
        raise BadInput(f"{out}: cannot write the pack: {exc.strerror}") from None
    return out


@dataclass(frozen=True)
class OpenedPack:
    manifest: dict[str, Any]
    files: dict[str, bytes]
    settings: PackSettings

    @property
    def pack_hash(self) -> str:
        return str(self.manifest["pack_hash"])

    def questions(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = json.loads(self.files["questions.json"])
        return data

    def kata_learner_files(self, slug: str) -> list[str]:
        info = json.loads(self.files[f"katas/{slug}/kata.json"])
        return [str(n) for n in info["learner_files"]]


MAX_PACK_BYTES = 64 * 1024 * 1024  # a pack is questions and a few katas: far smaller
_SAFE_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9._/-]+$")


def _bad(path: Path, why: str) -> BadInput:
    return BadInput(f"{path}: not a usable gokata exam pack: {why}; ask for a fresh copy")


def _read_files(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                total += info.file_size
                if total > MAX_PACK_BYTES:
                    raise _bad(path, f"it unpacks to more than {MAX_PACK_BYTES >> 20} MiB")
                with zf.open(info) as fh:
                    data = fh.read(info.file_size + 1)
                if len(data) > info.file_size:
                    raise _bad(path, f"{info.filename} is larger than its entry says")
                files[info.filename] = data
    elif path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_symlink():
                raise _bad(path, f"{p.relative_to(path)} is a symbolic link")
            if p.is_file():
                total += p.stat().st_size
                if total > MAX_PACK_BYTES:
                    raise _bad(path, f"it holds more than {MAX_PACK_BYTES >> 20} MiB")
                files[p.relative_to(path).as_posix()] = p.read_bytes()
    elif path.exists():
        raise BadInput(f"{path}: not a gokata exam pack (a folder or .zip from `gokata exam pack`)")
    else:
        raise BadInput(f"{path}: no such pack")
    return files


def _check_questions(questions: Any) -> None:
    """The shape `exam take` relies on; a pack gokata built always has it."""
    from runner.kinds.registry import find

    def text(t: Any) -> bool:
        return isinstance(t, dict) and isinstance(t.get("en"), str) and all(isinstance(v, str) for v in t.values())

    if not isinstance(questions, list):
        raise ValueError("questions.json is not a list of questions")
    for q in questions:
        kind = find(str(q.get("kind"))) if isinstance(q, dict) else None
        ok = isinstance(q, dict) and isinstance(q.get("id"), str) and kind is not None and text(q.get("prompt"))
        if ok and "code" in q:
            ok = isinstance(q["code"], str)
        if ok and kind is not None and kind.shows_choices:
            choices = q.get("choices")
            ok = isinstance(choices, list) and 2 <= len(choices) <= len(LETTERS) and all(map(text, choices))
        if not ok:
            raise ValueError(f"questions.json: question {str(q)[:60]} is malformed")


def read_pack(path: Path) -> OpenedPack:
    """Read a pack folder or zip and check every file and every setting against the manifest's hash."""
    try:
        files = _read_files(path)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise _bad(path, f"cannot read it ({exc})") from None
    if MANIFEST not in files:
        raise BadInput(f"{path}: no {MANIFEST}; not a gokata exam pack")
    try:
        manifest = json.loads(files.pop(MANIFEST).decode("utf-8"))
    except UnicodeDecodeError:
        raise _bad(path, f"{MANIFEST} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}/{MANIFEST}:{exc.lineno}:{exc.colno}: {exc.msg}") from None
    except (RecursionError, ValueError) as exc:
        raise _bad(path, f"{MANIFEST}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
        raise _bad(path, "its manifest is not one this gokata reads (build the pack again with this version)")
    expected = manifest.get("files")
    settings = manifest.get("settings")
    if (
        not isinstance(expected, dict)
        or not all(isinstance(v, str) for v in expected.values())
        or not isinstance(settings, dict)
    ):
        raise _bad(path, "its manifest is damaged")
    unsafe = sorted(p for p in (*files, *expected) if not _SAFE_PATH.match(p))
    if unsafe:
        raise _bad(path, f"unsafe file name(s): {', '.join(map(repr, unsafe[:3]))}")
    changed = sorted(p for p in expected if p not in files or sha256(files[p]) != expected[p])
    extra = sorted(p for p in files if p not in expected)
    if changed or extra or pack_hash(expected, settings) != manifest.get("pack_hash"):
        what = ", ".join(changed + extra) or "its settings (time limit, sections, weights, pass mark or instructions)"
        raise BadInput(f"{path}: the pack was altered ({what}); ask for a fresh copy")
    try:
        sealed = decode(PackSettings, settings, "settings")
        opened = OpenedPack(manifest, files, sealed)
        _check_questions(opened.questions())
        for s in sealed.sections:
            for slug in s.katas:
                opened.kata_learner_files(slug)
    except (KeyError, TypeError, ValueError, RecursionError) as exc:  # hash-consistent but not built by gokata
        raise _bad(path, f"its content is damaged ({exc})") from None
    return opened
