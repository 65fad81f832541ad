"""`bank verify-snippets`: run every output question's program and compare what it prints.

Each program builds in its own temp module whose go.mod carries the question's `go`
version (default 1.24), because loop variables, timers and panic(nil) follow the module's
language version, not the toolchain's. A program whose output matched before, with the same
toolchain, is not run again (runner/verified.py; GOKATA_NO_VERIFY_CACHE=1 runs every one).
"""

from __future__ import annotations

import difflib
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from runner import verified
from runner.content.catalog import Catalog
from runner.content.models import OutputQuestion
from runner.errors import BadInput
from runner.program_output import normalise_output
from runner.steps import OnStep, StepCounter
from runner.toolchain import GoToolchain, find_go

DEFAULT_GO = "1.24"
TIMEOUT_S = 60.0


@dataclass(frozen=True)
class SnippetResult:
    question_id: str
    origin: str
    go: str
    ok: bool
    actual: str
    diff: str


@dataclass(frozen=True)
class SnippetReport:
    go_version: str
    results: tuple[SnippetResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def passed(self) -> int:
        return sum(r.ok for r in self.results)

    def to_json(self) -> dict[str, object]:
        return {
            "go": self.go_version,
            "ok": self.ok,
            "passed": self.passed,
            "total": len(self.results),
            "results": [
                {"id": r.question_id, "go": r.go, "ok": r.ok, "actual": r.actual, "diff": r.diff} for r in self.results
            ],
        }


def go_env() -> dict[str, str]:
    """A build environment that never reaches the network or switches toolchains."""
    env = dict(os.environ)
    env.update({"GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "-mod=mod", "CGO_ENABLED": "0"})
    return env


def run_program(go: str, code: str, version: str) -> str:
    """Build and run one program; what it prints (stdout), or a description of the failure."""
    with tempfile.TemporaryDirectory(prefix="gokata-snippet-") as tmp:
        root = Path(tmp)
        (root / "go.mod").write_text(f"module snippet\n\ngo {version}\n", encoding="utf-8")
        (root / "main.go").write_text(code, encoding="utf-8")
        binary = root / "snippet"
        build = subprocess.run(
            [go, "build", "-o", str(binary), "."],
            cwd=root,
            capture_output=True,
            text=True,
            env=go_env(),
            timeout=TIMEOUT_S,
            check=False,
        )
        if build.returncode != 0:
            return f"<build failed>\n{build.stderr.strip()}"
        try:
            run = subprocess.run(
                [str(binary)], cwd=root, capture_output=True, text=True, timeout=TIMEOUT_S, env=go_env(), check=False
            )
        except subprocess.TimeoutExpired:
            return f"<timed out after {TIMEOUT_S:g}s>"
        if run.returncode != 0:
            return f"{run.stdout}<exit status {run.returncode}>\n{run.stderr.strip()}"
        return run.stdout


def _check(toolchain: GoToolchain, q: OutputQuestion, origin: str) -> SnippetResult:
    version = q.go or DEFAULT_GO
    # A program that printed the expected output with this toolchain before is not built again
    # (runner/verified.py): the key is the program, its module's go version and the toolchain.
    entry = verified.key(
        "snippet", toolchain.version, toolchain.goroot, version, q.code, verified.code_digest("content/snippets.py")
    )
    remembered = verified.load("snippets", entry)
    if isinstance(remembered, str) and normalise_output(remembered) == normalise_output(q.expected_output):
        return SnippetResult(q.id, origin, version, True, remembered, "")
    actual = run_program(toolchain.exe, q.code, version)
    ok = normalise_output(actual) == normalise_output(q.expected_output)
    if ok:
        verified.store("snippets", entry, actual)
    diff = ""
    if not ok:
        diff = "\n".join(
            difflib.unified_diff(
                normalise_output(q.expected_output).splitlines(),
                normalise_output(actual).splitlines(),
                "expected",
                "actual",
                lineterm="",
            )
        )
    return SnippetResult(q.id, origin, version, ok, actual, diff)


def verify_output_questions(
    catalog: Catalog, *, only: set[str] | None = None, jobs: int = 2, on_step: OnStep | None = None
) -> SnippetReport:
    questions = [q for q in catalog.questions if isinstance(q, OutputQuestion)]
    if only:
        known = {q.id for q in questions}
        unknown = sorted(only - known)
        if unknown:
            raise BadInput(f"not output questions (or unknown ids): {', '.join(unknown)}")
        questions = [q for q in questions if q.id in only]
    toolchain = find_go("`gokata bank verify-snippets`")

    def origin(q: OutputQuestion) -> str:
        o = catalog.origins.get(q.id)
        return f"{o.file}:{o.line}" if o else q.id

    counter = StepCounter(len(questions), on_step)

    def check(q: OutputQuestion) -> SnippetResult:
        result = _check(toolchain, q, origin(q))
        counter.finished(q.id, result.ok)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(check, questions))
    return SnippetReport(toolchain.version, tuple(results))
