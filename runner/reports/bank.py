"""Exports of the banks: JSON Schema for editors, JSON with answers for tools, Markdown for people."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.content.models import (
    LETTERS,
    Bank,
    LocalText,
    MultiQuestion,
    OpenQuestion,
    OutputQuestion,
    SingleQuestion,
    SpotTheBugQuestion,
    TrueFalseQuestion,
)
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


def _fence(code: str) -> str:
    return f"```go\n{code.rstrip()}\n```"


def export_markdown(catalog: Catalog) -> str:
    parts: list[str] = ["# gokata question banks\n"]
    for bank in catalog.banks:
        parts.append(f"## {bank.title.en}" + (f" / {bank.title.zh}" if bank.title.zh else "") + "\n")
        for n, q in enumerate(bank.questions, 1):
            parts.append(f"### {n}. `{q.id}` ({q.kind}, difficulty {q.difficulty})\n")
            if q.tags:
                parts.append("Tags: " + ", ".join(q.tags) + "\n")
            parts.append(_both(q.prompt) + "\n")
            if isinstance(q, SpotTheBugQuestion):
                numbered = "\n".join(f"{i:>2} {line}" for i, line in enumerate(q.code.rstrip().splitlines(), 1))
                parts.append(f"```go\n{numbered}\n```\n")
            elif q.code:
                parts.append(_fence(q.code) + "\n")
            if isinstance(q, SingleQuestion | MultiQuestion):
                for i, c in enumerate(q.choices):
                    mark = "x" if c.correct else " "
                    line = f"- [{mark}] **{LETTERS[i]}.** {c.text.en}"
                    if c.text.zh and c.text.zh != c.text.en:
                        line += f" / {c.text.zh}"
                    if c.why:
                        line += f" — {c.why.en}" + (f" / {c.why.zh}" if c.why.zh else "")
                    parts.append(line)
                parts.append("")
            elif isinstance(q, TrueFalseQuestion):
                parts.append(f"**Answer:** {'true' if q.answer else 'false'}\n")
            elif isinstance(q, OutputQuestion):
                parts.append(f"**Output:**\n\n```\n{q.expected_output.rstrip()}\n```\n")
            elif isinstance(q, SpotTheBugQuestion):
                parts.append(f"**Faulty line(s):** {', '.join(map(str, q.bug_lines))}\n")
                if q.fix:
                    parts.append("**Fix:**\n\n" + _fence(q.fix) + "\n")
            elif isinstance(q, OpenQuestion):
                parts.append("**Answer framework:**\n")
                for i, p in enumerate(q.framework, 1):
                    core = " (core)" if p.core else ""
                    parts.append(f"{i}. {p.point.en}{core} — weight {p.weight:g}")
                parts.append("\n**Model answer:**\n\n" + _both(q.model_answer) + "\n")
            parts.append("**Explanation:** " + _both(q.explanation) + "\n")
            if q.go:
                parts.append(f"Go version: {q.go}\n")
            if q.sources:
                parts.append("Sources: " + ", ".join(q.sources) + "\n")
    return "\n".join(parts)
