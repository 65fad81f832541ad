from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES

SPEC = """\
title: "Go screen"
time_limit_minutes: 60
lang: en
pass_mark: 0.6
sections:
  - id: pitfalls
    title: Go pitfalls
    weight: 0.5
    seed: 3
    questions: [slices.reslice-shares-array]
    draw:
      - {topic: [slices, defer], kind: [multi, truefalse, output, spot-the-bug], count: 4}
  - id: interview
    title: Interview
    weight: 0.2
    questions: [slices.interview-reslicing]
  - id: coding
    title: Coding
    weight: 0.3
    katas: [sum-positive]
"""


@pytest.fixture(autouse=True)
def _exam_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(FIXTURES / "banks" / "valid"))
    monkeypatch.setenv("GOKATA_KATAS", str(FIXTURES / "exam" / "katas"))


@pytest.fixture()
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


QUIZ_SPEC = """\
title: "Quiz only"
time_limit_minutes: 60
pass_mark: 0.5
sections:
  - id: quiz
    title: Quiz
    weight: 1
    questions: [slices.reslice-shares-array, slices.copy-ways, defer.lifo, slices.three-index-frees,
                slices.spot-pinning, slices.append-output]
  - id: talk
    title: Talk
    weight: 1
    questions: [slices.interview-reslicing]
scorecard:
  - {id: go-fluency, title: Go fluency}
  - {id: communication, title: Communication}
"""


@pytest.fixture()
def quiz_spec(tmp_path: Path) -> Path:
    path = tmp_path / "quiz.yaml"
    path.write_text(QUIZ_SPEC, encoding="utf-8")
    return path
