"""YAML loading that can say where things are.

The happy path parses with the C loader only (fast). Line numbers are computed from the
composed node tree only when something has to be reported, so loading a valid bank costs
little more than parsing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from runner.errors import ContentError, Problem

try:  # the C loader when libyaml is present; the pure-Python one otherwise
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader  # type: ignore[assignment]

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    path: Path
    text: str
    data: Any

    @property
    def name(self) -> str:
        return str(self.path)


def read_yaml(path: Path) -> YamlFile:
    """Read and parse one YAML file; an unreadable or malformed file is a ContentError with a location."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(str(path), 1, 1, "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(str(path), 1, 1, "", f"cannot read: {exc}")]) from None
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        raise ContentError([Problem(str(path), line, col, "", f"malformed YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(str(path), 1, 1, "", f"malformed YAML: {exc}")]) from None
    return YamlFile(path, text, data)


class Locator:
    """Maps a data path (keys and indices) to the line and column of its YAML node."""

    def __init__(self, text: str) -> None:
        self._marks: dict[Loc, tuple[int, int]] = {}
        self.duplicate_keys: list[tuple[Loc, int, int]] = []
        root = yaml.compose(text, Loader=SafeLoader)
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, loc: Loc) -> None:
        self._marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                k = str(key.value)
                if k in seen:
                    self.duplicate_keys.append((loc + (k,), key.start_mark.line + 1, key.start_mark.column + 1))
                seen.add(k)
                # point at the key for "unknown field", at the value otherwise; the key is
                # recorded under a marker so both are available
                self._marks[loc + (k, "<key>")] = (key.start_mark.line + 1, key.start_mark.column + 1)
                self._walk(value, loc + (k,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, loc + (i,))

    def find(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The nearest located ancestor of `loc` (a missing field points at its parent)."""
        if key and loc + ("<key>",) in self._marks:
            return self._marks[loc + ("<key>",)]
        for n in range(len(loc), -1, -1):
            if loc[:n] in self._marks:
                return self._marks[loc[:n]]
        return (1, 1)


def data_path(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Turn a pydantic error location into a path through the data.

    Pydantic puts union tags (the `kind` of a discriminated union, a model name) into
    locations; they are not keys of the YAML, so they are dropped here.
    """
    out: list[str | int] = []
    cur = data
    for part in loc:
        if isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and part in cur:
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing field: keep it for the message, the mark is the parent's
            cur = None
        elif isinstance(cur, dict | list):
            continue  # a union tag
        else:
            out.append(part)
            cur = None
    return tuple(out)


def _is_tag(part: str) -> bool:
    from runner.content.models import KINDS

    return part in KINDS or part[:1].isupper() or "[" in part


def dotted(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


def iter_problems_from_validation(yf: YamlFile, errors: list[dict[str, Any]], locator: Locator) -> Iterator[Problem]:
    for err in errors:
        loc = data_path(yf.data, tuple(err["loc"]))
        kind = err["type"]
        line, col = locator.find(loc, key=kind == "extra_forbidden")
        yield Problem(yf.name, line, col, dotted(loc), _message(err))


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "missing required field"
    if kind in {"string_type", "string_pattern_mismatch"} and isinstance(value, bool):
        return (
            f"expected text, got the YAML boolean {value!r}: unquoted yes/no/on/off/true/false "
            "are booleans in YAML; quote the text"
        )
    if kind == "string_type" and isinstance(value, float):
        return (
            f"expected a string, got the number {value!r}: unquoted 1.10 reads as 1.1 in YAML; "
            'quote it, e.g. go: "1.22"'
        )
    if kind == "string_type" and isinstance(value, int):
        return f"expected text, got the number {value!r}: quote it"
    if kind == "value_error":
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    if kind == "union_tag_invalid":
        from runner.content.models import KINDS

        return f"unknown kind {err.get('ctx', {}).get('tag')!r}; expected one of: {', '.join(KINDS)}"
    if kind == "union_tag_not_found":
        return "missing required field 'kind'"
    return str(err.get("msg", kind))
