"""`gokata doctor`: what this machine has for gokata, one line per check, each with a fix.

Checks never raise: a failing check is a result, so one broken part does not hide the others.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from runner.errors import ExitStatus
from runner.outcome import Outcome

MIN_GO = (1, 25)  # the katas' tests use testing/synctest
LOW_SPACE_BYTES = 500 * 1024 * 1024


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status.value, "detail": self.detail, "fix": self.fix}


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.status is not Status.FAIL for c in self.checks)

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "checks": [c.to_json() for c in self.checks]}


def _run(args: list[str], timeout: float = 30) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            args, capture_output=True, text=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def _go_version(text: str) -> tuple[int, int] | None:
    import re

    m = re.search(r"go(\d+)\.(\d+)", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_python() -> Check:
    v = sys.version_info
    status = Status.OK if v >= (3, 11) else Status.FAIL
    return Check(
        "python",
        status,
        f"Python {v.major}.{v.minor}.{v.micro}",
        "" if status is Status.OK else "Install Python 3.11 or later.",
    )


def check_go() -> Check:
    exe = shutil.which("go")
    if exe is None:
        return Check(
            "go",
            Status.WARN,
            "Go is not on PATH: quizzes, answers and reviews work; katas do not",
            "Install Go 1.25 or later from https://go.dev/doc/install, or `apt install golang`.",
        )
    proc = _run([exe, "env", "GOVERSION"])
    version = proc.stdout.strip() if proc and proc.returncode == 0 else ""
    parsed = _go_version(version)
    if parsed is None:
        return Check("go", Status.FAIL, f"{exe} does not report its version", "Reinstall Go.")
    if parsed < MIN_GO:
        return Check(
            "go",
            Status.FAIL,
            f"{version} at {exe}: katas need go{MIN_GO[0]}.{MIN_GO[1]}+",
            "Upgrade Go (https://go.dev/dl/).",
        )
    return Check("go", Status.OK, f"{version} at {exe}")


def check_c_compiler() -> Check:
    exe = shutil.which("go")
    if exe is None:
        return Check("c compiler", Status.WARN, "not checked (no Go)", "")
    proc = _run([exe, "env", "CC", "CGO_ENABLED"])
    lines = proc.stdout.split() if proc and proc.returncode == 0 else []
    cc = lines[0] if lines else "gcc"
    found = shutil.which(cc)
    if found is None:
        return Check(
            "c compiler",
            Status.FAIL,
            f"{cc} not found: the race detector (-race) needs cgo and a C compiler",
            "Install one: `apt install gcc`, `xcode-select --install`, or set CC.",
        )
    return Check("c compiler", Status.OK, f"{cc} at {found} (for -race)")


def check_sandbox() -> Check:
    if not sys.platform.startswith("linux"):
        return Check(
            "sandbox",
            Status.WARN,
            f"no OS sandbox on {sys.platform}: kata runs keep their process, memory and output limits",
            "",
        )
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return Check(
            "sandbox",
            Status.WARN,
            "bubblewrap (bwrap) is not installed: kata tests run with limits "
            "but can reach the network and the file system",
            "Install it: `apt install bubblewrap`.",
        )
    proc = _run(
        [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net", "--unshare-pid", "--die-with-parent", "true"],
        timeout=15,
    )
    if proc is None or proc.returncode != 0:
        why = (proc.stderr.strip().splitlines() or ["no output"])[0] if proc else "did not start"
        return Check(
            "sandbox",
            Status.WARN,
            f"bwrap is installed but cannot create a sandbox here: {why}",
            "Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) "
            "or run outside this container.",
        )
    return Check("sandbox", Status.OK, f"bubblewrap at {bwrap}: no network, read-only system for kata tests")


def check_store() -> Check:
    from runner.errors import GokataError
    from runner.progress.location import db_path
    from runner.progress.store import open_store

    path = db_path()
    try:
        with open_store() as store:
            answered = sum(1 for _ in store.question_rows())
    except GokataError as exc:
        return Check("progress", Status.FAIL, f"{path}: {exc.message}", exc.hint or "")
    except OSError as exc:
        return Check(
            "progress",
            Status.FAIL,
            f"{path}: {exc.strerror}",
            "Make the folder writable, or point GOKATA_HOME at another one.",
        )
    return Check("progress", Status.OK, f"{path} ({answered} answers)")


def check_space() -> Check:
    from runner.paths import cache_dir
    from runner.progress.location import data_dir

    lows = []
    for folder in (data_dir(), cache_dir("")):
        probe = folder
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        free = shutil.disk_usage(probe).free
        if free < LOW_SPACE_BYTES:
            lows.append(f"{folder}: {free // 2**20} MiB free")
    if lows:
        return Check("disk space", Status.WARN, "; ".join(lows), "Free some space: kata builds need a few hundred MiB.")
    return Check("disk space", Status.OK, "enough free space for the store and build cache")


def check_banks() -> Check:
    from runner.content.catalog import check_banks as lint
    from runner.paths import questions_dir

    try:
        catalog, problems = lint()
    except Exception as exc:
        return Check("banks", Status.FAIL, f"{questions_dir()}: {exc}", "Run `gokata bank lint` for every problem.")
    if problems:
        return Check(
            "banks",
            Status.FAIL,
            f"{len(problems)} problem(s), first: {problems[0]}",
            "Run `gokata bank lint` for every problem.",
        )
    return Check(
        "banks", Status.OK, f"{len(catalog.questions)} questions in {len(catalog.topics())} topics ({questions_dir()})"
    )


def check_katas() -> Check:
    from runner.kata.catalog import scan_katas
    from runner.paths import katas_dir

    try:
        katas, problems = scan_katas()
    except Exception as exc:
        return Check("katas", Status.FAIL, f"{katas_dir()}: {exc}", "Run `gokata kata list`.")
    if problems:
        return Check(
            "katas", Status.FAIL, f"{len(problems)} problem(s), first: {problems[0]}", "Fix the kata files it names."
        )
    return Check("katas", Status.OK, f"{len(katas)} katas ({katas_dir()})")


def check_workspace() -> Check:
    from runner.kata.workspace import workspace_root

    root = workspace_root()
    probe = root
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return Check("workspace", Status.FAIL, f"{root} is not writable", "Set GOKATA_WORKSPACE to a folder you own.")
    return Check("workspace", Status.OK, f"{root}")


def check_grader() -> Check:
    """The open-answer grader setting, and whether the meaning extra it may ask for is here. Read
    apart from the root callback, which `doctor` skips so it can run whatever is broken."""
    from runner import config
    from runner.answers import meaning

    try:
        grader = str(config.load_settings()["grader"])
    except config.ConfigError as exc:
        return Check("grader", Status.FAIL, exc.message, "Fix it with `gokata config edit`.")
    have = meaning.installed()
    if grader == "meaning" and not have:
        missing = meaning.MeaningMissing()  # the message and remedy the commands themselves stop with
        return Check("grader", Status.FAIL, missing.message, missing.hint or "")
    extra = "meaning extra installed" if have else "meaning extra not installed (optional)"
    return Check("grader", Status.OK, f"{grader}; {extra}")


CHECKS: tuple[Callable[[], Check], ...] = (
    check_python,
    check_go,
    check_c_compiler,
    check_sandbox,
    check_store,
    check_space,
    check_banks,
    check_katas,
    check_workspace,
    check_grader,
)


def run_checks(checks: tuple[Callable[[], Check], ...] = CHECKS) -> DoctorReport:
    return DoctorReport(tuple(_run_check(check) for check in checks))


def _run_check(check: Callable[[], Check]) -> Check:
    """A check that meets an expected failure (a config file it cannot read, a GOKATA_HOME that is a
    file) fails with that message: doctor exists to report what is broken, and it stopped at the
    first such error instead."""
    from runner.errors import GokataError

    try:
        return check()
    except GokataError as exc:
        name = getattr(check, "__name__", "check").removeprefix("check_")
        return Check(name, Status.FAIL, exc.message, exc.hint or "")


def doctor() -> Outcome[DoctorReport]:
    """`gokata doctor`: every check, and whether any failed."""
    report = run_checks()
    return Outcome(report, ExitStatus.passed(report.ok))
