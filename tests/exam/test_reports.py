"""Reports an interviewer can act on: ranks, the first screen, inert candidate text, CSV, notes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from runner.exam.batch import rank
from runner.exam.model import (
    CandidateReport,
    Flag,
    KataRow,
    OpenDetail,
    PointRow,
    QuestionRow,
    TimeInfo,
    TopicScore,
)
from runner.reports.exam import summary_csv, to_html, to_markdown
from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, edit, session, setup


def _report(name: str, score: float, flags: int = 0, **kw: Any) -> CandidateReport:
    return CandidateReport(
        exam="E",
        candidate=name,
        folder=name.lower(),
        submission=f"{name}.json",
        status="graded",
        score=score,
        pass_mark=0.5,
        passed=score >= 0.5,
        flags=tuple(Flag("pasted", "x") for _ in range(flags)),
        **kw,
    )


def test_ties_share_a_rank_ordered_by_fewer_flags_then_name() -> None:
    reports = [
        _report("Eve", 1.0, 2),
        _report("dan", 1.0),
        _report("Cat", 1.0, 1),
        _report("Bea", 0.5),
        _report("Al", 1.0),
    ]
    ranked = rank(reports)
    assert [(r.candidate, r.rank) for r in ranked] == [("Al", 1), ("dan", 1), ("Cat", 1), ("Eve", 1), ("Bea", 5)]
    assert {r.candidates for r in ranked} == {5}


HOSTILE = (
    "<script>alert(1)</script> ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> [a](javascript:x)"
)


def _hostile_report() -> CandidateReport:
    point = PointRow(
        "sharing",
        "Re-slicing shares memory",
        "contradicted",
        2.0,
        0.0,
        True,
        "Re-slicing does not share the backing array.",
    )
    detail = OpenDetail(
        (point,),
        follow_ups=("Why?",),
        confidence=0.3,
        needs_review=True,
        review_reasons=("the answer hedges",),
        waved_away=("There's no need to copy <b>anything</b>.", "It doesn't matter here."),
        about_instead="memory.<i>gc</i>",
    )
    q = QuestionRow(
        id="slices.x",
        public_id="q01",
        kind="open",
        topic="slices",
        section="s",
        difficulty=3,
        prompt="How?",
        answered=True,
        score=0.2,
        correct=None,
        given=HOSTILE,
        expected="model",
        open=detail,
    )
    kata = KataRow("k", "K", "slices", "s", "pass", 1.0, 1, 1, 0.5, "ok", (), isolation="bwrap")
    return _report(
        HOSTILE,
        0.7,
        questions=(q,),
        katas=(kata,),
        time=TimeInfo(1.0, 61.0, 1.0, 60, False, 3),
        topics=(TopicScore("slices", 0.2, 1),),
        weakest=(TopicScore("slices", 0.2, 1),),
    )


def test_candidate_text_is_inert_in_markdown_and_html() -> None:
    r = _hostile_report()
    md = to_markdown(r)
    rendered = MarkdownIt("commonmark").enable("table").render(md)  # what a Markdown viewer makes of it
    assert "<script" not in rendered and "<img" not in rendered and "href=" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and "![pixel](https://evil.example/p.png)" in rendered
    html = to_html(r)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "default-src 'none'" in html  # and the page may load nothing even if something slipped through


def test_review_contradictions_and_sandbox_are_shown() -> None:
    r = _hostile_report()
    for text in (to_markdown(r), to_html(r)):
        assert "a person should read this one" in text.lower()
        assert "contradicted" in text and "Re-slicing does not share the backing array." in text
        assert "the answer hedges" in text
        assert "waves away" in text and "matter here." in text and "<b>anything" not in text
        assert "answers another question" in text and "gc" in text and "<i>gc" not in text
        assert "sandbox: bwrap" in text
        assert "Weakest areas" in text and "slices (20%)" in text


def test_a_point_read_in_other_words_says_so() -> None:
    r = _hostile_report()
    q = r.questions[0]
    assert q.open is not None
    read = PointRow("copy", "Copy to keep", "partial", 1.0, 0.5, False, "Make your own copy first.", other_words=True)
    plain = PointRow("cap", "Cap the length", "partial", 1.0, 0.5, False, "Limit it.")
    detail = dataclasses.replace(q.open, points=(read, plain))
    r = r.replace(questions=(dataclasses.replace(q, open=detail),))
    for text in (to_markdown(r), to_html(r)):
        assert text.count("read by the meaning extra") == 1
        assert "Make your own copy first." in text
        assert "grader = meaning" not in text
    for text in (to_markdown(r.replace(grader="meaning")), to_html(r.replace(grader="meaning"))):
        assert "read with the optional meaning extra (grader = meaning)" in text


def test_reports_with_open_answers_say_what_the_grade_cannot_see() -> None:
    note = "a key fact turned round in other words can still score high"
    for text in (to_markdown(_hostile_report()), to_html(_hostile_report())):
        assert note in text and "Read the open answers that decide a pass" in text
    for text in (to_markdown(_report("Ada", 0.9)), to_html(_report("Ada", 0.9))):
        assert note not in text


def test_csv_is_safe_for_spreadsheets() -> None:
    text = summary_csv(rank([_report('=HYPERLINK("http://x")', 0.9), _report("Bo", 0.4)]))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == ["rank", "candidate", "status", "score", "passed", "reason"]
    assert rows[1][1].startswith("'=") and rows[1][3] == "0.9000" and rows[1][4] == "yes"
    assert rows[2][4] == "no"


def test_notes_and_scorecard_rerender_and_resign(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Ada Lovelace", RIGHT)
    out = tmp_path / "out"
    assert run_cli("exam", "grade", str(quiz_spec), str(sub), "--out", str(out), "--key", "k").exit_code == 0
    r = run_cli(
        "exam",
        "note",
        str(out),
        "Ada Lovelace",
        "--text",
        "Strong on <b>channels</b>.",
        "--score",
        "go-fluency=4",
        "--score",
        "communication=3",
        "--author",
        "Grace",
        "--key",
        "k",
    )
    assert r.exit_code == 0, r.output
    report = json.loads((out / "ada-lovelace" / "report.json").read_text(encoding="utf-8"))
    assert report["interviewer"]["scores"] == {"go-fluency": 4, "communication": 3}
    assert report["interviewer"]["notes"][0]["text"] == "Strong on <b>channels</b>."
    md = (out / "ada-lovelace" / "report.md").read_text(encoding="utf-8")
    assert "Strong on \\<b\\>channels\\</b\\>." in md and "| Go fluency | 4 |" in md
    assert "scorecard:go-fluency" in (out / "summary.csv").read_text(encoding="utf-8")
    for name in ("report.json", "report.md", "report.html"):
        assert run_cli("exam", "verify", str(out / "ada-lovelace" / name), "--key", "k").exit_code == 0
    assert run_cli("exam", "verify", str(out / "summary.csv"), "--key", "k").exit_code == 0
    # a second note is added, not replacing the first; the folder name works too
    assert run_cli("exam", "note", str(out), "ada-lovelace", "-t", "Follow up on pools.", "--key", "k").exit_code == 0
    notes = json.loads((out / "ada-lovelace" / "report.json").read_text(encoding="utf-8"))["interviewer"]["notes"]
    assert [n["text"] for n in notes] == ["Strong on <b>channels</b>.", "Follow up on pools."]
    bad = run_cli("exam", "note", str(out), "Ada Lovelace", "--score", "charm=4", "--key", "k")
    assert bad.exit_code == 2 and "not a criterion" in bad.stderr
    bad = run_cli("exam", "note", str(out), "Ada Lovelace", "--score", "go-fluency=9", "--key", "k")
    assert bad.exit_code == 2 and "from 1 to 4" in bad.stderr
    unsigned = run_cli("exam", "note", str(out), "Ada Lovelace", "-t", "x")
    assert unsigned.exit_code == 2 and "is signed" in unsigned.stderr
    empty = run_cli("exam", "note", str(out), "Ada Lovelace", "-t", "x", "--key", "")
    assert empty.exit_code == 2 and "the secret is empty" in empty.stderr


def test_strong_open_answers_get_stretch_questions(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    sub = session(s, tmp_path / "w", "Ada", RIGHT)
    edit(sub, lambda d: None)
    out = tmp_path / "out"
    assert run_cli("exam", "grade", str(quiz_spec), str(sub), "--out", str(out)).exit_code == 0
    html = (out / "ada" / "report.html").read_text(encoding="utf-8")
    assert "Stretch questions" in html and "without pinning the rest" in html


def _row(topic: str, kind: str, score: float, correct: bool | None) -> QuestionRow:
    return QuestionRow(
        id=f"{topic}.x",
        public_id="q01",
        kind=kind,
        topic=topic,
        section="s",
        difficulty=3,
        prompt="?",
        answered=True,
        score=score,
        correct=correct,
        given="a",
        expected="a",
    )


def test_weakest_areas_skip_topics_with_full_marks_on_the_interviewers_scale() -> None:
    from runner.answers.scale import TOP
    from runner.exam.grading import Scores, weakest_areas

    rows = (
        _row("slices", "open", TOP, None),  # the whole framework: fully right, though under 1.0
        _row("slices", "single", 1.0, True),
        _row("maps", "single", 0.0, False),
        _row("once", "open", 0.6, None),
    )
    topics = (TopicScore("maps", 0.0, 1), TopicScore("once", 0.6, 1), TopicScore("slices", (TOP + 1) / 2, 2))
    scores = Scores(rows, (), (), topics, 0.5)
    assert rows[0].fully_right and not rows[3].fully_right
    assert [t.topic for t in weakest_areas(scores)] == ["maps", "once"]
