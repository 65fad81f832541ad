"""Compiler directives in learner files: only the harmless ones get through (no Go needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.kata.policy import check_files


def _reasons(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "a.go").write_text(text, encoding="utf-8")
    return [r.en for r in check_files(tmp_path, ("a.go",))]


@pytest.mark.parametrize(
    "directive", ["norace", "nocheckptr", "noescape", "uintptrescapes", "nosplit", "embed x", "wasmimport m f", ""]
)
def test_directives_that_change_how_code_meets_the_tests_are_refused_with_their_line(
    tmp_path: Path, directive: str
) -> None:
    reasons = _reasons(tmp_path, f"package a\n\n\t//go:{directive}\nfunc F() {{}}\n")
    name = directive.split(" ")[0]
    assert reasons == [
        f"a.go:3: the compiler directive //go:{name} is refused: directives change how your code meets the "
        "tests (//go:norace hides data races from the race detector), and no kata needs one"
    ]


def test_linkname_and_cgo_keep_their_own_reasons(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, "package a\n//go:linkname f runtime.f\n//go:cgo_import_dynamic x\n")
    assert reasons == [
        "a.go:2: //go:linkname is refused (it reaches unexported runtime and test code)",
        "a.go:3: //go:cgo_ directives are refused",
    ]


def test_build_constraints_generate_noinline_and_ordinary_comments_pass(tmp_path: Path) -> None:
    text = "//go:build !windows\n\npackage a\n\n//go:generate stringer\n//go:noinline\n// go:norace is prose\nvar s = `x //go:norace`\n"
    assert _reasons(tmp_path, text) == []
