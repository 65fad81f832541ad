"""Compiled question graders kept between runs, so a command grades without compiling.

Compiling an open question (its phrasings, the shared beliefs of its topic, the typo index and
the expectations read from each point's wording) costs 20-40 ms, paid again by every `answer`,
`quiz` and `exam` process; loading the compiled form costs a few. A compiled question depends on
the question itself and on the grader's code and data (the reading rules, the plain-words
lexicon, the shared beliefs), so its identity names all three: the question's repr, gokata's
version, and the size and modification time of every file the compiler reads. Any change misses.

The shared wrong beliefs of a topic are the same for all its questions and cost 15-45 ms of a
question's compile, so they are also kept on their own, per topic: the first grade of a question
whose topic was graded before loads them instead of compiling them again.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from runner import __version__
from runner.content import cache as content_cache

if TYPE_CHECKING:
    from runner.content.models import OpenQuestion

KIND = "graders"
_RUNNER = Path(__file__).resolve().parents[1]


def fingerprint_files() -> list[Path]:
    """Every file compiling reads or runs: the grader's modules, the content models and lexicon,
    and the shared beliefs."""
    return [
        *sorted((_RUNNER / "answers").glob("*.py")),
        *sorted((_RUNNER / "content").glob("*.py")),
        *sorted((_RUNNER / "content" / "beliefs").glob("*.yaml")),
    ]


@cache
def code_fingerprint() -> str:
    """The version, and the size and modification time of each of fingerprint_files()."""
    lines = [__version__]
    for f in fingerprint_files():
        try:
            st = f.stat()
        except OSError:
            continue
        lines.append(f"{f.name}|{st.st_size}|{st.st_mtime_ns}")
    return "\n".join(lines)


def _slot_and_ident(question: OpenQuestion) -> tuple[str, str]:
    # repr, not model_dump_json: it shows every field and needs no serializer, which pydantic
    # would build on first use (30 ms, the whole saving). The models hold no sets, so it is stable.
    return f"{question.topic}/{question.id}", f"{code_fingerprint()}\n{question!r}"


def load(question: OpenQuestion) -> object | None:
    """What was stored for this question as it is now, compiled by this code (framework.py checks its type)."""
    return content_cache.load_keyed(*_slot_and_ident(question), KIND)


def store(question: OpenQuestion, compiled: object) -> None:
    content_cache.store_keyed(*_slot_and_ident(question), compiled, KIND)


def store_later(question: OpenQuestion, compiled: object) -> None:
    """store(), written when the process ends: the first grade of a question does not wait for it."""
    content_cache.store_keyed_later(*_slot_and_ident(question), compiled, KIND)


SHARED_SLOT = "_shared-beliefs"  # not a question id: those hold a dot


def _shared_slot_and_ident(topic: str) -> tuple[str, str]:
    return f"{topic}/{SHARED_SLOT}", f"{code_fingerprint()}\nshared beliefs of {topic!r}"


def load_shared(topic: str) -> object | None:
    """The compiled shared beliefs stored for this topic by this code (framework.py checks the type)."""
    return content_cache.load_keyed(*_shared_slot_and_ident(topic), KIND)


def store_shared(topic: str, compiled: object) -> None:
    content_cache.store_keyed(*_shared_slot_and_ident(topic), compiled, KIND)
