"""`gokata stats` on a history of 100,000 attempts: budget 0.5 s (issue 7).

Builds, in a temporary GOKATA_HOME, 10 synthetic banks of 40 questions and 100,000 attempts
spread over 180 days (merged through the import path, which also rebuilds every review card),
then times `gokata stats` in a subprocess (what a learner waits for, Python start-up included)
and in-process (the CLI through CliRunner, and the engine alone).
Run: python -m tests.bench.bench_stats
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BUDGET_S = 0.5
ATTEMPTS = 100_000
TOPICS = 10
PER_TOPIC = 40
DAYS = 180
RUNS = 11


def write_banks(folder: Path) -> list[str]:
    ids = []
    for t in range(TOPICS):
        topic = f"topic{t}"
        lines = [f"topic: {topic}", f"title: {{en: Topic {t}}}", "questions:"]
        for q in range(PER_TOPIC):
            qid = f"{topic}.q{q}"
            ids.append(qid)
            lines += [
                f"  - id: {qid}",
                "    kind: truefalse",
                f"    difficulty: {q % 5 + 1}",
                f"    tags: [tag{q % 7}]",
                f'    prompt: {{en: "Statement {q} about {topic} holds."}}',
                "    answer: true",
                '    explanation: {en: "Because."}',
            ]
        (folder / f"{topic}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def attempts(ids: list[str], now: datetime) -> list[dict[str, Any]]:
    rng = random.Random(7)
    start = (now - timedelta(days=DAYS)).timestamp()
    span = DAYS * 86400.0
    times = sorted(start + rng.random() * span for _ in range(ATTEMPTS))
    rows = []
    for at in times:
        qid = rng.choice(ids)
        right = rng.random() < 0.7
        rows.append(
            {
                "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
                "at": at,
                "question_id": qid,
                "topic": qid.split(".")[0],
                "kind": "truefalse",
                "answer": "true" if right else "false",
                "correct": int(right),
                "score": float(right),
                "duration_s": rng.uniform(3, 40),
                "mode": rng.choice(["practice", "practice", "review", "exam"]),
                "hints": 0,
                "missed_core": 0,
                "rating": rng.choice([3, 4]) if right else 1,
                "rating_override": None,
                "right": int(right),
            }
        )
    return rows


def median_time(fn: Any) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(label: str, seconds: float) -> None:
    print(f"{label:<44}: {seconds * 1000:7.1f} ms  ratio {seconds / BUDGET_S:.2f} of the {BUDGET_S} s budget")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        banks = root / "banks"
        banks.mkdir()
        os.environ["GOKATA_HOME"] = str(root / "home")
        os.environ["GOKATA_QUESTIONS"] = str(banks)
        os.environ.setdefault("COLUMNS", "120")

        from runner.content.catalog import load_catalog
        from runner.progress.stats import compute_stats
        from runner.progress.store import open_store

        ids = write_banks(banks)
        now = datetime.now(UTC)
        rows = attempts(ids, now)
        start = time.perf_counter()
        with open_store() as store:
            counts = store.merge(rows, [], [])
        print(
            f"setup: {counts.questions_added} attempts on {len(ids)} questions merged (cards rebuilt) "
            f"in {time.perf_counter() - start:.1f} s"
        )

        env = dict(os.environ)
        for args in (["stats"], ["stats", "--json"]):
            cmd = [sys.executable, "-m", "runner", *args]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the OS caches
            report(
                f"subprocess: gokata {' '.join(args)}",
                median_time(lambda cmd=cmd: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)),
            )
        floor = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
        print(f"{'  (python start-up alone)':<44}: {floor * 1000:7.1f} ms")

        from typer.testing import CliRunner

        from runner.cli.main import app

        def cli() -> None:
            result = CliRunner().invoke(app, ["stats", "--json"])
            assert result.exit_code == 0, result.output

        report("in-process: gokata stats --json (CliRunner)", median_time(cli))
        catalog = load_catalog()
        report("in-process: load_catalog", median_time(load_catalog))

        def engine() -> None:
            with open_store() as store:
                compute_stats(catalog, store, now=now)

        report("in-process: open store + compute_stats", median_time(engine))


if __name__ == "__main__":
    main()
