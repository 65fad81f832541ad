"""Record the grader's current calibration on the bundled banks as the CI baseline.

    python -m tests.grading.record_baseline
"""

from __future__ import annotations

import json

from runner.answers.calibrate import calibrate
from runner.content.catalog import load_catalog
from tests.grading.test_baseline import BASELINE


def main() -> None:
    report = calibrate(load_catalog())
    data = {
        "within": round(report.within, 4),
        "mae": round(report.mae, 4),
        "examples": report.n,
        "questions_with_examples": len(report.with_examples),
        "open_questions": report.open_questions,
    }
    BASELINE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data))


if __name__ == "__main__":
    main()
