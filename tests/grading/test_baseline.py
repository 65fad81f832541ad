"""CI gate: the grader's agreement with the bundled banks' example scores must not get worse.

The baseline was recorded with `python -m tests.grading.record_baseline` after the last tuning
of the grader; raise it when the grader improves, never lower it to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

from runner.answers.calibrate import calibrate
from runner.content.catalog import load_catalog

BASELINE = Path(__file__).with_name("calibration_baseline.json")
EPSILON = 0.005  # float noise and rounding in the recorded figures


def test_calibration_on_the_bundled_banks_is_no_worse_than_the_baseline() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = calibrate(load_catalog())
    assert report.n > 0, "the bundled banks carry no graded examples"
    assert report.within >= baseline["within"] - EPSILON, (
        f"share within 0.15 fell to {report.within:.3f} (baseline {baseline['within']:.3f}); "
        "see `gokata bank calibrate` for the disagreements"
    )
    assert report.mae <= baseline["mae"] + EPSILON, (
        f"mean absolute error rose to {report.mae:.3f} (baseline {baseline['mae']:.3f}); "
        "see `gokata bank calibrate` for the disagreements"
    )
