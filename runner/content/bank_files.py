"""Which files are question banks: a module of its own so that finding them builds no content model."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from runner.errors import BadInput
from runner.paths import questions_dir


def bank_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """The YAML files under the given files/folders (default: the bundled banks), sorted."""
    roots = list(paths) if paths else [questions_dir()]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(p for p in root.iterdir() if p.suffix in {".yaml", ".yml"}))
        elif root.exists():
            files.append(root)
        else:
            raise BadInput(f"{root}: no such file or folder")
    return files
