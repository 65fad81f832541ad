"""Refusing package-scope declarations of Go's predeclared identifiers, found by Go's own parser.

The learner's files share a package with the kata's tests, so a package-scope `func len` or
`var nil` would change what the tests' own code means. Every name of Go's universe scope is
tried, in every kind of declaration; the list is compared with go/types so new names are caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.kata.catalog import load_kata
from runner.kata.gohelper import file_facts, helper_path, universe
from runner.kata.grade import grade_submission
from runner.toolchain import find_go, tools_dir
from tests.kata.conftest import submission

pytestmark = pytest.mark.go

# Go's universe scope as of Go 1.21 (min, max and clear were the last additions). When go/types
# has a name this list lacks, the comparison below fails: add it here, and the check already
# refuses it (the helper asks go/types, not this list).
PREDECLARED = (
    "any",
    "append",
    "bool",
    "byte",
    "cap",
    "clear",
    "close",
    "comparable",
    "complex",
    "complex128",
    "complex64",
    "copy",
    "delete",
    "error",
    "false",
    "float32",
    "float64",
    "imag",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "iota",
    "len",
    "make",
    "max",
    "min",
    "new",
    "nil",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "rune",
    "string",
    "true",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintptr",
)

DECLARATIONS = {
    "func": "func {name}() {{}}\n",
    "generic func": "func {name}[T any](x T) T {{ return x }}\n",
    "type": "type {name} struct{{}}\n",
    "var": "var {name} = 1\n",
    "var in a group": "var (\n\t_a = 1\n\t{name}, _b = 2, 3\n)\n",
    "const": "const {name} = 1\n",
    "const in an iota group": "const (\n\t_a = iota\n\t{name}\n)\n",
}


def test_the_list_matches_go_types_universe() -> None:
    names = universe(find_go())
    assert sorted(names) == sorted(PREDECLARED), (
        f"new in go/types: {sorted(set(names) - set(PREDECLARED))}; gone: {sorted(set(PREDECLARED) - set(names))}"
    )


def test_every_predeclared_name_in_every_kind_of_declaration_is_found(tmp_path: Path) -> None:
    go = find_go()
    names = universe(go)
    files: dict[str, tuple[str, str]] = {}
    for name in names:
        for kind, template in DECLARATIONS.items():
            file = f"f{len(files):04d}.go"
            header = "package x\n\n// a comment\n"
            (tmp_path / file).write_text(header + template.format(name=name))
            files[file] = (name, kind)
    facts = file_facts(go, tmp_path, tuple(files))
    missed = []
    for file, (name, kind) in files.items():
        found = [(s.name, s.line) for s in facts[file].predeclared]
        expected_line = 4 if kind in ("func", "generic func", "type", "var", "const") else 6
        if found != [(name, expected_line)]:
            missed.append(f"{kind} {name}: {found}")
    assert not missed, missed
    assert len(files) == len(names) * len(DECLARATIONS)


def test_methods_locals_fields_and_blank_are_not_refused(tmp_path: Path) -> None:
    source = (
        "package x\n\ntype T struct{ len int }\n\nfunc (T) cap() int { return 0 }\n\n"
        "func F() int {\n\tlen := 3\n\tvar nil = 1\n\treturn len + nil\n}\n\nvar _ = 1\n\n"
        "func G[any interface{}](x any) any { return x }\n"
    )
    (tmp_path / "a.go").write_text(source)
    assert file_facts(find_go(), tmp_path, ("a.go",))["a.go"].predeclared == ()


def test_the_helper_is_built_once_into_the_cache() -> None:
    go = find_go()
    first = helper_path(go)
    assert first.is_file() and helper_path(go) == first
    assert first.parent == tools_dir() and first.name.startswith("gokata-helper-")


@pytest.mark.parametrize(
    ("declaration", "shown"),
    [
        ("func cap(xs []int) int { return 3 }\n", "`func cap`"),  # issue 12: a wrong solution scored 10/10
        ("func len[T any](xs []T) int { return 1 }\n", "`func len`"),  # issue 12: the starter scored 9/9
        ("type error interface{ Error() string; Unwrap() error }\n", "`type error`"),
        ("var nil = 0\n", "`var nil`"),
        ("const (\n\tfalse = true\n)\n", "`const false`"),
    ],
)
def test_a_submission_declaring_one_is_refused_naming_the_line(tmp_path: Path, declaration: str, shown: str) -> None:
    source = (submission("stats", "passing") / "stats.go").read_text()
    name = shown.strip("`").split()[1]
    line = source.count("\n") + 2 + declaration[: declaration.index(name)].count("\n")
    (tmp_path / "stats.go").write_text(source + "\n" + declaration)
    result = grade_submission(load_kata("stats"), tmp_path)
    assert result.status == "rejected" and result.score == 0
    assert f"stats.go:{line}: {shown} declares the predeclared identifier" in result.summary
    assert all(t.message == "not run: the submission was refused" for t in result.tests)
