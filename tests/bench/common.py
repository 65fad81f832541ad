"""What every benchmark that starts Python processes shares."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def bytecode_env() -> tuple[dict[str, str], str]:
    """The environment for timed Python child processes, and a note for the printout.

    An installed gokata runs from compiled bytecode. Where this environment forbids writing it
    (PYTHONDONTWRITEBYTECODE, as in some sandboxes and CI images), every process would compile
    every module again and the ratios would measure the compiler; the children then keep their
    bytecode in a folder of their own (PYTHONPYCACHEPREFIX) instead of beside the sources.
    """
    env = dict(os.environ)
    if not (env.get("PYTHONDONTWRITEBYTECODE") or sys.flags.dont_write_bytecode):
        return env, ""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    prefix = env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "gokata-bench-pycache"))
    return env, f"; bytecode cached in {prefix} (PYTHONDONTWRITEBYTECODE was set)"
