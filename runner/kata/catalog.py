"""Finding katas and reading their definitions (layout: DESIGN.md section 4).

A kata folder holds kata.yaml, README.md, go.mod, the starter learner files, visible tests
(*_test.go at the top), and .meta/{hidden,solution,mutants}. An exam's candidate pack holds
a public subset of it with kata.json in place of kata.yaml; `load_kata_dir` reads both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from runner.content.kata_facts import KataFacts, facts_of
from runner.errors import BadInput, ContentError, Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MODULE_RE = re.compile(r"^module\s+(\S+)", re.M)
# An exam pack carries no hints; the schema wants three, so a pack gets placeholders.
_PACK_HINT = {"en": "Hints are not part of an exam pack."}
# The content cache's folder for kata.yaml files: a new name whenever KataFacts changes, so an
# older pickle is never read back as the new class.
_CACHE_KIND = "katas-3"


@dataclass(frozen=True)
class Kata:
    """A kata as found on disk: its spec (kata.yaml) and the files it is made of."""

    slug: str
    root: Path
    spec: KataFacts
    module: str
    visible_tests: tuple[str, ...]  # *_test.go at the top of the folder
    hidden_tests: tuple[str, ...]  # *_test.go in .meta/hidden
    support_files: tuple[str, ...]  # other .go files at the top: given to the learner, never taken from them
    mutants: tuple[str, ...]  # folder names under .meta/mutants

    @property
    def learner_files(self) -> tuple[str, ...]:
        return self.spec.learner_files

    @property
    def hidden_dir(self) -> Path:
        return self.root / ".meta" / "hidden"

    @property
    def solution_dir(self) -> Path:
        return self.root / ".meta" / "solution"

    def mutant_dir(self, name: str) -> Path:
        return self.root / ".meta" / "mutants" / name

    def title(self, lang: str = "en") -> str:
        return self.spec.title.get("zh" if lang == "zh" else "en")

    def readme(self, lang: str = "en") -> Path:
        localized = self.root / "README.zh.md"
        return localized if lang == "zh" and localized.is_file() else self.root / "README.md"


# Longer than any kata's name, and short enough for every file system (255 bytes a name).
MAX_SLUG = 100


def load_kata(slug: str) -> Kata:
    """The bundled (or GOKATA_KATAS) kata named `slug`."""
    from runner.paths import katas_dir

    if not SLUG_RE.match(slug) or len(slug) > MAX_SLUG:
        raise BadInput(f"{slug!r} is not a kata name", hint="See `gokata kata list` for the katas there are.")
    if not katas_dir().is_dir():
        raise BadInput(f"{katas_dir()}: no such folder", hint=_katas_hint(None))
    root = katas_dir() / slug
    if not (root / "kata.yaml").is_file():
        raise BadInput(
            f"no kata named {slug!r} in {katas_dir()}", hint="See `gokata kata list` for the katas there are."
        )
    return load_kata_dir(root)


def scan_katas(root: Path | None = None) -> tuple[list[Kata], list[Problem]]:
    """Every kata under `root` (default: the katas folder) that loads, and the problems of those that do not."""
    from runner.paths import katas_dir

    base = root or katas_dir()
    katas: list[Kata] = []
    problems: list[Problem] = []
    if not base.is_dir():
        # An empty list would read as "there are no katas"; a wrong folder is the likelier story.
        raise BadInput(f"{base}: no such folder", hint=_katas_hint(root))
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not (folder / "kata.yaml").is_file():
            problems.append(Problem(str(folder), 1, 1, "", "a kata folder needs a kata.yaml"))
            continue
        try:
            katas.append(load_kata_dir(folder))
        except ContentError as exc:
            problems.extend(exc.problems or [Problem(str(folder / "kata.yaml"), 1, 1, "", exc.message)])
    return katas, problems


def _katas_hint(root: Path | None) -> str | None:
    import os

    if root is None and os.environ.get("GOKATA_KATAS"):
        return "GOKATA_KATAS names this folder: point it at a folder of katas, or unset it to use the bundled ones."
    return None


def load_katas() -> list[Kata]:
    """All katas; a broken one is a ContentError listing every problem found."""
    katas, problems = scan_katas()
    if problems:
        raise ContentError(problems, f"{len(problems)} problem(s) in the katas")
    return katas


def load_kata_dir(root: Path) -> Kata:
    if (root / "kata.yaml").is_file():
        spec = _spec_from_yaml(root / "kata.yaml")
    elif (root / "kata.json").is_file():
        spec = _spec_from_pack(root / "kata.json")
    else:
        raise ContentError([Problem(str(root / "kata.yaml"), 1, 1, "", "file not found")])
    return _layout(root, spec)


def _spec_from_yaml(path: Path) -> KataFacts:
    """The validated kata.yaml; from the content cache while the file is unchanged (`kata list`
    reads every kata, and YAML plus validation is most of what it costs). The cache keeps plain
    facts, so a hit imports no pydantic."""
    from runner.content import cache

    stamped = cache.stamp(path)
    cached = cache.load(path, _CACHE_KIND, stamped=stamped)
    if isinstance(cached, KataFacts):
        return cached
    from runner.content.kata_models import KataSpec
    from runner.content.validate import duplicate_key_problems, validate_file
    from runner.content.yaml_source import read_yaml

    yf = read_yaml(path)
    spec, problems = validate_file(yf, KataSpec)
    problems = duplicate_key_problems(yf) + problems
    if problems or spec is None:
        raise ContentError(problems)
    facts = facts_of(spec)
    cache.store(path, facts, _CACHE_KIND, stamped=stamped)
    return facts


def _spec_from_pack(path: Path) -> KataFacts:
    from pydantic import ValidationError

    from runner.content.kata_models import KataSpec

    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        fields = {k: info[k] for k in ("title", "topic", "difficulty", "learner_files") if k in info}
        for optional in ("allowed_imports", "time_limit", "memory_limit_mb"):
            if optional in info:
                fields[optional] = info[optional]
        return facts_of(KataSpec.model_validate({**fields, "hints": [_PACK_HINT] * 3}))
    except (OSError, ValueError, TypeError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ContentError([Problem(str(path), 1, 1, "", f"not a usable kata description: {detail}")]) from None


def _layout(root: Path, spec: KataFacts) -> Kata:
    definition = root / "kata.yaml" if (root / "kata.yaml").is_file() else root / "kata.json"
    problems: list[Problem] = []
    gomod = root / "go.mod"
    module = ""
    if gomod.is_file():
        found = _MODULE_RE.search(gomod.read_text(encoding="utf-8", errors="replace"))
        module = found.group(1) if found else ""
        if not module:
            problems.append(Problem(str(gomod), 1, 1, "", "go.mod has no module line"))
    else:
        problems.append(Problem(str(gomod), 1, 1, "", "file not found: every kata has its own go.mod"))
    for name in spec.learner_files:
        if not (root / name).is_file():
            problems.append(_located(definition, ("learner_files",), f"{name}: no such starter file in {root}"))
    if problems:
        raise ContentError(problems)
    learner = set(spec.learner_files)
    top_go = sorted(p.name for p in root.glob("*.go") if p.is_file())
    hidden_dir = root / ".meta" / "hidden"
    mutants_dir = root / ".meta" / "mutants"
    return Kata(
        slug=root.name,
        root=root,
        spec=spec,
        module=module,
        visible_tests=tuple(n for n in top_go if n.endswith("_test.go")),
        hidden_tests=tuple(sorted(p.name for p in hidden_dir.glob("*_test.go") if p.is_file())),
        support_files=tuple(n for n in top_go if not n.endswith("_test.go") and n not in learner),
        mutants=tuple(sorted(p.name for p in mutants_dir.iterdir() if p.is_dir())) if mutants_dir.is_dir() else (),
    )


def _located(path: Path, loc: tuple[str | int, ...], message: str) -> Problem:
    if path.suffix == ".yaml":
        from runner.content.yaml_source import Locator

        line, col = Locator(path.read_text(encoding="utf-8")).find(loc)
    else:
        line, col = 1, 1
    return Problem(str(path), line, col, ".".join(str(p) for p in loc), message)
