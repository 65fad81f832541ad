"""`exam grade` on 20 submissions: --jobs 2 against --jobs 1 (target: at least 1.8x faster).

Every submission has its own kata code (like real candidates: half solve it, half half-fix it),
so no run is shared. Beside it, in the same rounds, the floor the toolchain sets: the same 20
`go test -race -json` runs started straight from a shell, one at a time and two at a time, so
the exam's speed-up reads against how far two parallel `go test` runs scale on this machine.
Rounds are interleaved (a busy moment hurts every setting alike) and the median is reported.

Run: python -m tests.bench.bench_exam
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES
from tests.exam.conftest import SPEC

N = 20
ROUNDS = 5
TARGET = 1.8
KATA = FIXTURES / "exam" / "katas" / "sum-positive"
HALF_FIX = """package dose

// SumPositive returns the sum of the positive values in doses.
func SumPositive(doses []int) int {{
	total := 0
	for _, d := range doses {{
		if d >= 0 {{ // candidate {i}: skips negatives, keeps zero
			total += d
		}}
	}}
	return total
}}
"""


def _code(i: int) -> str:
    if i % 2:
        return (KATA / ".meta" / "solution" / "sum.go").read_text(encoding="utf-8") + f"\n// candidate {i}\n"
    return HALF_FIX.format(i=i)


def _submissions(tmp: Path, spec: Path) -> list[str]:
    pack = tmp / "pack"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    questions = json.loads((pack / "questions.json").read_text(encoding="utf-8"))
    work = tmp / "work"
    answers = tmp / "a.yaml"
    answers.write_text(
        json.dumps(
            {
                q["id"]: "A" if q["kind"] in ("single", "multi") else "x"
                for q in questions
                if q["kind"] not in ("truefalse", "spot-the-bug")
            }
        )
    )
    assert (
        run_cli("exam", "take", str(pack), "--dir", str(work), "--name", "c0", "--answers", str(answers)).exit_code == 0
    )
    subs = []
    for i in range(N):
        (work / "katas" / "sum-positive" / "sum.go").write_text(_code(i), encoding="utf-8")
        out = tmp / f"s{i}.json"
        assert run_cli("exam", "submit", "--dir", str(work), "--out", str(out)).exit_code == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        data["candidate"] = f"candidate {i}"
        out.write_text(json.dumps(data), encoding="utf-8")
        subs.append(str(out))
    return subs


def _raw_dirs(tmp: Path) -> list[Path]:
    dirs = []
    for i in range(N):
        d = tmp / "raw" / str(i)
        d.mkdir(parents=True)
        for name in ("go.mod", "sum_test.go"):
            shutil.copy(KATA / name, d / name)
        shutil.copy(KATA / ".meta" / "hidden" / "hidden_test.go", d / "hidden_test.go")
        (d / "sum.go").write_text(_code(i), encoding="utf-8")
        dirs.append(d)
    return dirs


def _raw_go_test(dirs: list[Path], jobs: int, round_no: int) -> None:
    env = {**os.environ, "GORACE": "atexit_sleep_ms=100", "GOFLAGS": ""}

    def one(d: Path) -> None:
        with (d / "sum.go").open("a", encoding="utf-8") as fh:  # a new build each round, like a new candidate
            fh.write(f"// round {round_no} jobs {jobs}\n")
        subprocess.run(
            ["go", "test", "-race", "-json", "-count=1", "-trimpath", "."],
            cwd=d,
            env=env,
            capture_output=True,
            check=False,
        )

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, dirs))


def _timed(fn: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its children)"""
    r0, s0 = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    r1, s1 = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    cpu = sum(getattr(b, f) - getattr(a, f) for a, b in ((r0, r1), (s0, s1)) for f in ("ru_utime", "ru_stime"))
    return wall, cpu


def bench_similarity(n: int = 300) -> None:
    """Comparing every pair of n candidates (two open answers and one kata each)."""
    import random

    from runner.exam.model import CandidateReport, KataRow, OpenDetail, QuestionRow
    from runner.exam.similarity import pair_flags

    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    reports = []
    for i in range(n):
        qs = tuple(
            QuestionRow(
                id=f"o{j}",
                public_id=f"o{j}",
                kind="open",
                topic="t",
                section="s",
                difficulty=1,
                prompt="p",
                answered=True,
                score=0.5,
                correct=None,
                given=" ".join(rng.choice(words) for _ in range(80)),
                expected="",
                open=OpenDetail(()),
            )
            for j in range(2)
        )
        code = "\n".join(f"v{rng.randint(0, 999)} := f{rng.randint(0, 99)}(x) + {rng.randint(0, 9)}" for _ in range(15))
        reports.append(
            CandidateReport(
                exam="e",
                candidate=f"c{i}",
                folder=f"c{i}",
                submission=f"{i}.json",
                status="graded",
                questions=qs,
                katas=(KataRow("k", "k", "t", "s", "pass", 1, 1, 1, 1, "", (), None, code),),
            )
        )
    start = time.perf_counter()
    pair_flags(reports)
    print(f"similarity across {n} candidates ({n * (n - 1) // 2} pairs): {time.perf_counter() - start:.2f} s")


def main() -> None:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ.update(
            {
                "GOKATA_HOME": str(tmp / "home"),
                "GOKATA_QUESTIONS": str(FIXTURES / "banks" / "valid"),
                "GOKATA_KATAS": str(FIXTURES / "exam" / "katas"),
                "COLUMNS": "120",
                "NO_COLOR": "1",
            }
        )
        spec = tmp / "spec.yaml"
        spec.write_text(SPEC, encoding="utf-8")
        subs = _submissions(tmp, spec)
        raw = _raw_dirs(tmp)
        # warm the Go build and race caches so every timing measures grading, not the first compile
        run_cli("exam", "grade", str(spec), subs[0], "--out", str(tmp / "warm"))
        _raw_go_test(raw[:2], 1, -1)
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in ("exam 1", "exam 2", "raw 1", "raw 2")}
        for run in range(ROUNDS):  # interleaved, so a busy moment hurts every setting alike
            for jobs in (1, 2):

                def grade(jobs: int = jobs, run: int = run) -> None:
                    result = run_cli(
                        "exam", "grade", str(spec), *subs, "--jobs", str(jobs), "--out", str(tmp / f"r{jobs}-{run}")
                    )
                    assert result.exit_code == 0, result.output

                def raw_runs(jobs: int = jobs, run: int = run) -> None:
                    _raw_go_test(raw, jobs, run)

                samples[f"exam {jobs}"].append(_timed(grade))
                samples[f"raw {jobs}"].append(_timed(raw_runs))
    med = {k: statistics.median(w for w, _ in v) for k, v in samples.items()}
    util = {k: statistics.median(c / w for w, c in v) for k, v in samples.items()}
    print(f"{N} submissions, each with its own kata code graded under -race; median of {ROUNDS} interleaved rounds")
    # A shared machine shows here: other work lowers "cores busy" and the speed-ups alike.
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} (1 min)")
    for k, v in samples.items():
        print(f"{k:7s}: {med[k]:6.2f} s   cores busy {util[k]:.2f}   (runs: {', '.join(f'{w:.2f}' for w, _ in v)})")
    exam, floor = med["exam 1"] / med["exam 2"], med["raw 1"] / med["raw 2"]
    print(f"exam grade --jobs 2 speed-up {exam:.2f}x (target >= {TARGET}x)")
    print(f"raw go test, 2 at a time:    {floor:.2f}x (what the toolchain allows here; exam/raw {exam / floor:.2f})")
    print(
        f"exam grade per submission, --jobs 1: {med['exam 1'] / N * 1000:.0f} ms; raw go test: "
        f"{med['raw 1'] / N * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
    bench_similarity()
