"""The result channel that the code under test cannot forge.

`go test -json` is not a security boundary: the learner's code writes to the same stdout as
the testing package, so it can print framed `--- PASS` lines, and a line it leaves unfinished
can swallow a real verdict. So each run also collects verdicts through a second channel:

* In the sandbox's copy of the kata's test files, every top-level `func TestX(t *testing.T)`
  is renamed to a name made of a per-run random token, and a generated test file declares
  `TestX` again as a wrapper: it registers a t.Cleanup (which runs after the test and its
  subtests, and after the test's own cleanups) that appends `<nonce> <pass|fail|skip> TestX`
  to a results file, then calls the renamed test with the same *testing.T, so names,
  output and file:line positions are unchanged.
* The file's path and the nonce (random per run) travel in the environment. Learner code can
  reach neither without `os` or `syscall` (refused unless a kata allows them), and cannot name
  the wrapper's identifiers (reaching them without naming them needs reflect, unsafe or
  //go:linkname, also refused). Those identifiers carry a token that is a hash of the learner
  files and the tests: code that named them would have to contain its own hash. Being a
  function of the content rather than random, the token lets `go test` reuse its build cache
  when the same code is graded again.

The verdict then requires the record and the test2json events to agree (see verdict.py).
A kata that allows `os` weakens this: such code could read the environment and write the file.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

# `func TestXxx(t *testing.T)` at the top level; Xxx must not start with a lower-case letter,
# as `go test` requires. A method (`func (r T) TestX`) never matches: `(` follows `func `.
_TEST_FUNC = re.compile(r"^func[ \t]+(Test(?![a-z])\w*)[ \t]*\([ \t]*\w+[ \t]+\*[ \t]*testing\.T[ \t]*\)", re.M)
_OTHER_FUNC = re.compile(r"^func[ \t]+((?:Example|Fuzz)(?![a-z])\w*)[ \t]*\(", re.M)
_PACKAGE = re.compile(r"^package[ \t]+(\w+)", re.M)
RESULTS_ENV = "GOKATA_RESULTS_FILE"
NONCE_ENV = "GOKATA_RESULTS_NONCE"


def _code_only(source: str) -> str:
    """Comments and the insides of string and rune literals blanked to spaces (newlines kept,
    so offsets stay where they were): what is left is declarations a regular expression can find.

    A small Go lexer rather than regular expressions, so that "/*" inside a string is not taken
    for a comment, nor a line of a raw string for a declaration.
    """
    out = list(source)
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "/" and source.startswith("//", i):
            end = source.find("\n", i)
            end = n if end < 0 else end
            out[i:end] = " " * (end - i)
            i = end
        elif c == "/" and source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out[i:end] = [ch if ch == "\n" else " " for ch in source[i:end]]
            i = end
        elif c == "`":
            end = source.find("`", i + 1)
            end = n if end < 0 else end
            out[i + 1 : end] = [ch if ch == "\n" else " " for ch in source[i + 1 : end]]
            i = end + 1
        elif c in "\"'":
            j = i + 1
            while j < n and source[j] != c and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            j = min(j, n)
            out[i + 1 : j] = " " * (j - i - 1)
            i = j + 1
        else:
            i += 1
    return "".join(out)


def declared_tests(source: str) -> list[str]:
    return [m.group(1) for m in _TEST_FUNC.finditer(_code_only(source))]


def other_test_functions(source: str) -> list[str]:
    """Example and Fuzz functions: `go test` runs them too, but the harness does not wrap them."""
    return [m.group(1) for m in _OTHER_FUNC.finditer(_code_only(source))]


def package_name(source: str) -> str | None:
    m = _PACKAGE.search(_code_only(source))
    return m.group(1) if m else None


@dataclass(frozen=True)
class Harness:
    """One run's secrets: a token in the generated names, a nonce in every record."""

    token: str  # random per run: part of every generated identifier
    nonce: str  # random per run: proves a record came from the harness

    @staticmethod
    def new() -> Harness:
        return Harness(token=secrets.token_hex(8), nonce=secrets.token_hex(16))

    @staticmethod
    def for_files(files: list[Path], nonce: str) -> Harness:
        """The token from the content of `files` (learner files and tests), a fresh nonce."""
        digest = hashlib.sha256(b"gokata-harness-v1\0")
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return Harness(token=digest.hexdigest()[:16], nonce=nonce)

    def hidden_name(self, test: str) -> str:
        return f"gokata{self.token}_{test}"

    def rewrite(self, source: str) -> tuple[str, list[str]]:
        """The test file with its test functions renamed, and the names it declared."""
        code = _code_only(source)
        names: list[str] = []
        out: list[str] = []
        last = 0
        for m in _TEST_FUNC.finditer(code):
            names.append(m.group(1))
            out.append(source[last : m.start(1)])
            out.append(self.hidden_name(m.group(1)))
            last = m.end(1)
        out.append(source[last:])
        return "".join(out), names

    def wrapper_file(self, package: str, tests: list[str]) -> str:
        t = self.token
        lines = [
            "// Code generated by gokata for one graded run. DO NOT EDIT.",
            "",
            f"package {package}",
            "",
            "import (",
            f'\tgokata{t}os "os"',
            f'\tgokata{t}testing "testing"',
            ")",
            "",
            f'var gokata{t}sink, _ = gokata{t}os.OpenFile(gokata{t}os.Getenv("{RESULTS_ENV}"), '
            f"gokata{t}os.O_WRONLY|gokata{t}os.O_APPEND, 0)",
            f'var gokata{t}nonce = gokata{t}os.Getenv("{NONCE_ENV}")',
            "",
            # A panicking test runs its cleanups before testing marks it failed, so the
            # wrapper also notes whether the body returned: a body that neither returned
            # nor failed nor skipped panicked (or called runtime.Goexit).
            f"func gokata{t}track(t *gokata{t}testing.T, body func(*gokata{t}testing.T)) {{",
            "\treturned := false",
            "\tt.Cleanup(func() {",
            '\t\tverdict := "pass"',
            "\t\tif t.Skipped() && !t.Failed() {",
            '\t\t\tverdict = "skip"',
            "\t\t} else if t.Failed() || !returned {",
            '\t\t\tverdict = "fail"',
            "\t\t}",
            f"\t\tif gokata{t}sink != nil {{",
            f'\t\t\t_, _ = gokata{t}sink.WriteString(gokata{t}nonce + " " + verdict + " " + t.Name() + "\\n")',
            "\t\t}",
            "\t})",
            "\tbody(t)",
            "\treturned = true",
            "}",
        ]
        for name in tests:
            lines += ["", f"func {name}(t *gokata{t}testing.T) {{ gokata{t}track(t, {self.hidden_name(name)}) }}"]
        return "\n".join(lines) + "\n"

    def write_into(self, pkg_dir: Path, test_files: list[str]) -> dict[str, list[str]]:
        """Rewrite the given test files in place and add one wrapper file per package clause.

        Returns package name -> the tests declared for it.
        """
        by_package: dict[str, list[str]] = {}
        for name in test_files:
            path = pkg_dir / name
            source = path.read_text(encoding="utf-8", errors="replace")
            rewritten, tests = self.rewrite(source)
            if tests:
                path.write_text(rewritten, encoding="utf-8")
                package = package_name(source) or ""
                by_package.setdefault(package, []).extend(tests)
        for index, (package, tests) in enumerate(sorted(by_package.items())):
            (pkg_dir / f"zz_gokata_{self.token}_{index}_test.go").write_text(
                self.wrapper_file(package, tests), encoding="utf-8"
            )
        return by_package


@dataclass(frozen=True)
class Records:
    """What the harness recorded: the verdicts of each test, and the lines that were forged."""

    verdicts: dict[str, list[str]]  # test -> verdicts recorded for it
    forged: list[str]  # lines that did not carry the nonce or did not parse


def read_records(path: Path, nonce: str, *, limit: int = 1 << 20) -> Records:
    verdicts: dict[str, list[str]] = {}
    forged: list[str] = []
    try:
        with path.open("rb") as f:
            data = f.read(limit)
    except OSError:
        data = b""
    for raw in data.decode("utf-8", errors="replace").splitlines():
        parts = raw.split(" ", 2)
        if len(parts) == 3 and secrets.compare_digest(parts[0], nonce) and parts[1] in ("pass", "fail", "skip"):
            verdicts.setdefault(parts[2], []).append(parts[1])
        elif raw.strip():
            forged.append(raw[:200])
    return Records(verdicts, forged)
