"""The topics' shared wrong beliefs, compiled when gokata is built and shipped inside the package.

A topic's shared beliefs (runner/content/beliefs/) are about half of what the very first grade
of a question compiles: 15-30 ms of a budget of 50, paid on a machine where nothing was kept
between runs yet (precompiled.py keeps them after that). Compiling them needs nothing but the
grader's code and the beliefs files, so they are compiled once here and shipped: loading a
topic's costs 1-4 ms.

Each file names what it was compiled from: the contents (not the times: a clone or a wheel
gives every file a new one) of every file precompiled.code_fingerprint lists, and the Python
version that pickled it. A grader or beliefs change makes the shipped files stale; a stale file
is never loaded (the beliefs are compiled as before), and tests/grading/test_shipped.py fails
until they are built again (build_shipped.py):

    python -m runner.answers.build_shipped
"""

from __future__ import annotations

import pickle
import sys
import zlib
from functools import cache
from pathlib import Path

from runner.answers import precompiled
from runner.content import cache as content_cache

FOLDER = Path(__file__).with_name("shipped_data")
SUFFIX = ".bin"
SEP = b"\n"


@cache
def fingerprint() -> bytes:
    """What the shipped files must have been compiled from, as one line."""
    crc, adler = 0, 1
    for f in precompiled.fingerprint_files():
        try:
            data = f.name.encode() + b"\0" + f.read_bytes()
        except OSError:
            continue
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    return f"{sys.version_info[0]}.{sys.version_info[1]}|{crc:08x}{adler:08x}".encode()


def load(topic: str) -> object | None:
    """The topic's shared beliefs as shipped, when compiled from this code and these beliefs
    (framework.py checks the type); None when stale, missing or unreadable."""
    return read(f"{topic}{SUFFIX}")


def read(name: str) -> object | None:
    """What the shipped file `name` holds, when it was built from this code and these beliefs;
    None when stale, missing or unreadable (the caller then builds it itself)."""
    if not content_cache.enabled():
        return None
    try:
        header, _, body = (FOLDER / name).read_bytes().partition(SEP)
        if header != fingerprint():
            return None
        with content_cache.no_collection():
            value: object = pickle.loads(body)
    except Exception:  # a missing, stale or damaged file is a miss
        return None
    return value


def write(folder: Path, name: str, value: object) -> Path:
    """Store `value` as the shipped file `name`, under this code's fingerprint (build_shipped.py)."""
    path = folder / name
    # Not compressed: git and the wheel compress it anyway, and inflating it was 1-2.5 ms of every
    # first grade (the reference index alone, 640 KB, 2.4 ms).
    path.write_bytes(fingerprint() + SEP + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return path
