"""The kata verdict's sentences exist in both languages with the same fields."""

from __future__ import annotations

import string

from runner.kata.phrases import PHRASES, Said, joined, plain, say


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_phrase_has_chinese_with_the_same_fields() -> None:
    for key, (en, zh) in PHRASES.items():
        assert zh.strip(), key
        assert _fields(en) == _fields(zh), key
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), key


def test_pieces_join_per_language_and_go_text_stays_as_is() -> None:
    stop = say("why.memory", mb=256)
    summary = say("summary.some_passed", passed=3, total=5) + say("summary.stopped", stop=stop)
    assert summary.en == "3 of 5 tests passed. The run was stopped: it used more than 256 MiB of memory."
    assert summary.zh == "5 个测试中通过了 3 个。运行被中止：内存用量超过了 256 MiB。"
    go = plain("panic: boom")
    assert (say("test.time_first") + "\n" + go).zh.endswith("\npanic: boom")
    assert not Said("", "") and joined([], say("summary.race_and")).en == ""
