from __future__ import annotations

from runner.answers.normalize import normalize, split_sentences


def test_nfkc_maps_full_width_latin_digits_and_punctuation() -> None:
    assert normalize("ｓｙｎｃ．Ｏｎｃｅ，ｗｇ．Ａｄｄ（１）") == "sync.once,wg.add(1)"


def test_curly_quotes_and_ideographic_space_become_ascii() -> None:
    assert normalize("don\u2019t\u3000stop") == "don't stop"


def test_identifiers_and_versions_do_not_end_a_sentence() -> None:
    text = "Use sync.Once and ctx.Done() since Go 1.22. Then stop."
    assert [s.text for s in split_sentences(text)] == ["Use sync.Once and ctx.Done() since Go 1.22.", "Then stop."]


def test_chinese_terminators_and_line_breaks_split() -> None:
    text = "先调用 cancel。再等待！\n- 最后检查 ctx.Err()"
    assert [s.text for s in split_sentences(text)] == ["先调用 cancel。", "再等待！", "- 最后检查 ctx.Err()"]


def test_sentence_offsets_point_into_the_original_text() -> None:
    text = "  First one.   Ｓｅｃｏｎｄ　ｏｎｅ．  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_punctuation_only_pieces_are_dropped() -> None:
    assert split_sentences("...\n\n!!") == ()


def test_an_ascii_mark_inside_code_ends_no_sentence() -> None:
    from runner.answers.normalize import split_sentences

    assert len(split_sentences("Fetch /debug/pprof/goroutine?debug=2 and read it. Then err != nil is true.")) == 2
    assert len(split_sentences("Does it block? Yes! It does.")) == 3


def test_a_type_assertion_ends_no_sentence() -> None:
    text = "Use errors.As, not err.(*ParseError). A switch on v.(type) works too."
    assert [s.text for s in split_sentences(text)] == [
        "Use errors.As, not err.(*ParseError).",
        "A switch on v.(type) works too.",
    ]
    assert len(split_sentences("Wrap it (see above). (Then stop.)")) == 2
