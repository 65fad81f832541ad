"""Scripted grading: a file mapping question id -> answer, graded without any prompt.

Answers are in the bank's own terms: choice letters in the order of the bank (as in
`gokata bank export`), never the shuffled order of an interactive session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from runner.content.catalog import Catalog
from runner.content.models import AnyQuestion, OpenQuestion
from runner.content.yaml_source import Locator, read_yaml
from runner.errors import BadInput, ContentError, Problem
from runner.kinds.answer import AnswerFormatError, TextAnswer
from runner.kinds.registry import parse_answer
from runner.quiz.session import SessionSummary, summarise
from runner.quiz.verdict import Verdict, grade


def read_answers(path: Path) -> tuple[dict[str, object], Locator]:
    yf = read_yaml(path, json_first=True)
    if yf.data is None:
        raise ContentError([Problem(str(path), 1, 1, "", "the answers file is empty")])
    if not isinstance(yf.data, dict):
        raise ContentError([Problem(str(path), 1, 1, "", "expected a mapping of question id to answer")])
    locator = Locator(yf.text)
    if not yf.plain_json and locator.duplicate_keys:
        raise ContentError(
            [
                Problem(str(path), line, col, str(loc[-1]), "answered twice (YAML keeps only the last)")
                for loc, line, col in locator.duplicate_keys
            ]
        )
    return {str(k): v for k, v in yf.data.items()}, locator


def grade_answers(questions: Catalog | Callable[[list[str]], Mapping[str, AnyQuestion]], path: Path) -> SessionSummary:
    """Grade every answer in the file; all problems (unknown ids, malformed answers) at once.
    `questions` is the catalog, or finds the questions of the ids the file answers (so only
    their banks are read)."""
    raw, locator = read_answers(path)
    by_id = questions.by_id() if isinstance(questions, Catalog) else questions(list(raw))
    unknown = [qid for qid in raw if qid not in by_id]
    if unknown:
        located = [Problem(str(path), *locator.find((qid,), key=True), qid, "unknown question id") for qid in unknown]
        raise ContentError(located, f"unknown question id(s) in {path}: {', '.join(unknown)}")
    verdicts: list[Verdict] = []
    problems: list[Problem] = []
    for qid, value in raw.items():
        question = by_id[qid]
        try:
            answer = parse_answer(question, value)
        except AnswerFormatError as exc:
            problems.append(Problem(str(path), *locator.find((qid,)), qid, f"{question.kind} answer: {exc}"))
            continue
        if isinstance(question, OpenQuestion):
            from runner.answers.framework import grade_open
            from runner.answers.limits import MAX_ANSWER_CHARS

            text = answer.text if isinstance(answer, TextAnswer) else ""
            if len(text) > MAX_ANSWER_CHARS:
                where = locator.find((qid,))
                problems.append(
                    Problem(
                        str(path),
                        *where,
                        qid,
                        f"{len(text):,} characters; answers of more than {MAX_ANSWER_CHARS:,} are not graded",
                    )
                )
                continue
            verdicts.append(grade(question, answer, open_grade=grade_open(question, text)))
        else:
            verdicts.append(grade(question, answer))
    if problems:
        raise ContentError(problems, f"answers that do not fit their question in {path}")
    if not verdicts:
        raise BadInput(f"{path}: no answers to grade")
    return summarise(verdicts, total=len(verdicts))
