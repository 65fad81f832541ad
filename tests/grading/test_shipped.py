"""The shared beliefs shipped compiled inside the package: fresh for this code, the same as a
compile, and never loaded when stale or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.answers import framework, nearest, precompiled, shipped
from runner.answers.build_shipped import build
from runner.answers.framework import CompiledMisconception, compile_shared_beliefs
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion

REBUILD = "the shipped shared beliefs are stale: run `python -m runner.answers.build_shipped` and commit the result"


@pytest.fixture(autouse=True)
def _caching_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOKATA_NO_CACHE", raising=False)


def test_every_bundled_topic_ships_beliefs_compiled_from_this_code() -> None:
    topics = load_catalog().topics()
    assert topics
    stale = [t for t in topics if shipped.load(t) is None]
    assert not stale, f"{REBUILD} (topics {', '.join(stale)})"


def test_shipped_beliefs_are_what_a_compile_gives() -> None:
    for topic in load_catalog().topics():
        loaded = shipped.load(topic)
        assert isinstance(loaded, tuple) and all(isinstance(m, CompiledMisconception) for m in loaded)
        assert loaded == compile_shared_beliefs(topic), f"{topic}: {REBUILD}"


def _one_topic(folder: Path) -> Path:
    return build(folder)[0]


def test_a_file_from_other_code_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _one_topic(tmp_path)
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    topic = path.stem
    assert shipped.load(topic) is not None
    _, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(b"3.11|0123456789abcdef\n" + body)  # compiled from other sources
    assert shipped.load(topic) is None


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\n\x00\x01", None])
def test_a_damaged_or_missing_file_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    path = _one_topic(tmp_path)
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(shipped.fingerprint() + b"\n" + damage)
    assert shipped.load(path.stem) is None


def test_nothing_is_loaded_when_caching_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_NO_CACHE", "1")
    assert shipped.load(load_catalog().topics()[0]) is None


def test_the_grader_compiles_the_beliefs_when_the_shipped_ones_are_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    topic = load_catalog().topics()[0]
    monkeypatch.setattr(shipped, "load", lambda _t: ("not", "beliefs"))
    monkeypatch.setattr(precompiled, "load_shared", lambda _t: None)
    framework._shared_beliefs.cache_clear()
    try:
        assert framework._shared_beliefs(topic) == compile_shared_beliefs(topic)
    finally:
        framework._shared_beliefs.cache_clear()


def test_the_shipped_question_index_is_the_bundled_banks_as_they_are() -> None:
    loaded = nearest._load_shipped()
    assert isinstance(loaded, nearest.QuestionIndex), REBUILD
    fresh = nearest.build_index(q for q in load_catalog().questions if isinstance(q, OpenQuestion))
    assert loaded.ids == fresh.ids and loaded.terms == fresh.terms, REBUILD
    assert loaded.weights == fresh.weights and loaded.idf == fresh.idf, REBUILD
