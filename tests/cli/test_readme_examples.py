"""The README's examples name questions and katas that exist: a new user copies them first."""

from __future__ import annotations

import re

from runner.content.catalog import load_catalog
from runner.kata.catalog import load_kata
from tests.conftest import REPO

_COMMAND = re.compile(r"gokata (show|answer|interview --question) ([a-z0-9-]+\.[a-z0-9-]+)")
_KATA = re.compile(r"gokata kata (?:start|test|hint|reset|watch|solution|edit) ([a-z0-9-]+)")


def test_every_question_a_readme_command_names_exists() -> None:
    ids = {q.id for q in load_catalog().questions}
    named = {m.group(2) for m in _COMMAND.finditer((REPO / "README.md").read_text(encoding="utf-8"))}
    assert named, "the README shows no `gokata show` or `gokata answer` example"
    assert sorted(named - ids) == []


def test_every_kata_a_readme_command_names_exists() -> None:
    named = {m.group(1) for m in _KATA.finditer((REPO / "README.md").read_text(encoding="utf-8"))}
    assert named, "the README shows no `gokata kata start SLUG` example"
    for slug in sorted(named):
        load_kata(slug)
