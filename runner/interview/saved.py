"""Transcripts on disk: <progress folder>/interviews/NNNN.md (for people) and NNNN.json (the grades)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner.errors import BadInput
from runner.files import atomic_write
from runner.progress.location import data_dir
from runner.reports.jsonout import json_text


def folder() -> Path:
    return data_dir() / "interviews"


@dataclass(frozen=True)
class SavedInterview:
    number: int
    markdown: Path
    data: dict[str, Any]


def _numbers(root: Path) -> list[int]:
    if not root.is_dir():
        return []
    return sorted(int(p.stem) for p in root.glob("*.md") if p.stem.isdigit())


def save(markdown: str, data: dict[str, Any]) -> SavedInterview:
    """Write the next numbered transcript; the JSON is written first, the Markdown last (atomically)."""
    root = folder()
    root.mkdir(parents=True, exist_ok=True)
    number = (_numbers(root) or [0])[-1] + 1
    # Two interviews ending at once both took the next number and one transcript replaced the
    # other: the JSON file is created exclusively to claim the number.
    while True:
        md, js = root / f"{number:04d}.md", root / f"{number:04d}.json"
        try:
            os.close(os.open(js, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            number += 1
    atomic_write(js, json_text(data))
    atomic_write(md, markdown)
    return SavedInterview(number, md, data)


def list_saved() -> list[SavedInterview]:
    root = folder()
    out: list[SavedInterview] = []
    for n in _numbers(root):
        try:
            data = json.loads((root / f"{n:04d}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        out.append(SavedInterview(n, root / f"{n:04d}.md", data if isinstance(data, dict) else {}))
    return out


def load(number: int) -> str:
    path = folder() / f"{number:04d}.md"
    if not path.is_file():
        known = _numbers(folder())
        hint = f"saved: {', '.join(map(str, known))}" if known else "no interview saved yet: run `gokata interview`"
        raise BadInput(f"no saved interview number {number}", hint=hint)
    return path.read_text(encoding="utf-8")
