"""No input to any `exam` command produces a traceback: malformed, oversized and hostile specs,
packs, submissions, state files, answers files, report folders and flags each get one message
and an exit code (run_cli does not catch exceptions, so a traceback fails the test)."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from runner.exam.candidate import STATE
from tests.cli_helpers import run_cli
from tests.exam.conftest import QUIZ_SPEC
from tests.exam.helpers import RIGHT, session, setup

Case = Callable[[Path], list[str]]


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def _world(tmp: Path) -> dict[str, Path]:
    """A spec, a pack, a started exam folder, a submission and a graded report folder."""
    spec = _write(tmp / "spec.yaml", QUIZ_SPEC)
    s = setup(spec, tmp)
    sub = session(s, tmp / "work", "Ada", RIGHT)
    out = tmp / "graded"
    assert run_cli("exam", "grade", str(spec), str(sub), "--out", str(out)).exit_code == 0
    return {"spec": spec, "pack": s.pack_dir, "work": tmp / "work", "sub": sub, "out": out}


BAD_SPECS: dict[str, bytes] = {
    "binary": bytes(range(256)),
    "empty": b"",
    "list": b"- a\n- b\n",
    "types": QUIZ_SPEC.replace("time_limit_minutes: 60", "time_limit_minutes: soon").encode(),
    "aliases": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n".encode()
        for i in range(60)
    ),
    "huge": b"title: x\n" + b"# " + b"x" * (2 * 1024 * 1024) + b"\n",
    "dup-criteria": (QUIZ_SPEC + "  - {id: go-fluency, title: Again}\n").encode(),
    "long-limit": QUIZ_SPEC.replace("time_limit_minutes: 60", "time_limit_minutes: 600000").encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_SPECS))
@pytest.mark.parametrize("command", ["lint", "pack", "grade"])
def test_bad_specs(tmp_path: Path, name: str, command: str) -> None:
    spec = _write(tmp_path / "bad.yaml", BAD_SPECS[name])
    args = {
        "lint": ["exam", "lint", str(spec)],
        "pack": ["exam", "pack", str(spec), "--out", str(tmp_path / "p")],
        "grade": ["exam", "grade", str(spec), str(tmp_path / "none.json"), "--out", str(tmp_path / "o")],
    }[command]
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert str(spec) in result.stderr
    assert not (tmp_path / "p").exists() and not (tmp_path / "o").exists()


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _pack_cases(tmp: Path, w: dict[str, Path]) -> dict[str, Path]:
    good = {p.relative_to(w["pack"]).as_posix(): p.read_bytes() for p in w["pack"].rglob("*") if p.is_file()}
    manifest = json.loads(good["manifest.json"])
    traversal = dict(good)
    traversal["../evil.txt"] = b"x"
    manifest_t = {**manifest, "files": {**manifest["files"], "../evil.txt": "0" * 64}}
    traversal["manifest.json"] = json.dumps(manifest_t).encode()
    return {
        "binary": _write(tmp / "bin.zip", bytes(range(256))),
        "empty-zip": _zip(tmp / "empty.zip", {}),
        "manifest-list": _zip(tmp / "list.zip", {"manifest.json": b"[]"}),
        "manifest-binary": _zip(tmp / "mb.zip", {"manifest.json": b"\xff\xfe"}),
        "old-format": _zip(tmp / "old.zip", {"manifest.json": json.dumps({**manifest, "format": 1}).encode()}),
        "traversal": _zip(tmp / "trav.zip", traversal),
        "missing": tmp / "nope.zip",
    }


BAD_STATES: dict[str, bytes] = {
    "binary": bytes(range(256)),
    "list": b"[]",
    "missing-fields": b'{"pack_hash": "x"}',
    "types": b'{"pack_hash": 1, "candidate": [], "time_limit_minutes": "x", "answers": []}',
    "events-junk": b'{"pack_hash": "x", "candidate": "a", "time_limit_minutes": 5, "answers": {}, "events": [1]}',
    "deep": b"[" * 50_000 + b"]" * 50_000,
}

BAD_ANSWERS: dict[str, bytes] = {
    "binary": bytes(range(256)),
    "list": b"- A\n- B\n",
    "unknown-id": b"q99: A\n",
    "wrong-shape": b"q01: {a: 1}\n",
    "letter-out-of-range": b"q01: Z\n",
    "empty": b"",
}


def test_every_candidate_command_with_bad_packs_states_and_answers(tmp_path: Path) -> None:
    w = _world(tmp_path)
    for name, pack in _pack_cases(tmp_path, w).items():
        r = run_cli("exam", "take", str(pack), "--dir", str(tmp_path / f"t-{name}"), "--name", "Eve")
        assert r.exit_code == 2, (name, r.output)
        assert not (tmp_path / "evil.txt").exists()
    for name, data in BAD_STATES.items():
        work = tmp_path / f"state-{name}"
        shutil.copytree(w["work"], work)
        _write(work / STATE, data)
        for args in (
            ["take", str(w["pack"]), "--dir", str(work)],
            ["submit", "--dir", str(work)],
            ["test", "sum-positive", "--dir", str(work)],
        ):
            r = run_cli("exam", *args)
            assert r.exit_code == 2 and "exam state" in r.stderr, (name, args, r.output)
    for name, data in BAD_ANSWERS.items():
        answers = _write(tmp_path / f"answers-{name}.yaml", data)
        r = run_cli(
            "exam",
            "take",
            str(w["pack"]),
            "--dir",
            str(tmp_path / f"a-{name}"),
            "--name",
            "Eve",
            "--answers",
            str(answers),
        )
        assert r.exit_code == 2, (name, r.output)
    for args in (
        ["take", str(w["pack"]), "--dir", str(tmp_path / "n1"), "--name", ""],
        ["take", str(w["pack"]), "--dir", str(tmp_path / "n2"), "--name", "x" * 500],
        ["take", str(w["pack"]), "--dir", str(w["sub"]), "--name", "Eve"],
        ["test", "nope", "--dir", str(w["work"])],
        ["test", "../../etc", "--dir", str(w["work"])],
        ["submit", "--dir", str(tmp_path / "nothing-here")],
        ["submit", "--dir", str(w["work"]), "--out", str(tmp_path)],
    ):
        r = run_cli("exam", *args)
        assert r.exit_code == 2, (args, r.output)


def test_grader_commands_with_bad_flags_and_report_folders(tmp_path: Path) -> None:
    w = _world(tmp_path)
    spec, sub, out = str(w["spec"]), str(w["sub"]), w["out"]
    for args in (
        ["grade", spec, sub, "--shard", "x"],
        ["grade", spec, sub, "--shard", "0/3"],
        ["grade", spec, sub, "--shard", "4/3"],
        ["grade", spec, sub, "--jobs", "0"],
        ["grade", spec, sub, "--out", sub],
        ["grade", spec, sub, "--bank", str(tmp_path / "nope")],
        ["merge", str(tmp_path / "nope"), "--out", str(tmp_path / "m")],
        ["merge", str(tmp_path / "work"), "--out", str(tmp_path / "m")],  # no reports in it
        ["merge", str(out), "--out", sub],
        ["note", str(tmp_path / "nope"), "Ada", "-t", "x"],
        ["note", str(out), "Nobody", "-t", "x"],
        ["note", str(out), "../..", "-t", "x"],
        ["note", str(out), "Ada"],
        ["note", str(out), "Ada", "--score", "x"],
        ["note", str(out), "Ada", "--score", "go-fluency=999999999999"],
        ["note", str(out), "Ada", "-t", "x" * 30_000],
        ["verify", str(tmp_path / "nope.json"), "--key", "k"],
        ["verify", str(out), "--key", "k"],
        ["verify", spec, "--key", "k"],
    ):
        r = run_cli("exam", *args)
        assert r.exit_code == 2, (args, r.output)
    # a candidate's name cannot place files outside --out
    data = json.loads(w["sub"].read_text(encoding="utf-8"))
    for i, name in enumerate(("../../escape", "/etc/passwd", "..", "con", "a" * 500, "\x00\n")):
        _write(tmp_path / f"hostile{i}.json", json.dumps({**data, "candidate": name}))
    r = run_cli(
        "exam", "grade", spec, *(str(tmp_path / f"hostile{i}.json") for i in range(6)), "--out", str(tmp_path / "h")
    )
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "escape").exists() and not (tmp_path.parent / "escape").exists()
    assert all(p.parent == tmp_path / "h" for p in (tmp_path / "h").iterdir())


BAD_REPORTS: dict[str, bytes] = {
    "binary": bytes(range(256)),
    "list": b"[]",
    "old": b'{"format": 1}',
    "types": b'{"format": 2, "exam": 1, "candidate": "a", "folder": "a", "submission": "a", "status": "graded"}',
    "status": b'{"format": 2, "exam": "e", "candidate": "a", "folder": "a", "submission": "a", "status": "won"}',
    "deep": b'{"format": 2, "questions": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
}


@pytest.mark.parametrize("name", sorted(BAD_REPORTS))
def test_bad_report_json_in_merge_note_and_verify(tmp_path: Path, name: str) -> None:
    w = _world(tmp_path)
    report = w["out"] / "ada" / "report.json"
    report.write_bytes(BAD_REPORTS[name])
    merged = run_cli("exam", "merge", str(w["out"]), "--out", str(tmp_path / "m"))
    assert merged.exit_code == 2 and str(report) in merged.stderr, merged.output
    noted = run_cli("exam", "note", str(w["out"]), "ada", "-t", "x")
    assert noted.exit_code == 2, noted.output
    for file in ("report.json", "report.html"):
        verified = run_cli("exam", "verify", str(w["out"] / "ada" / file), "--key", "k")
        assert verified.exit_code in (1, 2), verified.output
    (w["out"] / "summary.json").write_bytes(BAD_REPORTS[name])
    assert run_cli("exam", "verify", str(w["out"] / "summary.csv"), "--key", "k").exit_code == 1


def test_devices_and_folders_as_specs(tmp_path: Path) -> None:
    for spec in ("/dev/zero", str(tmp_path)):
        for args in (["lint", spec], ["pack", spec, "--out", str(tmp_path / "p")]):
            r = run_cli("exam", *args)
            assert r.exit_code == 2 and ("regular file" in r.stderr or "folder" in r.stderr), r.output


def test_new_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    assert run_cli("exam", "new", str(tmp_path)).exit_code == 2
    assert run_cli("exam", "new", str(tmp_path), "--force").exit_code == 2
    assert run_cli("exam", "new", str(tmp_path / "no" / "such" / "dir.yaml")).exit_code == 2


def _sparse(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def test_oversized_packs_states_answers_and_reports(tmp_path: Path) -> None:
    w = _world(tmp_path)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("questions.json", b"\0" * (70 * 1024 * 1024))  # 70 MiB of zeros in a zip of 70 KiB
    r = run_cli("exam", "take", str(bomb), "--dir", str(tmp_path / "b"), "--name", "Eve")
    assert r.exit_code == 2 and "more than 64 MiB" in r.stderr, r.output
    state = tmp_path / "big-state"
    shutil.copytree(w["work"], state)
    _sparse(state / STATE, 20 * 1024 * 1024)
    r = run_cli("exam", "submit", "--dir", str(state))
    assert r.exit_code == 2 and "larger than" in r.stderr, r.output
    answers = _sparse(tmp_path / "answers.yaml", 5 * 1024 * 1024)
    r = run_cli(
        "exam", "take", str(w["pack"]), "--dir", str(tmp_path / "a"), "--name", "Eve", "--answers", str(answers)
    )
    assert r.exit_code == 2 and "larger than" in r.stderr, r.output
    _sparse(w["out"] / "ada" / "report.json", 65 * 1024 * 1024)
    for args in (
        ["merge", str(w["out"]), "--out", str(tmp_path / "m")],
        ["note", str(w["out"]), "ada", "-t", "x"],
        ["verify", str(w["out"] / "ada" / "report.html"), "--key", "k"],
    ):
        r = run_cli("exam", *args)
        assert r.exit_code == 2 and "larger than" in r.stderr, (args, r.output)


def test_the_sandbox_kind_is_shown_when_the_kata_runner_reports_it() -> None:
    from dataclasses import dataclass

    from runner.exam.kata_bridge import _outcome_from
    from runner.kata.result import KataResult

    result = KataResult(kata="k", status="pass", score=1.0, tests=(), duration_s=0.1, summary="ok")
    assert _outcome_from(result, "k", "K", "t").isolation is None  # not there yet: nothing shown

    @dataclass(frozen=True)
    class WithIsolation(KataResult):
        isolation: str = "bwrap"

    isolated = WithIsolation(kata="k", status="pass", score=1.0, tests=(), duration_s=0.1, summary="ok")
    assert _outcome_from(isolated, "k", "K", "t").isolation == "bwrap"
