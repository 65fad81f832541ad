"""Free-text grading of open questions against their answer framework."""
