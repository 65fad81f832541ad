"""Where a graded run's folders go: a memory file system when one is usable, else the temp folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from runner.errors import BadInput
from runner.kata import run_folder
from runner.kata.run_folder import RUN_DIR_ENV, _choose, _is_tmpfs, memory_backed, run_parent
from runner.kata.sandbox import open_sandbox

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,size=1628168k,mode=700,uid=1000 0 0
/dev/vdb /run/user/1000/disk ext4 rw 0 0
/dev/vdc /mnt/with\\040space ext4 rw 0 0
"""


def test_the_longest_mount_point_decides() -> None:
    assert _is_tmpfs("/dev/shm", MOUNTS)
    assert _is_tmpfs("/run/user/1000/x", MOUNTS)
    assert not _is_tmpfs("/run/user/1000/disk/x", MOUNTS)
    assert not _is_tmpfs("/run/user/10000", MOUNTS)  # not inside /run/user/1000
    assert not _is_tmpfs("/tmp", MOUNTS)
    assert not _is_tmpfs("/mnt/with space/x", MOUNTS)
    assert not _is_tmpfs("/dev/shm", "garbage\n\n/dev/shm\n")


def test_a_named_folder_and_tmpdir_are_respected(tmp_path: Path) -> None:
    assert _choose(str(tmp_path), None, None) == str(tmp_path)
    assert _choose(str(tmp_path), "/elsewhere", "/dev/shm") == str(tmp_path)
    # TMPDIR set: the user chose where temporary files go
    assert _choose(None, str(tmp_path), "/dev/shm") == tempfile.gettempdir()


def test_a_named_folder_that_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"GOKATA_RUN_DIR=.*no such folder"):
        _choose(str(tmp_path / "missing"), None, None)


def test_a_disk_folder_is_not_memory_backed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_folder, "_is_tmpfs", lambda folder, mounts=None: False)
    assert not memory_backed(str(tmp_path))
    assert not memory_backed(str(tmp_path / "missing"))
    assert _choose(None, None, str(tmp_path)) in (tempfile.gettempdir(), "/dev/shm")


def test_too_small_or_noexec_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_folder, "_is_tmpfs", lambda folder, mounts=None: True)
    assert memory_backed(str(tmp_path))
    real = os.statvfs(str(tmp_path))

    class Small:
        f_flag = real.f_flag
        f_bavail = 10
        f_frsize = 4096

    class NoExec:
        f_flag = real.f_flag | os.ST_NOEXEC
        f_bavail = real.f_bavail
        f_frsize = real.f_frsize

    for fake in (Small, NoExec):
        monkeypatch.setattr(os, "statvfs", lambda _folder, fake=fake: fake)
        assert not memory_backed(str(tmp_path))


def test_sandboxes_are_made_in_the_chosen_folder_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RUN_DIR_ENV, str(tmp_path))
    assert run_parent() == str(tmp_path)
    with open_sandbox() as box:
        assert box.root.parent == tmp_path
        assert box.alone.parent == tmp_path
    assert list(tmp_path.iterdir()) == []
