"""Grading 20 submissions with --jobs 2 against --jobs 1 (target: at least 1.6x faster).

Run: python -m tests.bench.bench_exam
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES
from tests.exam.conftest import SPEC

N = 20


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
        timings = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            result = run_cli("exam", "grade", str(spec), *subs, "--jobs", str(jobs), "--out", str(tmp / f"r{jobs}"))
            timings[jobs] = time.perf_counter() - start
            assert result.exit_code == 0, result.output
    print(f"{N} submissions, each with one kata run under -race")
    print(f"--jobs 1: {timings[1]:6.2f} s")
    print(f"--jobs 2: {timings[2]:6.2f} s   speed-up {timings[1] / timings[2]:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
