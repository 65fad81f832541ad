"""The registry: every model kind has a module, and answers are checked against their kind."""

from __future__ import annotations

import pytest

from runner.content.catalog import Catalog
from runner.kinds.answer import BoolAnswer, ChoiceAnswer, LinesAnswer
from runner.kinds.registry import parse_answer
from runner.quiz.verdict import grade


def test_answer_type_mismatch_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(TypeError):
        grade(catalog.question("slices.spot-pinning"), BoolAnswer(True))
    assert isinstance(parse_answer(catalog.question("slices.spot-pinning"), [5]), LinesAnswer)
    assert isinstance(parse_answer(catalog.question("slices.copy-ways"), "A"), ChoiceAnswer)


def test_registry_covers_every_model_kind() -> None:
    """Every class in the model's question union has a kind module, under the name its `kind` field says."""
    from typing import get_args

    from runner.content.models import KINDS, AnyQuestion
    from runner.kinds.base import Kind
    from runner.kinds.registry import KIND_NAMES, all_kinds, by_name, find

    model_names = [get_args(cls.model_fields["kind"].annotation)[0] for cls in get_args(AnyQuestion)]
    assert sorted(model_names) == sorted(KIND_NAMES) == sorted(KINDS)
    assert tuple(KIND_NAMES) == tuple(KINDS)  # the order `gokata topics` lists them in
    for name in KIND_NAMES:
        kind = by_name(name)
        assert isinstance(kind, Kind) and kind.name == name and find(name) is kind
        assert all(kind.label) and all(kind.prompt) and kind.fast_seconds > 0
    assert [k.name for k in all_kinds()] == list(KIND_NAMES)
    assert find("no-such-kind") is None


def test_the_expected_answer_of_every_exact_question_grades_right(catalog: Catalog) -> None:
    from runner.content.models import OpenQuestion
    from runner.kinds.registry import expected_text, kind_of

    exact = [q for q in catalog.questions if not isinstance(q, OpenQuestion)]
    assert {q.kind for q in exact} == {"single", "multi", "truefalse", "output", "spot-the-bug"}
    for q in catalog.questions:
        assert kind_of(q).shows_choices == bool(kind_of(q).choices(q)), q.id
    for q in exact:
        assert grade(q, parse_answer(q, expected_text(q))).correct is True, q.id
        assert kind_of(q).parse(q, expected_text(q)).as_text() == expected_text(q), q.id


def test_every_note_a_kind_says_is_in_the_message_catalogue(catalog: Catalog) -> None:
    from runner.kinds.base import Say
    from runner.kinds.registry import expected_text, kind_of
    from runner.ui.messages import MESSAGES

    keys: set[str] = set()
    for q in catalog.questions:
        kind = kind_of(q)
        for lang in ("en", "zh"):
            notes = kind.solution(q, lang)
            for correct, given in ((False, "something else"), (True, expected_text(q))):
                notes += kind.feedback(q, correct=correct, given=given, lang=lang)
            keys |= {n.key for n in notes if isinstance(n, Say)}
    assert keys and keys <= set(MESSAGES), keys - set(MESSAGES)
