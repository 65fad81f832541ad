"""A batch never aborts: every file that cannot be graded becomes a row and a report saying why."""

from __future__ import annotations

import json
import os
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner.exam.batch import finish
from runner.exam.grading import INTERNAL, grade_submission
from runner.exam.submission import MAX_SUBMISSION_BYTES, NotGradable, read_submission
from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, WRONG, Setup, session, setup


def _bad_files(tmp_path: Path, good: Path) -> dict[str, Path]:
    valid = json.loads(good.read_text(encoding="utf-8"))
    files: dict[str, bytes] = {
        "empty": b"",
        "bad-json": b'{"format": 2, "answers": {',
        "zip": b"PK\x03\x04" + os.urandom(200),
        "binary": bytes(range(256)) * 4,
        "array": b"[1, 2, 3]",
        "no-format": json.dumps({**valid, "format": None}).encode(),
        "answers-list": json.dumps({**valid, "answers": ["A", "B"]}).encode(),
        "duration-fast": json.dumps(
            {**valid, "answers": {k: {**v, "duration_s": "fast"} for k, v in valid["answers"].items()}}
        ).encode(),
        "deep": b'{"format": 2, "answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "huge-number": b'{"format": 2, "started_at": 1' + b"0" * 5000 + b"}",
        "events-junk": json.dumps({**valid, "events": [{"seq": "x"}]}).encode(),
        "katas-junk": json.dumps({**valid, "katas": {"sum-positive": {"files": {"sum.go": 42}}}}).encode(),
        "negative-time": json.dumps(
            {**valid, "answers": {k: {**v, "duration_s": -5} for k, v in valid["answers"].items()}}
        ).encode(),
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / "subs" / f"{name}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths[name] = path
    huge = tmp_path / "subs" / "huge.json"
    with huge.open("wb") as fh:  # 300 MB, sparse: costs no disk
        fh.truncate(300 * 1024 * 1024)
    paths["huge"] = huge
    folder = tmp_path / "subs" / "a-folder.json"
    folder.mkdir()
    paths["folder"] = folder
    paths["missing"] = tmp_path / "subs" / "missing.json"
    return paths


def test_bad_files_become_rows_and_the_rest_is_graded(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    good = session(s, tmp_path / "w1", "Ada", RIGHT)
    other = session(s, tmp_path / "w2", "Bob", WRONG)
    bad = _bad_files(tmp_path, good)
    out = tmp_path / "out"
    result = run_cli("exam", "grade", str(quiz_spec), str(good), *map(str, bad.values()), str(other), "--out", str(out))
    assert result.exit_code == 1, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = {r["submission"]: r for r in summary["candidates"]}
    assert rows["Ada.json"]["status"] == "graded" and rows["Ada.json"]["rank"] == 1
    assert rows["Bob.json"]["status"] == "graded" and rows["Bob.json"]["rank"] == 2
    reasons = {name: rows[p.name]["reason"] for name, p in bad.items()}
    assert all(rows[p.name]["status"] == "not-graded" for p in bad.values())
    assert "empty" in reasons["empty"]
    assert "not JSON (line 1" in reasons["bad-json"]
    assert "zip archive" in reasons["zip"]
    assert "not UTF-8" in reasons["binary"]
    assert "a JSON list" in reasons["array"]
    assert "not a gokata submission" in reasons["no-format"]
    assert "answers: expected an object, got list" in reasons["answers-list"]
    assert "duration_s" in reasons["duration-fast"] and "expected a number" in reasons["duration-fast"]
    assert "larger than 8 MiB" in reasons["huge"]
    assert "not a regular file" in reasons["folder"] and "no such file" in reasons["missing"]
    assert "nested" in reasons["deep"] or "not a submission" in reasons["deep"] or "malformed" in reasons["deep"]
    assert "not a time" in reasons["negative-time"]
    for name, p in bad.items():  # each its own small report
        folder = out / rows[p.name]["folder"]
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        assert report["status"] == "not-graded" and report["reason"] == reasons[name]
        assert "NOT GRADED" in (folder / "report.md").read_text(encoding="utf-8")
    assert "not graded" in result.stdout


def test_the_size_limit_reads_in_bounded_memory(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.truncate(300 * 1024 * 1024)
    tracemalloc.start()
    try:
        read_submission(huge)
    except NotGradable as exc:
        assert "larger than" in exc.reason
    else:  # pragma: no cover
        raise AssertionError("a 300 MB file was read")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3 * MAX_SUBMISSION_BYTES


# ---- property-based: random and mutated submissions ------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _set(copy[head], tuple(rest), new)
    return copy


_SETUP: dict[str, tuple[Setup, dict[str, Any]]] = {}


def _valid(tmp: Path, spec: Path) -> tuple[Setup, dict[str, Any]]:
    if "s" not in _SETUP:
        s = setup(spec, tmp)
        sub = session(s, tmp / "w", "Base", RIGHT)
        _SETUP["s"] = (s, json.loads(sub.read_text(encoding="utf-8")))
    return _SETUP["s"]


def _files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_random_and_mutated_submissions_never_raise_and_write_only_under_out(
    tmp_path: Path, quiz_spec: Path, data: st.DataObject
) -> None:
    s, valid = _valid(tmp_path, quiz_spec)
    kind = data.draw(st.sampled_from(["mutated", "mutated", "random-json", "bytes"]))
    if kind == "mutated":
        paths = _paths(valid)
        where = data.draw(st.sampled_from(paths))
        body = json.dumps(_set(valid, where, data.draw(JSON))).encode()
    elif kind == "random-json":
        body = json.dumps(data.draw(JSON)).encode()
    else:
        body = data.draw(st.binary(max_size=300))
    with tempfile.TemporaryDirectory(dir=tmp_path) as root_name:
        root = Path(root_name)
        sub = root / data.draw(st.sampled_from(["a.json", "../../x.json".replace("/", "_"), "名字.json"]))
        sub.write_bytes(body)
        before = _files_under(root)
        out = root / "out"
        report = grade_submission(sub, s.context())  # never raises
        assert report.status in ("graded", "not-graded")
        assert INTERNAL not in report.reason  # and never hides a fault of its own as a reason
        finish("Quiz only", [report], out, "k")
        created = _files_under(root) - before
        assert all(p == "out" or p.startswith("out/") for p in created), created
