"""`gokata answer` without --text/--file: show the question and read the answer at the terminal."""

from __future__ import annotations

import time

from runner.content.models import Lang, OpenQuestion
from runner.errors import Interrupted
from runner.ui.answer import read_answer_text, show_question
from runner.ui.console import out


def ask_answer(question: OpenQuestion, lang: Lang) -> tuple[str, float]:
    """The answer typed, and how long it took in seconds; Ctrl-C grades and records nothing."""
    show_question(out(), question, lang=lang)
    started = time.monotonic()
    try:
        text = read_answer_text(out(), lang=lang)
    except KeyboardInterrupt:
        raise Interrupted("interrupted: nothing was graded or recorded") from None
    return text, time.monotonic() - started
