"""Writing a report (or any text gokata produces) to a file the user named, or to stdout."""

from __future__ import annotations

import sys
from pathlib import Path

from runner.errors import BadInput


def check_target(path: Path, *, what: str = "") -> None:
    """A path gokata may write a file the user named to: nothing there yet, or a regular file.
    A FIFO without a reader hung the write; a symlink had its target overwritten (`history -o
    l.csv` wrote over what l.csv pointed at), as `progress export` already refused."""
    import stat

    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BadInput(f"{path}: cannot write {what or 'here'}: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise BadInput(
            f"{path}: exists and is {kind}; gokata writes only regular files",
            hint="Name a new file, or leave the option out to write to stdout where the command can.",
        )


def write_text(path: Path, text: str, *, what: str = "") -> None:
    """Write `text` as UTF-8 (newlines as given), atomically; an unwritable path is bad input, not a traceback."""
    from runner.files import atomic_write_bytes

    check_target(path, what=what)
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
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
