"""The lean `kata test` (runner.cli.kata_test) against the Typer app, both as real processes.

`python -m runner kata test ...` takes the lean way for a plain command line; the Typer app is
run directly for the same command line. Both must print the same bytes (but the measured
durations) and end with the same exit code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from runner.cli.kata_test import plain_options
from runner.kata.grade import SLOW_BUILD_NOTE
from tests.conftest import REPO
from tests.kata.conftest import KATAS, submission

LEAN = [sys.executable, "-m", "runner"]
TYPER = [sys.executable, "-c", "from runner.cli.app import app; app(prog_name='gokata')"]
# The one thing two runs may print differently: how long the run took.
SECONDS = re.compile(r"· \d+\.\d (s|秒)$", re.M)
JSON_TIMES = re.compile(r'"(duration|elapsed)": [\d.]+')


def said(stderr: str) -> str:
    """stderr without the note a slow first build prints (after 2 s, on a cold cache): whether it
    comes depends on the machine's speed and the cache, not on the way the command line took."""
    return "".join(line for line in stderr.splitlines(keepends=True) if SLOW_BUILD_NOTE not in line)


@pytest.fixture(autouse=True)
def _fixture_katas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_KATAS", str(KATAS))


def run(way: list[str], *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*way, *args], cwd=REPO, capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )


def both(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], ...]:
    return run(LEAN, *args, env=env), run(TYPER, *args, env=env)


def assert_same(lean: subprocess.CompletedProcess[str], typer: subprocess.CompletedProcess[str]) -> None:
    assert lean.returncode == typer.returncode, (lean.stderr, typer.stderr)
    assert SECONDS.sub("· N s", lean.stdout) == SECONDS.sub("· N s", typer.stdout)
    assert said(lean.stderr) == said(typer.stderr)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace holding the fixture kata `stats` with a failing solution."""
    shutil.copytree(submission("stats", "failing"), tmp_path / "stats")
    return tmp_path


@pytest.mark.go
def test_a_passing_kata_as_json() -> None:
    lean, typer = both("kata", "test", "stats", "--code", str(submission("stats", "passing")), "--json")
    assert lean.returncode == typer.returncode == 0, lean.stderr
    assert json.loads(lean.stdout)["status"] == "pass"
    assert JSON_TIMES.sub("", lean.stdout) == JSON_TIMES.sub("", typer.stdout)
    assert said(lean.stderr) == said(typer.stderr) == ""


@pytest.mark.go
def test_a_reader_that_stops_early_ends_the_run_quietly() -> None:
    """`gokata kata test ... --json | head -c 0`: exit 1 and nothing on stderr, as Typer ends it."""
    args = ("kata", "test", "stats", "--code", str(submission("stats", "passing")), "--json")
    for way in (LEAN, TYPER):
        proc = subprocess.Popen([*way, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        assert (proc.wait(timeout=120), said(proc.stderr.read().decode())) == (1, "")
        proc.stderr.close()


@pytest.mark.go
@pytest.mark.parametrize("lang", [(), ("--lang", "zh"), ("--lang=zh",)])
def test_a_failing_kata_on_the_terminal(workspace: Path, lang: tuple[str, ...]) -> None:
    lean, typer = both("kata", "test", "stats", "--workspace", str(workspace), *lang)
    assert lean.returncode == 1
    assert ("3/5" in lean.stdout) and (("失败" in lean.stdout) == bool(lang))
    assert_same(lean, typer)


@pytest.mark.go
def test_the_configured_language_is_the_default(workspace: Path) -> None:
    env = dict(os.environ, GOKATA_LANG="zh")
    lean, typer = both("kata", "test", "--visible-only", "stats", "--workspace", f"{workspace}/", env=env)
    assert lean.returncode == 1 and "失败" in lean.stdout
    assert_same(lean, typer)


@pytest.mark.parametrize(
    "args",
    [
        ("kata", "test", "no-such-kata"),
        ("kata", "test", "no-such-kata", "--json"),
        ("kata", "test", "stats", "--workspace", "/no/such/workspace"),
        ("kata", "test", "stats", "--workspace", "/tmp", "--code", "/tmp"),
        ("kata", "test", "stats", "--lang", "fr"),
        ("kata", "test", "stats", "--junit"),
        ("kata", "test", "stats", "extra"),
        ("kata", "test", "--help"),
        ("kata", "test"),
    ],
)
def test_errors_and_usage_are_the_same(args: tuple[str, ...]) -> None:
    lean, typer = both(*args)
    assert lean.returncode == typer.returncode
    assert lean.returncode != 0 or args[-1] == "--help"
    assert lean.stdout == typer.stdout
    assert lean.stderr == typer.stderr


def test_a_broken_config_file_stops_both_ways(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    env = dict(os.environ, GOKATA_CONFIG=str(config))
    lean, typer = both("kata", "test", "stats", "--lang", "en", env=env)
    assert lean.returncode == 2 and "lang must be en or zh" in lean.stderr
    assert_same(lean, typer)


def test_a_plain_command_line_never_loads_typer() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click'))))\n"
        "sys.argv = ['gokata', 'kata', 'test', 'no-such-kata', '--json']\n"
        "from runner.cli.main import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == "[]\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["kata", "test", "s"], {"slug": "s"}),
        (["kata", "test", "--json", "s", "--visible-only"], {"slug": "s", "json_out": True, "visible_only": True}),
        (
            ["kata", "test", "s", "--workspace", "w", "--lang", "zh"],
            {"slug": "s", "workspace": Path("w"), "lang": "zh"},
        ),
        (["kata", "test", "s", "--code=c", "--lang=en"], {"slug": "s", "code": Path("c"), "lang": "en"}),
        (["kata", "test", "s", "--code", "./c/"], {"slug": "s", "code": Path("c")}),  # as pydantic reads it
    ],
)
def test_plain_command_lines(args: list[str], expected: dict[str, object]) -> None:
    defaults = {"workspace": None, "code": None, "visible_only": False, "json_out": False, "lang": None}
    assert plain_options(args) == {**defaults, **expected}


@pytest.mark.parametrize(
    "args",
    [
        ["kata", "test"],  # no slug
        ["kata", "test", "s", "t"],  # two
        ["kata", "list"],
        ["--katas", "k", "kata", "test", "s"],  # a root option
        ["kata", "test", "s", "--help"],
        ["kata", "test", "s", "--junit", "r.xml"],
        ["kata", "test", "s", "--json", "--json"],  # twice
        ["kata", "test", "s", "--lang", "fr"],
        ["kata", "test", "s", "--lang", "ZH"],
        ["kata", "test", "s", "--lang"],  # no value
        ["kata", "test", "s", "--workspace", "--json"],  # Click would take "--json" as the folder
        ["kata", "test", "s", "--code="],
        ["kata", "test", "s", "--json=1"],
        ["kata", "test", "s", "--"],
        ["kata", "test", "s", "-j"],
    ],
)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert plain_options(args) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_GOKATA_COMPLETE", "complete_bash")
    assert plain_options(["kata", "test", "s"]) is None
