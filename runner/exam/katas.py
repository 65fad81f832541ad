"""What of a kata goes into a candidate pack: the task, the starter and the visible tests only."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from runner.content.kata_models import KataSpec

PUBLIC_DOCS = ("README.md", "README.zh.md", "go.mod")


@dataclass(frozen=True)
class KataFiles:
    slug: str
    root: Path
    spec: KataSpec

    def visible_tests(self) -> list[str]:
        return sorted(p.name for p in self.root.glob("*_test.go"))


def kata_public_files(kata: KataFiles) -> dict[str, bytes]:
    """Never .meta (hidden tests, solution, mutants) and never hints."""
    files: dict[str, bytes] = {}
    for name in (*PUBLIC_DOCS, *kata.spec.learner_files, *kata.visible_tests()):
        path = kata.root / name
        if path.is_file():
            files[name] = path.read_bytes()
    info = {
        "slug": kata.slug,
        "title": kata.spec.title.model_dump(exclude_none=True),
        "topic": kata.spec.topic,
        "difficulty": kata.spec.difficulty,
        "learner_files": list(kata.spec.learner_files),
        "visible_tests": kata.visible_tests(),
        "time_limit": kata.spec.time_limit,
    }
    files["kata.json"] = (json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return files


def available_katas() -> set[str]:
    from runner.paths import katas_dir

    root = katas_dir()
    return {p.parent.name for p in root.glob("*/kata.yaml")} if root.is_dir() else set()


def load_kata_files(slugs: tuple[str, ...]) -> dict[str, KataFiles]:
    """The katas an exam names, validated (problems as file:line)."""
    from runner.content.validate import validate_file
    from runner.content.yaml_source import read_yaml
    from runner.errors import ContentError, Problem
    from runner.paths import katas_dir

    result: dict[str, KataFiles] = {}
    problems: list[Problem] = []
    for slug in slugs:
        root = katas_dir() / slug
        spec, found = validate_file(read_yaml(root / "kata.yaml"), KataSpec)
        problems.extend(found)
        if spec is not None:
            result[slug] = KataFiles(slug, root, spec)
    if problems:
        raise ContentError(problems, "kata definitions have problems")
    return result
