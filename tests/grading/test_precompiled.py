"""Compiled question graders kept between runs: a loaded one grades exactly as a fresh compile, and
any change to the question or to the grader's code is a miss."""

from __future__ import annotations

import os
import pickle
from functools import cache
from pathlib import Path

import pytest

from runner.answers import framework, precompiled, shipped
from runner.answers.framework import CompiledQuestion, _all_phrasings, _compile_question, compile_question, grade_open
from runner.content import cache as content_cache
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion


def _open_questions() -> list[OpenQuestion]:
    return [q for q in load_catalog().questions if isinstance(q, OpenQuestion)]


@cache
def _echoing() -> list[OpenQuestion]:
    """Questions whose prompt names one of their own terms (the grader treats echoes specially)."""
    return [q for q in _open_questions() if _compile_question(q).in_prompt][:3]


def _prompt_positions(compiled: CompiledQuestion) -> list[int]:
    phrasings = _all_phrasings(compiled.points, compiled.misconceptions)
    return [i for i, ph in enumerate(phrasings) if id(ph) in compiled.in_prompt]


def test_a_stored_grader_loads_back_the_same() -> None:
    questions = _echoing()
    assert questions, "no bundled question names its own terms: the echo case goes untested"
    for q in questions:
        fresh = _compile_question(q)
        precompiled.store(q, fresh)
        loaded = precompiled.load(q)
        assert isinstance(loaded, CompiledQuestion) and loaded is not fresh
        # ids do not survive pickling: the prompt's phrasings must be found again by position
        assert _prompt_positions(loaded) == _prompt_positions(fresh) != []
        assert loaded.points == fresh.points and loaded.misconceptions == fresh.misconceptions


def test_a_loaded_grader_grades_like_a_fresh_one(monkeypatch: pytest.MonkeyPatch) -> None:
    for q in _echoing():
        answers = [q.model_answer.en, q.prompt.en, f"{q.prompt.en} It depends.", "I don't know."]
        monkeypatch.setattr(precompiled, "load", lambda _q: None)
        compile_question.cache_clear()
        fresh = [grade_open(q, a) for a in answers]
        precompiled.store(q, _compile_question(q))
        monkeypatch.undo()
        compile_question.cache_clear()
        stored = [grade_open(q, a) for a in answers]
        assert stored == fresh


def test_a_topics_shared_beliefs_are_kept_and_grade_like_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    q = next(q for q in _echoing() if framework._shared_beliefs(q.topic))
    answers = [q.model_answer.en, "A sync.Mutex is reentrant, so the same goroutine can lock it twice.", "No idea."]
    load_shared = precompiled.load_shared
    monkeypatch.setattr(precompiled, "load", lambda _q: None)  # the question compiles
    monkeypatch.setattr(precompiled, "load_shared", lambda _t: None)
    monkeypatch.setattr(shipped, "load", lambda _t: None)  # as if the shipped ones were stale: compiled, then kept
    framework._shared_beliefs.cache_clear()
    compile_question.cache_clear()
    fresh = [grade_open(q, a) for a in answers]
    monkeypatch.setattr(precompiled, "load_shared", load_shared)  # now its topic's beliefs load
    import runner.content.beliefs as beliefs_module

    def not_compiled_again(_topic: str) -> None:
        raise AssertionError("the kept shared beliefs were compiled again instead of loaded")

    monkeypatch.setattr(beliefs_module, "beliefs_for", not_compiled_again)
    kept = precompiled.load_shared(q.topic)
    assert isinstance(kept, tuple) and kept == framework._shared_beliefs(q.topic)
    framework._shared_beliefs.cache_clear()
    compile_question.cache_clear()
    assert [grade_open(q, a) for a in answers] == fresh
    monkeypatch.setattr(precompiled, "code_fingerprint", lambda: "another version of the grader")
    assert precompiled.load_shared(q.topic) is None


def test_a_changed_question_misses() -> None:
    q = _open_questions()[0]
    precompiled.store(q, _compile_question(q))
    edited = q.model_copy(update={"prompt": q.prompt.model_copy(update={"en": q.prompt.en + " Why?"})})
    assert precompiled.load(q) is not None
    assert precompiled.load(edited) is None


def test_changed_grader_code_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    q = _open_questions()[0]
    precompiled.store(q, _compile_question(q))
    monkeypatch.setattr(precompiled, "code_fingerprint", lambda: "another version of the grader")
    assert precompiled.load(q) is None


def test_the_fingerprint_names_the_grader_and_the_shared_beliefs() -> None:
    names = {line.split("|")[0] for line in precompiled.code_fingerprint().splitlines()[1:]}
    assert {"reading.py", "matcher.py", "framework.py", "plain_words.py", "models.py"} <= names
    assert any(n.endswith(".yaml") for n in names)


def test_a_damaged_cache_file_is_a_miss() -> None:
    q = _open_questions()[0]
    precompiled.store(q, _compile_question(q))
    folder = Path(os.environ["GOKATA_CONTENT_CACHE"]) / precompiled.KIND
    for file in folder.glob("*.pickle"):
        file.write_bytes(file.read_bytes()[:100])
    assert precompiled.load(q) is None
    compile_question.cache_clear()
    assert grade_open(q, q.model_answer.en).score >= 0.85  # compiled again, and stored again
    assert precompiled.load(q) is not None


def test_a_first_grade_writes_its_grader_when_the_process_ends(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOKATA_CONTENT_CACHE", str(tmp_path))
    q = _open_questions()[1]
    compile_question.cache_clear()
    fresh = grade_open(q, q.model_answer.en)
    folder = tmp_path / precompiled.KIND
    assert not folder.exists() or not list(folder.glob("*.pickle"))  # the grade did not wait for it
    assert isinstance(precompiled.load(q), CompiledQuestion)  # kept in memory until then
    content_cache.flush_pending()
    assert len(list(folder.glob("*.pickle"))) == 1
    monkeypatch.setattr(content_cache, "_PENDING", {})
    compile_question.cache_clear()
    assert isinstance(precompiled.load(q), CompiledQuestion)  # read back from the file
    assert grade_open(q, q.model_answer.en) == fresh


def test_a_stale_cache_entry_is_a_miss_without_reading_its_value(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GOKATA_CONTENT_CACHE", str(tmp_path))
    content_cache.store_keyed("slot", "old identity", ["value"], "probe")
    file = next((tmp_path / "probe").glob("*.pickle"))
    size = len(pickle.dumps("old identity", protocol=pickle.HIGHEST_PROTOCOL))
    file.write_bytes(file.read_bytes()[:size] + b"not a pickle")  # only the identity is intact
    assert content_cache.load_keyed("slot", "new identity", "probe") is None
    file.write_bytes(pickle.dumps(("old identity", ["value"])))  # the format before: one pickle
    assert content_cache.load_keyed("slot", "old identity", "probe") is None


def test_no_cache_means_no_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOKATA_CONTENT_CACHE", str(tmp_path))
    monkeypatch.setenv("GOKATA_NO_CACHE", "1")
    q = _open_questions()[0]
    compile_question.cache_clear()
    framework.grade_open(q, "anything")
    assert not (tmp_path / precompiled.KIND).exists()


def test_point_wordings_read_the_same_without_the_shared_beliefs() -> None:
    # Compiling reads each point's wording against the question's own phrasings only (the shared
    # beliefs are most of the phrasings and cost the time): on the bundled banks that must give
    # exactly the expectations a reading against every phrasing gives.
    for q in _open_questions():
        compiled = framework._compile_question(q)
        every = _all_phrasings(compiled.points, compiled.misconceptions)
        for cp in compiled.points:
            assert cp.expect == framework._expectations(cp, compiled.fuzzy, every), (q.id, cp.point.id)


def test_a_kept_question_leaves_its_topics_shared_beliefs_to_their_own_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared beliefs are kept once per topic; a kept question takes them from there again."""
    q = next(q for q in _open_questions() if framework._shared_beliefs(q.topic))
    monkeypatch.setattr(precompiled, "load", lambda _q: None)
    compile_question.cache_clear()
    fresh = compile_question(q)  # compiles and stores
    monkeypatch.setattr(precompiled, "load", _real_load)
    stored = _real_load(q)
    assert isinstance(stored, CompiledQuestion)
    assert not any(m.shared for m in stored.misconceptions)
    assert any(m.shared for m in fresh.misconceptions)
    compile_question.cache_clear()
    loaded = compile_question(q)
    assert loaded is not fresh
    assert loaded.misconceptions == fresh.misconceptions and loaded.points == fresh.points
    assert _prompt_positions(loaded) == _prompt_positions(fresh)
    compile_question.cache_clear()


_real_load = precompiled.load
