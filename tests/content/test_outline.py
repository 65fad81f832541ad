"""The banks' outline: what `topics` and `stats` read, cached as plain data beside the catalog."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from runner.content.catalog import load_catalog
from runner.content.outline import Outline, load_outline, outline_of
from runner.errors import ContentError
from runner.progress.stats import compute_stats
from runner.progress.store import open_store
from runner.quiz.counts import topic_counts
from tests.conftest import FIXTURES


@pytest.fixture()
def bank_dir(tmp_path: Path) -> Path:
    target = tmp_path / "banks"
    shutil.copytree(FIXTURES / "banks" / "valid", target)
    return target


def test_the_outline_names_every_question_of_the_catalog() -> None:
    catalog = load_catalog()
    outline = load_outline()
    assert [b.topic for b in outline.banks] == [b.topic for b in catalog.banks]
    assert [(q.id, q.kind, q.difficulty) for q in outline.questions] == [
        (q.id, q.kind, q.difficulty) for q in catalog.questions
    ]
    assert {q.id for q in outline.questions if q.follows} == {
        q.id for q in catalog.questions if getattr(q, "follows", None)
    }
    assert outline.banks[0].title.get("zh") == catalog.banks[0].title.get("zh")


def test_counts_and_stats_are_the_same_from_the_outline_and_the_catalog() -> None:
    from datetime import UTC, datetime

    catalog = load_catalog()
    assert topic_counts(load_outline(), "zh") == topic_counts(catalog, "zh")
    now = datetime(2026, 12, 6, tzinfo=UTC)
    with open_store() as store:
        from_outline = compute_stats(load_outline(), store, now=now).to_json()
        from_catalog = compute_stats(catalog, store, now=now).to_json()
    assert from_outline == from_catalog


def test_a_second_load_is_the_cached_outline(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_outline([bank_dir])
    import runner.content.catalog as catalog_mod

    def no_catalog(*_a: object, **_k: object) -> object:
        raise AssertionError("the catalog was loaded")

    monkeypatch.setattr(catalog_mod, "load_catalog", no_catalog)
    assert load_outline([bank_dir]) == first


def test_an_edited_bank_is_outlined_again(bank_dir: Path) -> None:
    before = load_outline([bank_dir])
    path = bank_dir / "defer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: 2", 1), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    after = load_outline([bank_dir])
    assert after != before and after == outline_of(load_catalog([bank_dir]))


def test_a_broken_bank_is_reported_not_outlined(bank_dir: Path) -> None:
    load_outline([bank_dir])
    path = bank_dir / "defer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: 9", 1), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    with pytest.raises(ContentError):
        load_outline([bank_dir])


def test_an_outline_is_plain_data() -> None:
    import pickle

    data = pickle.dumps(load_outline())
    assert b"pydantic" not in data and b"runner.content.models" not in data
    assert isinstance(pickle.loads(data), Outline)


def test_questions_load_from_their_own_banks(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from runner.content.outline import load_question, load_questions

    catalog = load_catalog([bank_dir])
    load_outline([bank_dir])
    ids = [catalog.banks[0].questions[0].id, catalog.banks[-1].questions[-1].id, "no.such-id"]
    import runner.content.catalog as catalog_mod

    def no_catalog(*_a: object, **_k: object) -> object:
        raise AssertionError("the whole catalog was loaded")

    monkeypatch.setattr(catalog_mod, "load_catalog", no_catalog)
    found = load_questions(ids, [bank_dir])
    assert found == {qid: catalog.by_id()[qid] for qid in ids[:2]}
    assert load_question(ids[0], [bank_dir]) == catalog.by_id()[ids[0]]


def test_an_unknown_id_is_bad_input_and_a_missing_bank_entry_reads_the_catalog(bank_dir: Path) -> None:
    from runner.content.outline import load_question
    from runner.errors import BadInput

    catalog = load_catalog([bank_dir])
    load_outline([bank_dir])
    with pytest.raises(BadInput, match="unknown question id"):
        load_question("no.such-id", [bank_dir])
    shutil.rmtree(Path(os.environ["GOKATA_CONTENT_CACHE"]) / "banks")  # the per-bank entries are gone
    qid = catalog.banks[0].questions[0].id
    assert load_question(qid, [bank_dir]) == catalog.by_id()[qid]
