"""CI gate: the grader's agreement must not get worse, on the bundled banks' calibration examples
and on the blind test split (answers written before the grader was built, never tuned on).

The baselines were recorded with `python -m tests.grading.record_baseline` after the last tuning
of the grader; raise them when the grader improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

from runner.answers.blind import default_blind_dir, grade_split
from runner.answers.calibrate import calibrate
from runner.content.catalog import load_catalog

BASELINE = Path(__file__).with_name("calibration_baseline.json")
BLIND_BASELINE = Path(__file__).with_name("blind_baseline.json")
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


def test_the_blind_test_split_is_no_worse_than_recorded() -> None:
    baseline = json.loads(BLIND_BASELINE.read_text(encoding="utf-8"))
    folder = default_blind_dir()
    assert folder is not None
    split = grade_split(load_catalog(), folder / "test", "test")
    assert len(split.results) == baseline["answers"], "the test split changed: it must never be edited"
    assert split.mae <= baseline["mae"] + EPSILON, f"test-split MAE rose to {split.mae:.3f}"
    assert split.within >= baseline["within_0_2"] - EPSILON, f"test-split within 0.2 fell to {split.within:.3f}"
    for name, _, share, _ in split.targets():
        assert share >= baseline["targets"][name] - EPSILON, (
            f"{name}: {share:.2f} (recorded {baseline['targets'][name]})"
        )
