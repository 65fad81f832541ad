"""Shared wrong beliefs: the classic Go misconceptions, checked in every open question of a topic.

A question's own `misconceptions` name the wrong beliefs its author foresaw. An answer that turns
a key fact round often states a belief the author did not foresee for that question but that is
well known elsewhere ("sync.Mutex is reentrant", "a Pool hands back zeroed objects", "recover in
main catches a worker's panic"). These beliefs are written once, in `runner/content/beliefs/*.yaml`,
from the facts (not from graded answers), and apply to every open question whose topic is listed:

    beliefs:
      - id: mutex-reentrant
        topics: [mutexes, once, design]      # or ["*"]: every topic
        belief: {en: "sync.Mutex is reentrant", zh: "sync.Mutex 是可重入的"}
        correction: {en: "...", zh: "..."}
        phrasings: ["mutex is reentrant", "lock it again & no problem", "可重入"]
        follow_up: {en: "...", zh: "..."}

Phrasings follow the bank syntax and are matched like a question's own misconceptions: only a
statement the answer makes as its own view counts (not denied, supposed, asked, attributed to
someone else or described as the mistake). A stated shared belief caps the grade (runner/answers/framework.py):
it shows a wrong model of Go, whatever else the answer covers.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from runner.content.models import Frozen, Misconception, Slug
from runner.errors import ContentError, Problem

FOLDER = Path(__file__).with_name("beliefs")
EVERY_TOPIC = "*"
ID_PREFIX = "belief-"  # a shared belief's id in a grade, apart from the question's own ids


class SharedBelief(Misconception):
    topics: tuple[Slug | Literal["*"], ...] = Field(min_length=1)


class BeliefFile(Frozen):
    beliefs: tuple[SharedBelief, ...] = ()


def located_beliefs(folder: Path = FOLDER) -> tuple[tuple[Path, SharedBelief], ...]:
    """Every belief of every file in `folder` with the file it is in, validated; a broken file is a
    ContentError with its location, and an id used twice (in any file) is one too."""
    from runner.content.validate import validate_file  # the cache usually answers: YAML only on a miss
    from runner.content.yaml_source import read_yaml

    out: list[tuple[Path, SharedBelief]] = []
    problems: list[Problem] = []
    first: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        parsed, found = validate_file(read_yaml(path), BeliefFile)
        problems.extend(found)
        for belief in parsed.beliefs if parsed else ():
            if belief.id in first:
                where = first[belief.id]
                problems.append(
                    Problem(
                        str(path), line_of(path, belief.id), 1, "beliefs", f"id {belief.id!r} is also used in {where}"
                    )
                )
            first.setdefault(belief.id, path)
            out.append((path, belief))
    if problems:
        raise ContentError(problems)
    return tuple(out)


def load_beliefs(folder: Path = FOLDER) -> tuple[SharedBelief, ...]:
    """Every belief of every file in `folder`, validated (see located_beliefs)."""
    return tuple(belief for _, belief in located_beliefs(folder))


def line_of(path: Path, belief_id: str) -> int:
    """The line that declares `id: belief_id` in a beliefs file (1 when it cannot be found), so a
    problem found after validation still points at its belief."""
    pattern = re.compile(rf"^\s*(?:-\s*)?id:\s*['\"]?{re.escape(belief_id)}['\"]?\s*$")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


@cache
def _bundled() -> tuple[SharedBelief, ...]:
    """The bundled beliefs, through the content cache (validated files only, keyed by every
    file's path, size and time): parsing and validating them costs a start-up tens of ms."""
    from runner.content import cache as content_cache

    files = sorted(FOLDER.glob("*.yaml"))
    stamped = content_cache.stamp_many(files)
    cached = content_cache.load_many(files, "beliefs", stamped=stamped)
    if isinstance(cached, tuple):
        return cached
    beliefs = load_beliefs()
    content_cache.store_many(files, beliefs, "beliefs", stamped=stamped)
    return beliefs


def beliefs_for(topic: str) -> tuple[Misconception, ...]:
    """The shared beliefs checked in a question of this topic, as misconceptions with prefixed ids."""
    # model_copy, not a new Misconception: validating would build the model's validator, tens of
    # ms at start-up, for values validated when the file was read.
    return tuple(
        b.model_copy(update={"id": f"{ID_PREFIX}{b.id}"})
        for b in _bundled()
        if topic in b.topics or EVERY_TOPIC in b.topics
    )
