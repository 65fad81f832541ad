"""The interviewer's scale: what an answer that earns the whole framework is worth.

The framework grade is the credit earned over the weight owed, so an answer that covers every
point earns 1.0. Interviewers almost never give that: on the blind dev splits (5,903 answers
scored by their writers before any grading) the answers the framework gave 1.0 averaged 0.91, on
the two other writer sets 0.85 and 0.81, and a strong answer, the model answer included, is a
0.85-0.95 answer to the people who read it. The top of the scale is therefore mapped down: scores
up to KNEE stay as they are (the caps of inverted, keyword-list and off-topic answers, the pass
bar at 0.8), and KNEE..1.0 becomes KNEE..TOP linearly, so the order of answers never changes and
every answer at KNEE or more stays there.

TOP was chosen on the dev splits alone (MAE over every dev answer: 0.085 unmapped; 0.064, 0.056,
0.058 and 0.064 with TOP 0.95, 0.90, 0.92 and 0.88); the test split was only reported.
"""

from __future__ import annotations

KNEE = 0.85
TOP = 0.9
# A score at or above this is the whole framework: "fully right" for the quiz and exam reports.
FULL = TOP - 0.001


def interviewer_scale(earned: float) -> float:
    """The score shown for `earned`, the framework's 0..1 share (monotone, KNEE and below kept)."""
    earned = min(1.0, max(0.0, earned))
    if earned <= KNEE:
        return earned
    return KNEE + (earned - KNEE) * (TOP - KNEE) / (1.0 - KNEE)
