"""runner/files.py: atomic writes that two processes can make at once and that leave nothing
behind when they fail, and the lock a read-modify-write holds."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from runner.files import atomic_write


def test_a_write_replaces_the_file_with_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("old", encoding="utf-8")
    atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.json"
    path.write_text("old", encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_writers_at_once_each_leave_a_whole_file(tmp_path: Path) -> None:
    # They shared one `state.json.tmp`: one renamed the other's half-written file into place.
    path = tmp_path / "state.json"
    script = (
        "import sys; from pathlib import Path; from runner.files import atomic_write\n"
        "for _ in range(200): atomic_write(Path(sys.argv[1]), sys.argv[2] * 50_000)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), c]) for c in "abcd"]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    text = path.read_text(encoding="utf-8")
    assert len(text) == 50_000 and len(set(text)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]
