"""`gokata interview` at the terminal: asking, timing, self-rating doubtful answers, the debrief,
and the Markdown transcript (the same words on screen and on disk)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel

from runner.answers.result import OpenGrade
from runner.answers.self_grade import self_grade
from runner.content.models import Lang
from runner.interview.debrief import Debrief
from runner.interview.engine import Interview
from runner.interview.model import Asked, Ending, TurnKind
from runner.interview.saved import SavedInterview
from runner.ui.messages import msg
from runner.ui.prompts import QuitSession, read_multiline, read_yes_no

Reader = Callable[[], str]  # the next answer; raises QuitSession to end, KeyboardInterrupt on Ctrl-C


def clock(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def opening(console: Console, interview: Interview, source: str, lang: Lang) -> None:
    budget = ""
    if interview.budget_s is not None:
        budget = msg("iv.budget", lang, minutes=round(interview.budget_s / 60))
    console.print(
        f"[bold]{msg('iv.title', lang)}[/]  "
        + escape(msg("iv.opening", lang, n=len(interview.questions), budget=budget))
    )
    console.print(f"[dim]{escape(msg('iv.source.' + source, lang))}[/]")


def show_asked(console: Console, asked: Asked, total: int, lang: Lang) -> None:
    from runner.ui.question import code_block

    if asked.kind is TurnKind.MAIN:
        title = msg("iv.question", lang, n=asked.main, total=total)
    else:
        if asked.why is not None:
            console.print(
                f"[bold cyan]{escape(msg('iv.interviewer', lang))}:[/] "
                + escape(msg("iv.why." + asked.why.value, lang))
            )
        title = msg("iv.followup" if asked.kind is TurnKind.FOLLOW_UP else "iv.stretch", lang)
    parts: list[RenderableType] = [Markdown(asked.prompt.get(lang))]
    if asked.code:
        parts.append(code_block(asked.code, numbers=False))
    border = "cyan" if asked.kind is TurnKind.MAIN else "magenta"
    console.print(Panel(Group(*parts), title=escape(title), title_align="left", border_style=border))


def terminal_reader(console: Console, lang: Lang) -> Reader:
    def read() -> str:
        while True:
            text = read_multiline(
                console, f"[bold]{escape(msg('iv.prompt', lang))}[/]", note=msg("iv.input", lang), lang=lang
            )
            if text.strip():
                return text
            console.print(f"[yellow]{escape(msg('iv.empty', lang))}[/]")

    return read


def script_reader(answers: Sequence[str]) -> Reader:
    it: Iterator[str] = iter(answers)

    def read() -> str:
        text = next(it, None)
        if text is None or text.strip().lower() == "q":
            raise QuitSession
        return text

    return read


def run(
    console: Console,
    interview: Interview,
    read: Reader,
    *,
    lang: Lang,
    interactive: bool,
    quiet: bool = False,
    now: Callable[[], float] = time.monotonic,
) -> None:
    """Ask until the interview ends. `interactive`: a person can rate doubtful answers; `quiet`
    (--json) prints nothing."""
    total = len(interview.questions)
    while (asked := interview.pending) is not None:
        if not quiet:
            show_asked(console, asked, total, lang)
        started = now()
        try:
            text = read()
            seconds = now() - started
            grade = interview.grade(text)
            low = grade is not None and grade.needs_review
            if low and grade is not None and asked.framework is not None:
                if interactive:
                    console.print(f"[yellow]{escape(msg('iv.unsure', lang))}[/]")
                    grade = _rate_yourself(console, asked, grade, lang)
                elif not quiet:
                    console.print(f"[yellow]{escape(msg('iv.unsure.scripted', lang))}[/]")
        except QuitSession:
            interview.stop(Ending.QUIT)
            break
        except KeyboardInterrupt:
            interview.stop(Ending.INTERRUPTED)
            break
        interview.submit(text, seconds, grade, low_confidence=low)
        if not quiet:
            if interview.budget_s is not None:
                line = msg(
                    "iv.time.budget",
                    lang,
                    took=clock(seconds),
                    elapsed=clock(interview.elapsed),
                    budget=clock(interview.budget_s),
                )
            else:
                line = msg("iv.time", lang, took=clock(seconds), elapsed=clock(interview.elapsed))
            console.print(f"[dim]{escape(line)}[/]")
            if interview.ending is Ending.TIME:
                console.print(escape(msg("iv.at_time", lang)))


def _rate_yourself(console: Console, asked: Asked, grade: OpenGrade, lang: Lang) -> OpenGrade:
    assert asked.framework is not None
    marks = {
        p.id: read_yes_no(console, escape(msg("iv.rate.point", lang, point=p.point.get(lang))))
        for p in asked.framework.framework
    }
    mine = self_grade(asked.framework, marks)
    return OpenGrade(
        mine.question_id,
        mine.score,
        mine.points,
        follow_ups=mine.follow_ups,
        self_graded=True,
        confidence=grade.confidence,
        review_reasons=grade.review_reasons,
    )


# -- debrief and transcript (Markdown) -------------------------------------------------------------
def debrief_markdown(d: Debrief, lang: Lang) -> str:
    out: list[str] = [f"## {msg('iv.debrief', lang)}", ""]
    if d.ending is not Ending.DONE:
        out += [f"_{msg('iv.ending.' + d.ending.value, lang)}_", ""]
    out += [f"### {msg('iv.panel', lang)}", ""]
    out.append(
        f"**{msg('iv.signal', lang, signal=msg('iv.signal.' + d.signal.value, lang))}** — " + msg("iv.practice", lang)
    )
    out.append("")
    out += [f"- {msg(code, lang, **values)}" for code, values in d.reasons]
    out += ["", f"### {msg('iv.per_question', lang)}", ""]
    for line in d.lines:
        text = msg(
            "iv.line",
            lang,
            n=line.number,
            qid=line.question_id,
            score=round(line.score * 100),
            time=clock(line.seconds),
        )
        notes = [msg("iv.line.passed" if line.passed else "iv.line.missed", lang)]
        for point, why, ok in line.follow_ups:
            if why == "strong":
                notes.append(msg("iv.line.stretch", lang))
            else:
                result = msg("iv.result.well" if ok else "iv.result.not", lang)
                notes.append(
                    msg("iv.line.followup", lang, point=f"`{point}`", why=msg(f"iv.verdict.{why}", lang), result=result)
                )
        if line.low_confidence:
            notes.append(msg("iv.line.unsure", lang))
        out.append(f"- {text}: " + "; ".join(notes))
    out += ["", f"### {msg('iv.strengths', lang)}", ""]
    out += [f"- {s.point.get(lang)} (`{s.question_id}`)" for s in d.strengths] or [f"- {msg('iv.none', lang)}"]
    out += ["", f"### {msg('iv.gaps', lang)}", ""]
    for g in d.gaps:
        tail = msg(f"iv.verdict.{g.verdict}", lang)
        if g.recovered:
            tail += "; " + msg("iv.gap.recovered", lang)
        out.append(f"- {g.point.get(lang)} (`{g.question_id}`): {tail}")
    if not d.gaps:
        out.append(f"- {msg('iv.none', lang)}")
    out += ["", f"### {msg('iv.study', lang)}", ""]
    out += [f"- {msg('iv.study.question', lang, qid=q)}" for q in d.study]
    out += [f"- {msg('iv.study.kata', lang, slug=s, qid=q)}" for s, q in d.katas]
    if not d.study:
        out.append(f"- {msg('iv.study.nothing', lang)}")
    out += ["", f"### {msg('iv.scheduled', lang)}", ""]
    out += [f"- `{q}`: {r}" for q, r in d.scheduled] or [f"- {msg('iv.none', lang)}"]
    return "\n".join(out) + "\n"


def _grade_line(grade: OpenGrade, lang: Lang) -> str:
    points = ", ".join(f"{p.point_id} {msg('iv.verdict.' + p.verdict.value, lang)}" for p in grade.points)
    return msg("iv.grade", lang, score=round(grade.score * 100), points=points)


def transcript_markdown(interview: Interview, d: Debrief, lang: Lang) -> str:
    when = interview.started.astimezone().strftime("%Y-%m-%d %H:%M")
    out = [f"# {msg('iv.title', lang)} — {when}", "", f"## {msg('iv.transcript', lang)}", ""]
    total = len(interview.questions)
    for t in interview.turns:
        a = t.asked
        if a.kind is TurnKind.MAIN:
            out += [f"### {msg('iv.question', lang, n=a.main, total=total)} · `{a.parent_id}`", ""]
        else:
            label = msg("iv.followup" if a.kind is TurnKind.FOLLOW_UP else "iv.stretch", lang)
            target = f" · `{a.probe_id or a.point_id}`" if a.point_id else ""
            out += [f"#### {label}{target}", ""]
        out += [f"**{msg('iv.interviewer', lang)}:** {a.prompt.get(lang)}", ""]
        if a.code:
            out += ["```go", a.code.rstrip("\n"), "```", ""]
        out.append(f"**{msg('iv.you', lang)}** ({clock(t.seconds)}):")
        out.append("")
        out += [f"> {line}" if line else ">" for line in t.answer.splitlines()] or ["> " + msg("iv.no_answer", lang)]
        out.append("")
        if t.grade is not None:
            out += [f"_{_grade_line(t.grade, lang)}_", ""]
    return "\n".join(out) + "\n" + debrief_markdown(d, lang)


def render_debrief(console: Console, d: Debrief, lang: Lang) -> None:
    console.print(Markdown(debrief_markdown(d, lang)))


def saved_list_json(saved: Sequence[SavedInterview]) -> dict[str, Any]:
    """`interview --list --json`: one row per saved transcript."""
    return {"interviews": [_summary(s) for s in saved]}


def render_list(console: Console, saved: Sequence[SavedInterview], lang: Lang) -> None:
    if not saved:
        console.print(escape(msg("iv.list.none", lang)))
        return
    for s in saved:
        row = _summary(s)
        signal = msg("iv.signal." + row["signal"], lang) if row["signal"] else "?"
        console.print(f"{s.number:>3}  {escape(row['when'])}  {escape(', '.join(row['questions']))}  {escape(signal)}")


def _summary(s: SavedInterview) -> dict[str, Any]:
    data = s.data
    started = str(data.get("started", ""))
    try:
        when = datetime.fromisoformat(started).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = started
    debrief = data.get("debrief") if isinstance(data.get("debrief"), dict) else {}
    return {
        "number": s.number,
        "when": when,
        "questions": list(data.get("questions", [])),
        "signal": (debrief or {}).get("signal"),
        "path": str(s.markdown),
    }


def saved_note(console: Console, saved: SavedInterview, lang: Lang) -> None:
    console.print(f"[dim]{escape(msg('iv.saved', lang, path=str(saved.markdown), n=saved.number))}[/]")
