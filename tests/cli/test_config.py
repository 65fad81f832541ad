"""`gokata config`: a settings file in the platform's config folder, shown, set, edited, and used."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runner.cli.main import app
from runner.config import ConfigError, command_defaults, config_path, load_settings, parse
from runner.errors import EXIT_BAD_INPUT
from tests.cli_helpers import run_cli


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("GOKATA_LANG", "GOKATA_NEW_PER_DAY", "GOKATA_EDITOR", "VISUAL", "EDITOR", "GOKATA_CONFIG"):
        monkeypatch.delenv(var, raising=False)


def test_the_file_lives_under_gokata_home_or_the_platform_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert config_path() == Path(os.environ["GOKATA_HOME"]) / "config.toml"
    monkeypatch.setenv("GOKATA_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("GOKATA_CONFIG")
    monkeypatch.delenv("GOKATA_HOME")
    from platformdirs import user_config_dir

    assert config_path() == Path(user_config_dir("gokata")) / "config.toml"
    assert run_cli("config", "path").stdout.strip() == str(Path(user_config_dir("gokata")) / "config.toml")


def test_show_lists_every_key_with_its_value_and_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOKATA_WORKSPACE")
    result = run_cli("config", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["settings"]["lang"] == {"value": "en", "source": "default"}
    assert {k: v["source"] for k, v in data["settings"].items()} == dict.fromkeys(
        ("lang", "workspace", "new_per_day", "editor", "grader"), "default"
    )
    assert run_cli("config", "set", "lang", "zh").exit_code == 0
    monkeypatch.setenv("GOKATA_NEW_PER_DAY", "3")
    monkeypatch.setenv("EDITOR", "nano")
    settings_now = json.loads(run_cli("config", "--json").stdout)["settings"]
    assert settings_now["lang"] == {"value": "zh", "source": "file"}
    assert settings_now["new_per_day"] == {"value": 3, "source": "env"}
    assert settings_now["editor"] == {"value": "nano", "source": "env"}
    assert load_settings({"lang": "en"}).values["lang"].source == "flag"
    flagged = json.loads(run_cli("config", "--json", "--lang", "en", "--workspace", "/w").stdout)["settings"]
    assert flagged["lang"] == {"value": "en", "source": "flag"}
    assert flagged["workspace"] == {"value": "/w", "source": "flag"}
    assert run_cli("config", "--lang", "fr").exit_code == EXIT_BAD_INPUT
    text = run_cli("config").stdout
    assert "new_per_day" in text and "环境变量" in text  # shown in the configured language


def test_set_validates_and_keeps_other_lines() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# mine\neditor = "vim"\n', encoding="utf-8")
    assert run_cli("config", "set", "new_per_day", "25").exit_code == 0
    assert run_cli("config", "set", "new_per_day", "7").exit_code == 0
    assert path.read_text(encoding="utf-8") == '# mine\neditor = "vim"\nnew_per_day = 7\n'
    for key, value in (("lang", "fr"), ("new_per_day", "many"), ("colour", "red")):
        bad = run_cli("config", "set", key, value)
        assert bad.exit_code == EXIT_BAD_INPUT and "Traceback" not in bad.output
        assert key in bad.stderr
    assert path.read_text(encoding="utf-8") == '# mine\neditor = "vim"\nnew_per_day = 7\n'
    assert not list(path.parent.glob("*.tmp"))


def test_a_malformed_file_gives_file_line_and_exit_2_never_a_traceback() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('lang = "zh"\nnew_per_day = "lots"\nlang zh\n', encoding="utf-8")
    for args in (("kata", "list"), ("config",), ("stats",)):
        result = run_cli(*args)
        assert result.exit_code == EXIT_BAD_INPUT, args
        assert f"{path}:2: new_per_day must be a whole number" in result.stderr
        assert f"{path}:3: not a setting" in result.stderr
        assert "Traceback" not in result.output
    assert run_cli("config", "path").exit_code == 0  # still there to find and fix it
    assert "Traceback" not in run_cli("doctor").output


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=200))
def test_the_parser_takes_any_text_without_a_traceback(text: str) -> None:
    try:
        found = parse(text, "config.toml")
    except ConfigError as exc:
        for line in exc.message.splitlines():
            assert line.startswith("config.toml:")
            assert line.split(":")[1].isdigit()
        return
    assert set(found) <= {"lang", "workspace", "new_per_day", "editor", "grader"}


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                'lang = "zh"',
                'lang = "de"',
                "new_per_day = 4",
                "new_per_day = -1",
                'editor = ""',
                "[table]",
                "x = 1",
                "",
                "# c",
                'workspace = "/w"',
                "= 3",
            ]
        ),
        max_size=8,
    )
)
def test_every_bad_line_is_named(lines: list[str]) -> None:
    try:
        parse("\n".join(lines), "c.toml")
    except ConfigError as exc:
        named = {int(line.split(":")[1]) for line in exc.message.splitlines()}
        assert named, exc.message
        for n in named:
            line = lines[n - 1]
            key = line.split("=")[0]
            repeated = any(earlier.split("=")[0] == key for earlier in lines[: n - 1])
            assert repeated or line not in ('lang = "zh"', "new_per_day = 4", "", "# c", 'workspace = "/w"')


def test_lang_from_the_file_is_the_default_of_every_lang_option(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("config", "set", "lang", "zh").exit_code == 0
    rows = json.loads(run_cli("kata", "list", "--json").stdout)["katas"]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in r["title"]) for r in rows)
    rows_en = json.loads(run_cli("kata", "list", "--json", "--lang", "en").stdout)["katas"]
    assert not any(any("\u4e00" <= ch <= "\u9fff" for ch in r["title"]) for r in rows_en)  # a flag beats the file
    monkeypatch.setenv("GOKATA_LANG", "en")  # the environment beats the file
    rows_env = json.loads(run_cli("kata", "list", "--json").stdout)["katas"]
    assert rows_env == rows_en


def test_the_review_new_limit_and_the_workspace_become_command_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.main

    monkeypatch.delenv("GOKATA_WORKSPACE")
    run_cli("config", "set", "new_per_day", "3")
    run_cli("config", "set", "workspace", "/srv/katas")
    table = command_defaults(load_settings(), typer.main.get_command(app))
    assert table["review"] == {"new": 3, "lang": "en"} or table["review"] == {"new": 3}
    from runner.kata.workspace import workspace_root

    assert "workspace" not in str(table)  # resolved by workspace_root, so --code never meets a --workspace
    assert workspace_root() == Path("/srv/katas")
    monkeypatch.setenv("GOKATA_WORKSPACE", "/from/env")
    assert workspace_root() == Path("/from/env")
    assert workspace_root(Path("/from/flag")) == Path("/from/flag")
    assert "lang" not in str(table.get("exam", ""))


@pytest.mark.go
def test_kata_start_uses_the_configured_workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GOKATA_WORKSPACE")
    assert run_cli("config", "set", "workspace", str(tmp_path / "ws")).exit_code == 0
    slug = json.loads(run_cli("kata", "list", "--json").stdout)["katas"][0]["slug"]
    result = run_cli("kata", "start", slug)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ws" / slug / "go.mod").is_file()


def test_review_takes_its_new_limit_from_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import FIXTURES

    monkeypatch.setenv("GOKATA_QUESTIONS", str(FIXTURES / "banks" / "valid"))
    run_cli("config", "set", "new_per_day", "0")
    result = run_cli("review", input="q\n")
    assert result.exit_code == 0, result.output
    assert "Question" not in result.stdout


def test_edit_opens_the_configured_editor_and_checks_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    script = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
        "import sys; open(sys.argv[1], 'a').write('lang = \"zh\"\\n')"
    )
    monkeypatch.setenv("GOKATA_EDITOR", script)
    result = run_cli("config", "edit")
    assert result.exit_code == 0, result.output
    assert load_settings()["lang"] == "zh"
    broken = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
        "import sys; open(sys.argv[1], 'a').write('lang = klingon\\n')"
    )
    monkeypatch.setenv("GOKATA_EDITOR", broken)
    result = run_cli("config", "edit")  # a broken file can still be edited, and the problem is named
    assert result.exit_code == 0 and ":8: not a setting" in result.stderr


def test_the_new_question_limit_is_per_day() -> None:
    from datetime import datetime, timedelta

    from runner.progress.new_today import new_left_today
    from runner.progress.recorder import QuestionAttempt
    from runner.progress.store import open_store

    now = datetime.now().astimezone()
    assert new_left_today(3, now=now) == 3
    with open_store() as store:
        for qid, at in (("defer.a", now - timedelta(days=3)), ("defer.a", now), ("defer.b", now), ("defer.c", now)):
            store.record_question(QuestionAttempt(qid, "defer", "single", "A", True, 1.0, 1.0, "review", at=at))
    assert new_left_today(3, now=now) == 1  # defer.a was met three days ago: not new today
    assert new_left_today(1, now=now) == 0


def test_a_broken_file_is_still_shown_and_config_set_fixes_the_broken_line() -> None:
    """`lang = zh` (no quotes) stopped `config` and `config set lang en` too (an audit): the file
    is shown with its good lines and the problem, and setting the key replaces its broken line."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("lang = zh\nnew_per_day = 12\n", encoding="utf-8")
    shown = run_cli("config", "--json")
    assert shown.exit_code == EXIT_BAD_INPUT
    data = json.loads(shown.stdout)
    assert data["settings"]["new_per_day"] == {"value": 12, "source": "file"}
    assert data["problems"] == [
        f'{path}:1: not a setting: write one `key = value` per line, text in quotes (lang = "zh")'
    ]
    fixed = run_cli("config", "set", "lang", "en")
    assert fixed.exit_code == 0, fixed.output
    assert path.read_text(encoding="utf-8") == 'lang = "en"\nnew_per_day = 12\n'
    assert run_cli("config").exit_code == 0


@pytest.mark.parametrize(
    ("key", "value"), [("editor", 'vim\nlang = "en"'), ("workspace", "/tmp/a\x01b"), ("workspace", "/tmp/a\x00b")]
)
def test_set_refuses_control_characters_so_it_never_writes_a_file_it_cannot_read(key: str, value: str) -> None:
    result = run_cli("config", "set", key, value)
    assert result.exit_code == EXIT_BAD_INPUT and "control characters" in result.stderr
    assert not config_path().exists()
    assert run_cli("topics").exit_code == 0


def test_a_nul_in_the_file_is_a_file_line_message_not_a_traceback() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('workspace = "/tmp/a\\u0000b"\n', encoding="utf-8")
    result = run_cli("kata", "list")
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"{path}:1: workspace must be a folder path without control characters (found U+0000)" in result.stderr


def test_a_byte_order_mark_is_read_like_the_banks_read_it() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes('\ufefflang = "zh"\n'.encode())
    assert load_settings()["lang"] == "zh"


def test_a_failed_write_leaves_the_file_as_it_was_and_no_temporary_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from runner.config import set_value

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('lang = "zh"\n', encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ConfigError, match="No space left on device"):
        set_value("editor", "nano")
    assert path.read_text(encoding="utf-8") == 'lang = "zh"\n'
    assert sorted(p.name for p in path.parent.iterdir() if "config" in p.name) == [".config.toml.lock", "config.toml"]


def test_config_set_from_many_processes_at_once_loses_no_change(tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "config.toml"
    script = "import sys; from runner.config import set_value; set_value(sys.argv[1], sys.argv[2])"
    env = {**os.environ, "GOKATA_CONFIG": str(path)}
    changes = [("lang", "zh"), ("editor", "nano"), ("new_per_day", "7"), ("workspace", "/w"), ("grader", "words")]
    procs = [subprocess.Popen([sys.executable, "-c", script, k, v], env=env) for k, v in changes * 3]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    written = parse(path.read_text(encoding="utf-8"), str(path))
    assert {k: str(v[0]) for k, v in written.items()} == dict(changes)


def test_a_config_that_is_a_pipe_or_home_that_is_a_file_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)  # read whole, it blocked every command
    monkeypatch.setenv("GOKATA_CONFIG", str(fifo))
    result = run_cli("topics")
    assert result.exit_code == EXIT_BAD_INPUT and "not a regular file" in result.stderr
    monkeypatch.delenv("GOKATA_CONFIG")
    a_file = tmp_path / "home"
    a_file.write_text("x")
    monkeypatch.setenv("GOKATA_HOME", str(a_file))
    result = run_cli("topics")
    assert result.exit_code == EXIT_BAD_INPUT and f"{a_file} is not a folder" in result.stderr
    assert "GOKATA_HOME must name a folder" in result.stderr
