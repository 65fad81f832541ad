"""Grading 20 submissions with --jobs 2 against --jobs 1 (target: at least 1.6x faster).

Run: python -m tests.bench.bench_exam
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES
from tests.exam.conftest import SPEC

N = 20
ROUNDS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ.update({"GOKATA_HOME": str(tmp / "home"), "GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid"),
                           "GOKATA_KATAS": str(FIXTURES / "exam" / "katas"), "COLUMNS": "120", "NO_COLOR": "1"})
        spec = tmp / "spec.yaml"
        spec.write_text(SPEC, encoding="utf-8")
        pack = tmp / "pack"
        assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
        questions = json.loads((pack / "questions.json").read_text(encoding="utf-8"))
        work = tmp / "work"
        answers = tmp / "a.yaml"
        answers.write_text(json.dumps({q["id"]: "A" if q["kind"] in ("single", "multi") else "x"
                                       for q in questions if q["kind"] not in ("truefalse", "spot-the-bug")}))
        assert run_cli("exam", "take", str(pack), "--dir", str(work), "--name", "c0", "--answers",
                       str(answers)).exit_code == 0
        solution = FIXTURES / "exam" / "katas" / "sum-positive" / ".meta" / "solution" / "sum.go"
        subs = []
        for i in range(N):
            if i % 2:
                shutil.copy(solution, work / "katas" / "sum-positive" / "sum.go")
            out = tmp / f"s{i}.json"
            assert run_cli("exam", "submit", "--dir", str(work), "--out", str(out)).exit_code == 0
            data = json.loads(out.read_text(encoding="utf-8"))
            data["candidate"] = f"candidate {i}"
            out.write_text(json.dumps(data), encoding="utf-8")
            subs.append(str(out))
        # warm the Go build and race caches so both timings measure grading, not the first compile
        run_cli("exam", "grade", str(spec), subs[0], "--out", str(tmp / "warm"))
        samples: dict[int, list[float]] = {1: [], 2: []}
        for run in range(ROUNDS):  # interleaved, so a busy moment hurts both settings alike
            for jobs in (1, 2):
                start = time.perf_counter()
                result = run_cli("exam", "grade", str(spec), *subs, "--jobs", str(jobs),
                                 "--out", str(tmp / f"r{jobs}-{run}"))
                samples[jobs].append(time.perf_counter() - start)
                assert result.exit_code == 0, result.output
    one, two = statistics.median(samples[1]), statistics.median(samples[2])
    print(f"{N} submissions, each with one kata run under -race; median of {ROUNDS} interleaved rounds")
    print(f"--jobs 1: {one:6.2f} s   (runs: {', '.join(f'{x:.2f}' for x in samples[1])})")
    print(f"--jobs 2: {two:6.2f} s   (runs: {', '.join(f'{x:.2f}' for x in samples[2])})")
    print(f"speed-up {one / two:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
