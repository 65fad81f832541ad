"""How long an answer may be: one number for every surface that takes one (`answer`, `quiz
--answers`, the exam session, `exam take --answers`, and the grader reading a submission).

Far beyond any spoken or written interview answer. Grading time grows with length (1 MB took
6 s), a batch must not wait on one candidate, and an exam answer the grader would refuse must be
refused while the candidate can still shorten it. Standard library only: the exam session imports
it without the grader.
"""

from __future__ import annotations

MAX_ANSWER_CHARS = 100_000
