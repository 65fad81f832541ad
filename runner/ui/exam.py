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
from runner.ui.messages import MESSAGES, as_lang, msg
from runner.ui.prompts import QuitSession, read_line, read_multiline
from runner.ui.question import code_block

if TYPE_CHECKING:
    from runner.exam.batch import BatchResult
    from runner.exam.model import CandidateReport
    from runner.exam.signing import Verdict
    from runner.exam.spec import ResolvedExam
    from runner.exam.workflow import PublicContent

# Catalogue keys of the prompts (runner.ui.messages), shared with the quiz.
_PROMPTS = {
    "single": "prompt.single",
    "multi": "prompt.multi",
    "truefalse": "prompt.truefalse",
    "spot-the-bug": "prompt.bug",
}


def _local(text: dict[str, str] | None, lang: Lang) -> str:
    if not text:
        return ""
    return text.get(lang) or text["en"]


def clock(remaining_s: float, lang: Lang = "en") -> str:
    if remaining_s <= 0:
        return f"[bold red]{msg('exam.time_up', lang)}[/]"
    minutes, seconds = divmod(int(remaining_s), 60)
    return msg("exam.left", lang, mm=f"{minutes:02d}", ss=f"{seconds:02d}")


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
    title = f"[bold]{index}/{total}[/]  {escape(q['id'])}  [dim]{q['kind']}[/]  {clock(remaining_s, lang)}"
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style="cyan"))


def _read(console: Console, q: dict[str, Any], lang: Lang = "en") -> tuple[Any, int]:
    if q["kind"] in ("output", "open"):
        # read_multiline asks again for an answer longer than the grader reads (the exam's limit
        # too: a submission holding a longer one is refused), so it is never saved
        text = read_multiline(
            console, msg("prompt.output" if q["kind"] == "output" else "prompt.open", lang), lang=lang
        )
        return text, len(text)
    prompt = msg(_PROMPTS[q["kind"]], lang, letters="/".join(LETTERS[: len(q.get("choices", []))]))
    while True:
        raw = read_line(console, prompt + msg("exam.pause_key", lang)).strip()
        if raw.lower() == "q":
            raise QuitSession
        if not raw:
            continue
        try:
            return parse_public_answer(q, raw), len(raw)
        except AnswerFormatError as exc:
            console.print(f"[yellow]{exc}[/]")


def run_take(
    state: ExamState, questions: list[dict[str, Any]], *, lang: Lang, console: Console | None = None
) -> tuple[int, bool]:
    """Ask every unanswered question, saving each answer at once. Returns how many remain, and
    whether Ctrl-C (or a closed terminal) stopped it."""
    from runner.interrupts import ends_like_ctrl_c

    console = console or out()
    todo = [q for q in questions if q["id"] not in state.answers]
    done = len(questions) - len(todo)
    interrupted = False
    try:
        with ends_like_ctrl_c():
            _ask(state, todo, done, len(questions), lang, console)
    except QuitSession:
        console.print(f"\n[yellow]{msg('exam.paused', lang)}[/]")
    except KeyboardInterrupt:
        interrupted = True
        console.print(f"\n[yellow]{msg('exam.paused', lang)}[/]")
    return sum(1 for q in questions if q["id"] not in state.answers), interrupted


def _ask(state: ExamState, todo: list[dict[str, Any]], done: int, total: int, lang: Lang, console: Console) -> None:
    for i, q in enumerate(todo, done + 1):
        render_public_question(console, q, index=i, total=total, lang=lang, remaining_s=state.remaining_s())
        started = time.monotonic()
        answer, chars = _read(console, q, lang)
        state.record(q["id"], answer, duration_s=time.monotonic() - started, chars=chars, terminal=sys.stdin.isatty())
        console.print(f"[dim]{msg('exam.saved', lang, clock=clock(state.remaining_s(), lang))}[/]")


def render_take_status(
    state: ExamState, remaining_questions: int, katas: list[tuple[str, str, list[str]]], lang: str | None = None
) -> None:
    console = out()
    lg = as_lang(lang)
    console.print(msg("exam.questions_left", lg, clock=clock(state.remaining_s(), lg), n=remaining_questions))
    if katas:
        console.print(msg("exam.coding", lg))
        for slug, where, files in katas:
            console.print(msg("exam.coding.edit", lg, slug=slug, files=", ".join(files), where=where))
            console.print(msg("exam.coding.test", lg, command=f"gokata exam test {slug} --dir {state.workdir}"))
    console.print(msg("exam.done", lg, command=f"gokata exam submit --dir {state.workdir}"))


def render_lint(exam: ResolvedExam, public: PublicContent, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    counts = msg(
        "exam.lint.ok", lg, n_sections=len(exam.sections), n_questions=len(exam.question_ids), n_katas=len(exam.katas)
    )
    console.print(f"[green]{msg('ok', lg)}[/]: {counts}")
    if public.any:
        console.print(f"[yellow]{msg('exam.public', lg)}[/]: {escape(public.warning())}", soft_wrap=True)
    else:
        console.print(msg("exam.private", lg))


def render_packed(
    path: Path, exam: ResolvedExam, pack_hash: str, public: PublicContent, lang: str | None = None
) -> None:
    lg = as_lang(lang)
    if public.any:
        err().print(f"[yellow]{msg('exam.warning', lg)}[/] {escape(public.warning())}", soft_wrap=True)
    out().print(
        msg(
            "exam.packed",
            lg,
            path=escape(str(path)),
            n_questions=len(exam.question_ids),
            n_katas=len(exam.katas),
            hash=pack_hash,
        )
    )


def render_batch(result: BatchResult, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    reports = result.reports
    sections = list(dict.fromkeys(s.id for d in reports for s in d.sections))
    table = Table(title=escape(result.title))
    for col in ("rank", "candidate", "score", "result"):
        table.add_column(msg(f"exam.col.{col}", lg))
    for col in sections:
        table.add_column(escape(col))
    table.add_column(msg("exam.col.flags", lg))
    for d in reports:
        if not d.graded:
            table.add_row(
                "—",
                escape(d.candidate),
                "—",
                f"[red]{msg('exam.not_graded', lg)}[/]: {escape(d.reason)}",
                *("—" for _ in sections),
                "—",
            )
            continue
        by = {s.id: s.score for s in d.sections}
        table.add_row(
            str(d.rank),
            escape(d.candidate),
            f"{d.score:.0%}",
            f"[green]{msg('exam.pass', lg)}[/]" if d.passed else f"[red]{msg('exam.below', lg)}[/]",
            *(f"{by[s]:.0%}" if s in by else "—" for s in sections),
            escape(", ".join(dict.fromkeys(f.kind for f in d.flags))) or "—",
        )
    console.print(table)
    if any(d.flags for d in reports):
        console.print(f"[yellow]{msg('exam.flags_note', lg)}[/]")
    missed = sum(not d.graded for d in reports)
    if missed:
        console.print(f"[red]{msg('exam.missed', lg, n=missed)}[/]")
    for path in result.written:
        console.print(f"[dim]{msg('exam.wrote', lg, path=escape(str(path)))}[/]")


def render_noted(report_dir: Path, report: CandidateReport, lang: str | None = None) -> None:
    lg = as_lang(lang)
    iv = report.interviewer
    scored = ", ".join(f"{k}={v}" for k, v in sorted(iv.scores.items()))
    out().print(
        msg("exam.noted", lg, candidate=escape(report.candidate), n=len(iv.notes))
        + (msg("exam.noted.scorecard", lg, scores=escape(scored)) if scored else "")
        + msg("exam.noted.wrote", lg, path=escape(str(report_dir / report.folder)))
    )


def render_verdict(v: Verdict, lang: str | None = None) -> None:
    lg = as_lang(lang)
    if v.status == "intact":
        out().print(f"[green]{msg('exam.intact', lg)}[/]: {escape(str(v.file))}: {escape(v.detail)}")
    elif v.status == "unsigned":
        out().print(f"[red]{msg('exam.unsigned', lg)}[/]: {escape(str(v.file))}: {escape(v.detail)}")
    else:
        out().print(f"[red]{msg('exam.altered', lg)}[/]: {escape(str(v.file))}: {escape(v.detail)}")


def render_kata_outcome(outcome: KataOutcome, lang: str | None = None) -> None:
    console = out()
    lg = as_lang(lang)
    for t in outcome.tests:
        mark = (
            f"[green]{msg('kata.mark.pass', lg)}[/]" if t.status == "pass" else f"[red]{msg('kata.mark.fail', lg)}[/]"
        )
        console.print(f"{mark} {escape(t.name)}")
        reason = t.message_in(lg).strip()
        if t.status != "pass" and reason:
            console.print(f"     {escape(reason)}", soft_wrap=True)
    if outcome.summary_in(lg):
        console.print(escape(outcome.summary_in(lg)))
    passed = sum(t.status == "pass" for t in outcome.tests)
    status = (
        msg(f"kata.verdict.{outcome.status}", lg) if f"kata.verdict.{outcome.status}" in MESSAGES else outcome.status
    )
    console.print(msg("exam.kata.line", lg, status=f"[bold]{status}[/]", passed=passed, total=len(outcome.tests)))
