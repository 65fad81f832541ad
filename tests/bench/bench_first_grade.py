"""Benchmark: the very first grade of each open question, in a new process on a new machine
(budget: 50 ms, compiling the question included).

    python -m tests.bench.bench_first_grade [--only QUESTION_ID ...] [--runs N]

bench_grader.py measures compiling in one long process, where every question after the first
finds the grader's modules imported, its lexicons built and the reference index loaded, and where
the Python collector's pauses fall on whichever question comes next. A learner's first `gokata
answer` has none of that: a new interpreter, an empty GOKATA_HOME (nothing kept between runs), the
package's shipped data only. Here each question is graded in such a process; the child times
`grade_open` alone (imports and loading the banks happen before the clock starts, as they do
before a prompt is shown), compiling the question included; the compiled grader is written for
later runs when the process ends (precompiled.store_later), outside the figure.
Nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from tests.bench.common import bytecode_env

BUDGET_MS = 50.0
ROOT = Path(__file__).resolve().parents[2]

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from runner.content.catalog import load_catalog
    from runner.content.models import OpenQuestion
    by_id = load_catalog().by_id()
    q = by_id[sys.argv[1]]
    assert isinstance(q, OpenQuestion)
    from runner.answers.framework import grade_open
    t0 = time.perf_counter()
    grade_open(q, q.model_answer.en)
    first = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    grade_open(q, q.model_answer.zh or q.model_answer.en)
    second = (time.perf_counter() - t0) * 1000
    print(json.dumps([first, second]))
    """
)


def _open_ids() -> list[str]:
    from runner.content.catalog import load_catalog
    from runner.content.models import OpenQuestion

    return [q.id for q in load_catalog().questions if isinstance(q, OpenQuestion)]


def _first_grade(qid: str, env: dict[str, str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="gokata-first-") as home:
        child = {**env, "GOKATA_HOME": home}
        child.pop("GOKATA_CONTENT_CACHE", None)
        child.pop("GOKATA_NO_CACHE", None)
        child.pop("GOKATA_GRADER", None)
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, qid], cwd=ROOT, env=child, capture_output=True, text=True, check=True
        )
    first, second = json.loads(out.stdout)
    return float(first), float(second)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    env, note = bytecode_env()
    ids = args.only or _open_ids()
    _first_grade(ids[0], env)  # writes the children's bytecode once, outside the figures
    firsts: dict[str, list[float]] = {}
    seconds: list[float] = []
    for _ in range(args.runs):
        for qid in ids:
            first, second = _first_grade(qid, env)
            firsts.setdefault(qid, []).append(first)
            seconds.append(second)
    per_question = {qid: statistics.median(v) for qid, v in firsts.items()}
    values = sorted(per_question.values())
    p95 = statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[-1]
    print(f"{len(ids)} open questions, each first graded in a new process with an empty GOKATA_HOME{note}")
    print(
        f"first grade (compiling the question included): mean {statistics.fmean(values):.1f} ms, "
        f"median {statistics.median(values):.1f}, p95 {p95:.1f}, max {values[-1]:.1f}"
    )
    print(f"the next answer to the same question in that process: mean {statistics.fmean(seconds):.1f} ms")
    slowest = sorted(per_question.items(), key=lambda kv: kv[1], reverse=True)[:5]
    print("slowest: " + ", ".join(f"{qid} {ms:.1f}" for qid, ms in slowest))
    print(
        f"ratio to the {BUDGET_MS:.0f} ms budget: mean {statistics.fmean(values) / BUDGET_MS:.2f}, "
        f"p95 {p95 / BUDGET_MS:.2f}, max {values[-1] / BUDGET_MS:.2f}, "
        f"over it {sum(v > BUDGET_MS for v in values)} of {len(values)}"
    )


if __name__ == "__main__":
    main()
