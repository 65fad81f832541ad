"""The bundled banks: lint-clean, bilingual, at the minimums the project promises, outputs verified."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from runner.content.catalog import Catalog, load_catalog
from runner.content.lint import lint_banks
from runner.content.models import KINDS, LocalText, MultiQuestion, OpenQuestion, SingleQuestion
from runner.paths import questions_dir
from tests.cli_helpers import run_cli

CORE = ("slices", "defer", "once", "context", "pools", "mutexes")
OTHER = ("waitgroup", "channels", "goroutines", "atomics", "interfaces", "memory", "design")
# Topics added in the second round (issue 17): each a full bank with every kind.
NEW = ("idioms", "errors", "generics", "maps", "strings", "http", "testing")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([questions_dir()])


def test_lint_clean() -> None:
    _, problems = lint_banks([questions_dir()])
    assert [str(p) for p in problems] == []


def test_minimum_counts(catalog: Catalog) -> None:
    per_topic = Counter(q.topic for q in catalog.questions)
    assert set(CORE + OTHER + NEW) <= set(per_topic)
    for topic in NEW:
        qs = [q for q in catalog.questions if q.topic == topic]
        assert len(qs) >= 22, topic
        assert {q.kind for q in qs} == set(KINDS), topic
        assert {q.difficulty for q in qs} == {1, 2, 3, 4, 5}, topic
        assert sum(q.kind == "open" and q.follows is None for q in qs) >= 3, topic
    assert len(catalog.questions) >= 280
    for topic in CORE:
        assert per_topic[topic] >= 25, topic
    for topic in OTHER:
        assert per_topic[topic] >= 12, topic
    kinds = Counter(q.kind for q in catalog.questions)
    assert kinds["output"] >= 70 and kinds["open"] >= 60
    for topic in CORE:
        qs = [q for q in catalog.questions if q.topic == topic]
        assert {q.kind for q in qs} == set(KINDS), topic
        assert {q.difficulty for q in qs} == {1, 2, 3, 4, 5}, topic
    assert set(KINDS) <= set(kinds)


def test_every_correction_is_taught(catalog: Catalog) -> None:
    tags = Counter(t for q in catalog.questions for t in q.tags)
    missing = [n for n in range(1, 12) if tags[f"correction-{n}"] == 0]
    assert missing == []
    for q in catalog.questions:
        if any(t.startswith("correction-") for t in q.tags):
            assert "1." in q.explanation.en, f"{q.id}: a correction names its Go version"


def test_calibration_examples_on_thirty_open_questions(catalog: Catalog) -> None:
    with_examples = [q for q in catalog.questions if isinstance(q, OpenQuestion) and q.examples]
    assert len(with_examples) >= 30


def _texts(q: object) -> list[tuple[str, LocalText]]:
    found: list[tuple[str, LocalText]] = []
    for name in ("prompt", "explanation", "model_answer"):
        value = getattr(q, name, None)
        if isinstance(value, LocalText):
            found.append((name, value))
    if isinstance(q, SingleQuestion | MultiQuestion):
        for i, c in enumerate(q.choices):
            found.append((f"choices.{i}.text", c.text))
            if c.why:
                found.append((f"choices.{i}.why", c.why))
    if isinstance(q, OpenQuestion):
        for p in q.framework:
            found.append((f"framework.{p.id}", p.point))
            if p.follow_up:
                found.append((f"framework.{p.id}.follow_up", p.follow_up))
        for m in q.misconceptions:
            found += [(f"misconceptions.{m.id}.belief", m.belief), (f"misconceptions.{m.id}.correction", m.correction)]
    return found


def test_everything_is_bilingual(catalog: Catalog) -> None:
    missing = [f"{q.id}: {name}" for q in catalog.questions for name, text in _texts(q) if not text.zh]
    assert missing == []
    assert all(b.title.zh for b in catalog.banks)


def test_version_dependent_questions_name_their_version(catalog: Catalog) -> None:
    unversioned = [q.id for q in catalog.questions if "version-dependent" in q.tags and not q.go]
    assert unversioned == []


@pytest.mark.go
@pytest.mark.slow
def test_every_output_question_prints_what_it_says() -> None:
    result = run_cli("bank", "verify-snippets", "--json")
    report = json.loads(result.stdout)
    wrong = [f"{r['id']}:\n{r['diff']}" for r in report["results"] if not r["ok"]]
    assert wrong == [], "\n".join(wrong)
    assert report["total"] >= 70


def test_question_lines_found_by_scan_match_the_yaml_tree() -> None:
    from runner.content.catalog import _id_lines
    from runner.content.yaml_source import Locator, read_yaml

    for path in sorted(questions_dir().glob("*.yaml")):
        yf = read_yaml(path)
        n = len(yf.data["questions"])
        locator = Locator(yf.text)
        assert _id_lines(yf.text, n) == [locator.find(("questions", i, "id")) for i in range(n)], path
