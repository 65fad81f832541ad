"""Compile every topic's shared wrong beliefs (shipped.py) and the bundled questions' reference index
(nearest.py) into the files shipped inside the package.

    python -m runner.answers.build_shipped

Run it after changing a beliefs file or the grader's code, and commit what it writes:
tests/grading/test_shipped.py fails while the shipped files are stale.
"""

from __future__ import annotations

from pathlib import Path

from runner.answers.framework import compile_shared_beliefs
from runner.answers.nearest import INDEX_FILE, build_index
from runner.answers.shipped import FOLDER, SUFFIX, write
from runner.content.beliefs import EVERY_TOPIC, load_beliefs
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion


def build(folder: Path = FOLDER) -> list[Path]:
    """Compile every topic's shared beliefs and the question index and write them to `folder`,
    replacing what was there."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob(f"*{SUFFIX}"), folder / INDEX_FILE]:
        old.unlink(missing_ok=True)
    catalog = load_catalog()
    named = {topic for belief in load_beliefs() for topic in belief.topics if topic != EVERY_TOPIC}
    written = [
        write(folder, f"{topic}{SUFFIX}", compile_shared_beliefs(topic))
        for topic in sorted(named | set(catalog.topics()))
    ]
    index = build_index(q for q in catalog.questions if isinstance(q, OpenQuestion))
    return [*written, write(folder, INDEX_FILE, index)]


if __name__ == "__main__":
    for path in build():
        print(f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
