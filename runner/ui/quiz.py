"""Rendering for `gokata topics` and scripted quiz grading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table

from runner.content.kind_names import KINDS
from runner.quiz.counts import TopicCount
from runner.ui.console import out

if TYPE_CHECKING:  # `topics` needs neither the quiz engine nor the content models
    from runner.content.models import Lang
    from runner.quiz.session import SessionSummary

_SHORT = {"truefalse": "t/f", "spot-the-bug": "bug"}


def render_topics(counts: list[TopicCount]) -> None:
    # No vertical rules: eleven columns fit an 80-column terminal with room to spare.
    table = Table(title="Questions per kind and per difficulty (1/2/3/4/5)", box=box.SIMPLE_HEAD)
    # topic ids, not titles: the table must fit an 80-column terminal
    table.add_column("topic", no_wrap=True, min_width=10)
    table.add_column("total", justify="right", min_width=5, no_wrap=True)
    for kind in KINDS:
        header = _SHORT.get(kind, kind)
        table.add_column(header, justify="right", min_width=len(header), no_wrap=True)
    table.add_column("1/2/3/4/5", no_wrap=True, min_width=11)
    for c in counts:
        table.add_row(
            c.topic,
            str(c.total),
            *(str(c.by_kind[k]) for k in KINDS),
            "/".join(str(c.by_difficulty[d]) for d in range(1, 6)),
        )
    table.add_section()
    table.add_row(
        "all", str(sum(c.total for c in counts)), *(str(sum(c.by_kind[k] for c in counts)) for k in KINDS), ""
    )
    out().print(table)


def render_scripted(summary: SessionSummary, *, lang: Lang) -> None:
    table = Table(title=f"Score {summary.score:.0%} ({summary.answered} answered)", box=box.SIMPLE_HEAD)
    # The id is what a learner looks up next (`gokata show ID`): never cut; the expected answer folds.
    table.add_column("question", no_wrap=True, min_width=max((len(v.question_id) for v in summary.verdicts), default=8))
    table.add_column("kind", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("expected", overflow="fold")
    for v in summary.verdicts:
        if v.correct is None:
            result = f"{v.score:.0%}"
        else:
            result = "[green]right[/]" if v.correct else "[red]wrong[/]"
        expected = v.expected if v.kind != "open" else "(see model answer)"
        table.add_row(v.question_id, v.kind, result, escape(expected.strip()[:60]))
    out().print(table)
