"""The exam steps as functions the CLI calls: build a pack from a spec, start a candidate, grade."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from runner.content.catalog import Catalog, load_catalog
from runner.errors import BadInput, ContentError, GokataError, Problem
from runner.exam.candidate import ExamState, kata_workspace, load_state, start_or_resume
from runner.exam.pack import MANIFEST, BuiltPack, OpenedPack, build_pack, read_pack
from runner.exam.pack_katas import available_katas, load_kata_files
from runner.exam.spec import ResolvedExam, load_spec, resolve

PACK_COPY = ".pack"
MAX_ANSWERS_BYTES = 4 * 1024 * 1024


def resolve_spec(path: Path, catalog: Catalog | None = None) -> tuple[ResolvedExam, Catalog]:
    spec, locator = load_spec(path)
    catalog = catalog or load_catalog()
    return resolve(spec, catalog, available_katas(), path=path, locator=locator), catalog


def pack_for(path: Path) -> tuple[ResolvedExam, Catalog, BuiltPack]:
    exam, catalog = resolve_spec(path)
    return exam, catalog, build_pack(exam, catalog, load_kata_files(exam.katas))


@dataclass(frozen=True)
class PublicContent:
    """What of an exam a candidate can read in the bundled, public content."""

    questions: tuple[str, ...]
    katas: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.questions or self.katas)

    def warning(self) -> str:
        parts = []
        if self.questions:
            parts.append(
                f"{len(self.questions)} question(s) from the bundled public bank "
                f"({', '.join(self.questions[:3])}{' ...' if len(self.questions) > 3 else ''})"
            )
        if self.katas:
            parts.append(f"kata(s) {', '.join(self.katas)} from the bundled public katas")
        return (
            "this exam uses " + " and ".join(parts) + ": anyone who installs gokata has their answers, "
            "solutions and hidden tests. Fine for practice; for a screen that counts, write a private bank "
            "(`gokata bank new DIR`) and katas (`gokata kata new SLUG --dir DIR`) and pass --bank/--katas."
        )


def public_content(exam: ResolvedExam) -> PublicContent:
    """Questions and katas the bundled content also has (by id and slug): pointing --bank at a copy
    of the public bank does not make it private."""
    from runner.paths import _bundled, katas_dir, questions_dir

    bundled_q, bundled_k = _bundled("questions"), _bundled("katas")
    if questions_dir().resolve() == bundled_q.resolve():
        questions = exam.question_ids
    else:
        try:
            public_ids = set(load_catalog([bundled_q]).by_id()) if bundled_q.is_dir() else set()
        except GokataError:
            public_ids = set()
        questions = tuple(q for q in exam.question_ids if q in public_ids)
    if katas_dir().resolve() == bundled_k.resolve():
        katas = exam.katas
    else:
        katas = tuple(k for k in exam.katas if (bundled_k / k / "kata.yaml").is_file())
    return PublicContent(tuple(questions), tuple(katas))


def begin(pack_path: Path, workdir: Path, name: str | None) -> tuple[ExamState, OpenedPack]:
    pack = read_pack(pack_path)
    state = start_or_resume(pack, workdir, name)
    copy = workdir / PACK_COPY
    if not copy.exists():
        try:
            copy.mkdir(parents=True)
            for rel, data in {**pack.files, MANIFEST: json.dumps(pack.manifest).encode()}.items():
                target = copy / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        except OSError as exc:
            raise BadInput(f"{copy}: cannot keep a copy of the pack: {exc.strerror}") from None
    return state, pack


def resume(workdir: Path) -> tuple[ExamState, OpenedPack]:
    state = load_state(workdir)
    pack = read_pack(workdir / PACK_COPY)
    if pack.pack_hash != state.pack_hash:
        raise BadInput(f"{workdir}: the saved state belongs to another pack than {workdir / PACK_COPY}")
    return state, pack


def pack_katas(pack: OpenedPack, workdir: Path) -> list[tuple[str, str, list[str]]]:
    return [
        (slug, str(kata_workspace(workdir, slug)), pack.kata_learner_files(slug))
        for section in pack.settings.sections
        for slug in section.katas
    ]


def store_scripted_answers(state: ExamState, pack: OpenedPack, answers_file: Path) -> int:
    """Take the exam non-interactively from a YAML file of id: answer (for rehearsals and tests)."""
    from runner.exam.submission import MAX_ANSWER_CHARS
    from runner.kinds.answer import AnswerFormatError
    from runner.kinds.registry import parse_public_answer
    from runner.quiz.scripted import read_answers

    if not answers_file.is_file():
        raise BadInput(
            f"{answers_file}: no such file"
            if not answers_file.exists()
            else f"{answers_file}: not a regular file; give a YAML file of id: answer"
        )
    if answers_file.stat().st_size > MAX_ANSWERS_BYTES:
        raise BadInput(f"{answers_file}: larger than {MAX_ANSWERS_BYTES >> 20} MiB; not an answers file")
    data, locator = read_answers(answers_file)
    questions = {q["id"]: q for q in pack.questions()}
    where = str(answers_file)
    problems: list[Problem] = []
    parsed = {}
    for qid, raw in data.items():
        if qid not in questions:
            problems.append(Problem(where, *locator.find((qid,), key=True), qid, "not a question of this exam"))
            continue
        if isinstance(raw, str) and len(raw) > MAX_ANSWER_CHARS:
            # the grader refuses the whole submission over one such answer
            problems.append(Problem(where, *locator.find((qid,)), qid, f"longer than {MAX_ANSWER_CHARS} characters"))
            continue
        try:
            parsed[str(qid)] = (parse_public_answer(questions[qid], raw), len(str(raw)))
        except AnswerFormatError as exc:
            problems.append(Problem(where, *locator.find((qid,)), qid, str(exc)))
    if problems:  # all or nothing: a bad answer stores none of them
        raise ContentError(problems)
    for qid, (answer, chars) in parsed.items():
        state.record(qid, answer, duration_s=None, chars=chars, from_file=True)
    return len(parsed)
