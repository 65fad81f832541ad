"""The one place that maps a kind's name to its module (runner/kinds/<kind>.py).

`by_name` matches `KindName` exhaustively (`assert_never`), and `kind_of` passes it a model's
`kind` field, so a model class whose `kind` literal is missing here is a mypy error, not a
run-time surprise. Everything else about a kind lives in its own module; callers ask here.

Kind modules are imported when first asked for, so the command line can read `KIND_NAMES`
(for `--kind`) without loading the bank models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, assert_never, get_args

if TYPE_CHECKING:
    from runner.content.models import AnyQuestion, Choice
    from runner.kinds.answer import Answer
    from runner.kinds.base import Kind

KindName = Literal["single", "multi", "truefalse", "output", "spot-the-bug", "open"]
KIND_NAMES: tuple[KindName, ...] = get_args(KindName)  # in the order `gokata topics` lists them


def by_name(name: KindName) -> Kind[Any]:
    match name:
        case "single":
            from runner.kinds.single import KIND as single

            return single
        case "multi":
            from runner.kinds.multi import KIND as multi

            return multi
        case "truefalse":
            from runner.kinds.truefalse import KIND as truefalse

            return truefalse
        case "output":
            from runner.kinds.output import KIND as output

            return output
        case "spot-the-bug":
            from runner.kinds.bug import KIND as bug

            return bug
        case "open":
            from runner.kinds.open import KIND as open_kind

            return open_kind
        case _:
            assert_never(name)


def kind_of(question: AnyQuestion) -> Kind[Any]:
    """The kind of a bank question (its `kind` field must be a `KindName`: mypy checks it)."""
    return by_name(question.kind)


def find(name: str) -> Kind[Any] | None:
    """The kind called `name` (as in a pack or the progress store), or None for one this gokata does not know."""
    for known in KIND_NAMES:
        if known == name:
            return by_name(known)
    return None


def all_kinds() -> tuple[Kind[Any], ...]:
    return tuple(by_name(n) for n in KIND_NAMES)


def parse_answer(question: AnyQuestion, raw: Any, order: tuple[int, ...] = ()) -> Answer:
    """Parse an answer; canonical terms (bank choice order) unless `order` gives the shown order."""
    return kind_of(question).parse(question, raw, order)


def expected_text(question: AnyQuestion) -> str:
    return kind_of(question).expected(question)


def choices_of(question: AnyQuestion) -> tuple[Choice, ...]:
    return kind_of(question).choices(question)


def parse_public_answer(question: Mapping[str, Any], raw: Any) -> Any:
    """An answer to a pack's public question in its stored form: letters "A" / "A,C", a bool,
    [line numbers], or text. A kind this gokata does not know takes text."""
    from runner.kinds.answer import public_text_answer

    kind = find(str(question.get("kind")))
    if kind is None:
        return public_text_answer(raw)
    return kind.parse_public(question, raw)


__all__ = [
    "KIND_NAMES",
    "KindName",
    "all_kinds",
    "by_name",
    "choices_of",
    "expected_text",
    "find",
    "kind_of",
    "parse_answer",
    "parse_public_answer",
]
