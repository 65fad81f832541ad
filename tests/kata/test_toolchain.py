"""Toolchain facts (issue 16): no `go env` on a warm machine; gokata's own build cache and tools folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import runner.toolchain as toolchain
from runner.toolchain import find_go, own_cache_dir


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toolchain, "_cached", {})


@pytest.mark.go
def test_a_standard_installation_is_read_without_running_go(monkeypatch: pytest.MonkeyPatch) -> None:
    real_go = shutil.which("go")
    assert real_go is not None
    root = Path(os.path.realpath(real_go)).parent.parent
    if not (root / "VERSION").is_file() or os.environ.get("GOROOT"):
        pytest.skip("this Go installation has no GOROOT/VERSION beside bin/go")

    def no_go(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("go was run")

    monkeypatch.setattr(subprocess, "run", no_go)
    go = find_go()
    assert go.version.startswith("go1.") and go.goroot == str(root)
    assert go.cache_dir == str(own_cache_dir())


def test_otherwise_go_env_runs_once_per_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "wrapper"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    fake = bin_dir / "go"
    fake.write_text(f'#!/bin/sh\necho run >> "{calls}"\nprintf "go1.99.1\\n/opt/go\\n"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("GOKATA_GO_CACHE_ROOT", str(tmp_path / "cache"))
    first = find_go()
    assert (first.version, first.goroot) == ("go1.99.1", "/opt/go")
    monkeypatch.setattr(toolchain, "_cached", {})  # a new process: only the disk remembers
    again = find_go()
    assert (again.version, again.goroot) == ("go1.99.1", "/opt/go")
    assert calls.read_text().splitlines() == ["run"]
    assert again.cache_dir == str(tmp_path / "cache" / "go-build")
    fake.write_text(fake.read_text().replace("go1.99.1", "go1.99.2"))  # an upgrade: the key changes
    stat = fake.stat()
    os.utime(fake, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    monkeypatch.setattr(toolchain, "_cached", {})
    assert find_go().version == "go1.99.2"
