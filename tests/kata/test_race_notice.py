"""The "first run compiles the race runtime: about 10 s" notice appears only while that runtime is
not built in gokata's GOCACHE: a marker per Go version, one stat to check, no go process."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.kata import grade
from runner.kata.catalog import load_kata
from runner.kata.gocache import trim
from runner.kata.race_ready import kata_built, mark_kata_built, mark_race_runtime_built, race_runtime_built
from runner.toolchain import GoToolchain, find_go
from tests.kata.conftest import submission


def test_the_marker_is_per_go_version_and_a_trim_that_removed_entries_forgets_it(tmp_path: Path) -> None:
    cache = tmp_path / "go-build"
    cache.mkdir()
    assert not race_runtime_built(str(cache), "go1.26.8")
    mark_race_runtime_built(str(cache), "go1.26.8")
    assert race_runtime_built(str(cache), "go1.26.8")
    assert not race_runtime_built(str(cache), "go1.27.0")
    trim(cache, cap=64 * 1024 * 1024)  # nothing to remove: the marker stays
    assert race_runtime_built(str(cache), "go1.26.8")
    (cache / "ab").mkdir()
    (cache / "ab" / "entry-d").write_bytes(b"x" * 4096)
    assert trim(cache, cap=1).removed == 1
    assert not race_runtime_built(str(cache), "go1.26.8")


def test_a_kata_counts_as_built_per_kata_and_version_and_a_trim_forgets_it(tmp_path: Path) -> None:
    # grade.py builds the learner's package beside the test run only for a kata run before in this
    # cache: on a first run both builds would compile the race build of its imports at once.
    cache = tmp_path / "go-build"
    cache.mkdir()
    mark_kata_built(str(cache), "go1.26.8", "http-lab-results")
    assert not kata_built(str(cache), "go1.26.8", "http-lab-results")  # no race runtime yet
    mark_race_runtime_built(str(cache), "go1.26.8")
    assert kata_built(str(cache), "go1.26.8", "http-lab-results")
    assert not kata_built(str(cache), "go1.26.8", "slices-first-n-records")
    assert not kata_built(str(cache), "go1.27.0", "http-lab-results")
    (cache / "ab").mkdir()
    (cache / "ab" / "entry-d").write_bytes(b"x" * 4096)
    assert trim(cache, cap=1).removed == 1
    assert not kata_built(str(cache), "go1.26.8", "http-lab-results")


def test_the_notice_is_offered_only_while_the_runtime_is_not_built(tmp_path: Path) -> None:
    go = GoToolchain("go", "go1.26.8", str(tmp_path))
    told: list[str] = []
    note = grade._slow_note(go, told.append)
    assert note is not None
    note()
    assert told == [grade.SLOW_BUILD_NOTE] and "10 s" in told[0]
    mark_race_runtime_built(go.cache_dir, go.version)
    assert grade._slow_note(go, told.append) is None
    assert grade._slow_note(GoToolchain("go", "go1.26.8", str(tmp_path / "other")), None) is None


@pytest.mark.go
def test_a_run_that_started_its_test_binary_marks_the_runtime_built() -> None:
    go = find_go()
    marker_dir = Path(go.cache_dir)
    for old in marker_dir.glob("gokata-race-built-*"):
        old.unlink()
    told: list[str] = []
    result = grade.grade_submission(load_kata("stats"), submission("stats", "passing"), progress=told.append)
    assert result.status == "pass"
    assert race_runtime_built(go.cache_dir, go.version)
    told.clear()
    grade.grade_submission(load_kata("stats"), submission("stats", "passing"), progress=told.append)
    assert grade.SLOW_BUILD_NOTE not in told
