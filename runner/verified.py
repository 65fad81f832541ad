"""Maintainer checks that passed, remembered per machine so an unchanged input is not checked again.

`kata verify` runs every kata's starter, mutants and solution (dozens of race builds), and
`bank verify-snippets` builds and runs every output question's program. Their verdicts depend
only on their inputs: the content's bytes, the Go toolchain (version and GOROOT), and gokata's
own checking code. A passing verdict is stored under a hash of all three; a later check with the
same hash reuses it. Only passes are stored: a failure is always checked again, so a flaky or
fixed failure never sticks.

The store lives beside gokata's Go build cache (the user cache folder, or GOKATA_GO_CACHE_ROOT),
not under GOKATA_HOME: the test suite gives every test a fresh home, and CI on the same machine
reuses what an earlier run verified. GOKATA_VERIFY_CACHE names another folder for it;
GOKATA_NO_VERIFY_CACHE=1 turns it off (every check runs).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from runner import __version__

_RUNNER = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get("GOKATA_NO_VERIFY_CACHE", "") in ("", "0")


@cache
def code_digest(*parts: str) -> str:
    """A hash of gokata's version and its sources under `parts` (folders or files of runner/, e.g.
    "kata", "toolchain.py"): a change to the checking code invalidates what it verified."""
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        root = _RUNNER / part
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if path.is_file() and path.suffix in (".py", ".go"):
                digest.update(path.relative_to(_RUNNER).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def tree_digest(root: Path) -> str:
    """A hash of every file under `root`: names and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: str | int | Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        text = part if isinstance(part, str | int) else "\x1f".join(part)
        digest.update(str(text).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()[:40]


def _folder(kind: str) -> Path:
    override = os.environ.get("GOKATA_VERIFY_CACHE")
    if override:
        return Path(override) / kind
    from runner.toolchain import _user_cache_root

    return _user_cache_root() / "verified" / kind


def load(kind: str, entry: str) -> Any | None:
    """What was stored for `entry`, or None (also when the cache is off or unreadable)."""
    if not enabled():
        return None
    try:
        return json.loads((_folder(kind) / f"{entry}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(kind: str, entry: str, value: Any) -> None:
    """Remember a passing verdict; a read-only or full disk costs time, never correctness."""
    if not enabled():
        return
    with contextlib.suppress(OSError, ValueError, TypeError):
        folder = _folder(kind)
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{entry}.{os.getpid()}.{threading.get_ident()}.tmp"
        partial.write_text(json.dumps(value), encoding="utf-8")
        os.replace(partial, folder / f"{entry}.json")
