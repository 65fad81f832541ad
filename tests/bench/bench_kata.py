"""How much the kata runner costs over running the same tests by hand.

    python -m tests.bench.bench_kata [--rounds N] [--kata SLUG ...] [--breakdown]

Grades a passing submission of each kata (default: two bundled katas, the solutions of
slices-first-n-records and context-downstream-timeout; `stats` is the fixture) and compares, on a
warm build cache, the median wall time of:
  hand        `go test -race -json -count=1 .` in a folder holding the same files, your environment
  hand-gorace the same with GORACE=atexit_sleep_ms=100, the race setting the sandbox uses
  cli         `gokata kata test SLUG --code DIR --json` (a whole process: Python start-up included;
              the installed console script beside this interpreter, else `python -m runner`)
  engine      grade_submission() called in-process (the exam grader's path)
  engine-no-own-build  the same without compiling the learner's package on its own first (build.py):
              the difference is what that check costs
  engine-limits-only   the engine without the OS sandbox (GOKATA_SANDBOX=limits-only): the
              difference is what bwrap costs
With --breakdown, also (to see where the CLI's own time goes):
  cli-workspace  `gokata kata test SLUG --workspace W --json`: the learner's own run, recorded in a
              progress store (a fresh GOKATA_HOME)
  cli-terminal   the same without --json: the result drawn for a terminal (with Rich)
  cli-typer   the `cli` command line through the Typer app (where every command line but a plain
              `kata test` goes): the difference is what the lean dispatch saves
  python      `python -c pass`: the interpreter's own start-up
  hand-gorace-rundir  hand-gorace with TMPDIR where gokata makes a run's folders (a memory file
              system where there is one, run_folder.py): what of the gap is the file system
Runs are interleaved so machine load affects all alike. The target (issue 16): cli / hand-gorace
<= 1.2. Prints ratios only; nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from unittest import mock

from tests.bench.common import bytecode_env

REPO = Path(__file__).resolve().parents[2]
FIXTURE_KATAS = REPO / "tests" / "fixtures" / "katas"
SUBMISSIONS = REPO / "tests" / "kata" / "submissions"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--kata",
        action="append",
        help="a fixture kata, or a bundled one (uses its solution); "
        "repeat for several (default: slices-first-n-records and context-downstream-timeout)",
    )
    parser.add_argument("--breakdown", action="store_true", help="also time the parts of the CLI's own cost")
    args = parser.parse_args()
    if shutil.which("go") is None:
        sys.exit("Go is not installed")
    for slug in args.kata or ["slices-first-n-records", "context-downstream-timeout"]:
        bench(slug, args.rounds, breakdown=args.breakdown)


def bench(slug: str, rounds: int, *, breakdown: bool = False) -> None:
    bundled = not (FIXTURE_KATAS / slug).is_dir()
    katas_root = REPO / "katas" if bundled else FIXTURE_KATAS
    os.environ["GOKATA_KATAS"] = str(katas_root)
    import runner.kata.grade as grade_module
    from runner.kata.build import BuildOutcome
    from runner.kata.catalog import load_kata
    from runner.kata.grade import grade_submission
    from runner.kata.run_folder import run_parent

    kata = load_kata(slug)
    work = Path(tempfile.mkdtemp(prefix="gokata-bench-"))
    try:
        code = work / "code"
        code.mkdir()
        source = kata.solution_dir if bundled else SUBMISSIONS / slug / "passing"
        for name in kata.learner_files:
            shutil.copyfile(source / name, code / name)
        by_hand = work / "by-hand"
        by_hand.mkdir()
        for name in ("go.mod", *kata.support_files, *kata.visible_tests):
            shutil.copyfile(kata.root / name, by_hand / name)
        for name in kata.hidden_tests:
            shutil.copyfile(kata.hidden_dir / name, by_hand / name)
        for name in kata.learner_files:
            shutil.copyfile(code / name, by_hand / name)
        workspace = work / "workspace"
        shutil.copytree(code, workspace / slug)

        go = ["go", "test", "-race", "-json", "-count=1", "."]
        # The installed console script, as a learner runs it (`-m runner` adds runpy's few ms).
        script = Path(sys.executable).with_name("gokata")
        entry = [sys.executable, str(script)] if script.is_file() else [sys.executable, "-m", "runner"]
        cli = [*entry, "kata", "test", slug, "--code", str(code), "--json"]
        gorace_env = dict(os.environ, GORACE="atexit_sleep_ms=100")
        cli_env, note = bytecode_env()
        # main() with the lean dispatch turned off: every command line goes to the Typer app
        typer_app = (
            "import runner.cli.kata_test as k; k.run_plain = lambda a: False; from runner.cli.main import main; main()"
        )
        cli_typer = [sys.executable, "-c", typer_app, *cli[len(entry) :]]
        cli_workspace = [*entry, "kata", "test", slug, "--workspace", str(workspace), "--json"]
        cli_terminal = cli_workspace[:-1]
        workspace_env = dict(cli_env, GOKATA_HOME=str(work / "home"))

        def hand() -> None:
            _run(go, by_hand, os.environ)

        def hand_gorace() -> None:
            _run(go, by_hand, gorace_env)

        def gokata_cli() -> None:
            _run(cli, REPO, cli_env)

        def engine() -> None:
            result = grade_submission(kata, code)
            if not result.ok:
                raise SystemExit(f"the submission did not pass: {result.summary}")

        def engine_no_own_build() -> None:
            with mock.patch.object(grade_module, "build_alone", lambda *_a, **_k: BuildOutcome(True, "", None)):
                engine()

        def engine_limits_only() -> None:
            with mock.patch.dict(os.environ, {"GOKATA_SANDBOX": "limits-only"}):
                engine()

        contenders: dict[str, Callable[[], None]] = {
            "hand": hand,
            "hand-gorace": hand_gorace,
            "cli": gokata_cli,
            "engine": engine,
            "engine-no-own-build": engine_no_own_build,
        }
        if "isolation" in grade_submission(kata, code).to_json():  # the runner has an OS sandbox
            contenders["engine-limits-only"] = engine_limits_only
        if breakdown:
            contenders["cli-workspace"] = lambda: _run(cli_workspace, REPO, workspace_env)
            contenders["cli-terminal"] = lambda: _run(cli_terminal, REPO, workspace_env)
            contenders["cli-typer"] = lambda: _run(cli_typer, REPO, cli_env)
            contenders["python"] = lambda: _run([sys.executable, "-c", "pass"], REPO, cli_env)
            # The hand run with its temporary files where gokata puts a run's (run_folder.py):
            # how much of the difference is the file system rather than gokata.
            run_dir_env = dict(gorace_env, TMPDIR=run_parent())
            contenders["hand-gorace-rundir"] = lambda: _run(go, by_hand, run_dir_env)
        for fn in contenders.values():  # warm the build cache for every flavour
            fn()
            fn()
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(rounds):
            for name, fn in contenders.items():
                began = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - began)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = {name: statistics.median(values) for name, values in times.items()}
    print(f"kata {slug}, {rounds} interleaved rounds, warm cache, load average {os.getloadavg()[0]:.1f}{note}")
    for name, value in med.items():
        spread = f"{min(times[name]):.3f}..{max(times[name]):.3f}"
        print(f"  {name:19} median {value:.3f} s  ({spread})")
    print(f"ratio cli / hand           {med['cli'] / med['hand']:.2f}")
    print(f"ratio engine / hand        {med['engine'] / med['hand']:.2f}")
    print(f"ratio cli / hand-gorace    {med['cli'] / med['hand-gorace']:.2f}   (same race settings; target <= 1.2)")
    print(f"ratio engine / hand-gorace {med['engine'] / med['hand-gorace']:.2f}   (same race settings)")
    print(f"own-build check            {1000 * (med['engine'] - med['engine-no-own-build']):+.0f} ms per run")
    if "engine-limits-only" in med:
        print(f"OS sandbox (bwrap)         {1000 * (med['engine'] - med['engine-limits-only']):+.0f} ms per run")
    if breakdown:
        print(
            f"ratio cli-workspace / hand-gorace {med['cli-workspace'] / med['hand-gorace']:.2f}   (the learner's own run)"
        )
        print(
            f"ratio cli / hand-gorace-rundir    {med['cli'] / med['hand-gorace-rundir']:.2f}"
            f"   (the hand run's TMPDIR in {run_parent()})"
        )
        print(f"process cost (cli - engine)       {1000 * (med['cli'] - med['engine']):+.0f} ms per run")
        print(f"  of which Python start-up        {1000 * med['python']:+.0f} ms")
        print(f"Typer app (cli-typer - cli)       {1000 * (med['cli-typer'] - med['cli']):+.0f} ms per run")
        print(f"progress record (workspace - cli) {1000 * (med['cli-workspace'] - med['cli']):+.0f} ms per run")
        print(
            f"drawing (terminal - workspace)    {1000 * (med['cli-terminal'] - med['cli-workspace']):+.0f} ms per run"
        )


def _run(argv: list[str], cwd: Path, env: Mapping[str, str]) -> None:
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{proc.stdout.decode()[-2000:]}{proc.stderr.decode()[-2000:]}")


if __name__ == "__main__":
    main()
