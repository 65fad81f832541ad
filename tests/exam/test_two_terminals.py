"""One exam folder used by two gokata processes at once (`exam take` answering in one terminal,
`exam test` or another `exam take --answers` in the other): every answer either saved is kept,
and the event log stays one intact chain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from runner.exam.candidate import build_submission, load_state, start_or_resume, write_submission
from runner.exam.events import chain_problems
from runner.exam.grading import grade_submission
from tests.exam.helpers import RIGHT, setup


def test_two_states_of_one_folder_each_keep_the_others_answers(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    work = tmp_path / "w"
    start_or_resume(s.pack, work, "Ada", now=1000.0)
    ids = s.public_ids()
    first, second = load_state(work), load_state(work)  # two processes, each read the folder
    first.record(ids["defer.lifo"], True, duration_s=5, chars=4, now=1030.0)
    second.record(ids["slices.three-index-frees"], False, duration_s=5, chars=5, now=1031.0)
    second.log("test", now=1032.0, data="sum-positive:fail")
    second.save()
    first.record(ids["slices.append-output"], RIGHT["slices.append-output"], duration_s=5, chars=20, now=1040.0)

    final = load_state(work)
    assert set(final.answers) == {ids["defer.lifo"], ids["slices.three-index-frees"], ids["slices.append-output"]}
    assert [e.kind for e in final.events] == ["start", "answer", "answer", "test", "answer"]
    assert chain_problems(final.events, final.pack_hash) == []
    sub = write_submission(build_submission(final, s.pack, now=1100.0), tmp_path / "ada.json")
    report = grade_submission(sub, s.context())
    kinds = {f.kind for f in report.flags}
    assert not kinds & {"broken-chain", "altered", "impossible-timing"}, report.flags
    assert sum(q.answered for q in report.questions) == 3


def test_answers_saved_by_many_processes_at_once_are_all_kept(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    work = tmp_path / "w"
    start_or_resume(s.pack, work, "Ada", now=1000.0)
    ids = list(s.public_ids().values())
    script = (
        "import sys; from pathlib import Path; from runner.exam.candidate import load_state\n"
        "st = load_state(Path(sys.argv[1]))\n"
        "st.record(sys.argv[2], 'an answer', duration_s=30, chars=9)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(work), qid]) for qid in ids]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    final = load_state(work)
    assert set(final.answers) == set(ids)
    assert chain_problems(final.events, final.pack_hash) == []
