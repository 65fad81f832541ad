"""The six kinds of question, in the order gokata lists them (no model needed to name them)."""

KINDS = ("single", "multi", "truefalse", "output", "spot-the-bug", "open")
