"""Transcripts are numbered; two interviews ending at once never take the same number."""

from __future__ import annotations

from runner.interview.saved import folder, list_saved, save


def test_a_number_claimed_by_another_interview_is_skipped() -> None:
    first = save("# one\n", {"n": 1})
    # another process has claimed the next number (its JSON exists, its Markdown is not written yet)
    root = folder()
    (root / f"{first.number + 1:04d}.json").write_text("", encoding="utf-8")
    second = save("# two\n", {"n": 2})
    assert second.number == first.number + 2
    assert (root / f"{first.number:04d}.md").read_text(encoding="utf-8") == "# one\n"
    assert [s.data for s in list_saved()][-1] == {"n": 2}
