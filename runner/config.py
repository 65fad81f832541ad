"""The learner's settings: a small TOML file in the platform's config folder.

    lang = "zh"                       # en | zh: the default of every --lang
    workspace = "~/code/katas"        # where `kata start` puts katas (the default of --workspace)
    new_per_day = 15                  # review: at most this many never-seen questions a day
    editor = "code --wait"            # what `gokata config edit` and `gokata kata edit` open
    grader = "meaning"                # words (default) | meaning: the optional meaning reader

Precedence, highest first: a command's flag, the environment (GOKATA_LANG, GOKATA_WORKSPACE,
GOKATA_NEW_PER_DAY, GOKATA_EDITOR, GOKATA_GRADER), the file, then the default (for the editor: $VISUAL, then
$EDITOR, then vi). The file is GOKATA_CONFIG when set, else config.toml under GOKATA_HOME when
that is set (tests, isolated setups), else config.toml in platformdirs' user config folder.

Every setting sits on one line (`key = value`), so each line is parsed on its own and a mistake
is reported as `file:line: what is wrong`, never as a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from runner.errors import BadInput
from runner.files import NotReadable, atomic_write, locked, read_regular_file, undecodable_at

Source = Literal["default", "file", "env", "flag"]
Value = str | int


class ConfigError(BadInput):
    """The config file cannot be read or a value is invalid (exit 2)."""


def _lang(raw: object) -> Value:
    if raw not in ("en", "zh"):
        raise ValueError(f"must be en or zh, not {raw!r}")
    return str(raw)


# PATH_MAX on Linux; a 100,000-character workspace broke every kata command
MAX_TEXT_VALUE = 4096


def _control_character(text: str) -> str | None:
    """The first control character in a text value, as U+XXXX: a newline in `config set` wrote
    a second line gokata then refused, and a NUL in a path stopped `kata start` with a traceback."""
    bad = next((c for c in text if ord(c) < 32 or 0x7F <= ord(c) < 0xA0), None)
    return None if bad is None else f"U+{ord(bad):04X}"


def _workspace(raw: object) -> Value:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError('must be a folder path in quotes, e.g. "~/gokata-workspace"')
    if bad := _control_character(raw):
        raise ValueError(f"must be a folder path without control characters (found {bad})")
    if len(raw) > MAX_TEXT_VALUE:
        raise ValueError(f"must be a folder path of at most {MAX_TEXT_VALUE} characters")
    return raw


def _count(raw: object) -> Value:
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0 or raw > 10_000:
        raise ValueError(f"must be a whole number from 0 to 10000, not {raw!r}")
    return raw


def _grader(raw: object) -> Value:
    if raw not in ("words", "meaning"):
        raise ValueError(f"must be words or meaning, not {raw!r}")
    return str(raw)


def _editor(raw: object) -> Value:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError('must be a command in quotes, e.g. "vim" or "code --wait"')
    if bad := _control_character(raw):
        raise ValueError(f"must be a command line without control characters (found {bad})")
    if len(raw) > MAX_TEXT_VALUE:
        raise ValueError(f"must be a command line of at most {MAX_TEXT_VALUE} characters")
    return raw


@dataclass(frozen=True)
class Key:
    name: str
    env: str
    default: Value
    check: Callable[[object], Value]
    help: str


KEYS: Final[dict[str, Key]] = {
    k.name: k
    for k in (
        Key("lang", "GOKATA_LANG", "en", _lang, "language of every screen: en or zh"),
        Key(
            "workspace",
            "GOKATA_WORKSPACE",
            "~/gokata-workspace",
            _workspace,
            "where `gokata kata start` puts each kata (SLUG/ under it)",
        ),
        Key(
            "new_per_day",
            "GOKATA_NEW_PER_DAY",
            10,
            _count,
            "review: at most this many questions never seen before, per day",
        ),
        Key("editor", "GOKATA_EDITOR", "vi", _editor, "the editor `config edit` and `kata edit` open"),
        Key(
            "grader",
            "GOKATA_GRADER",
            "words",
            _grader,
            "how open answers are read: words, or meaning (adds the optional meaning extra)",
        ),
    )
}


@dataclass(frozen=True)
class Setting:
    key: str
    value: Value
    source: Source


@dataclass(frozen=True)
class Settings:
    path: Path
    values: dict[str, Setting]
    problems: tuple[str, ...] = ()  # the file's bad lines, when read to be shown (`gokata config`)

    def __getitem__(self, key: str) -> Value:
        return self.values[key].value

    def explicit(self, key: str) -> Value | None:
        """The value when something set it (env, file or flag); None when it is only the default."""
        setting = self.values[key]
        return None if setting.source == "default" else setting.value

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "settings": {k: {"value": s.value, "source": s.source} for k, s in self.values.items()},
            "problems": list(self.problems),
        }


def configured_workspace() -> Path | None:
    """The workspace setting from the environment or the file; None when neither sets it."""
    value = load_settings().explicit("workspace")
    return Path(str(value)).expanduser() if value is not None else None


def config_path() -> Path:
    explicit = os.environ.get("GOKATA_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("GOKATA_HOME")
    if home:
        return Path(home) / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("gokata")) / "config.toml"


def parse(text: str, where: str) -> dict[str, tuple[Value, int]]:
    """key -> (value, line) of a config file's text; ConfigError listing every bad line."""
    found, problems = parse_lines(text, where)
    if problems:
        raise ConfigError(
            "\n".join(problems), hint="Fix it with `gokata config edit` or `gokata config set KEY VALUE`."
        )
    return found


def parse_lines(text: str, where: str) -> tuple[dict[str, tuple[Value, int]], list[str]]:
    """key -> (value, line) of the good lines, and a problem per bad line."""
    import tomllib  # here: most runs have no config file, and every command starts here

    found: dict[str, tuple[Value, int]] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            pair = tomllib.loads(line)
        except tomllib.TOMLDecodeError:
            problems.append(
                f'{where}:{number}: not a setting: write one `key = value` per line, text in quotes (lang = "zh")'
            )
            continue
        except (ValueError, RecursionError) as exc:  # tomllib's own limits on odd input
            problems.append(f"{where}:{number}: not a setting ({type(exc).__name__})")
            continue
        if len(pair) != 1:
            problems.append(f"{where}:{number}: not a setting: write one `key = value` per line")
            continue
        ((name, raw),) = pair.items()
        key = KEYS.get(name)
        if key is None:
            problems.append(f"{where}:{number}: unknown key {name!r}; the keys are {', '.join(KEYS)}")
            continue
        if name in found:
            problems.append(f"{where}:{number}: {name} is set twice (first on line {found[name][1]})")
            continue
        try:
            found[name] = (key.check(raw), number)
        except ValueError as exc:
            problems.append(f"{where}:{number}: {name} {exc}")
    return found, problems


MAX_CONFIG_BYTES = 1024 * 1024  # five short lines; a FIFO or /dev/zero in its place is never read


def _read_file(path: Path) -> str | None:
    try:
        raw = bytes(read_regular_file(path, MAX_CONFIG_BYTES))
    except FileNotFoundError:
        return None
    except NotReadable as exc:
        raise ConfigError(
            f"{path}: {'larger than 1 MiB' if exc.what == 'too large' else exc.what}; not a gokata config file",
            hint="Move it away; `gokata config set` writes a new one.",
        ) from None
    except NotADirectoryError:
        raise ConfigError(
            f"{path}: cannot read the config file: {path.parent} is not a folder",
            hint="GOKATA_HOME must name a folder (GOKATA_CONFIG names the file itself)."
            if os.environ.get("GOKATA_HOME")
            else None,
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror}") from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # a BOM some Windows editors write
    except UnicodeDecodeError as exc:
        line, col = undecodable_at(exc)
        raise ConfigError(
            f"{path}:{line}:{col}: not UTF-8 text", hint="Fix it with `gokata config edit`, or remove the file."
        ) from None


def load_settings(
    flags: Mapping[str, object | None] | None = None, *, path: Path | None = None, to_show: bool = False
) -> Settings:
    """Every key with its value and where it came from. `flags`: values given on the command line.
    `to_show`: a file with bad lines still gives its good ones, and the problems ride along, so
    `gokata config` can show a broken file instead of stopping like every other command."""
    path = path or config_path()
    text = _read_file(path)
    problems: list[str] = []
    in_file: dict[str, tuple[Value, int]]
    if text is None:
        in_file = {}
    elif to_show:
        in_file, problems = parse_lines(text, str(path))
    else:
        in_file = parse(text, str(path))
    values: dict[str, Setting] = {}
    for name, key in KEYS.items():
        flag = (flags or {}).get(name)
        env = os.environ.get(key.env, "").strip()
        if flag is not None:
            values[name] = Setting(name, _checked(key, flag, "flag"), "flag")
        elif env:
            values[name] = Setting(name, _checked(key, env, key.env), "env")
        elif name in in_file:
            values[name] = Setting(name, in_file[name][0], "file")
        elif name == "editor" and (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
            values[name] = Setting(name, os.environ.get("VISUAL") or os.environ.get("EDITOR") or "", "env")
        else:
            values[name] = Setting(name, key.default, "default")
    return Settings(path, values, tuple(problems))


def _line_naming(lines: list[str], name: str) -> int | None:
    """The index of the first line that sets `name`, read or not (`lang = zh`)."""
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
    return next((i for i, line in enumerate(lines) if pattern.match(line)), None)


def _checked(key: Key, raw: object, origin: str) -> Value:
    try:
        return key.check(raw)
    except ValueError as exc:
        raise ConfigError(f"{origin}: {key.name} {exc}") from None


def set_value(name: str, raw: str, *, path: Path | None = None) -> Setting:
    """Validate `raw` for `name` and write it to the file atomically, keeping the other lines."""
    key = KEYS.get(name)
    if key is None:
        raise ConfigError(f"unknown key {name!r}; the keys are {', '.join(KEYS)}")
    value = _checked(key, raw, "value")
    path = path or config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Two `config set` at once each read the file and wrote it back with their own line:
        # one change was lost. Read and write under the lock.
        with locked(path):
            _rewrite(path, name, value)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the config file: {exc.strerror}") from None
    return Setting(name, value, "file")


def _rewrite(path: Path, name: str, value: Value) -> None:
    text = _read_file(path) or ""
    # Read leniently: `config set` is how a broken line is fixed. The key's own line is replaced
    # even when it is the broken one (`lang = zh` without quotes); other lines are kept as they are.
    existing, _ = parse_lines(text, str(path))
    new_line = f"{name} = {_toml(value)}"
    lines = text.splitlines()
    at = existing[name][1] - 1 if name in existing else _line_naming(lines, name)
    if at is not None:
        lines[at] = new_line
    else:
        lines.append(new_line)
    atomic_write(path, "\n".join(lines) + "\n")


def _toml(value: Value) -> str:
    if isinstance(value, int):
        return str(value)
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


TEMPLATE = """# gokata settings: one `key = value` per line; remove a line to go back to the default.
# lang = "zh"
# workspace = "~/gokata-workspace"
# new_per_day = 10
# editor = "vim"
# grader = "meaning"
"""


def ensure_file(path: Path | None = None) -> Path:
    """The config file, created with commented-out examples when missing (for `config edit`)."""
    path = path or config_path()
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, TEMPLATE)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot create the config file: {exc.strerror}") from None
    return path


def editor_command(settings: Settings, *files: Path) -> list[str]:
    """The argv that opens `files` in the configured editor (the editor value may carry flags)."""
    import shlex

    try:
        words = shlex.split(str(settings["editor"]))
    except ValueError as exc:
        raise ConfigError(f"editor {settings['editor']!r} is not a command line: {exc}") from None
    if not words:
        raise ConfigError("the editor setting is empty")
    return [*words, *(str(f) for f in files)]


def open_in_editor(settings: Settings, *files: Path) -> int:
    """Run the editor on `files` and wait for it; its exit status."""
    import shutil
    import subprocess

    argv = editor_command(settings, *files)
    if shutil.which(argv[0]) is None:
        raise ConfigError(
            f"editor {argv[0]!r} not found on PATH", hint="Set one with `gokata config set editor nano` (or $EDITOR)."
        )
    return subprocess.call(argv)


def command_defaults(
    settings: Settings,
    command: object,
    path: tuple[str, ...] = (),
    new_left: Callable[[int], int] = lambda per_day: per_day,
) -> dict[str, object]:
    """A Click default_map for the command tree: --lang and review's --new take their default from
    the settings when something (env or file) set them (the workspace is read where it is resolved,
    runner.kata.workspace.workspace_root, so `--code` never meets a default --workspace).
    The exam's --lang is the exam's own.
    `new_left(per_day)`: what is left of today's budget of new questions (review's --new)."""
    table: dict[str, object] = {}
    for param in getattr(command, "params", ()):
        name = getattr(param, "name", None)
        if name == "lang" and path[:1] != ("exam",) and settings.explicit("lang") is not None:
            table["lang"] = settings["lang"]
        elif name == "new" and path == ("review",) and settings.explicit("new_per_day") is not None:
            table["new"] = new_left(int(settings["new_per_day"]))
    for sub_name, sub in (getattr(command, "commands", None) or {}).items():
        sub_table = command_defaults(settings, sub, (*path, sub_name), new_left)
        if sub_table:
            table[sub_name] = sub_table
    return table


@dataclass(frozen=True)
class Edited:
    path: Path
    editor_status: int
    problems: str  # the file's problems after the edit ("" when it reads well)


def edit_config(path: Path | None = None) -> Edited:
    """Open the config file (created when missing) in the editor; then check what was saved."""
    path = ensure_file(path)
    status = open_in_editor(load_settings(path=_unchecked_path(path)), path)
    try:
        load_settings(path=path)
    except ConfigError as exc:
        return Edited(path, status, exc.message)
    return Edited(path, status, "")


def _unchecked_path(path: Path) -> Path:
    # The editor is chosen without reading the file being fixed: env, then $VISUAL/$EDITOR, then vi,
    # unless the file itself reads well and names one.
    try:
        parse(_read_file(path) or "", str(path))
    except ConfigError:
        return path.with_name(path.name + ".absent")
    return path
