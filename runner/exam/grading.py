"""Grading submissions against the spec with the full bank and the hidden tests.

One candidate's grading is independent of another's, so a batch runs in parallel; the
cross-candidate similarity check runs afterwards on the results.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from runner import __version__
from runner.content.catalog import Catalog
from runner.content.models import AnyQuestion, OpenQuestion
from runner.exam.candidate import FAST_ANSWER_S, FAST_ANSWERS_TO_FLAG, digest_of, read_submission
from runner.exam.pack import Shown, presentation
from runner.exam.spec import ResolvedExam
from runner.quiz.answers import AnswerFormatError, TextAnswer, parse_answer
from runner.quiz.grading import expected_text, grade

REPORT_FORMAT = 1


@dataclass(frozen=True)
class KataTest:
    name: str
    hidden: bool
    status: str  # pass | fail | skip
    message: str


@dataclass(frozen=True)
class KataOutcome:
    slug: str
    title: str
    topic: str
    status: str  # pass | fail | compile_error | timeout | race | rejected | missing
    score: float
    tests: tuple[KataTest, ...]
    duration_s: float
    summary: str = ""  # plain-language verdict (time-out with blocked goroutines, race locations, ...)


class KataGrader(Protocol):
    def __call__(self, slug: str, files: dict[str, str]) -> KataOutcome: ...


@dataclass
class CandidateReport:
    data: dict[str, Any]
    source: Path
    kata_code: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def candidate(self) -> str:
        return str(self.data["candidate"])

    @property
    def score(self) -> float:
        return float(self.data["score"])


def _question_entry(q: AnyQuestion, shown: Shown, section: str, given: dict[str, Any] | None) -> dict[str, Any]:
    base: dict[str, Any] = {"id": q.id, "public_id": shown.public_id, "kind": q.kind, "topic": q.topic,
                            "section": section, "difficulty": q.difficulty}
    if given is None:
        return {**base, "answered": False, "score": 0.0, "correct": False, "given": None,
                "expected": expected_text(q), "duration_s": None, "pasted": False, "late": False}
    raw = given.get("answer")
    if q.kind in ("single", "multi") and isinstance(raw, str):
        # the candidate saw the choices in the pack's order; a malformed answer is left as given
        # for parse_answer to say what is wrong with it
        with contextlib.suppress(ValueError, IndexError):
            raw = shown.to_bank_letters(raw)
    entry = {**base, "answered": True, "duration_s": given.get("duration_s"), "pasted": bool(given.get("pasted")),
             "late": bool(given.get("late"))}
    try:
        answer = parse_answer(q, raw)
    except AnswerFormatError as exc:
        return {**entry, "score": 0.0, "correct": False, "given": str(raw), "expected": expected_text(q),
                "note": f"answer not understood: {exc}"}
    if isinstance(q, OpenQuestion):
        from runner.answers.framework import grade_open

        text = answer.text if isinstance(answer, TextAnswer) else ""
        og = grade_open(q, text)
        verdict = grade(q, answer, open_grade=og)
        return {**entry, "score": round(verdict.score, 4), "correct": None, "given": text,
                "expected": q.model_answer.en,
                "points": [{"id": p.point_id, "point": p.point.en, "verdict": p.verdict.value, "weight": p.weight,
                            "credit": round(p.credit, 3), "evidence": p.evidence, "core": p.core}
                           for p in og.points],
                "misconceptions": [{"id": m.misconception_id, "belief": m.belief.en, "correction": m.correction.en,
                                    "evidence": m.evidence} for m in og.misconceptions],
                "follow_ups": [f.en for f in og.follow_ups], "keyword_only": og.keyword_only}
    verdict = grade(q, answer)
    return {**entry, "score": verdict.score, "correct": verdict.correct, "given": verdict.given,
            "expected": verdict.expected}


def grade_submission(path: Path, exam: ResolvedExam, catalog: Catalog, expected_pack_hash: str,
                     grade_kata: KataGrader) -> CandidateReport:
    sub = read_submission(path)
    by_id = catalog.by_id()
    shown = {x.question_id: x for x in presentation(exam, catalog)}
    answers: dict[str, Any] = sub.get("answers", {})
    flags: list[dict[str, str]] = []
    pack_ok = sub.get("pack_hash") == expected_pack_hash
    if not pack_ok:
        flags.append({"kind": "pack-mismatch", "message": "The submission was taken from a different pack than this "
                      "spec builds (another spec, seed or bank version): the questions may differ."})
    digest_ok = sub.get("digest") == digest_of(sub)
    if not digest_ok:
        flags.append({"kind": "altered", "message": "The submission file was changed after `gokata exam submit` "
                      "wrote it (its digest does not match its content)."})
    unknown = sorted(set(answers) - {x.public_id for x in shown.values()})
    if unknown:
        flags.append({"kind": "unexpected-answers", "message": f"Answers to questions not in this exam: "
                      f"{', '.join(unknown)}."})
    sections: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    katas: list[dict[str, Any]] = []
    code: dict[str, dict[str, str]] = {}
    for s in exam.sections:
        scores: list[float] = []
        for qid in s.question_ids:
            entry = _question_entry(by_id[qid], shown[qid], s.id, answers.get(shown[qid].public_id))
            questions.append(entry)
            scores.append(float(entry["score"]))
        for slug in s.katas:
            files = dict(sub.get("katas", {}).get(slug, {}).get("files", {}))
            code[slug] = files
            outcome = grade_kata(slug, files)
            katas.append(_kata_entry(outcome, s.id))
            scores.append(outcome.score)
        sections.append({"id": s.id, "title": s.title, "weight": s.weight,
                         "score": round(sum(scores) / len(scores), 4) if scores else 0.0})
    total_weight = sum(s["weight"] for s in sections)
    score = sum(s["score"] * s["weight"] for s in sections) / total_weight if total_weight else 0.0
    topics: dict[str, list[float]] = defaultdict(list)
    for qe in questions:
        topics[qe["topic"]].append(float(qe["score"]))
    for ke in katas:
        topics[ke["topic"]].append(float(ke["score"]))
    pasted = [q["id"] for q in questions if q.get("pasted")]
    if pasted:
        flags.append({"kind": "pasted", "message": f"Long answers typed faster than a person types (likely pasted): "
                      f"{', '.join(pasted)}."})
    scripted = [qid for qid, a in answers.items() if isinstance(a, dict) and a.get("from_file")]
    if scripted:
        flags.append({"kind": "answers-from-file", "message": f"{len(scripted)} answer(s) were loaded from a file "
                      "(`exam take --answers`), not typed in the session; timings are unknown for them."})
    typed = [a for a in answers.values() if isinstance(a, dict) and not a.get("from_file")]
    if any(a.get("terminal") is False for a in typed):
        flags.append({"kind": "not-typed", "message": "Answers were fed to `exam take` through a pipe or file, not "
                      "typed at a terminal."})
    fast = [q["id"] for q in questions if q["answered"] and q.get("duration_s") is not None
            and not answers.get(q["public_id"], {}).get("from_file") and float(q["duration_s"]) < FAST_ANSWER_S]
    if len(fast) >= FAST_ANSWERS_TO_FLAG:
        flags.append({"kind": "too-fast", "message": f"{len(fast)} answers came faster than a question can be read "
                      f"(under {FAST_ANSWER_S:g} s): {', '.join(fast)}."})
    late = [q["id"] for q in questions if q.get("late")]
    if sub.get("late") or late:
        flags.append({"kind": "late", "message": "Submitted after the time limit" +
                      (f"; answered late: {', '.join(late)}" if late else "") + "."})
    started, submitted = float(sub.get("started_at", 0)), float(sub.get("submitted_at", 0))
    data: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "exam": exam.spec.title,
        "candidate": sub.get("candidate", "?"),
        "submission": path.name,
        "pack_hash": sub.get("pack_hash"),
        "pack_hash_ok": pack_ok,
        "digest_ok": digest_ok,
        "tool_version": sub.get("tool_version"),
        "graded_with": __version__,
        "graded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "score": round(score, 4),
        "pass_mark": exam.spec.pass_mark,
        "passed": score >= exam.spec.pass_mark,
        "sections": sections,
        "topics": [{"topic": t, "score": round(sum(v) / len(v), 4), "items": len(v)}
                   for t, v in sorted(topics.items())],
        "questions": questions,
        "katas": katas,
        "time": {"started_at": started, "submitted_at": submitted,
                 "minutes_used": round((submitted - started) / 60, 1) if submitted and started else None,
                 "time_limit_minutes": sub.get("time_limit_minutes"), "late": bool(sub.get("late"))},
        "flags": flags,
    }
    return CandidateReport(data, path, code)


def _kata_entry(o: KataOutcome, section: str) -> dict[str, Any]:
    passed = sum(t.status == "pass" for t in o.tests)
    return {"slug": o.slug, "title": o.title, "topic": o.topic, "section": section, "status": o.status,
            "score": round(o.score, 4), "passed": passed, "total": len(o.tests), "duration_s": round(o.duration_s, 2),
            "summary": o.summary,
            "tests": [{"name": t.name, "hidden": t.hidden, "status": t.status, "message": t.message} for t in o.tests]}


def grade_batch(
    paths: Sequence[Path], grade_one: Callable[[Path], CandidateReport], *, jobs: int,
    starters: dict[str, dict[str, str]],
) -> list[CandidateReport]:
    """Grade submissions in parallel (threads: the work is in `go test` subprocesses), in input order."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        reports = list(pool.map(grade_one, paths))
    from runner.exam.similarity import flag_similar_code

    flag_similar_code(reports, starters)
    ranked = sorted(reports, key=lambda r: -r.score)
    for rank, r in enumerate(ranked, 1):
        r.data["rank"] = rank
        r.data["candidates"] = len(reports)
    return reports
