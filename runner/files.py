"""Writing files so that a crash never leaves half of one behind."""

from __future__ import annotations

import os
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename: readers see the old file or the new one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def file_safe(name: str) -> str:
    """A name (a candidate's, a file's stem) as a file or folder name."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")[:80] or "candidate"
