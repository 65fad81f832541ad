"""The OS sandbox around the test binary: a fixture kata allowed `os` and `net` tries to leave it,
to read the kata's hidden tests and solution or gokata's code, and to fill its temporary folder."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import runner
from runner.kata.catalog import load_kata
from runner.kata.grade import grade_sources, solution_submission
from runner.kata.isolation import NOTICE, plan_for
from runner.kata.result import KataResult

pytestmark = pytest.mark.go

FIXTURE = Path(__file__).parent / "fixtures" / "katas" / "sandbox"
# Under CI (.ci/run installs bubblewrap) a missing sandbox is a failure, not a skip.
needs_bwrap = pytest.mark.skipif(
    not os.environ.get("CI") and plan_for(Path("/tmp")).kind != "bwrap",
    reason="bubblewrap is not usable here (these tests run under CI)",
)


class Listener:
    """A TCP listener on 127.0.0.1 in this process, counting the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        host, port = self.sock.getsockname()
        return f"{host}:{port}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[list[Path]]:
    """Paths outside any run folder: one under /tmp, one under /var/tmp (not a private /tmp)."""
    var_tmp = Path(tempfile.mkdtemp(prefix="gokata-outside-", dir="/var/tmp"))
    yield [tmp_path / "outside.txt", var_tmp / "outside.txt"]
    shutil.rmtree(var_tmp, ignore_errors=True)


def run_probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str, outside: list[Path]) -> KataResult:
    root = tmp_path / "katas"
    shutil.copytree(FIXTURE, root / "sandbox")
    (root / "sandbox" / "testdata" / "targets.txt").write_text("\n".join([address, *map(str, outside)]) + "\n")
    secrets = [
        root / "sandbox" / ".meta" / "solution" / "probe.go",  # the kata's own folder
        root / "sandbox" / ".meta" / "hidden" / "probe_hidden_test.go",
        Path(runner.__file__),  # gokata's own code
        "probe_hidden_test.go",  # the run's copy of the hidden tests, compiled by now
        "probe_test.go",
    ]
    (root / "sandbox" / "testdata" / "secrets.txt").write_text("\n".join(map(str, secrets)) + "\n")
    monkeypatch.setenv("GOKATA_KATAS", str(root))
    kata = load_kata("sandbox")
    return grade_sources(kata, solution_submission(kata))


def by_name(result: KataResult) -> dict[str, str]:
    return {t.name: t.status for t in result.tests}


@needs_bwrap
def test_under_bwrap_the_network_and_files_outside_the_run_are_out_of_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listener: Listener, outside: list[Path]
) -> None:
    monkeypatch.setenv("GOKATA_SANDBOX", "bwrap")
    result = run_probe(tmp_path, monkeypatch, listener.address, outside)
    assert result.isolation == "bwrap" and result.to_json()["isolation"] == "bwrap"
    assert by_name(result) == {
        "TestNoNetwork": "pass",
        "TestNoWritesOutside": "pass",
        "TestWritesInsideTheRunFolder": "pass",
        "TestHiddenSeesItsOwnFolder": "pass",
        "TestNoSecretsReadable": "pass",
        "TestTempIsBounded": "pass",
    }, result.tests
    assert listener.accepted == 0
    assert not any(p.exists() for p in outside)
    assert NOTICE not in result.notes


def test_the_probe_does_reach_out_without_a_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listener: Listener, outside: list[Path]
) -> None:
    """The control: the same probe escapes with process limits only, so the test above means something."""
    monkeypatch.setenv("GOKATA_SANDBOX", "limits-only")
    result = run_probe(tmp_path, monkeypatch, listener.address, outside)
    assert result.isolation == "limits-only"
    assert NOTICE in result.notes
    assert by_name(result)["TestNoNetwork"] == "fail" and by_name(result)["TestNoWritesOutside"] == "fail"
    assert by_name(result)["TestNoSecretsReadable"] == "fail" and by_name(result)["TestTempIsBounded"] == "fail"
    assert listener.accepted >= 1
    assert all(p.exists() for p in outside)


def test_unshare_cuts_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listener: Listener, outside: list[Path]
) -> None:
    monkeypatch.setenv("GOKATA_SANDBOX", "unshare")
    if plan_for(tmp_path).kind != "unshare":
        pytest.skip("unshare -rn is not allowed here")
    result = run_probe(tmp_path, monkeypatch, listener.address, outside)
    assert result.isolation == "unshare"
    assert by_name(result)["TestNoNetwork"] == "pass" and listener.accepted == 0


def test_a_refused_submission_ran_nothing_so_names_no_isolation(tmp_path: Path) -> None:
    from runner.kata.grade import grade_submission
    from tests.kata.conftest import submission

    result = grade_submission(load_kata("stats"), submission("stats", "forbidden_import"))
    assert result.status == "rejected" and result.isolation is None


@needs_bwrap
def test_under_bwrap_other_runs_beside_this_one_are_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listener: Listener
) -> None:
    """A red team (net/http's http.Dir) walked the folder holding the run folders when it was not
    /tmp (XDG_RUNTIME_DIR, TMPDIR, GOKATA_RUN_DIR) and read another run's hidden test as text."""
    runs = Path(tempfile.mkdtemp(prefix="gokata-runs-", dir="/var/tmp"))
    try:
        neighbour = runs / "gokata-run-other" / "src"
        neighbour.mkdir(parents=True)
        (neighbour / "other_hidden_test.go").write_text("package other // the other run's hidden test\n")
        monkeypatch.setenv("GOKATA_RUN_DIR", str(runs))
        monkeypatch.setenv("GOKATA_SANDBOX", "bwrap")
        root = tmp_path / "katas"
        shutil.copytree(FIXTURE, root / "sandbox")
        (root / "sandbox" / "testdata" / "targets.txt").write_text(listener.address + "\n")
        (root / "sandbox" / "testdata" / "secrets.txt").write_text(str(neighbour / "other_hidden_test.go") + "\n")
        monkeypatch.setenv("GOKATA_KATAS", str(root))
        kata = load_kata("sandbox")
        result = grade_sources(kata, solution_submission(kata))
        assert result.isolation == "bwrap"
        assert by_name(result)["TestNoSecretsReadable"] == "pass", result.tests
        assert by_name(result)["TestWritesInsideTheRunFolder"] == "pass", result.tests
    finally:
        shutil.rmtree(runs, ignore_errors=True)
