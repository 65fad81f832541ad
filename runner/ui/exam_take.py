"""`gokata exam take` on the terminal: the questions one by one (or answers loaded from a file)."""

from __future__ import annotations

from runner.errors import ExitStatus
from runner.exam.flow import Taking
from runner.ui.console import out
from runner.ui.exam import render_take_status, run_take


def take_exam(taking: Taking, lang: str | None) -> ExitStatus:
    """Ask what is still unanswered (every answer is saved as it is given), then say what is left."""
    if taking.loaded is not None:
        out().print(f"loaded {taking.loaded} answer(s) from {taking.answers}")
        remaining = taking.remaining()
    else:
        chosen = lang or taking.opened.settings.lang
        remaining = run_take(taking.state, taking.questions, lang="zh" if chosen == "zh" else "en")
    render_take_status(taking.state, remaining, taking.katas)
    return ExitStatus.OK
