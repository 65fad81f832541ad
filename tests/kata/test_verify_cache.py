"""Verdicts that passed are reused while their inputs are unchanged (runner/verified.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner import verified
from runner.kata.verify import verify_katas


@pytest.fixture
def verify_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "verified"
    monkeypatch.setenv("GOKATA_VERIFY_CACHE", str(folder))
    monkeypatch.delenv("GOKATA_NO_VERIFY_CACHE", raising=False)
    return folder


def test_store_and_load_round_trip(verify_cache: Path) -> None:
    entry = verified.key("a", 1, ["b", "c"])
    assert verified.load("things", entry) is None
    verified.store("things", entry, {"runs": 3})
    assert verified.load("things", entry) == {"runs": 3}
    assert verified.key("a", 1, ["b", "c"]) == entry != verified.key("a", 1, ["b", "d"])


def test_the_cache_can_be_turned_off(verify_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_NO_VERIFY_CACHE", "1")
    verified.store("things", "x", 1)
    assert verified.load("things", "x") is None
    assert not verify_cache.exists()


def test_an_unreadable_entry_is_a_miss(verify_cache: Path) -> None:
    (verify_cache / "things").mkdir(parents=True)
    (verify_cache / "things" / "x.json").write_text("{not json", encoding="utf-8")
    assert verified.load("things", "x") is None


def test_tree_digest_sees_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("package a\n", encoding="utf-8")
    before = verified.tree_digest(tmp_path)
    (tmp_path / "a.go").write_text("package a // edited\n", encoding="utf-8")
    edited = verified.tree_digest(tmp_path)
    (tmp_path / "a.go").rename(tmp_path / "b.go")
    assert len({before, edited, verified.tree_digest(tmp_path)}) == 3


@pytest.mark.go
@pytest.mark.slow
def test_a_passing_kata_is_not_run_again_until_a_file_changes(kata_copy: Path, verify_cache: Path) -> None:
    first = verify_katas(("greet",), root=kata_copy, jobs=2, min_mutants=0)
    assert first.ok and not first.katas[0].cached
    again = verify_katas(("greet",), root=kata_copy, jobs=2, min_mutants=0)
    assert again.ok and again.katas[0].cached
    assert again.katas[0].to_json() == {**first.katas[0].to_json(), "cached": True}
    # A stricter setting is another question: checked again, and this one fails.
    assert not verify_katas(("greet",), root=kata_copy, jobs=2, min_mutants=5).katas[0].cached
    # An edited kata is checked again; a broken one is never stored.
    starter = kata_copy / "greet" / "greet.go"
    solution = kata_copy / "greet" / ".meta" / "solution" / "greet.go"
    starter.write_text(solution.read_text(encoding="utf-8"), encoding="utf-8")
    broken = verify_katas(("greet",), root=kata_copy, jobs=2, min_mutants=0)
    assert not broken.ok and not broken.katas[0].cached
    assert not verify_katas(("greet",), root=kata_copy, jobs=2, min_mutants=0).katas[0].cached
