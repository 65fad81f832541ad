"""Validate a parsed YAML file against a model, reporting every problem with its location."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from runner.content.yaml_source import Locator, YamlFile, iter_problems_from_validation
from runner.errors import Problem

M = TypeVar("M", bound=BaseModel)


def validate_file(yf: YamlFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Return the model, or None and every problem found (never only the first)."""
    try:
        return model.model_validate(yf.data), []
    except ValidationError as exc:
        errors: list[dict[str, Any]] = [dict(e) for e in exc.errors()]
        locator = Locator(yf.text)
        return None, list(iter_problems_from_validation(yf, errors, locator))


def duplicate_key_problems(yf: YamlFile, locator: Locator | None = None) -> list[Problem]:
    """YAML silently keeps the last of two equal keys; a linter must not."""
    locator = locator or Locator(yf.text)
    return [
        Problem(yf.name, line, col, ".".join(str(p) for p in loc), "key given twice (YAML keeps only the last)")
        for loc, line, col in locator.duplicate_keys
    ]
