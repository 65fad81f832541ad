"""The one place that builds the directory a submission is graded in.

A fresh temporary directory per run (in a memory file system where there is one: run_folder.py),
removed afterwards whatever happens (Ctrl-C, time-out, an exception): the kata's own go.mod,
support and test files, the submission's learner files and nothing else of the submission.
Files arrive in stages, each checked before the next: learner files (imports checked), support
files (the package must build without tests), tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from runner.kata.catalog import Kata
from runner.kata.harness import declared_tests, package_name
from runner.kata.run_folder import run_parent
from runner.toolchain import prepare_home

MODULE_FILES = ("go.mod", "go.sum")


@dataclass
class Sandbox:
    """The folders of one graded run (removed when it ends), and the test files added to it."""

    root: Path  # removed on exit
    pkg: Path  # the module being tested
    home: Path  # HOME, GOPATH for the go command
    tmp: Path  # TMPDIR / GOTMPDIR: go's own work files
    results: Path  # the harness's result records
    race_logs: Path  # the race detector's own reports (GORACE log_path): the fact behind a `race` verdict
    alone: Path  # a copy of the package without any test file, compiled on its own (build.py); outside root
    test_files: list[str] = field(default_factory=list)
    expected: dict[str, bool] = field(default_factory=dict)  # graded test -> hidden
    hidden_files: set[str] = field(default_factory=set)


@contextmanager
def open_sandbox() -> Iterator[Sandbox]:
    parent = run_parent()
    root = Path(tempfile.mkdtemp(prefix="gokata-run-", dir=parent))
    alone: Path | None = None
    try:
        # Apart from the root, which the test binary may write to: learner code running while its
        # own build is still under way (build.BuildAlongside) must not change what is built.
        alone = Path(tempfile.mkdtemp(prefix="gokata-run-alone-", dir=parent))
        box = Sandbox(
            root=root,
            pkg=root / "src",
            home=root / "home",
            tmp=root / "tmp",
            results=root / "results",
            race_logs=root / "race",
            alone=alone,
        )
        for d in (box.pkg, box.home, box.tmp, box.race_logs):
            d.mkdir()
        prepare_home(box.home)
        box.results.write_bytes(b"")
        yield box
    finally:
        remove_tree(root)
        if alone is not None:
            remove_tree(alone)


def add_learner_files(box: Sandbox, kata: Kata, sources: Mapping[str, Path]) -> None:
    """Stage one: the kata's go.mod and the learner files only (their imports are checked next)."""
    for name in MODULE_FILES:
        if (kata.root / name).is_file():
            shutil.copyfile(kata.root / name, box.pkg / name)
    for name in kata.learner_files:
        shutil.copyfile(sources[name], box.pkg / name)


def add_support_files(box: Sandbox, kata: Kata) -> None:
    """Stage two: the kata's non-test .go files, so the package can be built on its own."""
    for name in kata.support_files:
        shutil.copyfile(kata.root / name, box.pkg / name)


def copy_for_build_alone(box: Sandbox, kata: Kata) -> None:
    """The package as it stands after stage two, apart, so it can be compiled on its own while the
    tests are added to (and run in) the real one."""
    for name in (*MODULE_FILES, *kata.learner_files, *kata.support_files):
        if (box.pkg / name).is_file():
            shutil.copyfile(box.pkg / name, box.alone / name)


def add_kata_files(box: Sandbox, kata: Kata, *, include_hidden: bool) -> None:
    """Stage three: visible tests, testdata and (unless visible-only) hidden tests, all from
    the kata. A hidden file with a visible file's name replaces it."""
    for name in kata.visible_tests:
        shutil.copyfile(kata.root / name, box.pkg / name)
        box.test_files.append(name)
    if (kata.root / "testdata").is_dir():
        shutil.copytree(kata.root / "testdata", box.pkg / "testdata", symlinks=False)
    if include_hidden:
        for name in kata.hidden_tests:
            shutil.copyfile(kata.hidden_dir / name, box.pkg / name)
            box.hidden_files.add(name)
            if name not in box.test_files:
                box.test_files.append(name)
        if (kata.hidden_dir / "testdata").is_dir():
            shutil.copytree(kata.hidden_dir / "testdata", box.pkg / "testdata", symlinks=False, dirs_exist_ok=True)
    for name in box.test_files:
        source = (box.pkg / name).read_text(encoding="utf-8", errors="replace")
        if package_name(source) is None:
            continue
        for test in declared_tests(source):
            box.expected[test] = name in box.hidden_files


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    if path.exists():
        # go marks module-cache files read-only; make everything writable and try once more.
        for dirpath, dirnames, filenames in os.walk(path):
            for name in dirnames + filenames:
                with contextlib.suppress(OSError):
                    os.chmod(os.path.join(dirpath, name), stat.S_IRWXU)
        shutil.rmtree(path, ignore_errors=True)


def race_reports(box: Sandbox, *, max_reports: int = 10, cap: int = 16 * 1024) -> tuple[str, ...]:
    """The reports the race detector wrote to its log files (one file per process: report.<pid>)."""
    reports: list[str] = []
    for path in sorted(box.race_logs.glob("report*")):
        try:
            with path.open("rb") as f:
                text = f.read(max_reports * cap * 2).decode("utf-8", errors="replace")
        except OSError:
            continue
        current: list[str] | None = None
        for line in text.splitlines():
            if line.startswith("WARNING: DATA RACE"):
                current = []
            elif current is not None and line.startswith("=================="):
                reports.append("\n".join(current)[:cap])
                current = None
            elif current is not None:
                current.append(line)
        if current:
            reports.append("\n".join(current)[:cap])
    return tuple(reports[:max_reports])
