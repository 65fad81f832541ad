"""Hints, skips, "I don't know", pause and resume, and the quiz's exit codes (through CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.content.catalog import load_catalog
from runner.errors import EXIT_BAD_INPUT, EXIT_NOT_ALL_PASSED, EXIT_OK
from runner.quiz import saved
from runner.quiz.hints import hints_for
from runner.quiz.select import Presented
from runner.ui.messages import MESSAGES
from tests.cli_helpers import run_cli
from tests.conftest import FIXTURES

VALID = FIXTURES / "banks" / "valid"


@pytest.fixture(autouse=True)
def _fixture_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOKATA_QUESTIONS", str(VALID))


def _rows() -> list[dict[str, object]]:
    from runner.progress.store import open_store

    with open_store() as store:
        return [dict(r) for r in store.question_rows()]


def test_a_wrong_answer_then_q_exits_1() -> None:
    # The case from the issue: a wrong answer shown, then q, used to exit 0.
    result = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="f\nq\n")
    assert "wrong" in result.stdout
    assert result.exit_code == EXIT_NOT_ALL_PASSED


def test_every_question_right_exits_0_and_clears_the_paused_file() -> None:
    result = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="t\n")
    assert result.exit_code == EXIT_OK, result.output
    assert not saved.saved_path().exists()


def test_question_mark_shows_hints_one_at_a_time_and_rates_the_answer_hard() -> None:
    result = run_cli("quiz", "-t", "slices", "-k", "single", "--seed", "3", input="?\n?\n?\nq\n")
    assert "Hint 1/" in result.stdout and "is not right" in result.stdout
    assert "No more hints" in result.stdout
    # the first quiz is paused: the new one asks before it replaces it
    result = run_cli("quiz", "-t", "slices", "-k", "multi", "--seed", "3", input="y\n?\nq\n")
    assert "a new quiz replaces it" in result.stdout and "choices are right" in result.stdout


def test_hints_never_give_the_answer_away() -> None:
    catalog = load_catalog()
    for q in catalog.questions:
        choices = getattr(q, "choices", ())
        if not choices:
            continue
        p = Presented(q, tuple(range(len(choices))))
        eliminated = sum("is not right" in h for h in hints_for(p, "en"))
        left = len(choices) - eliminated
        assert left >= 2, (q.id, hints_for(p, "en"))


def test_a_hinted_right_answer_is_recorded_with_its_hints() -> None:
    result = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="h\nt\n")
    assert "Think of a stack of plates" in result.stdout
    rows = _rows()
    assert len(rows) == 1 and rows[0]["hints"] == 1


def test_s_skips_without_recording_and_the_quiz_is_not_all_right() -> None:
    result = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="s\n")
    assert "Skipped" in result.stdout and "defer.lifo" in result.stdout
    assert _rows() == []
    assert result.exit_code == EXIT_NOT_ALL_PASSED


def test_bang_records_dont_know_as_a_wrong_answer() -> None:
    result = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="!\n")
    assert "don't know" in result.stdout
    rows = _rows()
    assert len(rows) == 1 and rows[0]["answer"] == "(don't know)" and not rows[0]["correct"]
    assert result.exit_code == EXIT_NOT_ALL_PASSED


def test_a_wrong_output_answer_shows_a_diff() -> None:
    result = run_cli("quiz", "-t", "defer", "-k", "output", input="now 2\ndeferred 2\n.\n")
    assert "- yours, + expected" in result.stdout
    assert "- deferred 2" in result.stdout and "+ deferred 1" in result.stdout


def test_q_pauses_and_resume_continues_where_it_stopped() -> None:
    first = run_cli("quiz", "-t", "defer", "--seed", "1", input="q\n")
    assert first.exit_code == EXIT_NOT_ALL_PASSED and "gokata quiz --resume" in first.stdout
    state = saved.load()
    assert state is not None and state.position == 0 and len(state.items) == 2
    # Answer the first question, pause again.
    first_id = state.items[0].id
    answer = "t\n" if first_id == "defer.lifo" else "now 2\ndeferred 1\n.\n"
    second = run_cli("quiz", "--resume", input=answer + "q\n")
    assert second.exit_code == EXIT_NOT_ALL_PASSED, second.output
    state = saved.load()
    assert state is not None and state.position == 1 and [a.id for a in state.answered] == [first_id]
    # Finish: everything right over the two sittings exits 0 and clears the pause.
    rest = "now 2\ndeferred 1\n.\n" if first_id == "defer.lifo" else "t\n"
    third = run_cli("quiz", "--resume", input=rest)
    assert third.exit_code == EXIT_OK, third.output
    assert "before the pause" in third.stdout
    assert saved.load() is None
    assert run_cli("quiz", "--resume").exit_code == EXIT_BAD_INPUT


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"items": "x", "position": -1}',
        "\x00\xff",
        '{"items": []}',
        '{"items": [{"id": "defer.lifo"}], "position": 1e30}',  # was "there is no paused quiz"
        '{"items": [{"id": "defer.lifo"}], "position": 2}',
        "[" * 100_000 + "]" * 100_000,  # was a RecursionError traceback
    ],
)
def test_a_damaged_paused_quiz_is_named_and_left_in_place(content: str) -> None:
    path = saved.saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8", "surrogateescape") if isinstance(content, str) else content)
    result = run_cli("quiz", "--resume")
    assert result.exit_code == EXIT_BAD_INPUT
    assert str(path) in result.stderr and "Traceback" not in result.output
    assert path.exists()


def test_every_message_has_chinese_and_the_same_fields() -> None:
    import string

    for key, (en, zh) in MESSAGES.items():
        assert en.strip() and zh.strip(), key
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(zh) if f}, key
        assert zh != en, key


def test_a_chinese_quiz_prints_no_english_label() -> None:
    result = run_cli("quiz", "-t", "defer", "--lang", "zh", "--seed", "2", input="f\nnow 1\n.\n")
    english = [en for en, _ in MESSAGES.values()]
    for label in (
        "Summary by topic",
        "Score:",
        "Missed:",
        "Replay this selection",
        "The exact output",
        "Your choices",
        "Expected output",
        "Go version",
        "◀ yours",
    ):
        assert label not in result.stdout, label
    prefixes = [en.split("{")[0].strip() for en in english]
    assert not [p for p in prefixes if len(p) > 8 and p in result.stdout]


def test_json_summary_lists_skips(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("defer.lifo: true\n", encoding="utf-8")
    data = json.loads(run_cli("quiz", "--answers", str(answers), "--json").stdout)
    assert data["skipped"] == []


@pytest.mark.parametrize(
    ("qid", "shows"),
    [
        ("slices.reslice-shares-array", "✔"),
        ("defer.lifo", "Answer: "),
        ("defer.args-evaluated", "Expected output"),
        ("slices.spot-pinning", "Faulty line(s)"),
        ("slices.interview-reslicing", "Model answer"),
    ],
)
def test_show_prints_a_question_with_its_answer_and_records_nothing(qid: str, shows: str) -> None:
    result = run_cli("show", qid)
    assert result.exit_code == 0, result.output
    assert qid in result.stdout and shows in result.stdout
    assert _rows() == []


def test_show_in_chinese_json_and_unknown_ids() -> None:
    zh = run_cli("show", "slices.interview-reslicing", "--lang", "zh")
    assert "参考答案" in zh.stdout and "[核心]" in zh.stdout
    data = json.loads(run_cli("show", "defer.lifo", "--json").stdout)
    assert data["id"] == "defer.lifo" and data["answer"] is True
    missing = run_cli("show", "defer.nope")
    assert missing.exit_code == EXIT_BAD_INPUT and "defer.nope" in missing.stderr


def test_a_paused_quiz_that_names_no_file_is_refused_unread(tmp_path: Path) -> None:
    """A symlink to /dev/zero made `quiz --resume` read forever (an audit)."""
    path = saved.saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")
    result = run_cli("quiz", "--resume")
    assert result.exit_code == EXIT_BAD_INPUT and "not a regular file" in result.stderr


def test_a_damaged_paused_quiz_names_the_field() -> None:
    path = saved.saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"items": [{"id": ""}], "position": 0}', encoding="utf-8")
    result = run_cli("quiz", "--resume")
    assert "items.0.id: String should have at least 1 character" in result.stderr
    assert "validation error for SavedQuiz" not in result.stderr


def test_a_new_quiz_asks_before_it_replaces_the_paused_one() -> None:
    run_cli("quiz", "-t", "slices", "-k", "single", "--seed", "3", input="q\n")
    before = saved.saved_path().read_text(encoding="utf-8")
    kept = run_cli("quiz", "-t", "defer", "-k", "truefalse", input="n\n")
    assert "a new quiz replaces it" in kept.stdout and "Kept your paused quiz" in kept.stdout
    assert saved.saved_path().read_text(encoding="utf-8") == before
    assert kept.exit_code == EXIT_OK


def test_a_quiz_that_ends_never_deletes_another_sessions_paused_quiz() -> None:
    from runner.quiz.saved import SavedItem, SavedQuiz, Saver, save
    from runner.quiz.session import QuizSession

    other = SavedQuiz(items=(SavedItem(id="defer.lifo"),), position=0, session="another-terminal")
    save(other)
    mine = Saver(lang="en", exam=False, self_grade=False, rate=False)
    finished = QuizSession([], exam=False, seed=None)  # nothing left to ask: done
    mine(finished)
    assert saved.load() == other


def test_an_over_long_open_answer_is_asked_for_again_and_the_session_goes_on() -> None:
    from runner.answers.limits import MAX_ANSWER_CHARS

    huge = ("word " * (MAX_ANSWER_CHARS // 5 + 10)).strip()
    result = run_cli("quiz", "-t", "slices", "-k", "open", input=f"{huge}\n.\nq\n")
    assert "characters; an answer may hold at most" in result.stdout
    assert result.exit_code != 2 and "gokata quiz --resume" in result.stdout
