"""The bank linter: every problem in every file, never stopping at the first."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from runner.content.catalog import Catalog, check_banks
from runner.errors import Problem


def lint_banks(paths: Iterable[Path] | None = None) -> tuple[Catalog, list[Problem]]:
    catalog, problems = check_banks(paths, strict=True)
    return catalog, sorted(problems, key=lambda p: (p.file, p.line, p.column))
