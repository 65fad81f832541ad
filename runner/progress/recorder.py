"""Opening the learner's recorder: the progress store behind the Recorder protocol (progress/attempts.py)."""

from __future__ import annotations

from runner.progress.attempts import KataAttempt, KataRecord, NullRecorder, QuestionAttempt, Recorder


def open_recorder() -> Recorder:
    """The learner's progress store (SQLite under GOKATA_HOME or the user data directory).

    Raises ProgressStoreError when the store is damaged or written by a newer gokata: a quiz
    refuses to start rather than silently dropping the learner's answers.
    """
    from runner.progress.store import open_store

    return open_store()


# The command modules (runner/cli/) import the attempt types from here; engines import them
# from progress/attempts.py.
__all__ = ["KataAttempt", "KataRecord", "NullRecorder", "QuestionAttempt", "Recorder", "open_recorder"]
