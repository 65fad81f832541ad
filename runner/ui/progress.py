"""Rendering for `gokata review`, `stats`, `history` and `progress export/import`."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from runner.ui.console import out
from runner.ui.messages import as_lang, msg

if TYPE_CHECKING:
    from runner.content.models import Lang
    from runner.doctor import DoctorReport
    from runner.progress.stats import Stats
    from runner.progress.store import MergeCounts
    from runner.progress.transfer import ExportCounts

BAR_WIDTH = 12
DAY_BAR_WIDTH = 30


def bar(fraction: float | None, width: int = BAR_WIDTH) -> Text:
    """A text bar (readable without colour too): filled blocks, then light shade."""
    if fraction is None:
        return Text("·" * width, style="dim")
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_stats(stats: Stats, *, console: Console | None = None, lang: str | None = None) -> None:
    console = console or out()
    lg = as_lang(lang)
    table = Table(title=msg("stats.title", lg), title_justify="left")
    table.add_column(msg("stats.topic", lg))
    table.add_column(msg("stats.answered", lg), justify="right")
    table.add_column(msg("stats.accuracy", lg), justify="right")
    table.add_column(msg("stats.mastery", lg), no_wrap=True)
    table.add_column(msg("stats.due", lg), justify="right")
    for t in stats.topics:
        name = t.topic + (f" [dim]{msg('stats.removed', lg)}[/]" if t.questions == 0 else "")
        mastery = Text.assemble(bar(t.mastery), f" {t.mastered}/{t.questions}") if t.questions else Text("")
        table.add_row(name, str(t.answered), _pct(t.accuracy), mastery, str(t.due_today))
    console.print(table)
    console.print(msg("stats.totals", lg, answered=stats.answered, accuracy=_pct(stats.accuracy), due=stats.due_today))
    console.print(
        msg(
            "stats.katas",
            lg,
            passed=stats.katas_passed,
            tried=stats.katas_attempted,
            runs=stats.kata_runs,
            streak=stats.streak,
            best=stats.best_streak,
            days=msg("stats.day" if stats.streak == 1 else "stats.days_plural", lg),
        )
    )
    render_days(stats, console, lg)
    render_forecast(stats, console, lg)


def render_forecast(stats: Stats, console: Console, lang: Lang = "en") -> None:
    """The next seven days' reviews, so a learner can see a heavy day coming."""
    if not stats.forecast:
        return
    first = date.fromisoformat(stats.generated_at[:10])
    parts = [
        f"{msg('stats.today', lang) if i == 0 else _weekday(first + timedelta(days=i), lang)} [bold]{n}[/]"
        for i, n in enumerate(stats.forecast)
    ]
    console.print("\n" + msg("stats.forecast", lang) + " · ".join(parts))


_ZH_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _weekday(day: date, lang: Lang) -> str:
    return _ZH_WEEKDAYS[day.weekday()] if lang == "zh" else f"{day:%a}"


def render_days(stats: Stats, console: Console, lang: Lang = "en") -> None:
    """One line per recent day: a bar of answers (scaled to the busiest day) and that day's accuracy."""
    most = max((d.answered for d in stats.days), default=0)
    if not most:
        console.print("\n" + msg("stats.no_days", lang, n=len(stats.days)))
        return
    console.print(f"\n[bold]{msg('stats.days', lang, n=len(stats.days))}[/] {msg('stats.days.what', lang)}")
    for d in stats.days:
        day = date.fromisoformat(d.date)
        width = round(d.answered / most * DAY_BAR_WIDTH) if most else 0
        if d.answered and not width:
            width = 1
        line = Text(f"{_weekday(day, lang)} {day:%m-%d} ")
        line.append("▇" * width, style="cyan")
        if d.answered:
            line.append(f" {d.answered}  {d.right / d.answered:.0%}", style="dim")
        console.print(line)


def render_nothing_due(next_due: datetime | None, console: Console | None = None, lang: str | None = None) -> None:
    console = console or out()
    lg = as_lang(lang)
    if next_due is None:
        console.print(msg("review.nothing_yet", lg))
        return
    when = next_due.astimezone().strftime("%Y-%m-%d %H:%M")
    console.print(msg("review.nothing_due", lg, when=when))


def render_export(counts: ExportCounts) -> None:
    out().print(
        f"Exported {counts.questions} answers, {counts.katas} kata runs and {counts.hints} hints to "
        f"{escape(counts.path)}"
    )


def render_import(path: str, counts: MergeCounts) -> None:
    out().print(
        f"Merged {escape(path)}: {counts.questions_added} new answers ({counts.questions_skipped} already here), "
        f"{counts.katas_added} new kata runs ({counts.katas_skipped} already here), "
        f"{counts.hints_added} new hints ({counts.hints_skipped} already here)."
    )


def render_undone(undone: dict[str, object]) -> None:
    from runner.progress.rating import RATING_NAMES

    rating = RATING_NAMES.get(int(str(undone["rating"]))) if undone.get("rating") is not None else None
    out().print(
        f"Took back your {undone['mode']} answer to [bold]{undone['question_id']}[/]"
        + (f" (rated {rating})" if rating else "")
        + "; its review card is as it was before."
    )


def render_suspended(asked: list[str], changed: list[str], *, suspended: bool) -> None:
    verb = "suspended" if suspended else "back in reviews"
    for qid in asked:
        note = verb if qid in changed else ("already suspended" if suspended else "was not suspended")
        out().print(f"{qid}: {note}")


def render_doctor(report: DoctorReport) -> None:
    marks = {"ok": "[green]ok  [/]", "warn": "[yellow]warn[/]", "fail": "[red]FAIL[/]"}
    for c in report.checks:
        out().print(f"{marks[c.status.value]} {c.name}: {escape(c.detail)}", soft_wrap=True)
        if c.fix and c.status.value != "ok":
            out().print(f"     [dim]fix: {escape(c.fix)}[/]", soft_wrap=True)
