"""new -> pack -> take (scripted) -> submit -> grade, for a strong and a weak candidate,
then the reports: Markdown, HTML (rendered in headless Chromium), JSON (signed), JUnit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from runner.exam.candidate import ExamState
from runner.exam.pack import presentation
from runner.exam.workflow import resolve_spec
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES

KATA = FIXTURES / "exam" / "katas" / "sum-positive"

STRONG = {
    "slices.reslice-shares-array": "B",
    "slices.interview-reslicing": (
        "A slice is a small header: a pointer, a length and a capacity over a backing array. "
        "Re-slicing shares that backing array, so an append into spare capacity overwrites the original, "
        "and a small slice of a huge array pins the whole array in memory, which is a memory leak. "
        "Copy with slices.Clone when the result must be independent."
    ),
}
WEAK = {
    "slices.reslice-shares-array": "C",
    "slices.interview-reslicing": "Slices are like arrays in Java. A three-index slice frees the big array.",
}
RIGHT = {
    "slices.copy-ways": "A,C",
    "slices.three-index-frees": False,
    "slices.append-output": "[1 2 99] [1 2 99]\n",
    "slices.spot-pinning": 5,
    "defer.args-evaluated": "now 2\ndeferred 1\n",
    "defer.lifo": True,
}
WRONG = {
    "slices.copy-ways": "B",
    "slices.three-index-frees": True,
    "slices.append-output": "[1 2 3] [1 2 99]\n",
    "slices.spot-pinning": 2,
    "defer.args-evaluated": "now 2\ndeferred 2\n",
    "defer.lifo": False,
}


def as_shown(spec: Path, answers: Mapping[str, object]) -> dict[str, object]:
    """Answers by bank id and bank letters, as the candidate gives them: by pack id, in the pack's choice order."""
    exam, catalog = resolve_spec(spec)
    shown: dict[str, object] = {}
    for x in presentation(exam, catalog):
        raw = answers[x.question_id]
        if x.order and isinstance(raw, str):
            raw = x.to_shown_letters(raw)
        shown[x.public_id] = raw
    return shown


def take_exam(tmp_path: Path, pack: Path, name: str, answers: Mapping[str, object], code: Path | None) -> Path:
    workdir = tmp_path / f"work-{name}"
    questions = json.loads((pack / "questions.json").read_text(encoding="utf-8"))
    spec = tmp_path / "spec.yaml"
    canonical = {**(RIGHT if answers is STRONG else WRONG), **answers}
    chosen = as_shown(spec, canonical)
    assert set(chosen) == {q["id"] for q in questions}
    answers_file = tmp_path / f"{name}.yaml"
    answers_file.write_text(json.dumps(chosen), encoding="utf-8")  # JSON is YAML
    result = run_cli("exam", "take", str(pack), "--dir", str(workdir), "--name", name, "--answers", str(answers_file))
    assert result.exit_code == 0, result.output
    assert "gokata exam test sum-positive" in result.stdout
    if code is not None:
        shutil.copy(code, workdir / "katas" / "sum-positive" / "sum.go")
    out = tmp_path / f"{name}.json"
    result = run_cli("exam", "submit", "--dir", str(workdir), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def tamper(sub: Path) -> None:
    """What a candidate with a text editor tries: an earlier start, a bigger time limit, no late
    mark, and a better answer after the fact."""
    data = json.loads(sub.read_text(encoding="utf-8"))
    data["events"][0]["at"] -= 2 * 3600
    data["started_at"] -= 2 * 3600
    data["time_limit_minutes"] = 6000
    data["late"] = False
    data["answers"]["q01"]["answer"] = "C"
    sub.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.go
def test_strong_weak_tampered_and_malformed_candidates_end_to_end(tmp_path: Path, spec: Path) -> None:
    pack = tmp_path / "pack"
    assert run_cli("exam", "pack", str(spec), "--out", str(pack)).exit_code == 0
    strong = take_exam(tmp_path, pack, "Ada Strong", STRONG, KATA / ".meta" / "solution" / "sum.go")
    weak = take_exam(tmp_path, pack, "Bob Weak", WEAK, None)  # leaves the starter as it was
    tampered = take_exam(tmp_path, pack, "Tom Tamper", STRONG, KATA / ".meta" / "solution" / "sum.go")
    tamper(tampered)
    malformed = tmp_path / "mallory.json"
    malformed.write_bytes(b"PK\x03\x04" + b"\x00" * 64)  # a zip sent instead of the submission
    out = tmp_path / "reports"
    result = run_cli(
        "exam",
        "grade",
        str(spec),
        str(strong),
        str(weak),
        str(tampered),
        str(malformed),
        "--out",
        str(out),
        "--jobs",
        "2",
        "--key",
        "s3cret",
    )
    assert result.exit_code == 1, result.output  # one submission could not be graded; the others were
    assert "Ada Strong" in result.stdout and "Bob Weak" in result.stdout and "not graded" in result.stdout

    a = json.loads((out / "ada-strong" / "report.json").read_text(encoding="utf-8"))
    b = json.loads((out / "bob-weak" / "report.json").read_text(encoding="utf-8"))
    t = json.loads((out / "tom-tamper" / "report.json").read_text(encoding="utf-8"))
    m = json.loads((out / "mallory" / "report.json").read_text(encoding="utf-8"))
    assert a["passed"] and not b["passed"]
    assert a["score"] >= 0.9 and b["score"] <= 0.2
    assert a["rank"] == 1 and b["rank"] == 3 and t["rank"] == 2  # the tampered answer cost a question
    assert a["pack_hash_ok"] and a["digest_ok"] and a["chain_ok"]
    assert a["time"]["time_limit_minutes"] == 60 and not a["time"]["late"]
    sections = {s["id"]: s["score"] for s in a["sections"]}
    assert sections["pitfalls"] == 1.0 and sections["coding"] == 1.0
    kata = a["katas"][0]
    assert kata["status"] == "pass" and kata["passed"] == kata["total"] == 4
    weak_kata = b["katas"][0]
    assert weak_kata["status"] == "fail"
    assert any(t["hidden"] and t["status"] == "fail" for t in weak_kata["tests"])
    assert weak_kata["score"] == 0.0  # an untouched starter earns nothing, whatever tests it passes
    assert "The starter already passes" in weak_kata["summary"]

    # the letters and choice texts the candidate saw, not the bank's order
    seen = as_shown(spec, {**RIGHT, **STRONG})
    single = next(q for q in a["questions"] if q["id"] == "slices.reslice-shares-array")
    assert single["given"] == seen[single["public_id"]] == single["expected"]
    chosen = [c for c in single["choices"] if c["chosen"]]
    assert (
        [c["letter"] for c in chosen] == [single["given"]] and chosen[0]["text"] == "[1 2 99]" and chosen[0]["correct"]
    )

    # a wrong belief is a misconception with the sentence, not a miss; a strong answer gets stretch questions
    weak_open = next(q for q in b["questions"] if q["id"] == "slices.interview-reslicing")["open"]
    assert weak_open["misconceptions"][0]["evidence"].startswith("A three-index slice frees the big array")
    assert weak_open["follow_ups"] and not weak_open["stretch"]
    strong_open = next(q for q in a["questions"] if q["id"] == "slices.interview-reslicing")["open"]
    assert "How would you return the first ten records without pinning the rest?" in strong_open["stretch"]
    assert b["weakest"] and b["weakest"][0]["score"] <= b["weakest"][-1]["score"]

    # the tampered candidate: every trick shows, and the grader's clock is the spec's
    kinds = {f["kind"] for f in t["flags"]}
    assert {"altered", "broken-chain"} <= kinds
    assert t["time"]["time_limit_minutes"] == 60 and not t["chain_ok"]
    assert any("q01" in f["message"] for f in t["flags"] if f["kind"] == "altered")

    # the malformed one: its own small report and a row that says why
    assert m["status"] == "not-graded" and "zip" in m["reason"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = {r["candidate"]: r for r in summary["candidates"]}
    assert rows["mallory"]["status"] == "not-graded" and rows["mallory"]["rank"] is None
    assert [r["candidate"] for r in summary["candidates"]][-1] == "mallory"
    csv_text = (out / "summary.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("rank,candidate,status,score,passed,reason")
    assert "not-graded" in csv_text and "Ada Strong" in csv_text

    md = (out / "ada-strong" / "report.md").read_text(encoding="utf-8")
    assert "# Go screen: Ada Strong" in md and "Flags call for a human look, not automatic rejection" in md
    assert md.index("## Summary") < md.index("## Questions") and "Weakest areas" in md
    assert "reported by the candidate's machine" in md
    junit = ET.parse(out / "bob-weak" / "junit.xml").getroot()
    assert int(junit.find("testsuite").get("failures", "0")) > 0  # type: ignore[union-attr]
    summary_md = (out / "summary.md").read_text(encoding="utf-8")
    assert summary_md.index("Ada Strong") < summary_md.index("Tom Tamper") < summary_md.index("Bob Weak")

    for name in ("report.json", "report.html", "report.md", "junit.xml"):
        ok = run_cli("exam", "verify", str(out / "ada-strong" / name), "--key", "s3cret")
        assert ok.exit_code == 0 and "intact" in ok.stdout, ok.output
    for name in ("summary.json", "summary.csv", "summary.md"):
        assert run_cli("exam", "verify", str(out / name), "--key", "s3cret").exit_code == 0
    assert run_cli("exam", "verify", str(out / "ada-strong" / "report.json"), "--key", "wrong").exit_code == 1
    a["passed"] = not a["passed"]
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(a), encoding="utf-8")
    assert run_cli("exam", "verify", str(forged), "--key", "s3cret").exit_code == 1
    html = out / "ada-strong" / "report.html"
    text = html.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text  # self-contained: no network assets
    render_in_chromium(html, tmp_path)
    html.write_text(text.replace("Ada Strong", "Ada Stronger"), encoding="utf-8")
    altered = run_cli("exam", "verify", str(html), "--key", "s3cret")
    assert altered.exit_code == 1 and "ALTERED" in altered.stdout


def render_in_chromium(html: Path, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required under CI (.ci/run installs it)")
        pytest.skip("chromium not installed (CI installs it)")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert 'id="candidate">Ada Strong<' in dom
    assert ('id="score"' in dom and "100%" in dom) or "9" in dom
    assert "Go pitfalls" in dom and "Interview" in dom and "Coding" in dom
    shot = Path(os.environ.get("GOKATA_ARTIFACTS", tmp_path)) / "exam-report.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [chromium, *flags, f"--screenshot={shot}", "--window-size=1200,1600", html.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.go
def test_tampering_and_copying_are_flagged(tmp_path: Path, spec: Path) -> None:
    pack = tmp_path / "pack"
    run_cli("exam", "pack", str(spec), "--out", str(pack))
    shared = tmp_path / "shared.go"  # the same twenty lines handed around between two candidates
    shared.write_text(SHARED_SOLUTION, encoding="utf-8")
    one = take_exam(tmp_path, pack, "One", STRONG, shared)
    two = take_exam(tmp_path, pack, "Two", STRONG, shared)
    data = json.loads(two.read_text(encoding="utf-8"))
    data["answers"]["q01"]["answer"] = "C"
    two.write_text(json.dumps(data), encoding="utf-8")
    other_spec = tmp_path / "other.yaml"
    other_spec.write_text(spec.read_text(encoding="utf-8").replace("seed: 3", "seed: 4"), encoding="utf-8")
    out = tmp_path / "reports"
    result = run_cli("exam", "grade", str(other_spec), str(one), str(two), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output  # flagged, but graded
    r1 = json.loads((out / "one" / "report.json").read_text(encoding="utf-8"))
    r2 = json.loads((out / "two" / "report.json").read_text(encoding="utf-8"))
    kinds1 = {f["kind"] for f in r1["flags"]}
    kinds2 = {f["kind"] for f in r2["flags"]}
    assert "pack-mismatch" in kinds1 and "similar-code" in kinds1
    assert {"pack-mismatch", "altered", "similar-code"} <= kinds2
    similar = [f for f in r1["flags"] if f["kind"] == "similar-code"]
    assert len(similar) == 1 and similar[0]["other"] == "Two"  # once per pair, naming the other
    assert any("addDose" in line for line in similar[0]["evidence"])


SPEC_QUESTIONS_ONLY = """\
title: "Quiz only"
time_limit_minutes: 30
pass_mark: 0.5
sections:
  - id: quiz
    title: Quiz
    weight: 1
    questions: [slices.reslice-shares-array, defer.lifo, slices.three-index-frees, slices.spot-pinning]
"""

SHARED_SOLUTION = """package dose

// SumPositive returns the sum of the positive values in doses.
func SumPositive(doses []int) int {
	total := 0
	for _, d := range doses {
		if isValidDose(d) {
			total = addDose(total, d)
		}
	}
	return total
}

// isValidDose rejects data-entry errors.
func isValidDose(d int) bool {
	if d <= 0 {
		return false
	}
	return true
}

func addDose(total, d int) int {
	return total + d
}
"""


def test_similarity_compares_own_work_not_the_starter() -> None:
    from runner.exam.similarity import own_work, similarity

    starter = (KATA / "sum.go").read_text(encoding="utf-8")
    solution = (KATA / ".meta" / "solution" / "sum.go").read_text(encoding="utf-8")
    assert own_work(starter, starter) == ""
    assert len(own_work(solution, starter)) < 40  # the obvious fix is too small to call a copy
    recommented = SHARED_SOLUTION.replace("// isValidDose rejects data-entry errors.", "// my own comment")
    assert similarity(own_work(SHARED_SOLUTION, starter), own_work(recommented, starter)) == 1.0


def test_piped_fast_answers_are_flagged(tmp_path: Path) -> None:
    from runner.exam.candidate import build_submission, start_or_resume, write_submission
    from runner.exam.grading import GradingContext, grade_submission
    from runner.exam.pack import build_pack, read_pack, write_pack

    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC_QUESTIONS_ONLY, encoding="utf-8")
    exam, catalog = resolve_spec(spec)
    built = build_pack(exam, catalog, {})
    pack = read_pack(write_pack(built, tmp_path / "pack"))
    state = start_or_resume(pack, tmp_path / "work", "Pipe", now=1000.0)
    for i, q in enumerate(pack.questions()):
        state.record(q["id"], "x", duration_s=0.3, chars=1, now=1001.0 + i, terminal=False)
    sub = write_submission(build_submission(state, pack, now=1100.0), tmp_path / "sub.json")
    ctx = GradingContext(exam, catalog, built.pack_hash, lambda slug, files: None, {})  # type: ignore[arg-type]
    report = grade_submission(sub, ctx)
    kinds = {f.kind for f in report.flags}
    assert {"not-typed", "too-fast"} <= kinds


def test_fast_long_answers_are_flagged_as_pasted(tmp_path: Path) -> None:
    state = ExamState(tmp_path, "h", "c", started_at=1000.0, time_limit_minutes=60)
    state.record("q1", "x" * 400, duration_s=3.0, chars=400, now=1010.0)
    state.record("q2", "x" * 400, duration_s=120.0, chars=400, now=1200.0)
    state.record("q3", "x" * 400, duration_s=None, chars=400, now=1300.0, from_file=True)
    state.record("q4", "B", duration_s=1.0, chars=1, now=5000.0)
    assert state.answers["q1"]["pasted"] and not state.answers["q2"]["pasted"]
    assert not state.answers["q3"]["pasted"] and state.answers["q3"]["from_file"]
    assert state.answers["q4"]["late"] and not state.answers["q1"]["late"]
    saved = json.loads((tmp_path / "exam-state.json").read_text(encoding="utf-8"))
    assert set(saved["answers"]) == {"q1", "q2", "q3", "q4"}  # saved as it goes
