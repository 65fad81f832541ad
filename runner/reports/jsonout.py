"""The one JSON writer, and the envelope every `--json` result carries.

Every JSON file and every `--json` object gokata writes goes through `json_text`: keys sorted
(a stable order a diff or a script can rely on), UTF-8 kept as is (`ensure_ascii=False`), an
indent of 2, one trailing newline. `emit_result` is the only way JSON reaches stdout: like
pipx's `OperationResult`, the object carries `gokata_result_version` and the command's name.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

RESULT_VERSION = 1
"""Raised only when a key is removed or changes meaning; new keys do not raise it."""

INDENT = 2
ENVELOPE = ("gokata_result_version", "command")


def json_text(data: Any) -> str:
    """`data` as JSON text: sorted keys, UTF-8, indent 2, one trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=INDENT, sort_keys=True) + "\n"


def result_object(command: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with the result version and the command's name (e.g. "kata test") added."""
    clash = [key for key in ENVELOPE if key in data]
    if clash:
        raise ValueError(f"{command}: the result already has {', '.join(clash)}")
    return {"gokata_result_version": RESULT_VERSION, "command": command, **data}


def emit_result(command: str, data: Mapping[str, Any]) -> None:
    """Print one `--json` result object on stdout (nothing else goes there with --json)."""
    from runner.reports.files import emit_text

    emit_text(json_text(result_object(command, data)))
