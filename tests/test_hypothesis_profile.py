"""Property tests never depend on the machine's speed (tests/conftest.py loads the profile)."""

from __future__ import annotations

from hypothesis import settings


def test_property_tests_have_no_per_example_deadline() -> None:
    assert settings().deadline is None
