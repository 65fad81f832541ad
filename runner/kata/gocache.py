"""gokata's own Go build cache: where every sandboxed go command builds, never the user's GOCACHE.

Shared by every run on the machine, so warm runs stay fast; capped in size (GOKATA_GOCACHE_MAX_MB,
default 2 GiB) and trimmed after runs, the least recently used entries first (go refreshes an
entry's modification time when it uses it, at most once an hour). Checking the size after a run
costs a couple of milliseconds: see trim_after_run. One file written by a build or
a run is capped too (`MAX_FILE_BYTES`, an rlimit on the process tree): a submission with a huge
initialised array is stopped while the compiler writes it, before anything reaches the cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from runner.kata.race_ready import forget_race_runtime
from runner.toolchain import own_cache_dir

DEFAULT_MAX_MB = 2048
MAX_FILE_BYTES = 128 * 1024 * 1024  # the largest object of a race build of the standard library is ~15 MiB
TRIM_TO = 0.8  # a trim goes down to this share of the cap, so the next runs do not trim again at once
FULL_LISTING_EVERY_S = 3600.0  # at least this often the size is measured, not estimated
_MARKER = "gokata-trimmed"


@dataclass(frozen=True)
class TrimReport:
    """What a trim of gokata's build cache did: its size before and after, the files removed."""

    size_before: int
    size_after: int
    removed: int


def cache_cap_bytes() -> int:
    raw = os.environ.get("GOKATA_GOCACHE_MAX_MB", "")
    try:
        mb = int(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(mb, 64) * 1024 * 1024


def cache_size(cache: Path | None = None) -> int:
    return sum(size for _, _, size in _entries(cache or own_cache_dir()))


def trim_after_run(cache: Path | None = None) -> TrimReport | None:
    """Trim if the cache may be over its cap, cheaply: the size found by the last full listing
    (kept in a marker file) plus the files of the folders go wrote to since then. Files go only
    refreshed count again, so the estimate errs high; a full listing resets it at least hourly."""
    cache = cache or own_cache_dir()
    marker = cache / _MARKER
    now = time.time()
    try:
        state = json.loads(marker.read_text(encoding="utf-8"))
        since, size, listed = float(state["since"]), int(state["size"]), float(state["listed"])
    except (OSError, ValueError, KeyError, TypeError):
        return trim(cache)
    if now - listed > FULL_LISTING_EVERY_S:
        return trim(cache)
    grown = 0
    with contextlib.suppress(OSError), os.scandir(cache) as folders:
        for folder in folders:
            with contextlib.suppress(OSError):
                if len(folder.name) != 2 or folder.stat(follow_symlinks=False).st_mtime < since:
                    continue
                grown += sum(size for mtime, _, size in _files(folder.path) if mtime >= since)
    if size + grown > cache_cap_bytes():
        return trim(cache)
    _write_marker(marker, since=now, size=size + grown, listed=listed)
    return None


def trim(cache: Path | None = None, cap: int | None = None) -> TrimReport:
    """Remove the least recently used entries until the cache is under TRIM_TO of its cap."""
    cache = cache or own_cache_dir()
    cap = cap if cap is not None else cache_cap_bytes()
    started = time.time()
    entries = _entries(cache)
    before = sum(size for _, _, size in entries)
    size, removed = before, 0
    if before > cap:
        goal = int(cap * TRIM_TO)
        for _, path, length in sorted(entries):
            if size <= goal:
                break
            try:
                path.unlink()
            except OSError:
                continue
            size -= length
            removed += 1
    if removed:
        forget_race_runtime(cache)  # it may have been among the entries removed: tell the first run again
    _write_marker(cache / _MARKER, since=started, size=size, listed=started)
    return TrimReport(before, size, removed)


def _write_marker(marker: Path, *, since: float, size: int, listed: float) -> None:
    partial = marker.with_name(f"{marker.name}.{os.getpid()}.{threading.get_ident()}")
    with contextlib.suppress(OSError):
        partial.write_text(json.dumps({"since": since, "size": size, "listed": listed}), encoding="utf-8")
        os.replace(partial, marker)


def _entries(cache: Path) -> list[tuple[float, Path, int]]:
    """(mtime, path, size) of every cache file (go keeps them in 256 two-hex-digit folders)."""
    out: list[tuple[float, Path, int]] = []
    try:
        folders = list(os.scandir(cache))
    except OSError:
        return out
    for folder in folders:
        if len(folder.name) == 2 and folder.is_dir(follow_symlinks=False):
            out.extend(_files(folder.path))
    return out


def _files(folder: str) -> list[tuple[float, Path, int]]:
    out: list[tuple[float, Path, int]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as files:
        for entry in files:
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                out.append((st.st_mtime, Path(entry.path), st.st_size))
    return out
