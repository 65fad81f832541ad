"""The exam steps as functions the CLI calls: build a pack from a spec, start a candidate, grade."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from runner.content.catalog import Catalog, load_catalog
from runner.errors import BadInput
from runner.exam.candidate import ExamState, kata_workspace, load_state, start_or_resume
from runner.exam.katas import available_katas, load_kata_files
from runner.exam.pack import BuiltPack, OpenedPack, build_pack, read_pack
from runner.exam.spec import ResolvedExam, load_spec, resolve

PACK_COPY = ".pack"


def resolve_spec(path: Path, catalog: Catalog | None = None) -> tuple[ResolvedExam, Catalog]:
    spec, locator = load_spec(path)
    catalog = catalog or load_catalog()
    return resolve(spec, catalog, available_katas(), path=path, locator=locator), catalog


def pack_for(path: Path) -> tuple[ResolvedExam, Catalog, BuiltPack]:
    exam, catalog = resolve_spec(path)
    return exam, catalog, build_pack(exam, catalog, load_kata_files(exam.katas))


def begin(pack_path: Path, workdir: Path, name: str | None) -> tuple[ExamState, OpenedPack]:
    pack = read_pack(pack_path)
    state = start_or_resume(pack, workdir, name)
    copy = workdir / PACK_COPY
    if not copy.exists():
        copy.mkdir(parents=True)
        for rel, data in {**pack.files, "manifest.json": json.dumps(pack.manifest).encode()}.items():
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return state, pack


def resume(workdir: Path) -> tuple[ExamState, OpenedPack]:
    state = load_state(workdir)
    return state, read_pack(workdir / PACK_COPY)


def pack_katas(pack: OpenedPack, workdir: Path) -> list[tuple[str, str, list[str]]]:
    result = []
    for section in pack.manifest["sections"]:
        for slug in section["katas"]:
            info: dict[str, Any] = json.loads(pack.files[f"katas/{slug}/kata.json"])
            result.append((slug, str(kata_workspace(workdir, slug)), list(info["learner_files"])))
    return result


def store_scripted_answers(state: ExamState, pack: OpenedPack, answers_file: Path) -> int:
    """Take the exam non-interactively from a YAML file of id: answer (for rehearsals and tests)."""
    from runner.exam.public import AnswerFormatError, parse_public_answer
    from runner.quiz.scripted import read_answers

    data, _ = read_answers(answers_file)
    questions = {q["id"]: q for q in pack.questions()}
    unknown = sorted(str(k) for k in data if k not in questions)
    if unknown:
        raise BadInput(f"{answers_file}: not questions of this exam: {', '.join(unknown)}")
    for qid, raw in data.items():
        try:
            answer = parse_public_answer(questions[qid], raw)
        except AnswerFormatError as exc:
            raise BadInput(f"{answers_file}: {qid}: {exc}") from None
        state.record(str(qid), answer, duration_s=None, chars=len(str(raw)), from_file=True)
    return len(data)

