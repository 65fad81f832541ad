"""Refusing writes to other packages' variables, found by Go's own parser before anything runs.

The learner's code shares a process with the kata's tests, which compare with and use the
standard library's variables: `context.DeadlineExceeded = myErr` in an init made a wrong timeout
error pass `errors.Is(err, context.DeadlineExceeded)` (red team, 13 of 13 tests). Any assignment,
increment, range assignment or address taken of such a variable, or of anything reached from
one, is refused with its line; so is a dot import, which would let the same write go unqualified.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.kata.catalog import load_kata
from runner.kata.gohelper import file_facts
from runner.kata.grade import grade_submission
from runner.toolchain import find_go

pytestmark = pytest.mark.go

WRITES = """package x

import (
	"context"
	"errors"
	"io"
	r "math/rand/v2"
	"net/http"
	"os"
)

var errTimeout = errors.New("timed out")

func init() {
	context.DeadlineExceeded = errTimeout
	context.Canceled, io.EOF = nil, nil
	http.DefaultClient.Timeout++
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 1
	os.Args[0] = "x"
	p := &io.ErrUnexpectedEOF
	*p = nil
	for os.Args = range [][]string{} {
	}
	(os.Stdout) = nil
	_ = r.IntN
}
"""

EXPECTED = [
    ("context.DeadlineExceeded", 15),
    ("context.Canceled", 16),
    ("io.EOF", 16),
    ("http.DefaultClient", 17),
    ("http.DefaultTransport", 18),
    ("os.Args", 19),
    ("io.ErrUnexpectedEOF", 20),
    ("os.Args", 22),
    ("os.Stdout", 24),
]

READS_AND_LOCALS = """package x

import (
	"context"
	"errors"
	"net/http"
)

type holder struct{ DeadlineExceeded error }

func F(ctx context.Context, err error) bool {
	var h holder
	h.DeadlineExceeded = context.DeadlineExceeded
	c := &http.Client{}
	c.Timeout = 1
	target := &http.MaxBytesError{}
	_ = errors.As(err, &target)
	req, _ := http.NewRequestWithContext(ctx, "GET", "/", nil)
	req.Header.Set("a", "b")
	return errors.Is(err, context.Canceled)
}

func G(context holder) {
	context.DeadlineExceeded = nil // a parameter named like the package: not the package
}
"""


def test_every_kind_of_write_is_found_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text(WRITES)
    facts = file_facts(find_go(), tmp_path, ("a.go",))["a.go"]
    assert [(w.target, w.line) for w in facts.writes] == EXPECTED


def test_reads_locals_fields_and_shadowing_names_are_not_refused(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text(READS_AND_LOCALS)
    assert file_facts(find_go(), tmp_path, ("a.go",))["a.go"].writes == ()


def test_a_dot_import_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text('package x\n\nimport (\n\t"fmt"\n\t. "io"\n)\n\nvar _ = fmt.Sprint\nvar _ = EOF\n')
    imports = file_facts(find_go(), tmp_path, ("a.go",))["a.go"].imports
    assert [(i.path, i.dot) for i in imports] == [("fmt", False), ("io", True)]


SOLUTION = Path(__file__).parents[1] / "fixtures" / "katas" / "greet" / ".meta" / "solution" / "greet.go"


@pytest.mark.parametrize(
    ("extra", "shown"),
    [
        ("func init() { os.Stdout = os.Stderr }\n", "changes os.Stdout, a variable of another package"),
        ('func init() { os.Args = append(os.Args, "-x") }\n', "changes os.Args, a variable of another package"),
    ],
)
def test_a_submission_writing_one_is_refused_naming_the_line(tmp_path: Path, extra: str, shown: str) -> None:
    source = SOLUTION.read_text().replace("import (\n", 'import (\n\t"os"\n', 1)
    assert '"os"' in source
    line = source.count("\n") + 2
    (tmp_path / "greet.go").write_text(source + "\n" + extra)
    result = grade_submission(load_kata("greet"), tmp_path)
    assert result.status == "rejected" and result.score == 0
    assert f"greet.go:{line}: {shown}" in result.summary, result.summary
    assert all(t.message == "not run: the submission was refused" for t in result.tests)


def test_the_same_solution_without_the_write_passes(tmp_path: Path) -> None:
    (tmp_path / "greet.go").write_text(SOLUTION.read_text())
    assert grade_submission(load_kata("greet"), tmp_path).status == "pass"
