"""Where a graded run's temporary folders go.

A run creates and removes a few hundred files: the sandbox's copies, go's work folder (the linked
test binary among them), the result records. On a disk file system each of those metadata
operations costs a fraction of a millisecond, tens of milliseconds per run in all; on a memory
file system (tmpfs) they are nearly free. So, unless TMPDIR says where temporary files go, a run
uses the user's runtime folder (XDG_RUNTIME_DIR) or /dev/shm, when that folder

* is a tmpfs on this machine (not a disk a distribution happens to mount there),
* lets programs run from it (go test executes the binary it links there), and
* has room to spare (a container's /dev/shm is often 64 MiB: too small for a race build),

and the system's temporary folder otherwise. GOKATA_RUN_DIR names a folder outright.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from runner.errors import BadInput

RUN_DIR_ENV = "GOKATA_RUN_DIR"
MIN_FREE_BYTES = 1 << 30  # a race-built test binary and go's work files, for several runs at once
_TMPFS_MAGIC = "tmpfs"
_chosen: dict[tuple[str | None, str | None, str | None], str] = {}


def run_parent() -> str:
    """The folder a run's temporary folders are made in (asked once per process and setting)."""
    key = (os.environ.get(RUN_DIR_ENV), os.environ.get("TMPDIR"), os.environ.get("XDG_RUNTIME_DIR"))
    found = _chosen.get(key)
    if found is None:
        found = _chosen[key] = _choose(*key)
    return found


def _choose(named: str | None, tmpdir: str | None, runtime: str | None) -> str:
    if named:
        if not os.path.isdir(named):
            raise BadInput(f"{RUN_DIR_ENV}={named}: no such folder", hint=f"Create it, or unset {RUN_DIR_ENV}.")
        return named
    if not tmpdir:
        for candidate in (runtime, "/dev/shm"):
            if candidate and memory_backed(candidate):
                return candidate
    return tempfile.gettempdir()


def memory_backed(folder: str) -> bool:
    """Whether `folder` is a writable tmpfs that allows exec and has room for a run."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    if stats.f_flag & (os.ST_NOEXEC | os.ST_RDONLY):
        return False
    if stats.f_bavail * stats.f_frsize < MIN_FREE_BYTES:
        return False
    return os.access(folder, os.W_OK | os.X_OK) and _is_tmpfs(folder)


def _is_tmpfs(folder: str, mounts: str | None = None) -> bool:
    """Whether the mount holding `folder` (the longest mount point containing it) is a tmpfs.
    `mounts`: the text of /proc/self/mounts (read here when not given; Linux only)."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    real = os.path.realpath(folder)
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind == _TMPFS_MAGIC
