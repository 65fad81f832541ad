"""An author's check while tuning frameworks and shared beliefs: dev splits only, never the test split.

    python -m tests.grading.dev_check TOPIC [TOPIC ...] [--show N]

For the questions of these topics: model answers earning under 90 % of their framework, bank examples off by more than 0.15,
shared-belief hits on answers that should not have any (model answers, strong/plain examples,
strong blind dev answers), and the blind dev and dev2 answers per class with the worst misses.
The test split is left out on purpose: it measures what tuning did, so nobody tunes on it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from runner.answers.blind import TARGETS, SplitReport, grade_split, is_held_out, splits_in
from runner.answers.framework import grade_open
from runner.answers.scale import interviewer_scale
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion

BLIND = Path(__file__).parent / "blind"
GOOD_CLASSES = {"strong-plain", "strong-technical", "mixed", "typos"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("topics", nargs="+")
    parser.add_argument("--show", type=int, default=8)
    args = parser.parse_args()
    topics = set(args.topics)
    catalog = load_catalog()
    opens = {q.id: q for q in catalog.questions if isinstance(q, OpenQuestion) and q.topic in topics}
    print(f"{len(opens)} open questions in {', '.join(sorted(topics))}")
    bad_model, bad_examples, false_beliefs = [], [], []
    for q in opens.values():
        for lang in ("en", "zh"):
            text = q.model_answer.get(lang) if lang == "zh" else q.model_answer.en
            if text:
                g = grade_open(q, text)
                if g.score < interviewer_scale(0.9):
                    bad_model.append(f"{q.id} model answer ({lang}): {g.score:.2f}")
                false_beliefs += [
                    f"{q.id} model ({lang}): {h.misconception_id}: {h.evidence}" for h in g.misconceptions if h.shared
                ]
        for ex in q.examples:
            g = grade_open(q, ex.answer)
            if abs(g.score - ex.score) > 0.15:
                bad_examples.append(
                    f"{q.id} [{ex.label}] expected {ex.score:.2f} got {g.score:.2f}: {ex.answer[:90]!r}"
                )
            if ex.label in ("strong", "plain"):
                false_beliefs += [
                    f"{q.id} example [{ex.label}]: {h.misconception_id}: {h.evidence}"
                    for h in g.misconceptions
                    if h.shared
                ]
    print(f"\nmodel answers earning under 90 % of their framework: {len(bad_model)}", *bad_model, sep="\n  ")
    print(f"\nbank examples off by > 0.15: {len(bad_examples)}", *bad_examples[: args.show], sep="\n  ")
    for split in splits_in(BLIND):
        if is_held_out(split):
            continue
        report = grade_split(catalog, BLIND / split, split)
        rs = [r for r in report.results if r.question_id in opens]
        if not rs:
            continue
        print(f"\nblind {split}: {len(rs)} answers, MAE {SplitReport(split, tuple(rs), ()).mae:.3f}")
        for t in TARGETS:
            applies = [r for r in rs if t.applies(r)]
            if applies:
                print(f"  {t.name}: {sum(t.meets(r) for r in applies)}/{len(applies)}")
        for r in rs:
            if r.answer_class in GOOD_CLASSES and r.wrong_belief:  # graded again only for the evidence
                g = grade_open(opens[r.question_id], r.text)
                false_beliefs += [
                    f"{r.question_id} blind {split} [{r.answer_class}]: {h.misconception_id}: {h.evidence}"
                    for h in g.misconceptions
                    if h.shared
                ]
        worst = sorted(rs, key=lambda r: -r.error)[: args.show]
        for r in worst:
            print(
                f"  {r.question_id} [{r.answer_class} {r.lang}] expected {r.expected:.2f} got {r.got:.2f}: {r.text[:100]!r}"
            )
    print(f"\nshared beliefs firing on correct answers: {len(false_beliefs)}", *false_beliefs, sep="\n  ")


if __name__ == "__main__":
    main()
