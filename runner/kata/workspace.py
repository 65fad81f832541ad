"""The learner's copy of a kata: what `kata start` and `kata reset` put there, and where it lives."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from runner.errors import BadInput
from runner.kata.catalog import Kata

DEFAULT_ROOT_NAME = "gokata-workspace"
BACKUP_DIR = ".gokata-backup"


def workspace_root(override: Path | None = None) -> Path:
    """--workspace, else $GOKATA_WORKSPACE, else the config file's workspace, else ~/gokata-workspace."""
    from runner.config import configured_workspace

    if override is not None:
        return override.expanduser()
    env = os.environ.get("GOKATA_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return configured_workspace() or Path.home() / DEFAULT_ROOT_NAME


def kata_workspace(kata: Kata, root: Path | None = None) -> Path:
    return workspace_root(root) / kata.slug


def public_files(kata: Kata) -> list[str]:
    """What a learner gets: the task, go.mod, the starter, support files and the visible tests.
    Never .meta (hidden tests, the solution, mutants)."""
    names = [
        "README.md",
        "README.zh.md",
        "go.mod",
        "go.sum",
        *kata.learner_files,
        *kata.support_files,
        *kata.visible_tests,
    ]
    return [n for n in dict.fromkeys(names) if (kata.root / n).is_file()]


@dataclass(frozen=True)
class StartReport:
    """What `kata start` did: the workspace folder, whether it was new, the files copied."""

    directory: Path
    created: bool  # False: it was there already and was left alone
    learner_files: tuple[str, ...]
    test_files: tuple[str, ...]


@dataclass(frozen=True)
class ResetReport:
    """What `kata reset` did: the workspace folder, and where the previous files were kept."""

    directory: Path
    backup: Path | None  # where the learner's previous files were kept


def start(kata: Kata, root: Path | None = None) -> StartReport:
    target = kata_workspace(kata, root)
    try:
        if target.exists() and not target.is_dir():
            raise BadInput(f"{target}: exists and is not a folder; move it away to start {kata.slug} here")
        if target.exists() and any(target.iterdir()):
            return StartReport(target, False, kata.learner_files, kata.visible_tests)
    except OSError as exc:
        raise BadInput(f"cannot use the workspace {target}: {exc.strerror or exc}") from None
    _copy_public(kata, target)
    return StartReport(target, True, kata.learner_files, kata.visible_tests)


def reset(kata: Kata, root: Path | None = None) -> ResetReport:
    """Put the starter back. The learner's files are kept in a backup folder first, never lost."""
    target = kata_workspace(kata, root)
    backup: Path | None = None
    try:
        if target.exists() and not target.is_dir():
            raise BadInput(f"{target}: exists and is not a folder; move it away to reset {kata.slug} here")
        if target.is_dir():
            backup = _back_up(kata, target)
    except OSError as exc:
        raise BadInput(
            f"cannot back up your files in {target}: {exc.strerror or exc}; nothing was reset",
            hint="Your files are as they were. Fix the folder (space, permissions) and run `kata reset` again.",
        ) from None
    _copy_public(kata, target)
    return ResetReport(target, backup)


def _back_up(kata: Kata, target: Path) -> Path | None:
    changed = [
        n
        for n in (*kata.learner_files, *kata.visible_tests, *kata.support_files)
        if _exists(target / n) and not _same(target / n, kata.root / n)
    ]
    if not changed:
        return None
    backups = target / BACKUP_DIR
    if backups.exists() and not backups.is_dir():
        raise BadInput(f"{backups}: not a folder; gokata keeps your previous files there. Move it away first")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    suffix = 1
    while True:
        backup = backups / (stamp if suffix == 1 else f"{stamp}.{suffix}")
        try:
            backup.mkdir(parents=True)  # exclusive: two resets at once never share a backup folder
            break
        except FileExistsError:
            suffix += 1
    for name in changed:
        # Moved, not copied: the starter replaces them next anyway, a rename within one folder
        # tree costs nothing whatever the size (a 3 GB file in a starter's place was copied), and
        # a symbolic link moves as the link, never as what it points at.
        (backup / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(target / name, backup / name)
    return backup


def _exists(path: Path) -> bool:
    return path.is_file() or path.is_symlink()


def _copy_public(kata: Kata, target: Path) -> None:
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in public_files(kata):
            dest = target / name
            if dest.is_symlink():
                # replace the link itself: writing through it changed a file outside the workspace
                dest.unlink()
            shutil.copyfile(kata.root / name, dest)
        if (kata.root / "testdata").is_dir():
            shutil.copytree(kata.root / "testdata", target / "testdata", dirs_exist_ok=True)
    except OSError as exc:
        raise BadInput(f"cannot write the workspace {target}: {exc.strerror or exc}") from None


def _same(a: Path, b: Path) -> bool:
    """Whether the learner's file still holds the starter, read in chunks and only as far as the
    starter's length: a 3 GB file in its place was read whole into memory."""
    import stat

    try:
        st = a.lstat()
        if not stat.S_ISREG(st.st_mode) or st.st_size != b.stat().st_size:
            return False
        with a.open("rb") as fa, b.open("rb") as fb:
            while True:
                ca, cb = fa.read(64 * 1024), fb.read(64 * 1024)
                if ca != cb:
                    return False
                if not ca:
                    return True
    except OSError:
        return False
