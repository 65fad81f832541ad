"""Writing files so that a crash never leaves half of one behind, and reading untrusted ones in
bounded memory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file and a rename: readers see the old
    file or the new one."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """`atomic_write` for bytes. The temporary file has a name of its own (two processes writing
    the same file at once shared `config.toml.tmp`: one renamed the other's half-written file into
    place), and it is removed when the write fails (a full disk left it behind)."""
    import secrets

    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(
                tmp,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0),
                0o666,
            )
            break
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`'s lock file (`.NAME.lock` beside it) for a read-modify-write
    of `path`: two gokata processes writing one file at once otherwise each write what they read
    before the other's change, and one change is lost. Advisory (fcntl.flock); where there is no
    flock (Windows) it does not lock. The lock file is left in place: removing it would let a
    third process lock a new file while the second still holds the old one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        yield
        return
    fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def undecodable_at(exc: UnicodeDecodeError) -> tuple[int, int]:
    """The line and column (1-based, in bytes) of the first byte that is not UTF-8."""
    raw = bytes(exc.object)
    line = raw.count(b"\n", 0, exc.start) + 1
    return line, exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1


def file_safe(name: str) -> str:
    """A name (a candidate's, a file's stem) as a file or folder name."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")[:80] or "candidate"


class NotReadable(Exception):
    """A path that is not a regular file, or a file over the caller's limit: nothing was read
    past the limit. `what` says which: "a folder", "not a regular file" or "too large"."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def read_regular_file(path: Path, limit: int) -> bytearray:
    """The bytes of a regular file of at most `limit` bytes (FileNotFoundError and OSError as open
    raises them, NotReadable otherwise). A symlink to /dev/zero or a pipe would be read, or block,
    forever: the type is checked before opening (a device is never opened) and again on the open
    descriptor (the path may have changed in between), O_NONBLOCK keeps a pipe from blocking the
    open itself, and a file that grows past `limit` while read is refused all the same. A
    bytearray, not bytes: no second copy of up to `limit` bytes."""
    import stat

    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotReadable("a folder" if stat.S_ISDIR(mode) else "not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable("not a regular file")
        if info.st_size > limit:
            raise NotReadable("too large")
        buf = bytearray()
        while chunk := fh.read(64 * 1024):
            buf += chunk
            if len(buf) > limit:
                raise NotReadable("too large")
        return buf
