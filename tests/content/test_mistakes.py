"""The mistakes table: generated from tags, checked against the banks so it never goes stale."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from runner.cli.main import app
from runner.content.catalog import load_catalog
from runner.content.mistakes import TITLES, MistakeTable, build_table, mistake_numbers
from runner.kata.catalog import load_katas
from runner.reports.mistakes import mistakes_markdown

ROOT = Path(__file__).resolve().parents[2]
# The floor only rises: raise it when new content teaches more of the book.
MIN_TAUGHT = 85


def _bundled_table() -> MistakeTable:
    catalog = load_catalog()
    return build_table(((q.id, q.tags) for q in catalog.questions), ((k.slug, k.spec.tags) for k in load_katas()))


def test_the_committed_table_matches_the_tags() -> None:
    committed = (ROOT / "questions" / "MISTAKES.md").read_text(encoding="utf-8")
    assert committed == mistakes_markdown(_bundled_table()), (
        "run: gokata bank mistakes --markdown > questions/MISTAKES.md"
    )


def test_every_tag_names_a_mistake_of_the_book_and_the_floor_holds() -> None:
    table = _bundled_table()
    assert table.unknown == ()
    assert table.taught >= MIN_TAUGHT


def test_build_table_collects_questions_and_katas_per_number() -> None:
    table = build_table(
        [("q.a", ["mistake-5", "x"]), ("q.b", ["mistake-5"])], [("k", ["mistake-100"]), ("z", ["mistake-101"])]
    )
    rows = {r.number: r for r in table.rows}
    assert rows[5].questions == ("q.a", "q.b") and rows[5].katas == ()
    assert rows[100].katas == ("k",)
    assert table.taught == 2 and table.unknown == (("z", "mistake-101"),)
    assert len(table.rows) == len(TITLES) == 100
    assert mistake_numbers(["mistake-7", "mistakes-8", "mistake-x"]) == [7]


def test_the_command_prints_json_and_markdown() -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["bank", "mistakes", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["of"] == 100 and data["taught"] >= MIN_TAUGHT
    md = runner.invoke(app, ["bank", "mistakes", "--markdown"])
    assert md.exit_code == 0 and md.output.startswith("# The 100 Go mistakes")
