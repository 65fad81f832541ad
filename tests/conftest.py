"""Shared test fixtures.

Tests that need Go use the `go` marker: they skip (saying why) only when Go is absent
and CI is unset; under CI a missing Go is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    import pexpect

# No property test may pass or fail on the machine's speed: hypothesis's default 200 ms deadline
# per example fails a grading call that a loaded CI runner (or two xdist workers) slows down.
settings.register_profile("gokata", deadline=None)
settings.load_profile("gokata")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("go"):
        return
    if os.environ.get("CI"):
        # Under CI these tests run and fail loudly if Go is missing: no silent skip.
        return
    skip = pytest.mark.skip(reason="Go toolchain not installed (these tests run under CI)")
    for item in items:
        if item.get_closest_marker("go"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _content_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("content-cache")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _content_cache: Path
) -> Iterator[None]:
    """Never touch the developer's real progress, workspaces or terminal settings.

    Validated banks and kata.yaml files are cached once per session (per xdist worker), not per
    test: parsing the bundled banks costs about half a second each time."""
    home = tmp_path_factory.mktemp("gokata-home")
    monkeypatch.setenv("GOKATA_CONTENT_CACHE", str(_content_cache))
    monkeypatch.setenv("GOKATA_HOME", str(home / "data"))
    monkeypatch.setenv("GOKATA_WORKSPACE", str(home / "workspace"))
    monkeypatch.delenv("GOKATA_GRADER", raising=False)  # the default grader, whatever the shell says
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    # gokata keeps one console per process, sized when it is first made: each test makes its own,
    # so a width one test sets (COLUMNS=70) neither leaks into the next nor is missed.
    from runner.ui import console

    console.out.cache_clear()
    console.err.cache_clear()
    yield


def interruptible() -> None:
    """For a child process, before exec: Ctrl-C (SIGINT) as a terminal delivers it. A test run
    started in the background by a non-interactive shell inherits SIGINT ignored, and Python keeps
    an ignored SIGINT ignored, so a test that presses Ctrl-C would wait for nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn_gokata(
    *args: str,
    env: Mapping[str, str],
    timeout: float = 30,
    term: str = "dumb",
    cwd: Path | None = None,
    dimensions: tuple[int, int] | None = (40, 120),
) -> pexpect.spawn:
    """`python -m runner ARGS` as a real process in a pseudo-terminal: 120 columns, no colour,
    output unbuffered, Ctrl-C delivered (interruptible); `env` on top of this process's own."""
    import pexpect  # only where a test drives a terminal (pexpect does not run on Windows)

    full = dict(os.environ, COLUMNS="120", NO_COLOR="1", TERM=term, PYTHONUNBUFFERED="1")
    full.update(env)
    return pexpect.spawn(
        sys.executable,
        ["-m", "runner", *args],
        cwd=str(cwd) if cwd is not None else None,
        env=full,
        encoding="utf-8",
        preexec_fn=interruptible,
        timeout=timeout,
        dimensions=dimensions,
    )


def interrupt(child: pexpect.spawn, until: str, *, sig: int | None = None, tries: int = 3) -> None:
    """Ctrl-C (or `sig`) until `until` appears. CPython loses a signal that lands in the instant
    between printing a prompt and starting the read that waits for the answer (the read then waits
    on): a person presses Ctrl-C again, and so does this helper (about 1 run in 25 under load)."""
    import pexpect

    for _ in range(tries):
        if sig is None:
            child.sendintr()
        else:
            child.kill(sig)
        if child.expect([until, pexpect.TIMEOUT], timeout=10) == 0:
            return
    raise AssertionError(f"no {until!r} after {tries} signals")
