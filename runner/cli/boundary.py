"""The one place where a command's end becomes an exit code: an `ExitStatus` a command returns,
or an expected failure (a `GokataError`, Ctrl-C) rendered as one message.

Both ways a command runs end here: the Typer app's root group (runner.cli.app.BoundaryGroup) runs
every subcommand through `run_command`, and so does the lean `kata test` (runner.cli.kata_test).
This module imports no Typer, so the lean way stays lean.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from runner.errors import EXIT_INTERRUPTED, EXIT_OK, ExitStatus, GokataError, exit_code

T = TypeVar("T")

EXIT_BROKEN_PIPE = 1  # stdout closed early (`gokata ... | head`): quietly, as Typer and Rich end then


def run_command(command: Callable[[], T]) -> T:
    """Run a command to its end: a GokataError becomes its message on stderr and the exit code of
    its status, Ctrl-C exit 130, a returned ExitStatus other than OK its exit code (the process
    exits in each case); an OK run returns what the command returned."""
    try:
        result = command()
    except GokataError as exc:
        from runner.ui.errors import render_error

        render_error(exc)
        sys.exit(exit_code(exc.status))
    except KeyboardInterrupt:
        from runner.ui.errors import render_interrupt

        render_interrupt()
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        sys.exit(EXIT_BROKEN_PIPE)
    code = status_code(result)
    if code != EXIT_OK:
        sys.exit(code)
    return result


def status_code(result: object) -> int:
    """A command returns an ExitStatus (or nothing, which is OK): the code the process ends with."""
    return exit_code(result) if isinstance(result, ExitStatus) else EXIT_OK


_COUNTS = frozenset({"COUNT", "LIMIT", "NEW", "SEED", "JOBS", "SHOW", "DIFFICULTY", "MINUTES", "WORKERS"})


def readable_placeholders(command: Any) -> None:
    """Help placeholders a person reads: `TOPIC`, `N`, `FILE`, `single|multi|...`, never
    `<list[str]>` or `<int range>`. An explicit metavar is kept."""
    for param in getattr(command, "params", ()):
        _attach_completion(param)
        if param.param_type_name == "argument":
            # The placeholder says it all; the type column would add `<list[Path]>` again.
            param.display_type = _no_type
        if param.metavar is None and not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            param.metavar = _placeholder(param)
    subcommands = getattr(command, "commands", None)
    if isinstance(subcommands, dict):  # a LazyCommands (runner.cli.tree) finishes each command it builds
        for sub in subcommands.values():
            listed_whole(sub)
            readable_placeholders(sub)


def listed_whole(command: Any) -> None:
    """A command's first help paragraph is its line in the group's list, whole (wrapped), never
    cut to "Validate banks; print every problem as..."."""
    help_text = getattr(command, "help", None)
    if help_text and not getattr(command, "short_help", None):
        command.short_help = " ".join(help_text.strip().split("\n\n")[0].split())


def _placeholder(param: Any) -> str:
    from enum import Enum
    from typing import get_args

    desc = param.type_descriptor
    if desc.is_choice and desc.choices:
        return "|".join(str(c.value if isinstance(c, Enum) else c) for c in desc.choices)
    name = (param.name or "value").upper()
    plural = desc.is_list and name.endswith("S") and not name.endswith("SS")
    single = name[:-1] if plural else name
    element = get_args(desc.annotation)[0] if desc.is_list and get_args(desc.annotation) else desc.annotation
    if element in (int, float):
        return "N" if single in _COUNTS else single
    if desc.is_path:
        info = desc.parameter_info
        if info.file_okay is False or single in {"OUT", "OUT_DIR", "DIR", "WORKSPACE", "FOLDER"}:
            return "DIR"
        return "FILE" if info.dir_okay is False or single not in {"PATH", "PATHS"} else "PATH"
    return single


def _no_type(ctx: Any) -> str:
    return ""


def _attach_completion(param: Any) -> None:
    from runner.cli.completion import BY_NAME

    complete = BY_NAME.get(param.name or "")
    # Typer keeps a parameter's completer here; setting it by name spares wiring every option.
    if complete is not None and getattr(param, "_custom_shell_complete", None) is None:
        param._custom_shell_complete = complete
