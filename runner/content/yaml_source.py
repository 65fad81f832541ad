"""YAML loading that can say where things are.

The happy path parses with the C loader only (fast). Line numbers are computed from the
composed node tree only when something has to be reported, so loading a valid bank costs
little more than parsing it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import ContentError, Problem

if TYPE_CHECKING:
    import yaml

Loc = tuple[str | int, ...]


@cache
def _loader() -> type[yaml.SafeLoader]:
    """The C loader when libyaml is present; the pure-Python one otherwise. PyYAML is imported
    here, not at the top: reading a JSON answers file never needs it (about 10 ms of start-up)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlFile:
    path: Path
    text: str
    data: Any
    plain_json: bool = False  # read by the json module: no duplicate keys, nothing YAML reads otherwise

    @property
    def name(self) -> str:
        return str(self.path)


def read_yaml(path: Path, *, json_first: bool = False) -> YamlFile:
    """Read and parse one YAML file; an unreadable or malformed file is a ContentError with a location.

    `json_first`: a file that is plain JSON (a mapping, no duplicate keys, no floats) is read
    with the json module; it reads the same as YAML, and anything else goes to the YAML reader."""
    return parse_yaml(path, read_text(path), json_first=json_first)


def parse_yaml(path: Path, text: str, *, json_first: bool = False) -> YamlFile:
    """read_yaml on text already read from `path` (the path names the file in messages)."""
    if json_first and text.lstrip().startswith("{"):
        data = _plain_json(text)
        if data is not None:
            return YamlFile(path, text, data, plain_json=True)
    import yaml

    _check_aliases(path, text)
    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        raise ContentError([Problem(str(path), line, col, "", f"malformed YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(str(path), 1, 1, "", f"malformed YAML: {exc}")]) from None
    except (ValueError, RecursionError, MemoryError):
        # Python refuses integers of more than 4,300 digits; nesting can outrun the stack.
        at = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, at.start()) + 1 if at else 1
        what = "a number too long to read" if at else "nested too deeply to read"
        raise ContentError([Problem(str(path), line, 1, "", what)]) from None
    return YamlFile(path, text, data)


# Far above any bank, beliefs file, exam spec or answers file (the largest bundled bank is under
# 300 KB); what is larger, or not a regular file (/dev/zero, a pipe), is refused unread.
MAX_BYTES = 16 * 1024 * 1024
# What the aliases of a file may expand to, in values: a ten-level "billion laughs" is 10^9.
MAX_EXPANDED = 1_000_000
_LONG_NUMBER = re.compile(r"[0-9_]{4000,}")


def read_text(path: Path) -> str:
    """An untrusted text file as read_yaml reads it: a regular file, bounded, UTF-8; anything else
    is a ContentError with the path."""
    from runner.files import NotReadable, read_regular_file, undecodable_at

    try:
        raw = read_regular_file(path, MAX_BYTES)
    except NotReadable as exc:
        what = {
            "a folder": "a folder",
            "too large": f"larger than {MAX_BYTES // (1024 * 1024)} MiB",
        }.get(exc.what, "not a regular file (a pipe or a device)")
        raise ContentError([Problem(str(path), 1, 1, "", what)]) from None
    except FileNotFoundError:
        raise ContentError([Problem(str(path), 1, 1, "", "file not found")]) from None
    except OSError as exc:
        raise ContentError([Problem(str(path), 1, 1, "", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = undecodable_at(exc)
        raise ContentError([Problem(str(path), line, col, "", "not UTF-8 text")]) from None


def _check_aliases(path: Path, text: str) -> None:
    """Refuse aliases that expand beyond MAX_EXPANDED values. PyYAML shares an aliased value
    rather than copying it, so loading is cheap; whatever walks the data later (validation, a
    report) meets every copy, and a few lines can stand for billions of them."""
    if "*" not in text:
        return
    import yaml

    try:
        root = yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, ValueError, RecursionError):
        return  # yaml.load reports it, with its line
    if root is None:
        return
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done or not children:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[id(node)] = total
            if total > MAX_EXPANDED:
                line = node.start_mark.line + 1
                raise ContentError(
                    [Problem(str(path), line, 1, "", f"YAML aliases here expand to more than {MAX_EXPANDED:,} values")]
                )
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


class _NotPlain(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _NotPlain("a duplicate key: the YAML reader reports it with its line")
    return data


def _refuse(literal: str) -> Any:
    # YAML 1.1 reads "1e3" as a string, JSON as a number; NaN is no JSON at all
    raise _NotPlain(literal)


# Characters the YAML reader refuses in a file (its NON_PRINTABLE class, less what UTF-8 text
# cannot hold), and those YAML 1.1 reads as line breaks inside a string (NEL, LS, PS): a file
# holding one gets the YAML reader's error or reading, not the json module's.
_NOT_YAML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _plain_json(text: str) -> dict[str, Any] | None:
    """The mapping, when the text is JSON that YAML would read the same way; None otherwise.
    An escaped surrogate pair is one character to json and two to PyYAML: those go to YAML too."""
    if "\\ud" in text.lower() or _NOT_YAML_TEXT.search(text):
        return None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_refuse, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


class Locator:
    """Maps a data path (keys and indices) to the line and column of its YAML node. The text is
    composed on first use, so a file with nothing to report is never read twice."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _located(self) -> tuple[dict[Loc, tuple[int, int]], list[tuple[Loc, int, int]]]:
        import yaml

        self._marks: dict[Loc, tuple[int, int]] = {}
        self._duplicates: list[tuple[Loc, int, int]] = []
        root = yaml.compose(self._text, Loader=_loader())
        if root is not None:
            self._walk(root, ())
        return self._marks, self._duplicates

    @property
    def duplicate_keys(self) -> list[tuple[Loc, int, int]]:
        return self._located[1]

    def _walk(self, node: yaml.Node, loc: Loc) -> None:
        import yaml

        self._marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                k = str(key.value)
                if k in seen:
                    self._duplicates.append((loc + (k,), key.start_mark.line + 1, key.start_mark.column + 1))
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
        marks = self._located[0]
        if key and loc + ("<key>",) in marks:
            return marks[loc + ("<key>",)]
        for n in range(len(loc), -1, -1):
            if loc[:n] in marks:
                return marks[loc[:n]]
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
