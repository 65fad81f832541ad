"""Every `--json` result: one object on stdout, written by the one JSON writer, carrying
`gokata_result_version` and the command's name; and the writer itself."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main

from runner.cli.main import app
from runner.reports.jsonout import RESULT_VERSION, emit_result, json_text, result_object
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES
from tests.exam.conftest import QUIZ_SPEC, SPEC
from tests.interview.conftest import BANKS as INTERVIEW_BANKS

BANK = FIXTURES / "banks" / "valid"
KATAS = FIXTURES / "katas"
EXAM_KATAS = FIXTURES / "exam" / "katas"

Args = Callable[[Path], list[str]]


def _answers(tmp_path: Path) -> list[str]:
    f = tmp_path / "answers.yaml"
    f.write_text("slices.reslice-shares-array: B\ndefer.lifo: true\n", encoding="utf-8")
    return ["--bank", str(BANK), "quiz", "--answers", str(f)]


def _interview(tmp_path: Path) -> list[str]:
    f = tmp_path / "answers.yaml"
    f.write_text(json.dumps(["Deferred calls run last in, first out.", "q"]), encoding="utf-8")
    return [
        "--bank",
        str(INTERVIEW_BANKS),
        "interview",
        "--topic",
        "defer",
        "--count",
        "3",
        "--seed",
        "0",
        "--answers",
        str(f),
    ]


def _stats_code(tmp_path: Path) -> list[str]:
    code = tmp_path / "code"
    shutil.copytree(KATAS / "stats" / ".meta" / "solution", code)
    return ["--katas", str(KATAS), "kata", "test", "stats", "--code", str(code)]


def _graded(tmp_path: Path) -> Path:
    spec = tmp_path / "quiz.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")  # a row that says why it was not graded
    out = tmp_path / "graded"
    assert (
        run_cli(
            "--bank", str(BANK), "exam", "grade", str(spec), str(tmp_path / "broken.json"), "--out", str(out)
        ).exit_code
        == 1
    )
    return out


def _exam_grade(tmp_path: Path) -> list[str]:
    spec = tmp_path / "quiz.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    return [
        "--bank",
        str(BANK),
        "exam",
        "grade",
        str(spec),
        str(tmp_path / "broken.json"),
        "--out",
        str(tmp_path / "out"),
    ]


def _exam_merge(tmp_path: Path) -> list[str]:
    return ["exam", "merge", str(_graded(tmp_path)), "--out", str(tmp_path / "merged")]


def _exam_test(tmp_path: Path) -> list[str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    content = ["--bank", str(BANK), "--katas", str(EXAM_KATAS)]
    assert run_cli(*content, "exam", "pack", str(spec), "--out", str(tmp_path / "pack")).exit_code == 0
    taken = run_cli(
        *content, "exam", "take", str(tmp_path / "pack"), "--dir", str(tmp_path / "w"), "--name", "Ada", input="q\n"
    )
    assert taken.exit_code == 0, taken.output
    return ["exam", "test", "sum-positive", "--dir", str(tmp_path / "w")]


def _kata_solution(_: Path) -> list[str]:
    from runner.progress.attempts import KataAttempt
    from runner.progress.store import open_store

    with open_store() as store:  # shown only after a pass
        store.record_kata(KataAttempt("sum-positive", "slices", "pass", 1.0, 1, 1, 1.0))
    return ["--katas", str(EXAM_KATAS), "kata", "solution", "sum-positive"]


# Every command with --json, and how to run it on fixture content. A new --json command must be
# added here (test_every_json_command_is_listed says so).
COMMANDS: dict[str, Args] = {
    "quiz": _answers,
    "topics": lambda _: ["--bank", str(BANK), "topics"],
    "show": lambda _: ["--bank", str(BANK), "show", "defer.lifo"],
    "answer": lambda _: [
        "--bank",
        str(BANK),
        "answer",
        "slices.interview-reslicing",
        "--text",
        "A slice is a header over a backing array.",
    ],
    "interview": _interview,
    "stats": lambda _: ["--bank", str(BANK), "stats"],
    "doctor": lambda _: ["doctor"],
    "kata list": lambda _: ["--katas", str(KATAS), "kata", "list"],
    "kata hint": lambda _: ["--katas", str(KATAS), "kata", "hint", "stats"],
    "kata test": _stats_code,
    "kata next": lambda _: ["--katas", str(KATAS), "kata", "next"],
    "kata solution": _kata_solution,
    "kata verify": lambda _: ["--katas", str(KATAS), "kata", "verify", "stats", "--jobs", "2"],
    "bank mistakes": lambda _: ["bank", "mistakes"],
    "bank calibrate": lambda _: ["bank", "calibrate", str(BANK)],
    "bank verify-snippets": lambda _: ["bank", "verify-snippets", "--bank", str(BANK)],
    "exam test": _exam_test,
    "exam grade": _exam_grade,
    "exam merge": _exam_merge,
}
NEEDS_GO = {"kata test", "kata verify", "bank verify-snippets", "exam test"}
SLOW = {"kata verify"}


def _json_commands() -> set[str]:
    found: set[str] = set()

    def walk(command: object, path: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, (*path, name))
        elif any("--json" in getattr(p, "opts", ()) for p in getattr(command, "params", ())):
            found.add(" ".join(path))

    walk(typer.main.get_command(app), ())
    return found


def test_every_json_command_is_listed() -> None:
    assert _json_commands() == set(COMMANDS)


def _marks(name: str) -> list[pytest.MarkDecorator]:
    return [*([pytest.mark.go] if name in NEEDS_GO else []), *([pytest.mark.slow] if name in SLOW else [])]


@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n)) for n in COMMANDS])
def test_every_json_result_carries_the_version_and_the_command(name: str, tmp_path: Path) -> None:
    result = run_cli(*COMMANDS[name](tmp_path), "--json")
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)  # exactly one JSON object, nothing else on stdout
    assert data["gokata_result_version"] == RESULT_VERSION == 1
    assert data["command"] == name
    assert result.stdout == json_text(data)  # written by the one writer: sorted keys, indent 2, UTF-8


def test_json_text_sorts_keys_keeps_utf8_and_indents_the_same_everywhere() -> None:
    one = json_text({"b": 1, "a": {"z": "切片", "y": [1, 2]}})
    two = json_text({"a": {"y": [1, 2], "z": "切片"}, "b": 1})
    assert one == two  # the key order does not depend on how the dict was built
    assert one == '{\n  "a": {\n    "y": [\n      1,\n      2\n    ],\n    "z": "切片"\n  },\n  "b": 1\n}\n'
    assert "\\u" not in one  # UTF-8 as is, never \u escapes


def test_result_object_adds_the_envelope_and_refuses_a_clash() -> None:
    assert result_object("kata test", {"kata": "x"}) == {
        "gokata_result_version": 1,
        "command": "kata test",
        "kata": "x",
    }
    with pytest.raises(ValueError, match="command"):
        result_object("quiz", {"command": "mine"})


def test_emit_result_writes_one_object_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    emit_result("topics", {"total": 0, "topics": []})
    out = capsys.readouterr().out
    assert json.loads(out) == {"command": "topics", "gokata_result_version": 1, "topics": [], "total": 0}
    assert out.endswith("}\n") and out.count("\n}\n") == 1
