"""`gokata exam take` on the terminal: the questions one by one (or answers loaded from a file)."""

from __future__ import annotations

from runner.errors import ExitStatus
from runner.exam.flow import Taking
from runner.ui.console import out
from runner.ui.exam import render_take_status, run_take
from runner.ui.messages import as_lang, msg


def take_exam(taking: Taking, lang: str | None) -> ExitStatus:
    """Ask what is still unanswered (every answer is saved as it is given), then say what is left."""
    chosen = lang or taking.opened.settings.lang
    if taking.loaded is not None:
        out().print(msg("exam.loaded", as_lang(chosen), n=taking.loaded, path=taking.answers))
        remaining, interrupted = taking.remaining(), False
    else:
        remaining, interrupted = run_take(taking.state, taking.questions, lang=as_lang(chosen))
    render_take_status(taking.state, remaining, taking.katas, lang=chosen)
    # Ctrl-C exits 130 like every other command (the answers are saved all the same)
    return ExitStatus.INTERRUPTED if interrupted else ExitStatus.OK
