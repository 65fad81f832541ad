"""What every question kind provides, and the plain-data notes a kind hands to the terminal.

A kind module subclasses `Kind` for its model class and fills in the parts that differ; the
defaults suit a kind without choices whose answer is one line. Nothing here draws: `ui/` turns
the notes into Rich output, so a new kind needs no change there.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from runner.content.models import AnyQuestion, Choice, Lang, LocalText
from runner.kinds.answer import Answer

Q = TypeVar("Q", bound=AnyQuestion)
Pair = tuple[str, str]  # (English, Chinese)


@dataclass(frozen=True)
class Say:
    """A catalogue message (`ui/messages.py` key) whose fields are shown in bold."""

    key: str
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Code:
    """A Go snippet, shown highlighted without line numbers (a fix)."""

    text: str


@dataclass(frozen=True)
class Output:
    """Program output, shown verbatim in a box."""

    text: str


@dataclass(frozen=True)
class Diff:
    """A line diff of the learner's output against the expected one."""

    text: str


Note = Say | Code | Output | Diff


def public_text(t: LocalText | None) -> dict[str, str] | None:
    """A text as it goes into a candidate pack."""
    if t is None:
        return None
    return {"en": t.en, **({"zh": t.zh} if t.zh else {})}


def pick(pair: Pair, lang: Lang) -> str:
    return pair[1] if lang == "zh" else pair[0]


class Kind(ABC, Generic[Q]):
    """Everything about one question kind except its model (content/models.py). The four abstract
    methods are what mypy insists on (a kind module that misses one cannot build its `KIND`)."""

    name: ClassVar[str]
    label: ClassVar[Pair]  # shown in the question's title
    prompt: ClassVar[Pair]  # the answer prompt; `{letters}` is replaced by the valid letters
    multiline: ClassVar[bool] = False  # answered in several lines (output, prose) rather than one
    numbered_code: ClassVar[bool] = False  # show the snippet with line numbers
    shows_choices: ClassVar[bool] = False  # `choices` gives lettered choices (the pack's question carries them)
    fast_seconds: ClassVar[float]  # a right answer within this many seconds is rated Easy

    # --- answers -------------------------------------------------------------------------------
    @abstractmethod
    def parse(self, q: Q, raw: Any, order: tuple[int, ...] = ()) -> Answer:
        """Parse an answer; `order` is the shown order of the choices (empty: canonical, as in a file)."""

    @abstractmethod
    def parse_public(self, question: Mapping[str, Any], raw: Any) -> Any:
        """Parse an answer to a pack's public question (no answer key) into its stored form."""

    @abstractmethod
    def expected(self, q: Q) -> str:
        """The right answer as text, in the form `Answer.as_text` gives."""

    def expected_shown(self, q: Q, order: tuple[int, ...]) -> str:
        """The right answer in the terms the learner saw (`order`: the shown order of the choices)."""
        return self.expected(q)

    @abstractmethod
    def is_correct(self, q: Q, answer: Answer) -> bool:
        """Whether an exact answer is right (an `open` kind raises: its answers are scored instead)."""

    # --- presentation (as data) ------------------------------------------------------------------
    def choices(self, q: Q) -> tuple[Choice, ...]:
        """The choices shown as a lettered list and shuffled per learner; () when the kind has none."""
        return ()

    def hints(self, q: Q, order: tuple[int, ...], lang: Lang) -> list[str]:
        """gokata's own hints for the kind, after the author's: they narrow the search, never answer."""
        return []

    def solution(self, q: Q, lang: Lang) -> tuple[Note, ...]:
        """The answer as shown by `gokata show` (choices and frameworks are drawn by ui/ itself)."""
        return ()

    def feedback(self, q: Q, *, correct: bool | None, given: str, lang: Lang) -> tuple[Note, ...]:
        """Practice feedback after an answer; by default the solution."""
        return self.solution(q, lang)

    # --- exports ---------------------------------------------------------------------------------
    def public(self, q: Q, order: tuple[int, ...]) -> dict[str, Any]:
        """Fields of the pack's public question beyond id, kind, topic, difficulty, prompt and code."""
        return {}

    def markdown_code(self, q: Q) -> str | None:
        """The snippet in the Markdown export."""
        return f"```go\n{q.code.rstrip()}\n```\n" if q.code else None

    def markdown_answer(self, q: Q) -> list[str]:
        """The answer in the Markdown export (one entry per line group)."""
        return []
