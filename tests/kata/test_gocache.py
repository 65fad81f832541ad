"""gokata's own Go build cache: the user's GOCACHE is never written, a huge object never cached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runner.kata.catalog import load_kata
from runner.kata.gocache import MAX_FILE_BYTES, cache_cap_bytes, cache_size, trim, trim_after_run
from runner.kata.grade import grade_submission
from runner.toolchain import find_go, own_cache_dir
from tests.kata.conftest import submission

BIG_ARRAY = "\n// 400 MiB of initialised data, all of it in the compiled object.\nvar big = [400 << 20]byte{1, 400<<20 - 1: 2}\n"


def listing(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


@pytest.mark.go
def test_grading_never_touches_the_users_gocache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_cache = tmp_path / "user-go-build"
    (user_cache / "ab").mkdir(parents=True)
    (user_cache / "ab" / "entry-d").write_bytes(b"x" * 1000)
    monkeypatch.setenv("GOCACHE", str(user_cache))
    before = listing(user_cache)
    code = tmp_path / "code"
    code.mkdir()
    (code / "stats.go").write_text((submission("stats", "passing") / "stats.go").read_text())
    (code / "stats.go").write_text((code / "stats.go").read_text() + f"\nconst tag = {os.getpid()}\n")  # a new build
    result = grade_submission(load_kata("stats"), code)
    assert result.status == "pass", result.summary
    assert listing(user_cache) == before
    assert find_go().cache_dir == str(own_cache_dir()) != str(user_cache)


@pytest.mark.go
def test_a_huge_initialised_array_is_refused_before_it_is_cached(tmp_path: Path) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "stats.go").write_text((submission("stats", "passing") / "stats.go").read_text() + BIG_ARRAY)
    result = grade_submission(load_kata("stats"), code)
    assert result.status == "rejected" and result.score == 0
    assert f"a file larger than {MAX_FILE_BYTES >> 20} MiB" in result.summary
    cache = own_cache_dir()
    too_big = [p for p in cache.rglob("*") if p.is_file() and p.stat().st_size > MAX_FILE_BYTES]
    assert not too_big
    assert cache_size(cache) <= cache_cap_bytes()


def test_trimming_removes_the_least_recently_used_first(tmp_path: Path) -> None:
    cache = tmp_path / "go-build"
    for i in range(10):
        folder = cache / f"{i:02x}"
        folder.mkdir(parents=True)
        path = folder / f"entry{i}-d"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1000 + i, 1000 + i))  # entry0 is the oldest
    (cache / "README").write_text("not an entry")
    report = trim(cache, cap=5000)
    assert (report.size_before, report.size_after, report.removed) == (10_000, 4000, 6)
    left = sorted(p.name for p in cache.rglob("entry*"))
    assert left == ["entry6-d", "entry7-d", "entry8-d", "entry9-d"]
    assert (cache / "README").is_file()
    assert trim(cache, cap=5000).removed == 0


def test_after_a_run_the_size_is_estimated_from_what_go_wrote_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOKATA_GOCACHE_MAX_MB", "64")
    cache = tmp_path / "go-build"

    def entry(folder: str, name: str, mib: int, mtime: float | None = None) -> Path:
        (cache / folder).mkdir(parents=True, exist_ok=True)
        path = cache / folder / name
        with path.open("wb") as f:
            f.truncate(mib << 20)  # sparse: the size counts, the disk is not used
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        return path

    older, old = entry("00", "b-d", 20, mtime=1000), entry("01", "a-d", 20, mtime=2000)
    first = trim_after_run(cache)  # no marker yet: a full listing
    assert first is not None and first.removed == 0
    assert trim_after_run(cache) is None  # nothing new: no listing, no trim
    entry("02", "c-d", 30)  # a new build output: 70 MiB estimated, over the 64 MiB cap
    report = trim_after_run(cache)
    assert report is not None and report.removed == 1
    assert not older.exists() and old.exists() and (cache / "02" / "c-d").exists()
