"""Shell completion for the names people type: topics, tags, question ids and kata slugs.

Attached by parameter name (see `readable_placeholders`), so every command that takes a
`--topic` or a question id completes it without wiring each option by hand. Content is read
only when the shell asks, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Completer = Callable[[Any, Any, str], list[str]]


def _topics(incomplete: str) -> list[str]:
    from runner.content.catalog import load_catalog

    return [t for t in load_catalog().topics() if t.startswith(incomplete)]


def _tags(incomplete: str) -> list[str]:
    from runner.content.catalog import load_catalog

    tags = {t for q in load_catalog().questions for t in q.tags}
    return sorted(t for t in tags if t.startswith(incomplete))


def _question_ids(incomplete: str) -> list[str]:
    from runner.content.catalog import load_catalog

    return [q.id for q in load_catalog().questions if q.id.startswith(incomplete)]


def _slugs(incomplete: str) -> list[str]:
    from runner.kata.catalog import scan_katas

    katas, _ = scan_katas()
    return sorted(k.slug for k in katas if k.slug.startswith(incomplete))


def _safe(find: Callable[[str], list[str]]) -> Completer:
    def complete(ctx: Any, param: Any, incomplete: str) -> list[str]:
        try:
            return find(incomplete)
        except Exception:
            return []

    return complete


BY_NAME: dict[str, Completer] = {
    "topic": _safe(_topics),
    "tag": _safe(_tags),
    "question_id": _safe(_question_ids),
    "question_ids": _safe(_question_ids),
    "slug": _safe(_slugs),
    "slugs": _safe(_slugs),
}
