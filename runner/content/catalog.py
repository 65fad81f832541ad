"""Discovery and loading of question banks into one validated, read-only catalog."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from runner.content import cache
from runner.content.bank_files import bank_files
from runner.content.models import AnyQuestion, Bank, Lang
from runner.errors import BadInput, ContentError, Problem

if TYPE_CHECKING:
    from runner.content.yaml_source import YamlFile


@dataclass(frozen=True)
class Origin:
    file: str
    line: int


@dataclass(frozen=True)
class Catalog:
    banks: tuple[Bank, ...]
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def questions(self) -> tuple[AnyQuestion, ...]:
        return tuple(q for b in self.banks for q in b.questions)

    def by_id(self) -> dict[str, AnyQuestion]:
        return {q.id: q for q in self.questions}

    def topics(self) -> tuple[str, ...]:
        return tuple(b.topic for b in self.banks)

    def bank(self, topic: str) -> Bank:
        for b in self.banks:
            if b.topic == topic:
                return b
        raise BadInput(f"unknown topic {topic!r}; known topics: {', '.join(self.topics()) or '(none)'}")

    def title(self, topic: str, lang: Lang) -> str:
        return self.bank(topic).title.get(lang)

    def question(self, qid: str) -> AnyQuestion:
        q = self.by_id().get(qid)
        if q is None:
            raise BadInput(f"unknown question id {qid!r}")
        return q


def check_banks(paths: Iterable[Path] | None = None, *, strict: bool = False) -> tuple[Catalog, list[Problem]]:
    """Load every bank and collect every problem: per-file schema problems and cross-file ones.

    `strict` adds the checks a linter makes that loading can skip (duplicate YAML keys).
    """
    files = bank_files(paths)
    whole_stamp = cache.stamp_many(files)  # before any file is read: see cache.stamp
    whole = None if strict else cache.load_many(files, "catalogs", stamped=whole_stamp)
    if whole is not None:  # every bank as it is now, checked together when it was stored
        cached_banks, cached_origins = whole
        return Catalog(cached_banks, MappingProxyType(cached_origins)), []
    problems: list[Problem] = []
    banks: list[Bank] = []
    bank_sources: list[str] = []
    origins: dict[str, Origin] = {}
    for path in files:
        file_stamp = cache.stamp(path)
        cached = None if strict else cache.load(path, stamped=file_stamp)
        if cached is not None:
            bank, lines = cached
            _add_bank(bank, str(path), lines, banks, origins, problems)
            bank_sources.append(str(path))
            continue
        try:
            yf = read_yaml(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        # Only a cache miss reads YAML: the parser, the validators and the linter are imported here.
        from runner.content import authoring
        from runner.content.validate import duplicate_key_problems, validate_file
        from runner.content.yaml_source import Locator

        locator: Locator | None = Locator(yf.text) if strict else None
        if locator is not None:
            problems.extend(duplicate_key_problems(yf, locator))
        if not isinstance(yf.data, dict):
            problems.append(Problem(yf.name, 1, 1, "", "a bank is a mapping with topic, title and questions"))
            continue
        bank, found = validate_file(yf, Bank)
        problems.extend(found)
        if bank is None:
            continue
        lines = _id_lines(yf.text, len(bank.questions))
        if lines is None:
            locator = locator or Locator(yf.text)
            lines = [locator.find(("questions", i, "id")) for i in range(len(bank.questions))]
        if strict:
            where = locator or Locator(yf.text)
            for i, at, message in authoring.bank_problems(bank):
                line, col = where.find(("questions", i, *at))
                problems.append(Problem(yf.name, line, col, ".".join(map(str, ("questions", i, *at))), message))
        before = len(problems)
        _add_bank(bank, yf.name, lines, banks, origins, problems)
        bank_sources.append(yf.name)
        if not strict and len(problems) == before and not found:
            cache.store(path, (bank, lines), stamped=file_stamp)
    first_file: dict[str, str] = {}
    for bank, file in zip(banks, bank_sources, strict=True):
        if bank.topic in first_file:
            problems.append(
                Problem(file, 1, 1, "topic", f"topic {bank.topic!r} is already defined by {first_file[bank.topic]}")
            )
        else:
            first_file[bank.topic] = file
    if strict:
        from runner.content import authoring

        by_id = {q.id: q for bank in banks for q in bank.questions}
        for qid, at, message in authoring.probe_problems(by_id):
            origin = origins[qid]
            problems.append(Problem(origin.file, origin.line, 1, ".".join(map(str, at)), message))
    if not strict and not problems and len(banks) == len(files):
        cache.store_many(files, (tuple(banks), origins), "catalogs", stamped=whole_stamp)
    return Catalog(tuple(banks), MappingProxyType(origins)), problems


def read_yaml(path: Path) -> YamlFile:
    """The bank file parsed with line numbers (imported on first use: most loads hit the cache)."""
    from runner.content.yaml_source import read_yaml as read

    return read(path)


_ID_LINE = re.compile(r"^([ ]*)- id: *", re.M)


def _id_lines(text: str, expected: int) -> list[tuple[int, int]] | None:
    """Where each question's id is, by a scan for `- id:` lines at the questions' indentation:
    far cheaper than composing the YAML node tree (framework points, more indented, have ids
    too). None when the bank is written differently; then the tree is composed."""
    found: list[tuple[int, int]] = []
    indent: str | None = None
    line, pos = 1, 0
    for m in _ID_LINE.finditer(text):
        if indent is None:
            indent = m.group(1)
        if m.group(1) != indent:
            continue
        line += text.count("\n", pos, m.start())
        pos = m.start()
        found.append((line, m.end() - m.start() + 1))  # the column of the id itself
    return found if len(found) == expected else None


def _add_bank(
    bank: Bank,
    file: str,
    lines: list[tuple[int, int]],
    banks: list[Bank],
    origins: dict[str, Origin],
    problems: list[Problem],
) -> None:
    """Cross-file checks (topic prefix, duplicate ids) for one validated bank."""
    for i, q in enumerate(bank.questions):
        line, col = lines[i]
        if q.topic != bank.topic:
            problems.append(
                Problem(
                    file,
                    line,
                    col,
                    f"questions.{i}.id",
                    f"id {q.id!r} must start with the bank's topic {bank.topic + '.'!r}",
                )
            )
        if q.id in origins:
            first = origins[q.id]
            problems.append(
                Problem(
                    file, line, col, f"questions.{i}.id", f"duplicate id {q.id!r} (first at {first.file}:{first.line})"
                )
            )
            continue
        origins[q.id] = Origin(file, line)
    banks.append(bank)


def load_catalog(paths: Iterable[Path] | None = None) -> Catalog:
    """The validated catalog; any problem is a ContentError listing all of them."""
    catalog, problems = check_banks(paths)
    if problems:
        raise ContentError(problems, "the question banks have problems:\n" + "\n".join(map(str, problems)))
    return catalog
