"""Benchmark: time to grade one open answer once the banks are loaded (budget: 50 ms).

    python -m tests.bench.bench_grader [N]

Grades every example answer in the bundled banks (or the grader's fixture bank when the banks
carry none), plus a long answer of about 2,000 words, N times each round, and prints the mean
and 95th percentile per answer and their ratio to the budget. The first grade of a question
includes compiling its matchers; that cold cost is reported separately, both compiled from
scratch and loaded from the graders kept between runs (runner/answers/precompiled.py), which is
what a command pays once it has graded the question before. "Compiling" comes four times: as a fresh
process pays it (no phrasing compiled yet; the topic's shared beliefs are loaded as shipped in the
package, runner/answers/shipped.py: what the very first `gokata answer` on a machine pays), the
same when the shipped beliefs are stale and are compiled too, as a fresh process pays it once another question of the topic
was graded before (the topic's shared beliefs are kept between runs), and in a batch, where phrasings already compiled for an
earlier question of the topic are reused (calibrate, exam grade).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from runner.answers import precompiled, shipped
from runner.answers.framework import _shared_beliefs, compile_question, grade_open
from runner.answers.matcher import compile_phrasing
from runner.answers.reading import read_answer
from runner.content import cache as content_cache
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion

BUDGET_MS = 50.0
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "grading" / "bank"


def _questions() -> list[OpenQuestion]:
    qs = [q for q in load_catalog().questions if isinstance(q, OpenQuestion) and q.examples]
    return qs or [q for q in load_catalog([FIXTURE]).questions if isinstance(q, OpenQuestion)]


def _long_answer(q: OpenQuestion) -> str:
    base = " ".join(ex.answer for ex in q.examples) or q.model_answer.en
    words = base.split()
    return " ".join((words * (2000 // max(1, len(words)) + 1))[:2000]) + " " + (q.model_answer.zh or "")


def _fresh_process() -> None:
    """Forget everything compiled in this process, as a new `gokata answer` starts."""
    compile_question.cache_clear()
    compile_phrasing.cache_clear()
    _shared_beliefs.cache_clear()


def _time(q: OpenQuestion, text: str) -> float:
    # Answers are cached by text; clear it so each timing reads the answer afresh.
    read_answer.cache_clear()
    t0 = time.perf_counter()
    grade_open(q, text)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    questions = _questions()
    cold, kept = [], []
    real_load, real_load_shared = precompiled.load, precompiled.load_shared
    precompiled.load = lambda _q: None  # type: ignore[assignment]  # compile from scratch
    precompiled.load_shared = lambda _t: None  # type: ignore[assignment]
    real_shipped = shipped.load
    shipped.load = lambda _t: None  # type: ignore[assignment]  # as if the shipped beliefs were stale
    scratch: list[float] = []
    for q in questions:
        _fresh_process()
        scratch.append(_time(q, q.model_answer.en))  # and keeps the topic's shared beliefs
    shipped.load = real_shipped
    fresh: list[float] = []
    for q in questions:
        _fresh_process()
        fresh.append(_time(q, q.model_answer.en))
    precompiled.load_shared = real_load_shared
    topic_seen: list[float] = []
    for q in questions:
        _fresh_process()
        topic_seen.append(_time(q, q.model_answer.en))
    compile_phrasing.cache_clear()
    _shared_beliefs.cache_clear()
    for q in questions:
        compile_question.cache_clear()
        cold.append(_time(q, q.model_answer.en))  # compiles, and keeps the grader
    precompiled.load = real_load
    content_cache.flush_pending()  # the graders compiled above are written when a process ends
    for q in questions:
        compile_question.cache_clear()
        kept.append(_time(q, q.model_answer.en))
    samples: list[float] = []
    long_samples: list[float] = []
    for _ in range(rounds):
        for q in questions:
            for ex in q.examples:
                samples.append(_time(q, ex.answer))
            samples.append(_time(q, q.model_answer.en))
            if q.model_answer.zh:
                samples.append(_time(q, q.model_answer.zh))
            long_samples.append(_time(q, _long_answer(q)))
    everything = samples + long_samples
    p95 = statistics.quantiles(everything, n=20)[-1]
    mean = statistics.fmean(everything)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings are wall clock)")
    print(f"{len(questions)} questions, {len(samples)} answers + {len(long_samples)} long ones (~2,000 words)")
    print(f"mean {mean:.2f} ms  p95 {p95:.2f} ms  max {max(everything):.2f} ms per answer")
    print(
        f"typical answers: mean {statistics.fmean(samples):.2f} ms; long: mean {statistics.fmean(long_samples):.2f} ms"
    )
    print(
        f"first grade of a question: compiling it in a fresh process mean {statistics.fmean(fresh):.2f} ms "
        f"(max {max(fresh):.2f}, ratio to the budget {statistics.fmean(fresh) / BUDGET_MS:.2f}; "
        f"{statistics.fmean(scratch):.2f} ms, ratio {statistics.fmean(scratch) / BUDGET_MS:.2f}, when the shipped "
        f"shared beliefs are stale and are compiled too); "
        f"the same once a question of its topic was graded before (its shared beliefs kept) mean "
        f"{statistics.fmean(topic_seen):.2f} ms (max {max(topic_seen):.2f}); "
        f"in a batch mean {statistics.fmean(cold):.2f} ms "
        f"(max {max(cold):.2f}); with its grader kept from an earlier run mean {statistics.fmean(kept):.2f} ms "
        f"(max {max(kept):.2f})"
    )
    print(
        f"ratio to the {BUDGET_MS:.0f} ms budget: mean {mean / BUDGET_MS:.3f}, p95 {p95 / BUDGET_MS:.3f}, "
        f"long {max(long_samples) / BUDGET_MS:.3f}"
    )


if __name__ == "__main__":
    main()
