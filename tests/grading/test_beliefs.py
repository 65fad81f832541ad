"""Shared wrong beliefs: loaded and validated with locations, applied by topic, stated only when
the answer makes the claim its own, and a stated one caps the grade."""

from __future__ import annotations

from pathlib import Path

import pytest

from runner.answers.framework import SHARED_BELIEF_CAP, grade_open
from runner.content.beliefs import ID_PREFIX, beliefs_for, load_beliefs
from runner.content.catalog import load_catalog
from runner.content.lint import belief_problems
from runner.content.models import OpenQuestion
from runner.errors import ContentError

BELIEF = """\
beliefs:
  - id: {id}
    topics: [{topics}]
    belief: {{en: "sync.Mutex is reentrant", zh: "sync.Mutex 可重入"}}
    correction: {{en: "It is not.", zh: "不可重入。"}}
    phrasings: ["mutex is reentrant"]
"""


def _folder(tmp_path: Path, *files: str) -> Path:
    for i, text in enumerate(files):
        (tmp_path / f"f{i}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_valid_folder_loads_every_belief(tmp_path: Path) -> None:
    beliefs = load_beliefs(
        _folder(tmp_path, BELIEF.format(id="a", topics="mutexes"), BELIEF.format(id="b", topics='"*"'))
    )
    assert [b.id for b in beliefs] == ["a", "b"]
    assert beliefs[1].topics == ("*",)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("beliefs:\n  - id: x\n    topics: [mutexes]\n", ":2:"),  # belief, correction, phrasings missing
        ("beliefs: [\n", ":"),  # malformed YAML
        (BELIEF.format(id="Bad Id", topics="mutexes"), ":2:"),
        (BELIEF.format(id="a", topics="mutexes").replace('["mutex is reentrant"]', "[]"), ":6:"),
        (BELIEF.format(id="a", topics="mutexes") + "    colour: red\n", ":7:"),
    ],
)
def test_a_broken_file_says_where(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(ContentError) as info:
        load_beliefs(_folder(tmp_path, text))
    assert f"f0.yaml{where}" in str(info.value)


def test_an_id_used_in_two_files_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, BELIEF.format(id="a", topics="mutexes"), BELIEF.format(id="a", topics="maps"))
    with pytest.raises(ContentError, match="also used in") as info:
        load_beliefs(folder)
    assert "f1.yaml:2:" in str(info.value)  # the second declaration, at its line


def test_a_problem_found_after_validation_points_at_its_belief(tmp_path: Path) -> None:
    from runner.content.beliefs import line_of, located_beliefs

    text = BELIEF.format(id="a", topics="mutexes") + BELIEF.format(id="b", topics="maps").replace("beliefs:\n", "")
    folder = _folder(tmp_path, text)
    assert [(p.name, b.id) for p, b in located_beliefs(folder)] == [("f0.yaml", "a"), ("f0.yaml", "b")]
    assert line_of(folder / "f0.yaml", "a") == 2 and line_of(folder / "f0.yaml", "b") == 7
    assert line_of(folder / "f0.yaml", "missing") == 1


def test_the_bundled_beliefs_are_valid_and_lint_clean() -> None:
    assert load_beliefs(), "no shared beliefs bundled"
    assert belief_problems() == []


def test_beliefs_apply_by_topic_with_prefixed_ids() -> None:
    mutexes = {m.id for m in beliefs_for("mutexes")}
    assert f"{ID_PREFIX}mutex-reentrant" in mutexes and all(i.startswith(ID_PREFIX) for i in mutexes)
    everywhere = {f"{ID_PREFIX}{b.id}" for b in load_beliefs() if "*" in b.topics}
    assert {m.id for m in beliefs_for("no-such-topic")} == everywhere


@pytest.fixture(scope="module")
def mutex_q() -> OpenQuestion:
    q = load_catalog().question("mutexes.interview-lock-protects-data")
    assert isinstance(q, OpenQuestion)
    return q


MODEL = (
    "It is not safe: GetProject returns a pointer to the cached struct, so callers write outside the lock. "
    "Return a copy instead and change data through methods that lock, and run the tests with -race."
)


def test_a_stated_shared_belief_caps_the_grade_and_is_reported(mutex_q: OpenQuestion) -> None:
    clean = grade_open(mutex_q, MODEL)
    wrong = grade_open(mutex_q, MODEL + " Luckily sync.Mutex is reentrant, so Update can call GetProject.")
    assert clean.score > SHARED_BELIEF_CAP
    assert wrong.score <= SHARED_BELIEF_CAP
    hit = next(h for h in wrong.misconceptions if h.misconception_id == f"{ID_PREFIX}mutex-reentrant")
    assert hit.shared and "reentrant" in hit.evidence
    assert hit.to_json()["shared"] is True


@pytest.mark.parametrize(
    "said",
    [
        "Note that sync.Mutex is not reentrant, so Update must not call GetProject.",
        "Go 的互斥锁不是可重入的，所以 Update 不能再调用 GetProject。",
        "Some people think the mutex is reentrant, but it is not.",
        "Is the mutex reentrant? No.",
    ],
)
def test_a_denied_or_attributed_belief_costs_nothing(mutex_q: OpenQuestion, said: str) -> None:
    graded = grade_open(mutex_q, MODEL + " " + said)
    assert not any(h.shared for h in graded.misconceptions), said
    assert graded.score >= grade_open(mutex_q, MODEL).score - 1e-9


def test_a_quoted_belief_called_wrong_in_chinese_is_not_stated() -> None:
    q = load_catalog().question("interfaces.interview-boxing-cost")
    assert isinstance(q, OpenQuestion)
    said = grade_open(q, '所以"每次转换都会分配"是错的，小整数和零值不会分配。')
    assert not said.misconceptions
    assert grade_open(q, "每次转换都会分配。").misconceptions
