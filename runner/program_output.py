"""Comparing what a Go program prints: the rule the output kind grades by and `bank verify-snippets` checks by."""

from __future__ import annotations

import difflib


def normalise_output(text: str) -> str:
    """Compare program output ignoring whitespace at line ends and trailing blank lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n")


def output_diff(given: str, expected: str) -> str:
    """A line diff of the learner's output against the expected one: `-` yours, `+` expected,
    two spaces for lines both have (compared as `normalise_output` compares them)."""
    mine = normalise_output(given).split("\n")
    want = normalise_output(expected).split("\n")
    lines = [d for d in difflib.ndiff(mine, want) if not d.startswith("?")]
    return "\n".join(lines)
