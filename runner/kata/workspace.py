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
    if target.exists() and any(target.iterdir()):
        return StartReport(target, False, kata.learner_files, kata.visible_tests)
    _copy_public(kata, target)
    return StartReport(target, True, kata.learner_files, kata.visible_tests)


def reset(kata: Kata, root: Path | None = None) -> ResetReport:
    """Put the starter back. The learner's files are kept in a backup folder first, never lost."""
    target = kata_workspace(kata, root)
    backup: Path | None = None
    if target.is_dir():
        changed = [
            n
            for n in (*kata.learner_files, *kata.visible_tests, *kata.support_files)
            if (target / n).is_file() and not _same(target / n, kata.root / n)
        ]
        if changed:
            backup = target / BACKUP_DIR / time.strftime("%Y%m%d-%H%M%S")
            suffix = 1
            while backup.exists():
                suffix += 1
                backup = backup.with_name(f"{backup.name.split('.')[0]}.{suffix}")
            backup.mkdir(parents=True)
            for name in changed:
                shutil.copy2(target / name, backup / name)
    _copy_public(kata, target)
    return ResetReport(target, backup)


def _copy_public(kata: Kata, target: Path) -> None:
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in public_files(kata):
            shutil.copyfile(kata.root / name, target / name)
        if (kata.root / "testdata").is_dir():
            shutil.copytree(kata.root / "testdata", target / "testdata", dirs_exist_ok=True)
    except OSError as exc:
        raise BadInput(f"cannot write the workspace {target}: {exc.strerror or exc}") from None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False
