"""Scripted interviews through the CLI, in English and Chinese: the follow-ups target what the answer
missed or contradicted, the transcript is saved, listed and shown, and the answers schedule reviews."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from runner.progress.store import open_store
from tests.cli_helpers import run_cli
from tests.interview.conftest import BANKS

EN = [
    # main 1 (defer.iv-eval): the moment of evaluation turned round
    "The arguments are evaluated when the function returns, and deferred calls run last in, first out.",
    # its follow-up, through the probe item
    "It prints 1, because x was evaluated at the defer statement.",
    # main 2 (defer.iv-loop): the moment turned round, the fix missed
    "The files are closed at the end of each iteration, so nothing goes wrong.",
    "They all run when the function returns.",
    "q",
]
ZH = [
    "参数在函数返回时才求值，defer 按后进先出执行。",
    "打印 1，因为参数在 defer 语句执行时就求值了。",
    "每次迭代结束时文件就关闭了，所以没问题。",
    "它们都在函数返回时才执行。",
    "q",
]


def _interview(tmp_path: Path, answers: list[str], *extra: str) -> tuple[int, dict[str, Any]]:
    script = tmp_path / "answers.yaml"
    script.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    result = run_cli(
        "--bank",
        str(BANKS),
        "interview",
        "--topic",
        "defer",
        "--count",
        "3",
        "--seed",
        "0",
        "--answers",
        str(script),
        "--json",
        *extra,
    )
    return result.exit_code, json.loads(result.stdout)


def _order(data: dict[str, Any]) -> list[str]:
    return [t["parent_id"] for t in data["turns"] if t["kind"] == "main"]


@pytest.mark.parametrize(("lang", "answers"), [("en", EN), ("zh", ZH)])
def test_scripted_interview_follows_up_on_the_contradicted_point(tmp_path: Path, lang: str, answers: list[str]) -> None:
    code, data = _interview(tmp_path, answers, "--lang", lang)
    turns = data["turns"]
    assert isinstance(turns, list)
    assert _order(data) == ["defer.iv-eval", "defer.iv-loop"]  # seed 0
    main1, probe1, _main2, probe2 = turns
    assert main1["grade"]["points"][0]["verdict"] == "contradicted"
    assert probe1["kind"] == "follow-up" and probe1["why"] == "contradicted"
    assert probe1["point_id"] == "eval-at-defer" and probe1["question_id"] == "defer.iv-eval-probe-when"
    assert probe1["grade"]["passed"] is True
    assert probe2["point_id"] == "runs-at-return" and probe2["why"] == "contradicted"
    assert probe2["probe_id"] is None and probe2["grade"]["passed"] is True
    assert data["ending"] == "quit" and data["lang"] == lang
    debrief = data["debrief"]
    assert isinstance(debrief, dict)
    assert debrief["signal"] in {"mixed", "not-yet"}
    assert {g["point_id"] for g in debrief["gaps"] if g["recovered"]} == {"eval-at-defer", "runs-at-return"}
    assert code == 1
    # Main answers are recorded for review as they are given.
    store = open_store()
    assert set(store.cards()) == {"defer.iv-eval", "defer.iv-loop"}


def test_scripted_interview_in_chinese_prints_chinese(tmp_path: Path) -> None:
    script = tmp_path / "answers.txt"
    script.write_text("\n---\n".join(ZH[:2]) + "\n", encoding="utf-8")
    result = run_cli(
        "--bank",
        str(BANKS),
        "interview",
        "--topic",
        "defer",
        "--count",
        "3",
        "--seed",
        "0",
        "--answers",
        str(script),
        "--lang",
        "zh",
    )
    out = result.stdout
    assert "第 1 题，共 2 题" in out
    assert "我想就你刚才说的一点追问一下。" in out
    assert "x = 2：打印什么？为什么？" in out
    assert "复盘" in out and "这只是练习，不是录用决定" in out
    assert "面试提前结束" in out
    assert "What to study" not in out and "Signal" not in out


def test_strong_answer_gets_a_stretch_question_and_transcript_is_kept(tmp_path: Path) -> None:
    answers = [
        "The arguments are evaluated at the defer statement and the calls run LIFO.",
        "A deferred closure can assign to a named result.",
        "q",
    ]
    _, data = _interview(tmp_path, answers, "--seed", "5")
    assert _order(data)[0] == "defer.iv-eval"
    stretch = data["turns"][1]
    assert stretch["kind"] == "stretch" and stretch["grade"] is None
    number = data["number"]
    listed = run_cli("interview", "--list", "--json")
    rows = json.loads(listed.stdout)["interviews"]
    assert [r["number"] for r in rows] == [number]
    shown = run_cli("interview", "--show", str(number))
    assert "Stretch question" in shown.stdout and "Debrief" in shown.stdout
    md = Path(str(data["path"])).read_text(encoding="utf-8")
    assert "> The arguments are evaluated at the defer statement" in md
    assert "practice, not a hiring decision" in md


def test_show_unknown_number_is_bad_input() -> None:
    result = run_cli("interview", "--show", "9")
    assert result.exit_code == 2


def test_json_needs_answers() -> None:
    result = run_cli("--bank", str(BANKS), "interview", "--json")
    assert result.exit_code == 2


def test_interactive_quit_at_once_saves_an_empty_round() -> None:
    result = run_cli("--bank", str(BANKS), "interview", "--topic", "defer", "--seed", "0", "--count", "3", input="q\n")
    assert "Question 1 of 2" in result.stdout
    assert "no main question was answered" in result.stdout
    assert result.exit_code == 1
