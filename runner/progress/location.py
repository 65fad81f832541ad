"""Where the progress store lives: GOKATA_HOME when set, else the platform's user data directory."""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "progress.db"


def data_dir() -> Path:
    override = os.environ.get("GOKATA_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("gokata", appauthor=False))


def db_path() -> Path:
    return data_dir() / DB_NAME
