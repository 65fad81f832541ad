"""`progress import` and `export` against hostile files, and the store against hostile edits.

An audit found: /dev/zero imported until the kernel killed the process (24 GB) and a FIFO that
blocked forever; times of 1e300, Infinity or -1e12 and deeply nested JSON ending in tracebacks;
scores of 5, unknown kinds and modes, empty ids, negative durations and a 50 MB answer imported
with exit 0 (and an `at` of NaN silently counted as "already here"); `export --force` replacing a
symlink, a FIFO or a device node (as root, /dev/full) with a regular file. Each is now one clear
message with exit 2, and nothing in the store changes.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runner.errors import BadInput
from runner.kata.result import Status
from runner.progress import transfer
from runner.progress.records import KATA_STATUSES, MAX_ANSWER_CHARS, MAX_TIME, RULES
from runner.progress.store import ProgressStore, open_store
from runner.progress.transfer import export_progress, import_progress
from tests.cli_helpers import run_cli
from tests.progress.helpers import Clock, attempt

T = 1_773_104_400.0  # 2026-03-10 01:00 UTC


def _question(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "uid": "q-1",
        "at": T,
        "question_id": "alpha.one",
        "topic": "alpha",
        "kind": "truefalse",
        "answer": "true",
        "correct": 1,
        "score": 1.0,
        "duration_s": 12.5,
        "mode": "practice",
        "hints": 0,
        "missed_core": 0,
        "rating": 3,
        "rating_override": None,
        "right": 1,
    }
    record.update(fields)
    return record


def _kata(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "uid": "k-1",
        "at": T,
        "slug": "two-sum",
        "topic": "alpha",
        "status": "pass",
        "score": 1.0,
        "tests_passed": 4,
        "tests_total": 4,
        "duration_s": 3.0,
    }
    record.update(fields)
    return record


def _export(
    questions: list[Any] | None = None, katas: list[Any] | None = None, hints: list[Any] | None = None
) -> dict[str, Any]:
    return {
        "format": "gokata-progress",
        "version": 1,
        "questions": [_question()] if questions is None else questions,
        "katas": [] if katas is None else katas,
        "hints": [] if hints is None else hints,
    }


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _snapshot(store: ProgressStore) -> tuple[object, ...]:
    return (list(store.question_rows()), list(store.kata_rows()), store.hint_rows(), store.cards())


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    s = open_store(tmp_path / "progress.db", clock=Clock())
    s.record_question(attempt("alpha.one"))
    return s


def _refused(store: ProgressStore, path: Path, message: str) -> None:
    before = _snapshot(store)
    with pytest.raises(BadInput, match=message):
        import_progress(store, path)
    assert _snapshot(store) == before


def test_the_rules_cover_the_store_columns_and_the_kata_verdicts() -> None:
    assert tuple(RULES["questions"]) == transfer.FIELDS["questions"]
    assert set(get_args(Status)) == KATA_STATUSES  # a new verdict must be importable


# -- what the file is ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "symlink-to-fifo", "folder"])
def test_what_is_not_a_regular_file_is_refused_unread(tmp_path: Path, store: ProgressStore, kind: str) -> None:
    path = tmp_path / "x.json"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")  # read, never written: /dev/zero was read until the OOM killer came
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    else:
        path.mkdir()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            import_progress(store, path)
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive() and kind != "folder":  # blocked on the pipe: release it before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    assert not worker.is_alive(), "import blocked on a non-regular file"
    assert len(errors) == 1 and isinstance(errors[0], BadInput)
    assert "not a regular file" in errors[0].message


def test_a_regular_file_through_a_symlink_is_read(tmp_path: Path, store: ProgressStore) -> None:
    real = _write(tmp_path / "real.json", _export([_question(uid="new")]))
    (tmp_path / "link.json").symlink_to(real)
    assert import_progress(store, tmp_path / "link.json").questions_added == 1


def test_a_file_over_the_cap_is_refused_before_it_is_parsed(
    tmp_path: Path, store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "big.json", _export([_question(uid=f"u{i}") for i in range(50)]))
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", path.stat().st_size - 1)
    _refused(store, path, r"big\.json: larger than 0 MiB; not a gokata progress export")
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", path.stat().st_size)
    assert import_progress(store, path).questions_added == 50


def test_the_cap_holds_a_heavy_learners_export() -> None:
    # 100,000 answers, a quarter of them ~700-character open answers, export to 51 MB (measured).
    assert transfer.MAX_IMPORT_BYTES >= 2 * 51_000_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "gokata-progress", "version": 1, "questions": [' + "9" * 5000 + "]}", "not valid JSON"),
        ("\udcff", "not UTF-8"),
        ('{"format": "gokata-progress", "version": true}', r"version: expected a whole number from 1, got True"),
        ('{"format": "gokata-progress", "version": 0}', "version: expected a whole number from 1"),
    ],
)
def test_unreadable_json_is_one_message(tmp_path: Path, store: ProgressStore, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    _refused(store, path, message)


# -- every record is checked -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        ("questions", "at", 1e300, r"at: expected a time between 1970-01-01 and 2100-01-01 \(UTC\), got 1e\+300"),
        ("questions", "at", math.inf, "at: expected a time between"),
        ("questions", "at", math.nan, "at: expected a time between"),
        ("questions", "at", -1e12, "at: expected a time between"),
        ("questions", "at", MAX_TIME, "at: expected a time between"),
        ("questions", "at", "now", r"at: expected a time \(seconds since 1970\), got 'now'"),
        ("questions", "score", 5, "score: expected a score from 0 to 1, got 5"),
        ("questions", "score", math.nan, "score: expected a score from 0 to 1"),
        ("questions", "kind", "bogus", "kind: expected one of multi, open, .*, got 'bogus'"),
        ("questions", "mode", "bogus", "mode: expected one of exam, interview, .*, got 'bogus'"),
        ("questions", "uid", "", "uid: empty"),
        ("questions", "uid", 5, "uid: expected text, got 5"),
        ("questions", "question_id", "a\x1b[2Jb", "question_id: holds a control character"),
        ("questions", "topic", "x" * 201, "topic: longer than 200 characters"),
        ("questions", "duration_s", -100, "duration_s: expected a duration in seconds from 0"),
        ("questions", "hints", -3, "hints: expected 0 to 1000000, got -3"),
        ("questions", "hints", 2**70, "hints: expected 0 to 1000000"),
        ("questions", "hints", True, "hints: expected a whole number, got True"),
        ("questions", "correct", 7, "correct: expected 0 to 1, got 7"),
        ("questions", "rating", 9, "rating: expected 1 to 4, got 9"),
        ("questions", "rating_override", 0, "rating_override: expected 1 to 4, got 0"),
        ("questions", "right", 2, "right: expected 0 to 1, got 2"),
        ("questions", "answer", "x" * (MAX_ANSWER_CHARS + 1), f"answer: longer than {MAX_ANSWER_CHARS} characters"),
        ("questions", "answer", "\ud800", "answer: holds text that is not valid Unicode"),
        ("katas", "status", "won", "status: expected one of compile_error, fail, pass, .*, got 'won'"),
        ("katas", "tests_total", -1, "tests_total: expected 0 to 1000000, got -1"),
        ("katas", "at", math.inf, "at: expected a time between"),
        ("hints", "level", 0, "level: expected 1 to 1000000, got 0"),
        ("hints", "at", -1.0, "at: expected a time between"),
    ],
)
def test_a_bad_field_is_named_with_its_record_and_nothing_is_imported(
    tmp_path: Path, store: ProgressStore, section: str, field: str, value: object, message: str
) -> None:
    good: dict[str, dict[str, Any]] = {
        "questions": _question(uid="fine"),
        "katas": _kata(),
        "hints": {"slug": "two-sum", "level": 1, "at": T},
    }
    bad = {**good[section], "uid": "bad", field: value}
    if section == "hints":
        bad = {"slug": "other", "level": bad["level"], "at": bad["at"]}
    data = _export([], katas=[], hints=[])
    data[section] = [good[section], bad]  # the first record is fine: the second is named
    path = tmp_path / "bad.json"
    # NaN and Infinity as Python's json writes them (and reads them back); a lone surrogate as \ud800
    path.write_text(json.dumps(data), encoding="utf-8")
    index = 1
    _refused(store, path, rf"bad\.json: {section}\[{index}\]\.{message}")


def test_the_same_attempt_twice_in_one_file_is_refused(tmp_path: Path, store: ProgressStore) -> None:
    path = _write(tmp_path / "dup.json", _export([_question(uid="d"), _question(uid="d", answer="other")]))
    _refused(store, path, r"questions\[1\]\.uid: the same as questions\[0\]")
    hint = {"slug": "two-sum", "level": 1, "at": T}
    path = _write(tmp_path / "duph.json", _export([], hints=[hint, dict(hint, at=T + 1)]))
    _refused(store, path, r"hints\[1\]\.level: the same as hints\[0\]")


def test_a_question_no_bank_knows_is_kept(tmp_path: Path, store: ProgressStore) -> None:
    path = _write(tmp_path / "private.json", _export([_question(uid="p", question_id="private.secret-bank")]))
    assert import_progress(store, path).questions_added == 1
    assert "private.secret-bank" in store.cards()


def test_extra_keys_are_ignored(tmp_path: Path, store: ProgressStore) -> None:
    path = _write(tmp_path / "extra.json", _export([_question(uid="e", evil="x" * 1000)]))
    assert import_progress(store, path).questions_added == 1
    assert "evil" not in next(r for r in store.question_rows() if r["uid"] == "e")


# -- property: whatever the file holds, an import ends in success or BadInput -------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_FIELDS = [(section, name) for section in ("questions", "katas") for name in RULES[section]]


def _import_in_fresh_store(data: bytes) -> tuple[BadInput | None, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_bytes(data)
        with open_store(Path(folder) / "progress.db", clock=Clock()) as store:
            store.record_question(attempt("alpha.one"))
            before = _snapshot(store)
            try:
                import_progress(store, path)
            except BadInput as exc:
                assert _snapshot(store) == before  # a refused file changes nothing
                return exc, []
            return None, list(store.question_rows())


@settings(max_examples=150)
@given(field=st.sampled_from(_FIELDS), value=_JSON)
def test_any_value_in_any_field_is_imported_or_refused_by_name(field: tuple[str, str], value: object) -> None:
    section, name = field
    record = dict(_question(uid="new") if section == "questions" else _kata(), **{name: value})
    data = _export([record] if section == "questions" else [], katas=[record] if section == "katas" else [])
    error, _ = _import_in_fresh_store(json.dumps(data).encode("utf-8", "surrogatepass"))
    if error is not None:
        assert f"{section}[0]" in error.message
        assert len(error.message) < 400  # a huge value is cut, never echoed whole


@settings(max_examples=150)
@given(
    data=st.one_of(
        st.binary(max_size=200),
        _JSON.map(lambda v: json.dumps(v).encode()),
        _JSON.map(lambda v: json.dumps({"format": "gokata-progress", "version": 1, "questions": v}).encode()),
    )
)
def test_any_file_is_imported_or_refused_without_a_traceback(data: bytes) -> None:
    _import_in_fresh_store(data)


_VALID_QUESTION = st.fixed_dictionaries(
    {
        "uid": st.uuids().map(lambda u: u.hex),
        "at": st.floats(0, MAX_TIME, exclude_max=True),
        "question_id": st.sampled_from(["alpha.one", "alpha.two", "private.q"]),
        "topic": st.sampled_from(["alpha", "private"]),
        "kind": st.sampled_from(["truefalse", "open", "single"]),
        "answer": st.text(max_size=50).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)),
        "correct": st.sampled_from([None, 0, 1]),
        "score": st.floats(0, 1),
        "duration_s": st.floats(0, 1e6),
        "mode": st.sampled_from(["practice", "review", "exam", "interview"]),
        "hints": st.integers(0, 5),
        "missed_core": st.sampled_from([0, 1]),
        "rating": st.integers(1, 4),
        "rating_override": st.sampled_from([None, 1, 2, 3, 4]),
        "right": st.sampled_from([0, 1]),
    }
)


@settings(max_examples=60)
@given(records=st.lists(_VALID_QUESTION, max_size=6, unique_by=lambda r: r["uid"]))
def test_valid_records_round_trip(records: list[dict[str, Any]]) -> None:
    data = _export(records)
    error, rows = _import_in_fresh_store(json.dumps(data).encode())
    assert error is None
    assert {r["uid"]: r for r in rows if r["uid"] in {q["uid"] for q in records}} == {r["uid"]: r for r in records}


# -- export never replaces what is not a regular file ---------------------------------------------


@pytest.mark.parametrize("kind", ["symlink", "dangling-symlink", "fifo", "folder"])
def test_export_refuses_a_target_that_is_not_a_regular_file(tmp_path: Path, store: ProgressStore, kind: str) -> None:
    target = tmp_path / "out.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "dangling-symlink":
        target.symlink_to(tmp_path / "nowhere")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    before = os.lstat(target)
    for force in (False, True):
        with pytest.raises(BadInput, match="gokata writes only regular files"):
            export_progress(store, target, force=force)
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "nowhere").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


def test_export_onto_a_symlink_through_the_cli_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "victim").write_text("precious", encoding="utf-8")
    (tmp_path / "out.json").symlink_to(tmp_path / "victim")
    result = run_cli("progress", "export", str(tmp_path / "out.json"), "--force")
    assert result.exit_code == 2
    assert "is a symbolic link; gokata writes only regular files" in result.output
    assert (tmp_path / "out.json").is_symlink() and (tmp_path / "victim").read_text(encoding="utf-8") == "precious"
