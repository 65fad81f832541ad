"""`gokata kata test`: the command's work, and a lean way in for its plain command lines.

A learner runs `kata test` after every edit, and most of its time is Go's. Of the rest, the Typer
app is a large part: importing Typer and its Click and building the command and its options cost
some 25 ms of every run. `run_plain` recognises the common command lines

    gokata kata test SLUG [--workspace DIR] [--code DIR] [--visible-only] [--json] [--lang en|zh]

and runs them without the Typer app, through what the Typer command runs too: the settings read
by the root callback (their `lang` is the default of --lang), `run_test`, and the boundary
(runner.cli.boundary): a GokataError is one message and its exit code, Ctrl-C is exit 130.

Anything else is not recognised and goes to the Typer app (runner.cli.app): --help, --junit, an
option given twice, an unknown option, a value Typer would reject or reword (a path it cannot
read, a --lang other than en or zh), a missing slug, shell completion. So every usage message and
help text stays Typer's own; tests/cli/test_fast_kata.py runs both ways and compares them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.cli.boundary import run_command
from runner.errors import ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.cli import present
    from runner.kata import flow
    from runner.reports import files, formats
    from runner.ui import kata as ui
else:
    present = lazy_module("runner.cli.present")
    flow = lazy_module("runner.kata.flow")
    files = lazy_module("runner.reports.files")
    formats = lazy_module("runner.reports.formats")
    ui = lazy_module("runner.ui.kata")

FLAGS = {"--visible-only": "visible_only", "--json": "json_out"}
VALUED = {"--workspace": "workspace", "--code": "code", "--lang": "lang"}
DEFAULTS: dict[str, Any] = {"workspace": None, "code": None, "visible_only": False, "json_out": False, "lang": None}
LANGS = ("en", "zh")
COMPLETE_VAR = "_GOKATA_COMPLETE"  # set when a shell asks Typer for completions


def run_test(
    slug: str,
    workspace: Path | None,
    code: Path | None,
    *,
    visible_only: bool,
    json_out: bool,
    junit: Path | None,
    lang: str,
) -> ExitStatus:
    """The `kata test` command: grade, write the JUnit report if asked, then print the JSON
    result or draw the result; the status says how the run ended."""
    outcome = flow.test_kata(slug, workspace, code, visible_only=visible_only, progress=_progress)
    if junit is not None:
        xml = formats.render(formats.Subject.KATA_RESULT, formats.Format.JUNIT, outcome.value.result)
        files.write_text(junit, xml, what="the JUnit report")
    return present.present(
        "kata test",
        outcome,
        json_out=json_out,
        data=flow.TestRun.to_json,
        draw=lambda v: ui.render_result(v.result, kata=v.kata, code=str(v.code), lang=lang),
    )


def _progress(message: str) -> None:
    """A note while a slow first build runs: the renderer (and Rich) load only if one is shown,
    so `kata test --json` on a warm cache never imports them."""
    ui.render_progress(message)


def run_plain(args: Sequence[str]) -> bool:
    """Run `args` (the command line after the program's name) if it is a plain `kata test`, inside
    the boundary (which ends the process unless the run passed); False, having done nothing, if
    it is any other command line, for the Typer app to run."""
    options = plain_options(args)
    if options is None:
        return False
    given_lang = options.pop("lang")

    def command() -> ExitStatus:
        lang = _configured_lang()  # read even when --lang is given, as the root callback does
        return run_test(**options, junit=None, lang=given_lang or lang)

    run_command(command)
    return True


def plain_options(args: Sequence[str]) -> dict[str, Any] | None:
    """`run_test`'s arguments but junit (lang None when not given) for a plain `kata test`
    command line; None for any other."""
    if list(args[:2]) != ["kata", "test"] or os.environ.get(COMPLETE_VAR):
        return None
    given: dict[str, Any] = {}
    words = iter(args[2:])
    for word in words:
        name, equals, value = word.partition("=")
        parsed: object
        if not word.startswith("-"):
            key, parsed = "slug", word
        elif word in FLAGS:
            key, parsed = FLAGS[word], True
        elif name in VALUED:
            key = VALUED[name]
            if not equals:
                value = next(words, "-")  # "-": the value is missing, which Typer reports
                if value.startswith("-"):
                    return None
            parsed = _lang(value) if key == "lang" else _path(value)
        else:
            return None
        if key in given or parsed is None:
            return None  # an option twice, a second argument, a value Typer would refuse
        given[key] = parsed
    return {**DEFAULTS, **given} if "slug" in given else None


def _lang(value: str) -> str | None:
    return value if value in LANGS else None


def _path(value: str) -> Path | None:
    """The Path Typer makes of `value` ("./ws/" is Path("ws"), as pydantic reads it), when Typer
    takes it without a word: Typer refuses a path that is there and cannot be read."""
    if not value:
        return None  # Typer reads "" as the current folder; left to it
    path = Path(value)
    try:
        os.stat(path)
    except OSError:
        return path  # not there (yet): taken as it is, as Typer does
    return path if os.access(path, os.R_OK) else None


def _configured_lang() -> str:
    """The default of --lang, as the root callback sets it (runner.cli.defaults): the setting when
    something set it, else English. Read on every run, as there: a broken config file is an error."""
    from runner.config import load_settings

    return str(load_settings().explicit("lang") or "en")
