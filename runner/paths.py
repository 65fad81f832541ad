"""Where the bundled content lives, in a source checkout and after `pip install .`."""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries content under runner/_data (see pyproject force-include);
    # a source checkout or editable install has it beside the package.
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name


def questions_dir() -> Path:
    override = os.environ.get("GOKATA_QUESTIONS")
    return Path(override) if override else _bundled("questions")


def katas_dir() -> Path:
    override = os.environ.get("GOKATA_KATAS")
    return Path(override) if override else _bundled("katas")


def cache_dir(name: str) -> Path:
    """gokata's cache folder `name`: under GOKATA_HOME when set (tests, isolated setups), else the
    platform's user cache directory."""
    home = os.environ.get("GOKATA_HOME")
    if home:
        return Path(home) / "cache" / name
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("gokata")) / name


# The file an exam folder holds its saved session in: how the kata commands know they are in an exam.
EXAM_STATE_FILE = "exam-state.json"
