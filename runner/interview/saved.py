"""Transcripts on disk: <progress folder>/interviews/NNNN.md (for people) and NNNN.json (the grades)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner.errors import BadInput
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
    md, js = root / f"{number:04d}.md", root / f"{number:04d}.json"
    for path, text in ((js, json_text(data)), (md, markdown)):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
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
