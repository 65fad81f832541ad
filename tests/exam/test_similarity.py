"""Copying found with evidence: open answers across candidates and against the bank's model
answer, the same wrong choices; each flag names the other side, quotes the passage, once per pair."""

from __future__ import annotations

import json
from pathlib import Path

from runner.content.models import LocalText
from runner.exam.similarity import model_answer_flag, shared_passage
from tests.cli_helpers import run_cli
from tests.exam.helpers import RIGHT, WRONG, session, setup

SHARED = (
    "Honestly the way I think about it is that slices are views: a little struct holding a pointer to "
    "an array plus len and cap, and whenever you reslice you keep pointing into the very same memory"
)


def test_shared_passage_quotes_the_copied_words() -> None:
    a = f"First my own words. {SHARED}. Then more of mine."
    b = f"Different opening here! {SHARED.upper()}; and a different end."
    quote = shared_passage(a, b)
    assert quote is not None and "a little struct holding a pointer" in quote and "own words" not in quote
    assert (
        shared_passage(
            "A slice is a header over a backing array and shares it.",
            "Slices have a header; re-slicing shares the backing array.",
        )
        is None
    )
    assert shared_passage("短", "短") is None


def test_model_answer_copy_is_flagged_in_either_language() -> None:
    model = LocalText(
        en="A slice is a pointer, length and capacity over a backing array. Re-slicing shares it, so an "
        "append into spare capacity overwrites the original.",
        zh="切片由指针、长度和容量组成，指向底层数组。重新切片会共享底层数组：在剩余容量内 append 会覆盖原数据",
    )
    flag = model_answer_flag("q07", "Well: " + model.en, model, public=True)
    assert flag is not None and flag.kind == "model-answer" and "public" in flag.message
    assert flag.other == "model answer to q07" and "pointer, length and capacity" in flag.evidence[0]
    zh = model_answer_flag("q07", "我认为" + (model.zh or ""), model, public=False)
    assert zh is not None and "底层数组" in zh.evidence[0]
    assert model_answer_flag("q07", "A slice is a header; reslicing shares memory.", model, public=False) is None


def test_copied_answers_and_shared_wrong_choices_across_candidates(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    copied = {**WRONG, "slices.interview-reslicing": SHARED + ". That's it."}
    one = session(s, tmp_path / "w1", "One", copied)
    two = session(s, tmp_path / "w2", "Two", {**copied, "slices.interview-reslicing": "So: " + SHARED})
    three = session(s, tmp_path / "w3", "Three", RIGHT)
    out = tmp_path / "out"
    result = run_cli("exam", "grade", str(quiz_spec), str(one), str(two), str(three), "--out", str(out))
    assert result.exit_code == 0, result.output
    r1 = json.loads((out / "one" / "report.json").read_text(encoding="utf-8"))
    r3 = json.loads((out / "three" / "report.json").read_text(encoding="utf-8"))
    answers = [f for f in r1["flags"] if f["kind"] == "similar-answers"]
    choices = [f for f in r1["flags"] if f["kind"] == "shared-choices"]
    assert len(answers) == 1 and len(choices) == 1  # once per pair, not once per question
    assert answers[0]["other"] == "Two" and "little struct" in answers[0]["evidence"][0]
    assert choices[0]["other"] == "Two" and "wrong answers as Two" in choices[0]["message"]
    assert len(choices[0]["evidence"]) >= 3
    assert not {"similar-answers", "shared-choices"} & {f["kind"] for f in r3["flags"]}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    pairs = [(p["kind"], p["a"], p["b"]) for p in summary["similar"]]
    assert sorted(pairs) == [("shared-choices", "One", "Two"), ("similar-answers", "One", "Two")]
    md = (out / "one" / "report.md").read_text(encoding="utf-8")
    assert "**similar-answers** (with Two)" in md and "little struct" in md


def test_a_wrong_answer_many_give_is_no_sign_of_copying(tmp_path: Path, quiz_spec: Path) -> None:
    s = setup(quiz_spec, tmp_path)
    subs = [
        str(session(s, tmp_path / f"w{i}", f"Weak {i}", {**WRONG, "slices.interview-reslicing": f"idea {i}"}))
        for i in range(3)
    ]
    out = tmp_path / "out"
    assert run_cli("exam", "grade", str(quiz_spec), *subs, "--out", str(out)).exit_code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["similar"] == []  # three of three chose the same distractors: a popular mistake
