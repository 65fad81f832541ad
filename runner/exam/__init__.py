"""Hiring exams: spec, candidate pack, candidate session, submission, grading, reports."""
