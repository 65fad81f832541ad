"""Writing a report (or any text gokata produces) to a file the user named, or to stdout."""

from __future__ import annotations

import sys
from pathlib import Path

from runner.errors import BadInput


def write_text(path: Path, text: str, *, what: str = "") -> None:
    """Write `text` as UTF-8 (newlines as given); an unwritable path is bad input, not a traceback."""
    try:
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as exc:
        label = f"cannot write {what}" if what else "cannot write"
        raise BadInput(f"{path}: {label}: {exc.strerror}") from None


def emit_text(text: str, out: Path | None = None, *, what: str = "") -> None:
    """`text` to the file `out`, or to stdout (as is: no wrapping, no colour) when `out` is None.

    The one way gokata's machine-readable output reaches stdout (runner.reports.jsonout uses it).
    """
    if out is not None:
        write_text(out, text, what=what)
        return
    sys.stdout.write(text)
    sys.stdout.flush()
