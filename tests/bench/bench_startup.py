"""`gokata --help` against the floor of importing typer and rich.

Target (issue 2): at most 1.5x the time of `python -c "import typer, rich.console"`.
Run: python -m tests.bench.bench_startup
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def timed(cmd: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    floor = timed([sys.executable, "-c", "import typer, rich.console"])
    help_ = timed([sys.executable, "-m", "runner", "--help"])
    sub = timed([sys.executable, "-m", "runner", "quiz", "--help"])
    print(f"import typer, rich.console : {floor * 1000:7.1f} ms (median of {RUNS})")
    print(f"gokata --help              : {help_ * 1000:7.1f} ms  ratio {help_ / floor:.2f}x (target <= 1.5x)")
    print(f"gokata quiz --help         : {sub * 1000:7.1f} ms  ratio {sub / floor:.2f}x")


if __name__ == "__main__":
    main()
