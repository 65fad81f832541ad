"""Re-grade whenever the learner saves.

The workspace folder is watched, not the files: editors that save by writing a temporary
file and renaming it over the original replace the file's inode, which a watch on the file
itself would lose. Changes are filtered to the learner files and debounced, so one save
(or a burst of them) is one run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from runner.errors import BadInput, GokataError
from runner.kata.result import KataResult

Changes = Iterable[tuple[Any, str]]


def relevant(changes: Changes, directory: Path, names: Iterable[str]) -> bool:
    """Did any change touch one of the learner files directly in `directory`?"""
    wanted = set(names)
    base = directory.resolve()
    for _kind, raw in changes:
        path = Path(raw)
        if path.name in wanted and path.parent.resolve() == base:
            return True
    return False


def ready(directory: Path, names: Iterable[str]) -> bool:
    """All learner files present (mid-rename, a file can be briefly missing)."""
    return all((directory / n).is_file() for n in names)


def fingerprint(directory: Path, names: Iterable[str]) -> tuple[bytes | None, ...]:
    out: list[bytes | None] = []
    for name in names:
        try:
            out.append((directory / name).read_bytes())
        except OSError:
            out.append(None)
    return tuple(out)


def file_changes(
    directory: Path, names: Iterable[str], stop: threading.Event, debounce_ms: int = 300
) -> Iterator[Changes]:
    """Batches of changes to the learner files; an empty batch every half second without any."""
    import watchfiles

    wanted = set(names)
    yield from watchfiles.watch(
        directory,
        watch_filter=lambda _change, path: Path(path).name in wanted,
        debounce=debounce_ms,
        step=50,
        stop_event=stop,
        recursive=False,
        raise_interrupt=True,  # Ctrl-C reaches gokata (False logged watchfiles' own line)
        rust_timeout=500,
        yield_on_timeout=True,
    )


def watch_and_grade(
    directory: Path,
    names: tuple[str, ...],
    grade: Callable[[], KataResult],
    *,
    on_result: Callable[[KataResult], None],
    on_error: Callable[[GokataError], None],
    stop: threading.Event,
    changes: Iterable[Changes] | None = None,
) -> int:
    """Grade once now, then after every relevant change until `stop` is set. Returns the number of runs."""
    runs = 0

    def run() -> None:
        nonlocal runs
        runs += 1
        try:
            on_result(grade())
        except GokataError as exc:
            on_error(exc)

    graded = fingerprint(directory, names)
    run()
    source = changes if changes is not None else file_changes(directory, names, stop)
    for batch in source:
        if stop.is_set():
            break
        if not directory.is_dir():
            # moved or deleted: the watch went on forever, printing nothing, whatever was saved
            raise BadInput(f"{directory}: the kata's folder is gone (moved or deleted); stopped watching")
        now = fingerprint(directory, names)
        if (relevant(batch, directory, names) or now != graded) and ready(directory, names):
            graded = now
            run()
    return runs
