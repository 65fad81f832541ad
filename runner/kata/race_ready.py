"""Whether the Go race runtime is already built in gokata's own GOCACHE, so the "the first run
compiles the race runtime: about 10 s" notice is shown only when that is true; and whether a kata
was run in it before, so its imports are built too.

A marker per toolchain version is written in the cache after the first run whose test binary
started (so the race build succeeded). Checking it is one stat, no go process. Wiping the cache
removes the markers with it; a trim that removed entries removes them too (gocache.trim), since
the race runtime may have been among them.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

PREFIX = "gokata-race-built-"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


def _marker(cache_dir: str, version: str) -> Path:
    return Path(cache_dir) / (PREFIX + _safe(version or "unknown"))


def _put(marker: Path, text: str) -> None:
    if not marker.is_file():
        with contextlib.suppress(OSError):
            marker.write_text(text, encoding="utf-8")


def race_runtime_built(cache_dir: str, version: str) -> bool:
    return _marker(cache_dir, version).is_file()


def mark_race_runtime_built(cache_dir: str, version: str) -> None:
    _put(_marker(cache_dir, version), "the race runtime was built in this cache by this Go version\n")


def forget_race_runtime(cache_dir: Path) -> None:
    with contextlib.suppress(OSError):
        for marker in cache_dir.glob(PREFIX + "*"):
            marker.unlink()


def _kata_marker(cache_dir: str, version: str, slug: str) -> Path:
    # Starts with PREFIX, so a trim or a wiped cache forgets it with the race runtime's marker.
    marker = _marker(cache_dir, version)
    return marker.with_name(f"{marker.name}--kata-{_safe(slug)}")


def kata_built(cache_dir: str, version: str, slug: str) -> bool:
    """Whether a run of this kata got as far as its test binary in this cache: the race builds of
    the packages it imports are there (grade.py then builds the learner's package beside the run)."""
    return race_runtime_built(cache_dir, version) and _kata_marker(cache_dir, version, slug).is_file()


def mark_kata_built(cache_dir: str, version: str, slug: str) -> None:
    _put(_kata_marker(cache_dir, version, slug), "this kata's imports were built in this cache by this Go version\n")
