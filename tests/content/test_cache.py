"""The validated-bank cache: hits skip parsing, any change to the file misses, lint never uses it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from runner.content import cache
from runner.content.catalog import load_catalog
from runner.content.lint import lint_banks
from tests.conftest import FIXTURES


@pytest.fixture()
def bank_dir(tmp_path: Path) -> Path:
    target = tmp_path / "banks"
    shutil.copytree(FIXTURES / "banks" / "valid", target)
    return target


def test_second_load_comes_from_the_cache(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalog([bank_dir])
    calls: list[Path] = []
    import runner.content.catalog as catalog_mod
    from runner.content.yaml_source import YamlFile, read_yaml

    def spy(path: Path) -> YamlFile:
        calls.append(path)
        return read_yaml(path)

    monkeypatch.setattr(catalog_mod, "read_yaml", spy)
    second = load_catalog([bank_dir])
    assert calls == []
    assert second.by_id().keys() == first.by_id().keys()
    assert second.origins == first.origins


def test_an_edited_file_is_read_again(bank_dir: Path) -> None:
    load_catalog([bank_dir])
    path = bank_dir / "defer.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Deferred calls run in LIFO order.", "Deferred calls run last-in first-out."
        ),
        encoding="utf-8",
    )
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    q = load_catalog([bank_dir]).question("defer.lifo")
    assert q.prompt.en == "Deferred calls run last-in first-out."


def test_a_file_saved_while_it_is_read_is_not_cached_stale(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An author saves defer.yaml just after gokata has read it: what was read is the old text, so
    # it must not be stored under the new file's size and time, or every later run serves it.
    import runner.content.catalog as catalog_mod
    from runner.content.yaml_source import YamlFile, read_yaml

    old = "Deferred calls run in LIFO order."
    new = "Deferred calls run last-in first-out."

    def read_then_saved(p: Path) -> YamlFile:
        read = read_yaml(p)
        if p.name == "defer.yaml":
            p.write_text(p.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            st = p.stat()
            os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        return read

    monkeypatch.setattr(catalog_mod, "read_yaml", read_then_saved)
    assert load_catalog([bank_dir]).question("defer.lifo").prompt.en == old  # what was read
    monkeypatch.setattr(catalog_mod, "read_yaml", read_yaml)  # not undo(): that would drop the test's cache folder
    assert load_catalog([bank_dir]).question("defer.lifo").prompt.en == new


def test_lint_reads_the_file_even_when_cached(bank_dir: Path) -> None:
    load_catalog([bank_dir])
    path = bank_dir / "defer.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    difficulty: 1\n", "    difficulty: 1\n    difficulty: 2\n", 1), encoding="utf-8")
    _, problems = lint_banks([bank_dir])
    assert any("key given twice" in p.message for p in problems)


def test_cache_can_be_disabled(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_NO_CACHE", "1")
    load_catalog([bank_dir])
    assert cache.load(bank_dir / "defer.yaml") is None


def test_a_changed_content_model_misses_without_a_new_version(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Objects pickled from an older model class lack its new fields and fail only when read."""
    load_catalog([bank_dir])
    bank = next(bank_dir.glob("*.yaml"))
    assert cache.load(bank) is not None
    monkeypatch.setattr(cache, "_schema", lambda: "same version, models.py edited")
    assert cache.load(bank) is None
