"""What of a kata goes into a candidate pack (the task, the starter and the visible tests only), and
which katas an exam may name."""

from __future__ import annotations

import json

from runner.kata.catalog import Kata, load_kata, scan_katas

PUBLIC_DOCS = ("README.md", "README.zh.md", "go.mod")


def kata_public_files(kata: Kata) -> dict[str, bytes]:
    """Never .meta (hidden tests, solution, mutants) and never hints."""
    files: dict[str, bytes] = {}
    for name in (*PUBLIC_DOCS, *kata.learner_files, *kata.support_files, *kata.visible_tests):
        path = kata.root / name
        if path.is_file():
            files[name] = path.read_bytes()
    spec = kata.spec
    info = {
        "slug": kata.slug,
        "title": spec.title.as_dict(),
        "topic": spec.topic,
        "difficulty": spec.difficulty,
        "learner_files": list(spec.learner_files),
        "allowed_imports": list(spec.allowed_imports),
        "visible_tests": list(kata.visible_tests),
        "time_limit": spec.time_limit,
        "memory_limit_mb": spec.memory_limit_mb,
    }
    files["kata.json"] = (json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return files


def available_katas() -> set[str]:
    katas, _ = scan_katas()
    return {k.slug for k in katas}


def load_kata_files(slugs: tuple[str, ...]) -> dict[str, Kata]:
    """The katas an exam names, validated (problems as file:line)."""
    return {slug: load_kata(slug) for slug in slugs}
