"""Real `go test -race` runs of the fixture katas against submissions that misbehave in every way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from runner.errors import BadInput
from runner.kata.catalog import load_kata
from runner.kata.grade import grade_sources, grade_submission, solution_submission
from runner.kata.result import KataResult
from runner.kata.run_folder import RUN_DIR_ENV
from runner.toolchain import ToolchainTooOld
from tests.conftest import REPO
from tests.kata.conftest import KATAS, submission

pytestmark = pytest.mark.go


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Sandboxes go to a folder of this test's own, so the test can see they are removed."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setenv(RUN_DIR_ENV, str(root))
    yield root
    assert not [p for p in root.iterdir() if p.name.startswith("gokata-run-")], "a sandbox was left behind"


def grade(case: str, kata: str = "stats", *, visible_only: bool = False) -> KataResult:
    return grade_submission(load_kata(kata), submission(kata, case), visible_only=visible_only)


def statuses(result: KataResult) -> dict[str, str]:
    return {t.name: t.status for t in result.tests}


def message(result: KataResult, test: str) -> str:
    return next(t.message for t in result.tests if t.name == test)


def test_passing() -> None:
    result = grade("passing")
    assert (result.status, result.score, result.total) == ("pass", 1.0, 5)
    assert [t.hidden for t in result.tests] == [False, False, True, True, True]
    assert result.to_json()["status"] == "pass"


def test_failing_shows_each_test_and_the_assertion() -> None:
    result = grade("failing")
    assert result.status == "fail"
    assert statuses(result) == {
        "TestSum": "pass",
        "TestMax": "fail",
        "TestMaxNegative": "fail",
        "TestMaxEmpty": "pass",
        "TestParallelSum": "pass",
    }
    assert message(result, "TestMax") == "stats_test.go:14: Max([3 9 2]) = 8, true; want 9, true"
    assert message(result, "TestMaxNegative").startswith("stats_hidden_test.go:8: Max([-5 -2 -9])")
    assert result.score == pytest.approx(0.6)


def test_visible_only_runs_no_hidden_test() -> None:
    result = grade("failing", visible_only=True)
    assert [t.name for t in result.tests] == ["TestSum", "TestMax"]
    assert result.visible_only and result.score == 0.5


def test_compile_error_points_at_the_learners_line() -> None:
    result = grade("compile_error")
    assert result.status == "compile_error" and result.score == 0
    first = result.compile_errors[0]
    assert (Path(first.file).resolve(), first.line, first.column) == (
        (submission("stats", "compile_error") / "stats.go").resolve(),
        9,
        2,
    )
    assert first.message == "undefined: undefinedThing"
    assert all(t.status == "fail" for t in result.tests)
    assert result.notes == ()  # a plain typo: no word about names from the tests


@pytest.mark.parametrize("kata_cached", [True, False], ids=["build-alongside", "build-first"])
def test_learner_code_cannot_use_names_declared_only_in_the_tests(
    kata_cached: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `numbers` is declared in the kata's helpers_test.go; go test alone would compile it in.
    # With a warm cache the package is built alone beside the test run, which compiles it in:
    # the build's verdict must still win over whatever the run says.
    import runner.kata.grade as grade_module

    monkeypatch.setattr(grade_module, "kata_built", lambda *_: kata_cached)
    result = grade("uses_test_helper")
    assert result.status == "compile_error" and result.score == 0
    first = result.compile_errors[0]
    assert (Path(first.file).resolve(), first.line, first.message) == (
        (submission("stats", "uses_test_helper") / "stats.go").resolve(),
        10,
        "undefined: numbers",
    )
    assert result.summary.endswith("stats.go:10:7: undefined: numbers")
    assert any("without the kata's test files" in note for note in result.notes)
    assert all(t.message == "not run: the code does not build" for t in result.tests) and result.total == 5


def test_a_run_cancelled_before_the_tests_start_is_an_interruption() -> None:
    import threading

    from runner.errors import Interrupted

    cancel = threading.Event()
    cancel.set()  # seen first by the own-build step, which runs under the same limits and cancel
    with pytest.raises(Interrupted):
        grade_submission(load_kata("stats"), submission("stats", "passing"), cancel=cancel)


def test_learner_code_can_use_the_katas_support_files(kata_copy: Path, tmp_path: Path) -> None:
    (kata_copy / "stats" / "support.go").write_text("package stats\n\nfunc twice(x int) int { return 2 * x }\n")
    code = tmp_path / "code"
    code.mkdir()
    source = (submission("stats", "passing") / "stats.go").read_text()
    (code / "stats.go").write_text(source.replace("total += x", "total += twice(x) - x"))
    result = grade_submission(load_kata("stats"), code)
    assert result.status == "pass", result.summary


def test_changed_signature_is_reported_in_the_hidden_tests_too(tmp_path: Path) -> None:
    code = tmp_path / "code"
    code.mkdir()
    source = (submission("stats", "passing") / "stats.go").read_text()
    (code / "stats.go").write_text(
        source.replace("func Max(xs []int) (int, bool) {", "func Max(xs ...int) (int, bool) {")
    )
    result = grade_submission(load_kata("stats"), code)
    assert result.status == "compile_error"
    assert any(e.in_hidden_test for e in result.compile_errors)
    assert any(not e.in_hidden_test and e.file == "stats_test.go" for e in result.compile_errors)


def test_panic_fails_its_test_at_the_learners_line_and_the_rest_as_not_run() -> None:
    result = grade("panic")
    assert result.status == "fail"
    assert "index out of range [0] with length 0" in message(result, "TestMaxEmpty")
    assert "stats.go:17 in Max" in message(result, "TestMaxEmpty")
    later = [t for t in result.tests if t.status == "fail" and t.name != "TestMaxEmpty"]
    assert later and all("crashed in TestMaxEmpty" in t.message for t in later)


@pytest.mark.slow
def test_deadlock_is_a_timeout_with_where_goroutines_wait() -> None:
    result = grade("deadlock")
    assert result.status == "timeout"
    assert result.timeout is not None
    assert result.timeout.running == ("TestParallelSum",)
    assert any(
        "blocked (chan receive)" in line and "stats.go:49 in ParallelSum" in line for line in result.timeout.blocked
    )
    assert statuses(result)["TestSum"] == "pass"
    # The summary alone (all an exam report shows) tells the whole story, in a few lines.
    summary = result.summary.splitlines()
    assert summary[0] == "Stopped at the time limit (3 s) while running TestParallelSum. At that moment:"
    assert [line.strip() for line in summary[1:]] == list(result.timeout.blocked)
    assert len(summary) <= 7


@pytest.mark.slow
def test_infinite_loop_is_a_timeout_naming_the_running_test() -> None:
    result = grade("infinite_loop")
    assert result.status == "timeout" and result.score == 0
    assert result.timeout is not None and result.timeout.running == ("TestSum",)
    # Whether Go could stop the looping goroutine to show where it is depends on timing: both
    # wordings say it is still running.
    assert "still running" in result.timeout.blocked[0]
    assert result.summary.startswith("Stopped at the time limit (3 s) while running TestSum.")
    assert "a loop that never ends" in result.summary
    assert message(result, "TestMax") == "did not run: the time limit was reached first"


def test_data_race_names_both_locations() -> None:
    result = grade("data_race")
    assert result.status == "race"
    race = result.races[0]
    assert race.test == "TestParallelSum"
    assert [a.location.endswith("stats.go:41") for a in race.accesses] == [True, True]
    assert {a.kind.split()[-1] for a in race.accesses} <= {"read", "write"}
    assert statuses(result)["TestParallelSum"] == "fail"


def test_memory_hog_is_stopped_by_the_memory_limit(kata_copy: Path) -> None:
    # A time limit far beyond what filling 512 MiB takes on any machine: the verdict is about
    # memory, whatever the machine's speed (issue 16), and no assertion is about seconds.
    spec = kata_copy / "stats" / "kata.yaml"
    spec.write_text(spec.read_text().replace("time_limit: 3", "time_limit: 120"))
    result = grade("memory_hog")
    assert result.status == "fail" and result.score == 0
    assert "more than 512 MiB of memory" in result.summary


PEAK_RSS = """
import json, resource, sys
from pathlib import Path
from runner.kata.catalog import load_kata
from runner.kata.grade import grade_submission
result = grade_submission(load_kata("stats"), Path(sys.argv[1]))
print(json.dumps({"status": result.status, "summary": result.summary, "notes": list(result.notes),
                  "message": result.tests[0].message,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def peak_rss_grading(case: str) -> dict[str, Any]:
    """Grade in a fresh interpreter and report its own peak resident memory (not go's)."""
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(submission("stats", case))],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_output_flood_is_cut_and_the_runner_stays_small(kata_copy: Path) -> None:
    spec = kata_copy / "stats" / "kata.yaml"
    spec.write_text(spec.read_text().replace("time_limit: 3", "time_limit: 60"))  # the flood, not the clock
    flood = peak_rss_grading("output_flood")
    quiet = peak_rss_grading("passing")
    assert flood["status"] == "fail"
    assert "printed more than 64 MiB" in flood["summary"]
    assert any("output was cut" in n for n in flood["notes"])
    assert len(flood["message"]) < 5000
    grown = (flood["peak_kib"] - quiet["peak_kib"]) / 1024
    print(f"runner peak RSS: quiet {quiet['peak_kib'] >> 10} MiB, flood {flood['peak_kib'] >> 10} MiB")
    assert grown < 32, f"reading a flood of output grew the runner by {grown:.0f} MiB"


def test_forged_test_output_is_rejected() -> None:
    result = grade("forged_output")
    assert result.status == "rejected" and result.score == 0
    assert "tampered" in result.summary


def test_os_exit_0_in_init_passes_nothing() -> None:
    result = grade("exit0_init", kata="greet")
    assert result.status == "fail" and result.score == 0
    assert "exited before running the tests" in result.summary


def test_forged_passes_followed_by_os_exit_0_are_rejected() -> None:
    result = grade("forged_then_exit0", kata="greet")
    assert result.status == "rejected"


def test_os_exit_during_a_test_fails_that_test() -> None:
    result = grade("exit_in_test", kata="greet")
    assert statuses(result) == {"TestGreet": "pass", "TestGreetTrims": "pass", "TestGreetEmpty": "fail"}
    assert "unexpected call to os.Exit(0) during test" in message(result, "TestGreetEmpty")


def test_extra_test_file_changed_go_mod_and_extra_source_are_ignored_and_reported() -> None:
    result = grade("extra_test_file")
    assert result.status == "pass"
    assert [n.split(":")[0] for n in result.ignored] == ["extra_test.go", "go.mod", "helper.go"]
    assert "TestMain" in result.ignored[0]


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("forbidden_import", 'import "os" in tests/kata/submissions/stats/forbidden_import/stats.go:5 is not allowed'),
        ("linkname", "//go:linkname is refused"),
        ("norace", "stats.go:30: the compiler directive //go:norace is refused"),
    ],
)
def test_refused_code_never_runs(case: str, reason: str) -> None:
    result = grade(case)
    assert result.status == "rejected" and result.score == 0
    assert reason in result.summary
    assert all(t.message == "not run: the submission was refused" for t in result.tests)


def test_symlinked_and_missing_learner_files(tmp_path: Path) -> None:
    kata = load_kata("stats")
    (tmp_path / "stats.go").symlink_to(submission("stats", "passing") / "stats.go")
    result = grade_submission(kata, tmp_path)
    assert result.status == "rejected" and "symbolic link" in result.summary
    with pytest.raises(BadInput):
        grade_submission(kata, tmp_path / "nothing-here")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BadInput, match="holds none of this kata's files"):
        grade_submission(kata, empty)


def test_solution_and_mutants_through_the_verify_path() -> None:
    kata = load_kata("stats")
    assert grade_sources(kata, solution_submission(kata), shuffle=True).status == "pass"
    mutant = grade_sources(kata, solution_submission(kata, "max-ignores-negatives"))
    assert statuses(mutant)["TestMaxNegative"] == "fail"


def test_a_kata_needing_a_newer_go_is_a_toolchain_error(kata_copy: Path) -> None:
    gomod = kata_copy / "stats" / "go.mod"
    gomod.write_text(gomod.read_text().replace("go 1.24", "go 1.999"))
    with pytest.raises(ToolchainTooOld) as caught:
        grade_submission(load_kata("stats"), submission("stats", "passing"))
    assert caught.value.exit_code == 3


def test_the_environment_is_trimmed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOKATA_SECRET_TOKEN", "s3cret")
    monkeypatch.setenv("GOFLAGS", "-run=TestSum")  # would change what runs if it leaked through
    kata_root = tmp_path / "katas"
    shutil.copytree(KATAS / "greet", kata_root / "greet")
    hidden = kata_root / "greet" / ".meta" / "hidden" / "env_hidden_test.go"
    hidden.write_text(
        'package greet\n\nimport (\n\t"os"\n\t"testing"\n)\n\n'
        "func TestNoSecrets(t *testing.T) {\n\tfor _, kv := range os.Environ() {\n"
        '\t\tif kv == "GOKATA_SECRET_TOKEN=s3cret" {\n\t\t\tt.Fatal("the environment leaked")\n\t\t}\n\t}\n'
        '\tif os.Getenv("HOME") == os.Getenv("GOKATA_TEST_REAL_HOME") {\n\t\tt.Fatal("HOME leaked")\n\t}\n}\n'
    )
    monkeypatch.setenv("GOKATA_TEST_REAL_HOME", os.environ.get("HOME", ""))
    monkeypatch.setenv("GOKATA_KATAS", str(kata_root))
    kata = load_kata("greet")
    result = grade_sources(kata, solution_submission(kata))
    assert result.status == "pass", result.to_json()
    assert result.total == 4


@pytest.mark.parametrize(
    ("source", "status", "summary"),
    [
        ("//go:build ignore\n\npackage stats\n", "rejected", "left out of the build by its build constraints"),
        ('//go:build race\n\npackage stats\n\nimport "os"\n\nvar _ = os.Args\n', "rejected", 'import "os"'),
        (
            "package main\n\nfunc Sum(xs []int) int { return 0 }\n",
            "compile_error",
            "found packages stats (helpers_test.go) and main (stats.go) in the graded package",
        ),
        ("package stats\n\nfunc Sum(xs []int) int { return 0 \n", "compile_error", "syntax error"),
    ],
)
def test_odd_sources(tmp_path: Path, source: str, status: str, summary: str) -> None:
    (tmp_path / "stats.go").write_text(source)
    result = grade_submission(load_kata("stats"), tmp_path)
    assert result.status == status
    assert summary in result.summary
    assert "gokata-run-" not in json.dumps(result.to_json())  # no sandbox paths leak into what is shown


# -- verdict labels come from the process, not from what it prints (issue 12) ----------------------

FORGED_PRINTS = (
    '\tfmt.Print("panic: test timed out after 60s\\n\\trunning tests:\\n\\t\\tTestSum (60s)\\n\\n")\n'
    '\tfmt.Print("==================\\nWARNING: DATA RACE\\nWrite at 0x00c000012345 by goroutine 8:\\n'
    '  example.com/stats.Sum()\\n      /x/stats.go:9 +0x44\\n==================\\n")\n'
    '\tfmt.Print("panic: runtime error: index out of range [3] with length 3\\n\\ngoroutine 9 [running]:\\n")\n'
)


def with_forged_prints(case: str, tmp_path: Path) -> Path:
    """The submission `case` with Sum printing a fake time-out, data race and panic first."""
    source = (submission("stats", case) / "stats.go").read_text()
    if '"fmt"' not in source:
        source = source.replace('import "sync"', 'import (\n\t"fmt"\n\t"sync"\n)')
    source = source.replace("func Sum(xs []int) int {\n", "func Sum(xs []int) int {\n" + FORGED_PRINTS, 1)
    code = tmp_path / case
    code.mkdir()
    (code / "stats.go").write_text(source)
    return code


def test_a_correct_submission_printing_fake_timeout_race_and_panic_lines_passes(tmp_path: Path) -> None:
    result = grade_submission(load_kata("stats"), with_forged_prints("passing", tmp_path))
    assert result.status == "pass", result.to_json()
    assert result.score == 1.0 and result.timeout is None and result.races == ()
    assert any("did not reach its time limit" in n for n in result.notes)


def test_a_fake_timeout_line_does_not_hide_a_real_race(tmp_path: Path) -> None:
    code = with_forged_prints("data_race", tmp_path)
    line = (code / "stats.go").read_text().splitlines().index("\t\t\ttotal += s") + 1
    result = grade_submission(load_kata("stats"), code)
    assert result.status == "race", result.summary
    assert result.races and result.races[0].test == "TestParallelSum"
    assert all(a.location.endswith(f"stats.go:{line}") for a in result.races[0].accesses), result.races


def test_a_fake_panic_line_does_not_hide_a_real_one(tmp_path: Path) -> None:
    result = grade_submission(load_kata("stats"), with_forged_prints("panic", tmp_path))
    assert result.status == "fail"
    assert "index out of range [0] with length 0" in message(result, "TestMaxEmpty")


@pytest.mark.slow
def test_a_fake_race_line_does_not_hide_a_real_timeout(tmp_path: Path) -> None:
    result = grade_submission(load_kata("stats"), with_forged_prints("infinite_loop", tmp_path))
    assert result.status == "timeout" and result.races == ()
    assert result.timeout is not None and result.timeout.running == ("TestSum",)


def test_code_right_only_under_the_race_detector_fails_where_both_builds_count() -> None:
    """Graded with -race, a program runs without it: in an exam or verify a pass must hold in
    both builds (red team: sync.Pool drops items under the race detector, so code can tell it is
    being graded). A practice run checks the race build only."""
    kata = load_kata("stats")
    assert grade("race_only").status == "pass"
    result = grade_submission(kata, submission("stats", "race_only"), both_builds=True)
    assert result.status == "fail" and result.score < 1
    assert result.summary.startswith("Passes only under the race detector")
    assert "TestSum" in result.summary
    assert result.isolation is not None


def test_a_plain_pass_holds_without_the_race_detector_too() -> None:
    result = grade_submission(load_kata("stats"), submission("stats", "passing"), both_builds=True)
    assert result.status == "pass" and "race detector" not in result.summary


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_learner_file_that_is_a_folder_or_a_pipe_is_refused_by_name(tmp_path: Path, kind: str) -> None:
    """Not "holds none of this kata's files": the file is there, and it is not one (red team)."""
    target = tmp_path / "stats.go"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    result = grade_submission(load_kata("stats"), tmp_path)
    assert result.status == "rejected" and "stats.go is not a regular file" in result.summary
