"""The mistakes of *100 Go Mistakes and How to Avoid Them* (Teiva Harsanyi, Manning 2022), by number,
and which questions and katas teach each one.

A question or kata teaches mistake N when `mistake-N` is in its tags: the tag says the mistake is
its main point, not a side remark. The table in `questions/MISTAKES.md` is generated from the tags
(`gokata bank mistakes --markdown`), and a test regenerates it, so it never goes stale.
Titles follow the book's public table of contents (github.com/teivah/100-go-mistakes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SOURCE = "https://github.com/teivah/100-go-mistakes"
TAG = re.compile(r"^mistake-(\d+)$")

TITLES: dict[int, str] = {
    1: "Unintended variable shadowing",
    2: "Unnecessary nested code",
    3: "Misusing init functions",
    4: "Overusing getters and setters",
    5: "Interface pollution",
    6: "Interface on the producer side",
    7: "Returning interfaces",
    8: "any says nothing",
    9: "Being confused about when to use generics",
    10: "Problems with type embedding",
    11: "Not using the functional options pattern",
    12: "Project misorganization",
    13: "Creating utility packages",
    14: "Ignoring package name collisions",
    15: "Missing code documentation",
    16: "Not using linters",
    17: "Confusion with octal literals",
    18: "Neglecting integer overflows",
    19: "Not understanding floating-points",
    20: "Slice length and capacity",
    21: "Inefficient slice initialization",
    22: "nil vs empty slice",
    23: "Not properly checking if a slice is empty",
    24: "Not making slice copies correctly (copy copies min of lengths)",
    25: "Unexpected side effects using slice append",
    26: "Slice and memory leaks",
    27: "Inefficient map initialization",
    28: "Map and memory leaks (maps never shrink)",
    29: "Comparing values incorrectly (==, reflect.DeepEqual, comparable)",
    30: "Elements are copied in range loops",
    31: "How arguments are evaluated in range loops (channels, arrays)",
    32: "Pointer elements in range loops",
    33: "Wrong assumptions during map iterations (order, insert during iteration)",
    34: "How break works (inside switch/select in a loop)",
    35: "Using defer inside a loop",
    36: "Not understanding the concept of rune",
    37: "Inaccurate string iteration",
    38: "Misusing trim functions (TrimRight vs TrimSuffix)",
    39: "Under-optimized string concatenation",
    40: "Useless string conversions",
    41: "Substring and memory leaks",
    42: "Which type of receiver to use",
    43: "Never using named result parameters",
    44: "Unintended side effects with named result parameters",
    45: "Returning a nil receiver",
    46: "Using a filename as a function input",
    47: "How defer arguments and receivers are evaluated",
    48: "Panicking",
    49: "When to wrap an error",
    50: "Comparing an error type inaccurately (errors.As)",
    51: "Comparing an error value inaccurately (errors.Is)",
    52: "Handling an error twice",
    53: "Not handling an error",
    54: "Not handling defer errors",
    55: "Mixing up concurrency and parallelism",
    56: "Thinking concurrency is always faster",
    57: "When to use channels or mutexes",
    58: "Race problems: data races vs race conditions, memory model",
    59: "Concurrency impacts of a workload type (CPU vs I/O bound worker sizing)",
    60: "Misunderstanding Go contexts",
    61: "Propagating an inappropriate context",
    62: "Starting a goroutine without knowing when to stop it",
    63: "Goroutines and loop variables",
    64: "Expecting deterministic behaviour using select and channels",
    65: "Not using notification channels (chan struct{})",
    66: "Not using nil channels",
    67: "Being puzzled about channel size",
    68: "Side effects with string formatting (String() methods, deadlock/race)",
    69: "Creating data races with append",
    70: "Using mutexes inaccurately with slices and maps",
    71: "Misusing sync.WaitGroup",
    72: "Forgetting about sync.Cond",
    73: "Not using errgroup",
    74: "Copying a sync type",
    75: "Providing a wrong time duration",
    76: "time.After and memory leaks",
    77: "JSON handling mistakes (embedded time.Time, monotonic clock, map[string]any numbers)",
    78: "Common SQL mistakes",
    79: "Not closing transient resources (HTTP body, sql.Rows, os.File)",
    80: "Forgetting return after replying to an HTTP request",
    81: "Using the default HTTP client and server (no timeouts)",
    82: "Not categorizing tests (build tags, env vars, short mode)",
    83: "Not enabling the race flag",
    84: "Not using test execution modes (parallel, shuffle)",
    85: "Not using table-driven tests",
    86: "Sleeping in unit tests",
    87: "Not dealing with the time API efficiently (inject clock)",
    88: "Not using testing utility packages (httptest, iotest)",
    89: "Writing inaccurate benchmarks",
    90: "Not exploring all Go testing features (coverage, fuzzing, setup/teardown, TestMain)",
    91: "Not understanding CPU caches",
    92: "False sharing",
    93: "Instruction-level parallelism",
    94: "Data alignment",
    95: "Stack vs heap",
    96: "Reducing allocations",
    97: "Not relying on inlining",
    98: "Not using diagnostics tooling (pprof, trace)",
    99: "How the GC works (GOGC, GOMEMLIMIT)",
    100: "Running Go in Docker and Kubernetes (GOMAXPROCS, CFS quota)",
}


@dataclass(frozen=True)
class MistakeRow:
    number: int
    title: str
    questions: tuple[str, ...]
    katas: tuple[str, ...]

    @property
    def taught(self) -> bool:
        return bool(self.questions or self.katas)


@dataclass(frozen=True)
class MistakeTable:
    rows: tuple[MistakeRow, ...]
    unknown: tuple[tuple[str, str], ...]  # (item id, tag) for a tag naming no mistake of the book

    @property
    def taught(self) -> int:
        return sum(r.taught for r in self.rows)

    def to_json(self) -> dict[str, object]:
        return {
            "source": SOURCE,
            "taught": self.taught,
            "of": len(self.rows),
            "mistakes": [
                {"number": r.number, "title": r.title, "questions": list(r.questions), "katas": list(r.katas)}
                for r in self.rows
            ],
        }


def mistake_numbers(tags: Iterable[str]) -> list[int]:
    return [int(m.group(1)) for t in tags if (m := TAG.match(t))]


def build_table(
    questions: Iterable[tuple[str, Iterable[str]]], katas: Iterable[tuple[str, Iterable[str]]]
) -> MistakeTable:
    """The table from (id, tags) of every question and (slug, tags) of every kata."""
    by_q: dict[int, list[str]] = {n: [] for n in TITLES}
    by_k: dict[int, list[str]] = {n: [] for n in TITLES}
    unknown: list[tuple[str, str]] = []
    for into, items in ((by_q, questions), (by_k, katas)):
        for item, tags in items:
            for n in mistake_numbers(tags):
                if n in into:
                    into[n].append(item)
                else:
                    unknown.append((item, f"mistake-{n}"))
    rows = tuple(
        MistakeRow(n, TITLES[n], tuple(sorted(set(by_q[n]))), tuple(sorted(set(by_k[n])))) for n in sorted(TITLES)
    )
    return MistakeTable(rows, tuple(unknown))
