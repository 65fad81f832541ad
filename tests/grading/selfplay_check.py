"""Grade an author's own practice answers (a YAML list) against the bundled banks.

    python -m tests.grading.selfplay_check FILE

Each entry: question, class, lang, score, text. Prints every answer's grade with its point
verdicts, misconceptions and error, then the mean absolute error: what a bank author tunes a
framework on before real answers exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from runner.answers.framework import grade_open
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion


def main() -> None:
    entries = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8")) or []
    catalog = load_catalog()
    errors: list[float] = []
    for e in entries:
        q = catalog.question(e["question"])
        if not isinstance(q, OpenQuestion):
            print(f"?? {e['question']} is not an open question")
            continue
        g = grade_open(q, e["text"])
        err = abs(g.score - float(e["score"]))
        errors.append(err)
        flag = "  " if err <= 0.15 else "!!"
        print(f"{flag} {q.id} [{e['class']} {e['lang']}] want {e['score']:.2f} got {g.score:.2f}")
        for p in g.points:
            print(
                f"     {p.point_id} ({p.level}): {p.verdict.value} {p.credit:.2f}"
                + (f" <- {p.evidence[:80]!r}" if p.evidence and p.verdict.value == "contradicted" else "")
            )
        for h in g.misconceptions:
            print(f"     misconception {h.misconception_id}: {h.evidence[:80]!r}")
    if errors:
        print(
            f"\n{len(errors)} answers, MAE {sum(errors) / len(errors):.3f}, within 0.15: {sum(e <= 0.15 for e in errors)}/{len(errors)}"
        )


if __name__ == "__main__":
    main()
