"""The bank linter: every problem in every file, never stopping at the first."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from runner.content import plain_words
from runner.content.beliefs import line_of, located_beliefs
from runner.content.catalog import Catalog, check_banks
from runner.errors import ContentError, Problem


def lint_banks(paths: Iterable[Path] | None = None) -> tuple[Catalog, list[Problem]]:
    catalog, problems = check_banks(paths, strict=True)
    problems += belief_problems()
    return catalog, sorted(problems, key=lambda p: (p.file, p.line, p.column))


def belief_problems() -> list[Problem]:
    """The shared wrong beliefs every bank is graded with: valid files and `$name` references
    that exist, each problem at its belief's line."""
    try:
        located = located_beliefs()
    except ContentError as exc:
        return list(exc.problems)
    return [
        Problem(
            str(path), line_of(path, b.id), 1, f"{b.id}.phrasings", f"{name} names no entry of the plain-words lexicon"
        )
        for path, b in located
        for name in plain_words.unknown_references(b.phrasings)
    ]
