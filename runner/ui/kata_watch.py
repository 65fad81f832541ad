"""`gokata kata watch` on the terminal: the quit key, the header, a rendering per run."""

from __future__ import annotations

import threading

from runner.errors import ExitStatus, GokataError
from runner.kata.flow import WatchSession, watch_kata
from runner.kata.result import KataResult
from runner.ui.kata import (
    quit_key,
    render_progress,
    render_result,
    render_watch_error,
    render_watch_header,
    render_watch_separator,
)


def run_watch(session: WatchSession, *, visible_only: bool) -> ExitStatus:
    """Re-test on every save until q or Ctrl-C; the engine records each run, this draws it."""
    stop = threading.Event()
    kata, directory = session.kata, session.directory

    def on_result(result: KataResult) -> None:
        render_watch_separator()
        render_result(result, kata=kata, code=str(directory))

    def on_error(exc: GokataError) -> None:
        if not stop.is_set():
            render_watch_error(exc)

    try:
        with quit_key(stop) as tty:
            render_watch_header(directory, tty=tty)
            outcome = watch_kata(
                session,
                visible_only=visible_only,
                stop=stop,
                progress=render_progress,
                on_result=on_result,
                on_error=on_error,
            )
    except KeyboardInterrupt:
        outcome = None  # Ctrl-C is the ordinary way out of a watch, not a failure
    render_progress("stopped watching")
    return ExitStatus.OK if outcome is None else outcome.status
