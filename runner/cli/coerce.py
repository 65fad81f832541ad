"""Option values converted without pydantic where Typer's own rules give the answer at once.

Typer converts every option value through a pydantic TypeAdapter built for it: the first one
imports pydantic's schema machinery (10-15 ms), and `kata test`, which needs no pydantic model
beyond kata.yaml's, would pay that and more for its options alone. For the values a command line
holds almost always (a string, an enum member by name, a whole number within its bounds, a
path), `LightCoercion` calls the same Typer functions the adapter would call, and gets the same
value. Anything else (a number out of range, an unknown choice, a path Typer rejects for its
form) goes to Typer's own adapter, so every error message is Typer's, word for word.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path


class _Slow(Exception):
    """This value needs Typer's own (pydantic) conversion."""


@dataclass(frozen=True)
class LightCoercion(RuntimeParam):
    """A parameter's conversion: the quick path first, Typer's adapter when it cannot decide."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self._quick(self.annotation, value, param, ctx)
        except (_Slow, ValueError, TypeError):
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def _quick(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
        info = self.parameter_info
        if info.parser is not None:
            raise _Slow
        if get_origin(annotation) is list:  # Typer: one value or several, each converted alone
            (item,) = get_args(annotation)
            items = value if isinstance(value, list | tuple) else [value]
            return [self._quick(item, v, param, ctx) for v in items]
        if (annotation is str and type(value) is str) or (annotation is bool and type(value) is bool):
            return value
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            # raises ValueError for an unknown name: then the adapter says so in Typer's words
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        if annotation is int and not info.clamp:
            number = _whole_number(value)
            if (info.min is None or number >= info.min) and (info.max is None or number <= info.max):
                return number
            raise _Slow
        if annotation is Path and info.path_type is None and not info.allow_dash:
            return coerce_cli_path(_as_given(value), info, path_type=Path, param=param, ctx=ctx)
        raise _Slow


def _as_given(value: Any) -> Path:
    """The path as a Path, when it reads back as given: Typer names the path in its messages as
    typed, so "a/b/" or "./a" (which a Path would print as "a/b", "a") are for pydantic to read."""
    if isinstance(value, Path):
        return value
    if type(value) is str and value and os.fspath(Path(value)) == value:
        return Path(value)
    raise _Slow


def _whole_number(value: Any) -> int:
    """An int as given, or a plain decimal numeral ("10"); anything else is for pydantic to read."""
    if type(value) is int:
        return value
    if type(value) is str and value.isascii() and value.isdigit() and (value == "0" or value[0] != "0"):
        return int(value)
    raise _Slow


def lighten(command: Any) -> None:
    """Give each of a command's parameters the light conversion (Typer builds its own lazily, on
    first use, so setting it first replaces it), its --help option too: Click makes that one on
    first use and keeps it, so it is made here, with the names a context would give it."""
    params = list(getattr(command, "params", ()))
    if getattr(command, "add_help_option", False):
        from typer._click import Context

        params.append(command.get_help_option(Context(command, **(command.context_settings or {}))))
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or descriptor.file_annotation is not None or not hasattr(param, "_runtime_param"):
            continue
        param._runtime_param = LightCoercion(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
