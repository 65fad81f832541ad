"""Loading and validating a generated bank of 2,000 questions against parsing it with the C loader alone.

Target (issue 2): at most 3x. Run: python -m tests.bench.bench_load
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from runner.content.catalog import load_catalog

N = 2000
RUNS = 5

_KINDS = [
    """  - id: bench.q{i}
    kind: single
    difficulty: {d}
    tags: [aliasing, memory]
    prompt: {{en: "Question {i}: what happens to the backing array?", zh: "第 {i} 题：底层数组会怎样？"}}
    code: |
      a := []int{{1, 2, 3}}
      b := a[:2]
    choices:
      - {{text: {{en: "It is shared", zh: "共享"}}, correct: true, why: {{en: "same array", zh: "同一数组"}}}}
      - {{text: {{en: "It is copied", zh: "复制"}}, why: {{en: "no copy", zh: "不会复制"}}}}
      - {{text: {{en: "It is freed", zh: "释放"}}}}
    explanation: {{en: "Slicing shares the array.", zh: "切片共享数组。"}}
    sources: ["https://go.dev/ref/spec#Slice_expressions"]
""",
    """  - id: bench.q{i}
    kind: output
    difficulty: {d}
    prompt: {{en: "What does it print?", zh: "输出什么？"}}
    go: "1.22"
    code: |
      package main

      import "fmt"

      func main() {{
      	fmt.Println({i})
      }}
    expected_output: "{i}\\n"
    explanation: {{en: "It prints the number.", zh: "打印数字。"}}
""",
    """  - id: bench.q{i}
    kind: open
    difficulty: {d}
    prompt: {{en: "Explain slices {i}.", zh: "解释切片 {i}。"}}
    framework:
      - id: header
        point: {{en: "Header over an array", zh: "指向数组的切片头"}}
        weight: 2
        core: true
        concepts:
          - [header, pointer, 切片头]
          - [backing array, 底层数组]
      - id: sharing
        point: {{en: "Sharing", zh: "共享"}}
        weight: 1
        concepts: [[share, 共享]]
    model_answer: {{en: "A slice is a header.", zh: "切片是切片头。"}}
    explanation: {{en: "Framework.", zh: "框架。"}}
    examples:
      - {{answer: "A header with pointer over a backing array, shared.", score: 1.0, label: strong}}
""",
]


def generate(path: Path) -> None:
    parts = ["topic: bench\ntitle: {en: Bench, zh: 基准}\nquestions:\n"]
    for i in range(N):
        parts.append(_KINDS[i % len(_KINDS)].format(i=i, d=i % 5 + 1))
    path.write_text("".join(parts), encoding="utf-8")


def best(fn: object) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GOKATA_HOME"] = tmp  # the bank cache goes here, not into the user's cache
        path = Path(tmp) / "bench.yaml"
        generate(path)
        parse = best(lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        os.environ["GOKATA_NO_CACHE"] = "1"
        assert len(load_catalog([path]).questions) == N
        full = best(lambda: load_catalog([path]))
        del os.environ["GOKATA_NO_CACHE"]
        load_catalog([path])
        cached = best(lambda: load_catalog([path]))
        size = path.stat().st_size
    print(f"{N} questions, {size / 1e6:.1f} MB of YAML")
    print(f"C loader parse only          : {parse * 1000:7.1f} ms (median of {RUNS})")
    print(f"load + validate, no cache    : {full * 1000:7.1f} ms  ratio {full / parse:.2f}x (target <= 3x)")
    print(f"load from the validated cache: {cached * 1000:7.1f} ms  ratio {cached / parse:.2f}x")


if __name__ == "__main__":
    main()
