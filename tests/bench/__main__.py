"""Every ratio issue 16 asks for, in one command: python -m tests.bench [--quick]

1. start-up of the commands that read content against a floor app (bench_startup; target 1.25x)
2. `kata test` warm against raw `go test -race -json` with the same GORACE (bench_kata; target 1.2x)
3. `exam grade` on 20 submissions, --jobs 2 against --jobs 1, beside raw go test (bench_exam; 1.8x)

The figures are medians of interleaved rounds; on a busy machine read the ratios, not the seconds.
Nothing here passes or fails. --quick runs fewer rounds (a first look, not a measurement).
"""

from __future__ import annotations

import shutil
import sys


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    from tests.bench import bench_exam, bench_kata, bench_startup

    print("== 1. start-up (bench_startup)", flush=True)
    sys.argv = ["bench_startup", "--runs", "5" if quick else "15"]
    bench_startup.main()
    if shutil.which("go") is None:
        print("Go is not installed: the kata and exam ratios need it")
        return
    print("\n== 2. kata test (bench_kata)", flush=True)
    sys.argv = ["bench_kata", "--rounds", "5" if quick else "15"]
    bench_kata.main()
    print("\n== 3. exam grade --jobs 2 (bench_exam)", flush=True)
    if quick:
        bench_exam.ROUNDS = 3
    bench_exam.main()


if __name__ == "__main__":
    main()
