"""Text and numbers from outside gokata in exam reports, specs and submissions: control characters
are pictured (never written raw), junit.xml always parses, no report holds NaN or Infinity, a spec
with a non-finite number is refused, and `exam submit` never sends what a grader refuses."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from runner.errors import BadInput
from runner.exam import flow
from runner.exam.batch import finish
from runner.exam.candidate import STATE, build_submission, load_state
from runner.exam.grading import grade_submission
from runner.exam.model import CandidateReport, Flag, KataRow, KataTestRow, QuestionRow, SectionScore, TopicScore
from runner.exam.workflow import resume
from runner.kata.policy import MAX_LEARNER_FILE
from runner.reports.exam import pct, summary_csv, summary_markdown, to_html, to_junit, to_markdown
from tests.cli_helpers import run_cli
from tests.exam.conftest import QUIZ_SPEC, SPEC
from tests.exam.helpers import RIGHT, edit, session, setup

# ESC sequences that retitle the window and clear the screen, BEL, NUL, an 8-bit CSI, DEL, a lone surrogate
NASTY = "ctx \x1b]0;PWNED\x07\x1b[2J done \x00 \x9b31m \x7f \ud800 end"
# What may not appear raw in a Markdown, HTML or CSV report (tab and newline are fine)
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in JSON")

    return json.loads(text, parse_constant=refuse)


def _nasty_report(status: str = "graded") -> CandidateReport:
    q = QuestionRow(
        id="slices.x",
        public_id="q01",
        kind="output",
        topic="slices",
        section="s",
        difficulty=2,
        prompt="What prints?",
        answered=True,
        score=0.0,
        correct=False,
        given=NASTY,
        expected="[1 2]",
        note=f"answer not understood: {NASTY}",
    )
    kata = KataRow(
        "k",
        "K",
        "slices",
        "s",
        "fail",
        0.0,
        0,
        1,
        0.5,
        f"panic: {NASTY}",
        (KataTestRow(f"TestX{NASTY}", True, "fail", f"panic: {NASTY}"),),
    )
    return CandidateReport(
        exam="E",
        candidate=f"Eve {NASTY}",
        folder="eve",
        submission=f"eve{NASTY}.json",
        status="graded" if status == "graded" else "not-graded",
        reason="" if status == "graded" else f"malformed: answers.{NASTY}",
        score=0.2,
        pass_mark=0.5,
        sections=(SectionScore("s", "S", 1.0, 0.2),),
        topics=(TopicScore("slices", 0.2, 2),),
        questions=(q,),
        katas=(kata,),
        flags=(Flag("unexpected-answers", f"Answers to questions not in this exam: {NASTY}.", NASTY, (NASTY,)),),
    )


@pytest.mark.parametrize("status", ["graded", "not-graded"])
def test_control_characters_never_reach_a_report_raw(status: str) -> None:
    r = _nasty_report(status)
    for name, text in (
        ("report.md", to_markdown(r)),
        ("report.html", to_html(r)),
        (
            "summary.md",
            summary_markdown("E", [r], [{"kind": "similar-code", "a": NASTY, "b": "x", "evidence": [NASTY]}]),
        ),
        ("summary.csv", summary_csv([r])),
    ):
        assert not RAW_CONTROL.search(text), (name, RAW_CONTROL.findall(text))
        assert "␛" in text and "PWNED␇" in text, name  # shown as what it is, not dropped
    junit = to_junit(r)
    assert not RAW_CONTROL.search(junit)
    root = ET.fromstring(junit.encode("utf-8"))
    assert "PWNED" in ET.tostring(root, encoding="unicode")


def test_hostile_answer_and_name_through_take_submit_and_grade(tmp_path: Path) -> None:
    spec = tmp_path / "quiz.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    s = setup(spec, tmp_path)
    open_id = s.public_ids()["slices.interview-reslicing"]
    answers = tmp_path / "answers.yaml"
    answers.write_text(f'{open_id}: "ctx \\e]0;PWNED\\a\\e[2J done \\0 \\x9b"\n', encoding="utf-8")
    work = tmp_path / "work"
    taken = run_cli("exam", "take", str(s.pack_dir), "--dir", str(work), "--name", "Eve", "--answers", str(answers))
    assert work.joinpath(STATE).is_file(), taken.output
    sub = tmp_path / "sub.json"
    assert run_cli("exam", "submit", "--dir", str(work), "--out", str(sub)).exit_code == 0
    edited = tmp_path / "edited.json"
    edited.write_bytes(sub.read_bytes())
    edit(edited, lambda d: d.update(candidate="Mallory \x1b]0;PWNED\x07\x1b[2J \x00\x85 \ud800"))
    out = tmp_path / "out"
    r = run_cli("exam", "grade", str(spec), str(sub), str(edited), "--out", str(out))
    assert r.exit_code == 0, r.output
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 2
    for folder in folders:
        for name in ("report.md", "report.html"):
            text = (folder / name).read_text(encoding="utf-8")
            assert not RAW_CONTROL.search(text) and "␛" in text, (folder, name)
        ET.parse(folder / "junit.xml")
        _strict_json((folder / "report.json").read_text(encoding="utf-8"))
    for name in ("summary.md", "summary.csv"):
        text = (out / name).read_text(encoding="utf-8")
        assert not RAW_CONTROL.search(text) and "Mallory ␛" in text and "PWNED␇" in text, name
    _strict_json((out / "summary.json").read_text(encoding="utf-8"))


# ---- non-finite numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN", "1.0e+999"])
@pytest.mark.parametrize("command", ["lint", "pack"])
def test_a_spec_with_a_non_finite_number_is_refused_with_its_line(tmp_path: Path, value: str, command: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(QUIZ_SPEC.replace("    weight: 1\n", f"    weight: {value}\n", 1), encoding="utf-8")
    line = QUIZ_SPEC.splitlines().index("    weight: 1") + 1
    args = (
        ["exam", "lint", str(spec)] if command == "lint" else ["exam", "pack", str(spec), "--out", str(tmp_path / "p")]
    )
    r = run_cli(*args)
    assert r.exit_code == 2, r.output
    assert f"{spec}:{line}:" in r.stderr and "sections.0.weight" in r.stderr and "not a finite number" in r.stderr
    assert not (tmp_path / "p").exists()


def test_huge_finite_weights_still_give_a_finite_score(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(QUIZ_SPEC.replace("weight: 1\n", "weight: 1.0e+308\n"), encoding="utf-8")
    assert run_cli("exam", "lint", str(spec)).exit_code == 0
    s = setup(spec, tmp_path)
    report = grade_submission(session(s, tmp_path / "w", "Ada", RIGHT), s.context())
    assert report.graded and math.isfinite(report.score) and report.score > 0.5


def test_no_report_holds_nan_or_infinity_even_past_lint(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    s = setup(spec, tmp_path)
    ctx = s.context()
    broken = dataclasses.replace(
        ctx,
        exam=dataclasses.replace(
            ctx.exam, sections=tuple(dataclasses.replace(x, weight=math.inf) for x in ctx.exam.sections)
        ),
    )
    report = grade_submission(session(s, tmp_path / "w", "Ada", RIGHT), broken)
    assert not report.graded and "not finite" in report.reason
    out = tmp_path / "out"
    finish("E", [report, dataclasses.replace(_nasty_report(), score=math.nan, candidate="Zed")], out, None)
    for path in (*out.glob("*/report.json"), out / "summary.json"):
        _strict_json(path.read_text(encoding="utf-8"))
    for path in (out / "summary.md", out / "summary.csv", *out.glob("*/report.md"), *out.glob("*/report.html")):
        text = path.read_text(encoding="utf-8").lower()
        assert "nan%" not in text and ",nan" not in text and "inf%" not in text, path
    assert pct(math.nan) == pct(math.inf) == "—"


# ---- lint: katas listed twice ------------------------------------------------------------------


def test_a_kata_listed_twice_is_refused_like_a_question(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("katas: [sum-positive]", "katas: [sum-positive, sum-positive]"), encoding="utf-8")
    r = run_cli("exam", "lint", str(spec))
    assert r.exit_code == 2 and "sections.2.katas.1" in r.stderr and "listed twice" in r.stderr, r.output
    line = SPEC.splitlines().index("    katas: [sum-positive]") + 1
    assert f"{spec}:{line}:" in r.stderr
    two = tmp_path / "two.yaml"
    two.write_text(SPEC + "  - {id: more, title: More, weight: 0.1, katas: [sum-positive]}\n", encoding="utf-8")
    r = run_cli("exam", "lint", str(two))
    assert r.exit_code == 2 and "kata(s) in more than one section: sum-positive" in r.stderr, r.output


# ---- submit ------------------------------------------------------------------------------------


@pytest.fixture()
def kata_exam(tmp_path: Path, spec: Path) -> Path:
    """An exam with the sum-positive kata, opened in its folder as `exam take` does."""
    pack = tmp_path / "pack"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    work = tmp_path / "work"
    flow.take(pack, work, "Ada", None)
    return work


def _learner(work: Path) -> Path:
    return work / "katas" / "sum-positive" / "sum.go"


def _refused_and_kept(work: Path, tmp_path: Path, *words: str) -> None:
    state = (work / STATE).read_bytes()
    r = run_cli("exam", "submit", "--dir", str(work), "--out", str(tmp_path / "sub.json"))
    assert r.exit_code == 2, r.output
    assert str(_learner(work)) in r.stderr and all(w in r.stderr for w in words), r.stderr
    assert "submit` again" in r.stderr  # says what to do, and that nothing is lost
    assert not (tmp_path / "sub.json").exists()
    assert (work / STATE).read_bytes() == state  # no submit event logged: the session is as it was


def test_submit_refuses_a_kata_file_over_the_graders_limit_and_keeps_the_session(
    kata_exam: Path, tmp_path: Path
) -> None:
    good = _learner(kata_exam).read_text(encoding="utf-8")
    _learner(kata_exam).write_text(good + "//" + "x" * MAX_LEARNER_FILE + "\n", encoding="utf-8")
    _refused_and_kept(kata_exam, tmp_path, "KiB", f"{MAX_LEARNER_FILE >> 10} KiB limit")
    _learner(kata_exam).write_text(good, encoding="utf-8")  # fixed: the same session submits
    r = run_cli("exam", "submit", "--dir", str(kata_exam), "--out", str(tmp_path / "sub.json"))
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "sub.json").read_text(encoding="utf-8"))
    assert data["katas"]["sum-positive"]["files"]["sum.go"] == good


def test_submit_refuses_a_symlink_or_a_folder_as_a_kata_file(kata_exam: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.go"
    target.write_text("package sum\n", encoding="utf-8")
    _learner(kata_exam).unlink()
    os.symlink(target, _learner(kata_exam))
    _refused_and_kept(kata_exam, tmp_path, "symbolic link")
    _learner(kata_exam).unlink()
    _learner(kata_exam).mkdir()
    _refused_and_kept(kata_exam, tmp_path, "a folder")


def test_submit_warns_about_a_missing_kata_file_and_records_it(kata_exam: Path, tmp_path: Path) -> None:
    _learner(kata_exam).unlink()
    done = flow.submit(kata_exam, tmp_path / "sub.json").value
    assert done.missing == ("sum-positive/sum.go",)
    assert any("sum-positive/sum.go" in w and "missing" in w for w in done.warnings())
    data = json.loads(done.path.read_text(encoding="utf-8"))
    assert data["katas"]["sum-positive"] == {"files": {}, "missing": ["sum.go"]}
    s = run_cli("exam", "submit", "--dir", str(kata_exam), "--out", str(tmp_path / "again.json"))
    assert s.exit_code == 0, s.output
    assert "warning:" in s.stderr and "sum-positive/sum.go" in s.stderr


def test_submit_refuses_a_submission_over_what_a_grader_reads(kata_exam: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("runner.exam.candidate.MAX_SUBMISSION_BYTES", 1000)
    state, opened = resume(kata_exam)
    before = (kata_exam / STATE).read_bytes()
    with pytest.raises(BadInput, match="a grader reads"):
        build_submission(state, opened)
    assert (kata_exam / STATE).read_bytes() == before


def test_a_folder_where_the_state_belongs_is_named(kata_exam: Path, tmp_path: Path) -> None:
    (kata_exam / STATE).unlink()
    (kata_exam / STATE).mkdir()
    for args in (
        ["submit", "--dir", str(kata_exam)],
        ["take", str(tmp_path / "pack"), "--dir", str(kata_exam)],
        ["test", "sum-positive", "--dir", str(kata_exam)],
    ):
        r = run_cli("exam", *args)
        assert r.exit_code == 2, (args, r.output)
        assert f"{kata_exam / STATE}: a folder" in r.stderr and "no exam in progress" not in r.stderr, r.stderr


# ---- take --answers ----------------------------------------------------------------------------


def test_answers_file_problems_have_lines_and_store_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "quiz.yaml"
    spec.write_text(QUIZ_SPEC, encoding="utf-8")
    s = setup(spec, tmp_path)
    ids = s.public_ids()
    choice, open_id = ids["slices.reslice-shares-array"], ids["slices.interview-reslicing"]
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"{choice}: Z\nq99: A\n{open_id}: {'word ' * 30_000}\n", encoding="utf-8")
    work = tmp_path / "w"
    r = run_cli("exam", "take", str(s.pack_dir), "--dir", str(work), "--name", "Eve", "--answers", str(answers))
    assert r.exit_code == 2, r.output
    assert f"{answers}:1:" in r.stderr and f"{answers}:2:" in r.stderr and f"{answers}:3:" in r.stderr, r.stderr
    assert "not a question of this exam" in r.stderr and "longer than" in r.stderr
    assert load_state(work).answers == {}


def test_the_interactive_session_asks_again_for_an_answer_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed (or pasted) answer longer than the grader reads would make the whole submission
    ungradable: the session says so and asks again instead of saving it."""
    import io

    from rich.console import Console

    from runner.exam.submission import MAX_ANSWER_CHARS
    from runner.ui import exam as exam_ui
    from runner.ui import prompts

    given = iter(["x" * (MAX_ANSWER_CHARS + 1), "a short answer"])
    # what the terminal delivers; the prompt's own reading (read_multiline) decides what is asked again
    monkeypatch.setattr(prompts, "read_lines_until_eof", lambda: (next(given), False))
    shown = io.StringIO()
    text, length = exam_ui._read(Console(file=shown, width=200), {"kind": "open", "id": "q1"})
    assert (text, length) == ("a short answer", len("a short answer"))
    assert f"{MAX_ANSWER_CHARS + 1:,} characters" in shown.getvalue()
