"""Exports of the banks: JSON Schema for editors, JSON with answers for tools, Markdown for people."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.content.models import Bank, LocalText
from runner.kinds.registry import kind_of
from runner.reports.jsonout import json_text


def bank_json_schema() -> str:
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gokata question bank"
    return json_text(schema)


def export_json(catalog: Catalog) -> str:
    data = {"banks": [b.model_dump(mode="json", exclude_none=True) for b in catalog.banks]}
    return json_text(data)


def _both(text: LocalText) -> str:
    return text.en if not text.zh else f"{text.en}\n\n{text.zh}"


def export_markdown(catalog: Catalog) -> str:
    parts: list[str] = ["# gokata question banks\n"]
    for bank in catalog.banks:
        parts.append(f"## {bank.title.en}" + (f" / {bank.title.zh}" if bank.title.zh else "") + "\n")
        for n, q in enumerate(bank.questions, 1):
            parts.append(f"### {n}. `{q.id}` ({q.kind}, difficulty {q.difficulty})\n")
            if q.tags:
                parts.append("Tags: " + ", ".join(q.tags) + "\n")
            parts.append(_both(q.prompt) + "\n")
            kind = kind_of(q)
            if (code := kind.markdown_code(q)) is not None:
                parts.append(code)
            parts.extend(kind.markdown_answer(q))
            parts.append("**Explanation:** " + _both(q.explanation) + "\n")
            if q.go:
                parts.append(f"Go version: {q.go}\n")
            if q.sources:
                parts.append("Sources: " + ", ".join(q.sources) + "\n")
    return "\n".join(parts)
