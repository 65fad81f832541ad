"""The exam report as typed values: what grading produces and every renderer reads.

report.json is these dataclasses written out field by field; `decode` reads it back (for
`exam merge`, `exam note` and `exam verify`) and refuses anything that does not fit, so a
hand-edited or foreign file is a clear error instead of a KeyError deep in a renderer.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin

from runner.answers.scale import FULL

REPORT_FORMAT = 2

Status = Literal["graded", "not-graded"]

# Flags that compare one candidate with another: recomputed over all candidates by `exam merge`.
CROSS_KINDS = frozenset({"similar-code", "similar-answers", "shared-choices"})

OFFLINE_CLOCK_NOTE = (
    "Times in an offline exam are reported by the candidate's machine: they show how the "
    "session went, and a determined candidate could change them."
)


@dataclass(frozen=True)
class Flag:
    """A reason for a human look. `other` names the other candidate or the source; `evidence`
    quotes what they share."""

    kind: str
    message: str
    other: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChoiceRow:
    letter: str  # as the candidate saw it
    text: str
    correct: bool
    chosen: bool


@dataclass(frozen=True)
class PointRow:
    id: str
    point: str
    verdict: str  # covered | partial | missed | contradicted
    weight: float
    credit: float
    core: bool
    evidence: str | None
    other_words: bool = False  # part credit from the meaning extra (runner/answers/meaning.py)


@dataclass(frozen=True)
class MisconceptionRow:
    id: str
    belief: str
    correction: str
    evidence: str


@dataclass(frozen=True)
class OpenDetail:
    points: tuple[PointRow, ...]
    misconceptions: tuple[MisconceptionRow, ...] = ()
    follow_ups: tuple[str, ...] = ()
    stretch: tuple[str, ...] = ()  # for an answer that covered the framework: where to push further
    keyword_only: bool = False
    confidence: float = 1.0
    needs_review: bool = False
    review_reasons: tuple[str, ...] = ()
    waved_away: tuple[str, ...] = ()  # the sentences that wave the question's concerns away (score capped)
    about_instead: str | None = None  # the bundled question the answer is about instead (score capped)


@dataclass(frozen=True)
class QuestionRow:
    id: str
    public_id: str
    kind: str
    topic: str
    section: str
    difficulty: int
    prompt: str
    answered: bool
    score: float
    correct: bool | None  # None for open questions (graded 0..1)
    given: str | None  # as the candidate gave it: letters as they saw them
    expected: str  # in the candidate's letters for choice questions
    duration_s: float | None = None
    pasted: bool = False
    late: bool = False
    note: str = ""
    choices: tuple[ChoiceRow, ...] = ()
    open: OpenDetail | None = None

    @property
    def fully_right(self) -> bool:
        """Right (exact kinds) or the whole framework earned (open: TOP on the interviewer's scale)."""
        return self.correct is True or (self.correct is None and self.score >= FULL)


@dataclass(frozen=True)
class KataTestRow:
    name: str
    hidden: bool
    status: str
    message: str


@dataclass(frozen=True)
class KataRow:
    slug: str
    title: str
    topic: str
    section: str
    status: str
    score: float
    passed: int
    total: int
    duration_s: float
    summary: str
    tests: tuple[KataTestRow, ...]
    isolation: str | None = None  # bwrap | unshare | limits-only, when the kata runner says
    own_work: str = ""  # the lines the candidate added to the starter (for the similarity check)


@dataclass(frozen=True)
class SectionScore:
    id: str
    title: str
    weight: float
    score: float


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: float
    items: int


@dataclass(frozen=True)
class TimeInfo:
    started_at: float | None
    submitted_at: float | None
    minutes_used: float | None
    time_limit_minutes: int  # from the spec, never from the submission
    late: bool
    events: int = 0  # entries in the session's event log


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str


@dataclass(frozen=True)
class Note:
    at: str
    author: str
    text: str


@dataclass(frozen=True)
class Interviewer:
    """What interviewers add after grading (`gokata exam note`)."""

    criteria: tuple[Criterion, ...] = ()
    scores: dict[str, int] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class CandidateReport:
    exam: str
    candidate: str
    folder: str  # the report's folder name under the output directory
    submission: str  # the submission's file name
    status: Status
    reason: str = ""  # why it was not graded
    score: float = 0.0
    pass_mark: float = 0.0
    passed: bool = False
    rank: int | None = None
    candidates: int = 0
    pack_hash: str | None = None
    pack_hash_ok: bool = False
    digest_ok: bool = False
    chain_ok: bool = False
    tool_version: str | None = None
    graded_with: str = ""
    grader: str = "words"  # how open answers were read: words, or meaning (the optional extra)
    sections: tuple[SectionScore, ...] = ()
    topics: tuple[TopicScore, ...] = ()
    weakest: tuple[TopicScore, ...] = ()
    questions: tuple[QuestionRow, ...] = ()
    katas: tuple[KataRow, ...] = ()
    time: TimeInfo | None = None
    flags: tuple[Flag, ...] = ()
    interviewer: Interviewer = field(default_factory=Interviewer)
    format: int = REPORT_FORMAT

    @property
    def graded(self) -> bool:
        return self.status == "graded"

    def replace(self, **changes: Any) -> CandidateReport:
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return encode(self)  # type: ignore[no-any-return]


def encode(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists: the JSON form (made `json_safe`)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {json_safe(str(k)): encode(v) for k, v in value.items()}
    return json_safe(value)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def json_safe(value: Any) -> Any:
    """`value` as valid JSON can hold it in a UTF-8 file: NaN and infinities (which `json` writes as
    the non-standard `NaN`/`Infinity` every strict reader refuses) become null, and lone surrogates
    (a submission's `"\\ud800"` decodes to one; UTF-8 cannot encode it) become U+FFFD."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {json_safe(str(k)): json_safe(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [json_safe(v) for v in value]
    return value


Loc = tuple[str | int, ...]  # field and key names, list indices


def non_finite_at(value: Any, loc: Loc = ()) -> list[Loc]:
    """Where `value` (dataclasses, mappings, lists, as decoded or as read from YAML) holds a NaN or
    an infinite number: a report grading refuses to write, a spec weight lint refuses."""
    if isinstance(value, float):
        return [] if math.isfinite(value) else [loc]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [p for f in dataclasses.fields(value) for p in non_finite_at(getattr(value, f.name), (*loc, f.name))]
    if isinstance(value, tuple | list):
        return [p for i, v in enumerate(value) for p in non_finite_at(v, (*loc, i))]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in non_finite_at(v, (*loc, str(k)))]
    return []


def non_finite(value: Any) -> list[str]:
    """The paths (`questions[3].score`) of every NaN or infinite number in a report."""
    return [
        "".join(f"[{part}]" if isinstance(part, int) else f".{part}" if i else part for i, part in enumerate(loc))
        or "value"
        for loc in non_finite_at(value)
    ]


class DecodeError(ValueError):
    """`path` names the field that does not fit, e.g. `questions[3].score`."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'report'}: {message}")
        self.path = path


T = TypeVar("T")


def decode(cls: type[T], data: Any, path: str = "") -> T:
    """Build `cls` from its JSON form, checking every field's type; unknown keys are ignored
    (a newer gokata may add some), missing ones without a default are an error."""
    return typing.cast(T, _decode(cls, data, path))


def _decode(tp: Any, data: Any, path: str) -> Any:
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise DecodeError(path, f"expected an object, got {type(data).__name__}")
        hints = typing.get_type_hints(tp)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(tp):
            sub = f"{path}.{f.name}" if path else f.name
            if f.name in data:
                kwargs[f.name] = _decode(hints[f.name], data[f.name], sub)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise DecodeError(sub, "missing")
        return typing.cast(Any, tp)(**kwargs)
    if origin is typing.Union or origin is types.UnionType:
        errors: list[DecodeError] = []
        for option in get_args(tp):
            try:
                return _decode(option, data, path)
            except DecodeError as exc:
                errors.append(exc)
        deeper = [x for x in errors if x.path != path]
        if deeper:  # the value had the right shape for an option and failed inside it
            raise deeper[0]
        wanted = " or ".join(dict.fromkeys(str(x).split(": expected ", 1)[-1].split(", got")[0] for x in errors))
        raise DecodeError(path, f"expected {wanted}, got {type(data).__name__}")
    if origin is Literal:
        if data not in get_args(tp):
            raise DecodeError(path, f"expected one of {', '.join(map(str, get_args(tp)))}")
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise DecodeError(path, f"expected a list, got {type(data).__name__}")
        item = get_args(tp)[0]
        return tuple(_decode(item, v, f"{path}[{i}]") for i, v in enumerate(data))
    if origin is dict:
        if not isinstance(data, dict):
            raise DecodeError(path, f"expected an object, got {type(data).__name__}")
        _, vt = get_args(tp)
        return {str(k): _decode(vt, v, f"{path}.{k}") for k, v in data.items()}
    if tp is type(None):
        if data is not None:
            raise DecodeError(path, "expected null")
        return None
    if tp is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, f"expected true or false, got {type(data).__name__}")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, f"expected a whole number, got {type(data).__name__}")
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float) or data != data or abs(data) == float("inf"):
            raise DecodeError(path, f"expected a number, got {type(data).__name__}")
        return float(data)
    if tp is str:
        if not isinstance(data, str):
            raise DecodeError(path, f"expected text, got {type(data).__name__}")
        return data
    if tp is Any:
        return data
    raise DecodeError(path, f"unsupported type {tp!r}")  # pragma: no cover
