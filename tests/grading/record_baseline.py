"""Record the grader's current agreement as the CI baseline: the bundled banks' calibration
examples, and the blind test split (never tuned on).

    python -m tests.grading.record_baseline
"""

from __future__ import annotations

import json

from runner.answers.blind import default_blind_dir, grade_split
from runner.answers.calibrate import calibrate
from runner.content.catalog import load_catalog
from tests.grading.test_baseline import BASELINE, BLIND_BASELINE


def main() -> None:
    catalog = load_catalog()
    report = calibrate(catalog)
    data = {
        "within": round(report.within, 4),
        "mae": round(report.mae, 4),
        "examples": report.n,
        "questions_with_examples": len(report.with_examples),
        "open_questions": report.open_questions,
    }
    BASELINE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data))
    folder = default_blind_dir()
    assert folder is not None, "run from a source checkout: tests/grading/blind is missing"
    split = grade_split(catalog, folder / "test", "test")
    blind = {
        "answers": len(split.results),
        "mae": round(split.mae, 4),
        "within_0_2": round(split.within, 4),
        "targets": {name: round(share, 4) for name, _, share, _ in split.targets()},
    }
    BLIND_BASELINE.write_text(json.dumps(blind, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(blind))


if __name__ == "__main__":
    main()
