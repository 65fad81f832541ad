"""The candidate's terminal session and the interviewer's views of exam results."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runner.content.models import LETTERS, Lang
from runner.exam.candidate import ExamState
from runner.exam.grading import KataOutcome
from runner.kinds.answer import AnswerFormatError
from runner.kinds.registry import parse_public_answer
from runner.ui.console import err, out
from runner.ui.prompts import QuitSession, read_line, read_multiline
from runner.ui.question import code_block

if TYPE_CHECKING:
    from runner.exam.batch import BatchResult
    from runner.exam.model import CandidateReport
    from runner.exam.signing import Verdict
    from runner.exam.spec import ResolvedExam
    from runner.exam.workflow import PublicContent

_PROMPTS = {
    "single": "Your choice ({letters}): ",
    "multi": "Your choices, e.g. A,C ({letters}): ",
    "truefalse": "True or false (t/f): ",
    "spot-the-bug": "Faulty line number(s), e.g. 4 or 4,7: ",
}


def _local(text: dict[str, str] | None, lang: Lang) -> str:
    if not text:
        return ""
    return text.get(lang) or text["en"]


def clock(remaining_s: float) -> str:
    if remaining_s <= 0:
        return "[bold red]time is up: answers now count as late[/]"
    minutes, seconds = divmod(int(remaining_s), 60)
    return f"⏱ {minutes:02d}:{seconds:02d} left"


def render_public_question(
    console: Console, q: dict[str, Any], *, index: int, total: int, lang: Lang, remaining_s: float
) -> None:
    parts: list[RenderableType] = [Markdown(_local(q["prompt"], lang))]
    if q.get("code"):
        parts.append(code_block(q["code"], numbers=q["kind"] in ("spot-the-bug", "output")))
    if q.get("choices"):
        table = Table.grid(padding=(0, 1))
        for letter, choice in zip(LETTERS, q["choices"], strict=False):
            table.add_row(Text(f"{letter}.", style="bold"), Markdown(_local(choice, lang)))
        parts.append(table)
    title = f"[bold]{index}/{total}[/]  {escape(q['id'])}  [dim]{q['kind']}[/]  {clock(remaining_s)}"
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style="cyan"))


def _read(console: Console, q: dict[str, Any]) -> tuple[Any, int]:
    if q["kind"] in ("output", "open"):
        text = read_multiline(console, "The exact output:" if q["kind"] == "output" else "Your answer:")
        return text, len(text)
    prompt = _PROMPTS[q["kind"]].format(letters="/".join(LETTERS[: len(q.get("choices", []))]))
    while True:
        raw = read_line(console, prompt + "(q to pause) ").strip()
        if raw.lower() == "q":
            raise QuitSession
        if not raw:
            continue
        try:
            return parse_public_answer(q, raw), len(raw)
        except AnswerFormatError as exc:
            console.print(f"[yellow]{exc}[/]")


def run_take(state: ExamState, questions: list[dict[str, Any]], *, lang: Lang, console: Console | None = None) -> int:
    """Ask every unanswered question, saving each answer at once. Returns how many remain."""
    console = console or out()
    todo = [q for q in questions if q["id"] not in state.answers]
    done = len(questions) - len(todo)
    try:
        for i, q in enumerate(todo, done + 1):
            render_public_question(
                console, q, index=i, total=len(questions), lang=lang, remaining_s=state.remaining_s()
            )
            started = time.monotonic()
            answer, chars = _read(console, q)
            state.record(
                q["id"], answer, duration_s=time.monotonic() - started, chars=chars, terminal=sys.stdin.isatty()
            )
            console.print(f"[dim]saved · {clock(state.remaining_s())}[/]")
    except (QuitSession, KeyboardInterrupt):
        console.print("\n[yellow]Paused. Your answers are saved; run the same command to continue.[/]")
    return sum(1 for q in questions if q["id"] not in state.answers)


def render_take_status(state: ExamState, remaining_questions: int, katas: list[tuple[str, str, list[str]]]) -> None:
    console = out()
    console.print(f"{clock(state.remaining_s())} · questions left: {remaining_questions}")
    if katas:
        console.print("[bold]Coding tasks[/] (edit the files, then run the visible tests):")
        for slug, where, files in katas:
            console.print(f"  • {slug}: edit {', '.join(files)} in {where}")
            console.print(f"    test: gokata exam test {slug} --dir {state.workdir}")
    console.print(f"When you are done: [bold]gokata exam submit --dir {state.workdir}[/]")


def render_lint(exam: ResolvedExam, public: PublicContent) -> None:
    console = out()
    console.print(
        f"[green]ok[/]: {len(exam.sections)} section(s), {len(exam.question_ids)} question(s), "
        f"{len(exam.katas)} kata(s)"
    )
    if public.any:
        console.print(f"[yellow]public content[/]: {escape(public.warning())}", soft_wrap=True)
    else:
        console.print("private content: no question or kata of this exam is in the bundled public content")


def render_packed(path: Path, exam: ResolvedExam, pack_hash: str, public: PublicContent) -> None:
    if public.any:
        err().print(f"[yellow]warning:[/] {escape(public.warning())}", soft_wrap=True)
    out().print(
        f"wrote {escape(str(path))}: {len(exam.question_ids)} question(s), {len(exam.katas)} kata(s)\n"
        f"pack hash {pack_hash}"
    )


def render_batch(result: BatchResult) -> None:
    console = out()
    reports = result.reports
    sections = list(dict.fromkeys(s.id for d in reports for s in d.sections))
    table = Table(title=escape(result.title))
    for col in ("rank", "candidate", "score", "result", *sections, "flags"):
        table.add_column(escape(col))
    for d in reports:
        if not d.graded:
            table.add_row(
                "—", escape(d.candidate), "—", f"[red]not graded[/]: {escape(d.reason)}", *("—" for _ in sections), "—"
            )
            continue
        by = {s.id: s.score for s in d.sections}
        table.add_row(
            str(d.rank),
            escape(d.candidate),
            f"{d.score:.0%}",
            "[green]pass[/]" if d.passed else "[red]below[/]",
            *(f"{by[s]:.0%}" if s in by else "—" for s in sections),
            escape(", ".join(dict.fromkeys(f.kind for f in d.flags))) or "—",
        )
    console.print(table)
    if any(d.flags for d in reports):
        console.print("[yellow]Flags call for a human look, not automatic rejection.[/]")
    missed = sum(not d.graded for d in reports)
    if missed:
        console.print(f"[red]{missed} submission(s) not graded[/]: each has a row and a report saying why")
    for path in result.written:
        console.print(f"[dim]wrote {escape(str(path))}[/]")


def render_noted(report_dir: Path, report: CandidateReport) -> None:
    iv = report.interviewer
    scored = ", ".join(f"{k}={v}" for k, v in sorted(iv.scores.items()))
    out().print(
        f"{escape(report.candidate)}: {len(iv.notes)} note(s)"
        + (f", scorecard {escape(scored)}" if scored else "")
        + f"; wrote {escape(str(report_dir / report.folder))} and the summary again"
    )


def render_verdict(v: Verdict) -> None:
    if v.status == "intact":
        out().print(f"[green]intact[/]: {escape(str(v.file))}: {escape(v.detail)}")
    elif v.status == "unsigned":
        out().print(f"[red]not signed[/]: {escape(str(v.file))}: {escape(v.detail)}")
    else:
        out().print(f"[red]ALTERED[/]: {escape(str(v.file))}: {escape(v.detail)}")


def render_kata_outcome(outcome: KataOutcome) -> None:
    console = out()
    for t in outcome.tests:
        mark = "[green]PASS[/]" if t.status == "pass" else "[red]FAIL[/]"
        console.print(f"{mark} {escape(t.name)}")
        if t.status != "pass" and t.message:
            console.print(f"     {escape(t.message.strip())}", soft_wrap=True)
    if outcome.summary:
        console.print(escape(outcome.summary))
    passed = sum(t.status == "pass" for t in outcome.tests)
    console.print(f"[bold]{outcome.status}[/]: {passed}/{len(outcome.tests)} visible tests pass")
