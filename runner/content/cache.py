"""A per-file cache of validated banks, so a quiz starts without re-parsing megabytes of YAML.

PyYAML builds Python objects in Python even with the C parser (about 1 MB/s), and the
full banks are well over a megabyte. A bank is cached after it validates (a kata.yaml too, in
a folder of its own), keyed by the file's absolute path, size, modification time and the
gokata version (the schema lives in the code); any change to either misses. Only valid banks
are cached, and the linter never reads the cache, so problems are always reported from the
file itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from runner import __version__
from runner.paths import cache_dir


def _key(path: Path) -> tuple[str, str]:
    st = path.stat()
    where = str(path.resolve())
    ident = f"{where}|{st.st_size}|{st.st_mtime_ns}|{__version__}"
    return hashlib.sha256(where.encode()).hexdigest()[:32], ident


def _folder(kind: str) -> Path:
    """GOKATA_CONTENT_CACHE, when set, holds the content caches instead of GOKATA_HOME's cache
    folder: the test suite shares one across its tests, which each get a fresh home."""
    shared = os.environ.get("GOKATA_CONTENT_CACHE")
    return Path(shared) / kind if shared else cache_dir(kind)


def enabled() -> bool:
    return os.environ.get("GOKATA_NO_CACHE", "") in ("", "0")


def load(path: Path, kind: str = "banks") -> Any | None:
    """What was stored for this file as it is now (same size, modification time, gokata), or None."""
    if not enabled():
        return None
    try:
        name, ident = _key(path)
        with (_folder(kind) / f"{name}.pickle").open("rb") as fh:
            stored_ident, value = pickle.load(fh)
    except Exception:  # a missing, stale or unreadable cache is just a miss
        return None
    return value if stored_ident == ident else None


def store(path: Path, value: Any, kind: str = "banks") -> None:
    """Remember `value` (validated content) for this file; `kind` names the cache folder."""
    if not enabled():
        return
    try:
        name, ident = _key(path)
        folder = _folder(kind)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{name}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump((ident, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{name}.pickle")
    except OSError:
        return  # a read-only cache folder costs speed, never correctness
