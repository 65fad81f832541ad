"""The quiz engine: selection, answer parsing, exact grading, the session state machine."""
