"""An author's check for contrasts: does a wrong statement, said inside a good answer, get caught?

    python -m tests.grading.probe_wrong QUESTION_ID FILE

FILE holds one wrong statement per line (English or Chinese; lines starting with # are skipped).
Each is put after the question's model answer in its language, the way a fluent candidate slips
one wrong fact into an otherwise sound answer, and graded. A statement is caught when the grade
is 0.45 or less; the line shows the score and the point marked contradicted, if any. It is also
graded alone, to show whether it is caught without the model answer's support. A line starting
with "+ " is a correct statement, the control: put after the model answer it must leave the grade
at 0.85 or more with nothing contradicted, or a contrast fires on the truth. The blind splits are
not read: the statements are the author's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from runner.answers.framework import grade_open
from runner.answers.normalize import is_han
from runner.answers.result import PointVerdict
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion

CAUGHT = 0.45
KEPT = 0.85


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    qid, path = sys.argv[1], Path(sys.argv[2])
    question = load_catalog().by_id().get(qid)
    if not isinstance(question, OpenQuestion):
        sys.exit(f"{qid}: no open question with this id")
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    statements = [ln for ln in lines if ln and not ln.startswith("#")]
    caught = wrong = kept = right = 0
    for line in statements:
        correct = line.startswith("+ ")
        text = line.removeprefix("+ ")
        zh = any(is_han(ch) for ch in text)
        model = (question.model_answer.zh if zh else None) or question.model_answer.en
        inside = grade_open(question, f"{model} {text}")
        points = [p.point_id for p in inside.points if p.verdict is PointVerdict.CONTRADICTED]
        beliefs = [h.misconception_id for h in inside.misconceptions]
        if correct:
            ok = inside.score >= KEPT and not points and not beliefs
            right += 1
            kept += ok
            mark = "kept" if ok else "FALSE ALARM"
            print(f"{mark:11} in-answer {inside.score:.2f} {points or beliefs or '-'}  + {text[:110]}")
            continue
        alone = grade_open(question, text)
        ok = inside.score <= CAUGHT
        wrong += 1
        caught += ok
        mark = "caught" if ok else "MISSED"
        print(
            f"{mark:11} in-answer {inside.score:.2f} alone {alone.score:.2f} {points or beliefs or '-'}  {text[:110]}"
        )
    print(f"{caught}/{wrong} wrong statements caught inside the model answer; {kept}/{right} correct ones kept")


if __name__ == "__main__":
    main()
