"""A per-file cache of validated banks, so a quiz starts without re-parsing megabytes of YAML.

PyYAML builds Python objects in Python even with the C parser (about 1 MB/s), and the
full banks are well over a megabyte. A bank is cached after it validates (a kata.yaml too, in
a folder of its own), keyed by the file's absolute path, size, modification time and the
gokata version and the content models' source (the schema lives in the code); any change misses. Only valid banks
are cached, and the linter never reads the cache, so problems are always reported from the
file itself. A whole catalog is cached as well, under all its files together (`load_many`): a
command that reads every bank opens one file, not one per bank.

A value is stored under the identity its files had *before* they were read (`stamp`), not after:
a file saved while gokata reads it would otherwise leave the old content cached under the new
size and time, and every later run would serve it until the next edit.
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import threading
import zlib
from _thread import get_ident
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from runner import __version__
from runner.paths import cache_dir


def _name(text: str) -> str:
    """A file name for `text` (64 bits of two checksums: zlib is loaded already, hashlib would cost
    milliseconds of OpenSSL set-up). A collision costs a miss, never wrong content: the stored
    identity is the whole text, compared on load."""
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _ident(path: Path) -> tuple[str, str]:
    """(where, identity): the file's absolute path, and that path with its size and modification time."""
    st = path.stat()
    where = str(path.resolve())
    return where, f"{where}|{st.st_size}|{st.st_mtime_ns}"


@cache
def _schema() -> str:
    """The version and the content models' source (size and modification time): a checkout that
    changes a model without a new version must not load objects pickled from the old class (a
    missing field only fails later, at the first attribute read)."""
    models = Path(__file__).with_name("models.py")
    try:
        st = models.stat()
    except OSError:
        return __version__
    return f"{__version__}|{st.st_size}|{st.st_mtime_ns}"


def _key(path: Path) -> tuple[str, str]:
    where, ident = _ident(path)
    return _name(where), f"{ident}|{_schema()}"


def _key_many(paths: Sequence[Path]) -> tuple[str, str]:
    idents = [_ident(p) for p in paths]
    return _name("\n".join(where for where, _ in idents)), "\n".join([*(i for _, i in idents), _schema()])


@contextmanager
def no_collection() -> Iterator[None]:
    """Unpickling makes tens of thousands of objects and frees none: the cyclic collector would
    walk them again and again (a fifth of the load) and find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Values to write when the process ends (store_keyed_later), by (folder, file name).
_PENDING: dict[tuple[Path, str], tuple[str, Any]] = {}
_PENDING_LOCK = threading.Lock()


def _folder(kind: str) -> Path:
    """GOKATA_CONTENT_CACHE, when set, holds the content caches instead of GOKATA_HOME's cache
    folder: the test suite shares one across its tests, which each get a fresh home."""
    shared = os.environ.get("GOKATA_CONTENT_CACHE")
    return Path(shared) / kind if shared else cache_dir(kind)


def enabled() -> bool:
    return os.environ.get("GOKATA_NO_CACHE", "") in ("", "0")


Stamp = tuple[str, str]  # (cache file name, identity) of one file or of several together
_NOW: Stamp = ("", "")  # no stamp given: take it now


def stamp(path: Path) -> Stamp | None:
    """The identity of `path` as it is now: take it before reading the file and give it to both
    load() and store(). None when the file cannot be read: a miss, and nothing is stored."""
    try:
        return _key(path)
    except Exception:  # an unreadable file is a miss; reading it says why
        return None


def stamp_many(paths: Sequence[Path]) -> Stamp | None:
    try:
        return _key_many(paths) if paths else None
    except Exception:
        return None


def load(path: Path, kind: str = "banks", *, stamped: Stamp | None = _NOW) -> Any | None:
    """What was stored for this file as it is now (same size, modification time, gokata), or None."""
    return _load(stamp(path) if stamped == _NOW else stamped, kind)


def store(path: Path, value: Any, kind: str = "banks", *, stamped: Stamp | None = _NOW) -> None:
    """Remember `value` (validated content) for this file; `kind` names the cache folder.
    `stamped`: the file's stamp() from before it was read. A save within one tick of the file
    system's clock that keeps the size is not seen: the limit every size-and-time cache has."""
    _store(stamp(path) if stamped == _NOW else stamped, value, kind)


def load_many(paths: Sequence[Path], kind: str, *, stamped: Stamp | None = _NOW) -> Any | None:
    """What was stored for these files together, all of them as they are now, or None."""
    return _load(stamp_many(paths) if stamped == _NOW else stamped, kind)


def store_many(paths: Sequence[Path], value: Any, kind: str, *, stamped: Stamp | None = _NOW) -> None:
    """Remember `value` for these files together (one read instead of one per file); `stamped`:
    their stamp_many() from before they were read."""
    _store(stamp_many(paths) if stamped == _NOW else stamped, value, kind)


def _load(key: Stamp | None, kind: str) -> Any | None:
    if key is None or not enabled():
        return None
    return _read(_folder(kind) / f"{key[0]}.pickle", key[1])


def _store(key: Stamp | None, value: Any, kind: str) -> None:
    if key is not None and enabled():
        _write(_folder(kind), key[0], key[1], value)


def load_keyed(slot: str, ident: str, kind: str) -> Any | None:
    """What was stored in `slot` under exactly this identity (the whole text, not a hash), or None.

    For values derived from content and code rather than from one file: the caller builds an
    identity that names everything the value depends on; `slot` picks the file, so a changed
    input overwrites its old value instead of piling up beside it."""
    if not enabled():
        return None
    folder, name = _folder(kind), _name(slot)
    pending = _PENDING.get((folder, name))
    if pending is not None and pending[0] == ident:
        return pending[1]
    return _read(folder / f"{name}.pickle", ident)


def store_keyed(slot: str, ident: str, value: Any, kind: str) -> None:
    """Remember `value` in `slot` under `ident` (see load_keyed), now: it replaces a value kept
    for later in the same place."""
    if enabled():
        folder, name = _folder(kind), _name(slot)
        with _PENDING_LOCK:
            _PENDING.pop((folder, name), None)
        _write(folder, name, ident, value)


def store_keyed_later(slot: str, ident: str, value: Any, kind: str) -> None:
    """store_keyed, written when the process ends (or at flush_pending()) rather than now: pickling
    a compiled grader and writing it is a sixth of a question's first grade, and a learner waits
    for the grade, not for the cache. The folder is the one in force now. Until then load_keyed
    finds the value in memory; a process that is killed only loses a cache entry."""
    if not enabled():
        return
    with _PENDING_LOCK:
        _PENDING[(_folder(kind), _name(slot))] = (ident, value)


def flush_pending() -> None:
    """Write what store_keyed_later() kept (each where it would have been written at the time)."""
    with _PENDING_LOCK:
        pending = list(_PENDING.items())
        _PENDING.clear()
    for (folder, name), (ident, value) in pending:
        _write(folder, name, ident, value)


atexit.register(flush_pending)  # with nothing kept, a look at an empty dict


def _read(file: Path, ident: str) -> Any | None:
    # The identity is pickled on its own ahead of the value: a stale entry (every entry, after an
    # upgrade) is told from the first few hundred bytes, not after unpickling all of it.
    try:
        with file.open("rb") as fh, no_collection():
            if pickle.load(fh) != ident:
                return None
            value: Any = pickle.load(fh)
    except Exception:  # a missing, stale, unreadable or older-format cache is just a miss
        return None
    return value


def _write(folder: Path, name: str, ident: str, value: Any) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{name}.{os.getpid()}.{get_ident()}.tmp"  # threads of one exam batch write too
        with tmp.open("wb") as fh:
            pickle.dump(ident, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{name}.pickle")
    except OSError:
        return  # a read-only cache folder costs speed, never correctness
