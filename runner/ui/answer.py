"""Rendering and input for `gokata answer` and `gokata bank calibrate`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from runner.answers.scale import FULL
from runner.content.models import Lang, OpenQuestion
from runner.ui.code import code_block
from runner.ui.console import out
from runner.ui.messages import msg
from runner.ui.prompts import TERMINAL_LINE_LIMIT, cut_by_terminal, read_lines

if TYPE_CHECKING:
    from runner.answers.blind import SplitReport
    from runner.answers.calibrate import CalibrationReport
    from runner.answers.result import OpenGrade


def show_question(console: Console, q: OpenQuestion, *, lang: Lang) -> None:
    from rich.markdown import Markdown  # 40 ms to import; `answer --json` never renders it

    parts: list[RenderableType] = [Markdown(q.prompt.get(lang))]
    if q.code:
        parts.append(code_block(q.code, numbers=False))
    kind, level = ("面试题", "难度") if lang == "zh" else ("interview question", "difficulty")
    title = f"{escape(q.id)}  [dim]{q.topic} · {kind} · {level} {q.difficulty}[/]"
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style="cyan"))


def read_answer_text(console: Console, *, lang: Lang) -> str:
    """Several lines; ends with two empty lines in a row, a line with only '.', or Ctrl-D (EOF)."""
    hint = (
        "用中文、英文或混合作答。连续两个空行、单独一行 '.' 或 Ctrl-D 结束。"
        if lang == "zh"
        else "Answer in English, Chinese or both. Finish with an empty line twice, a line with only '.', or Ctrl-D."
    )
    while True:
        console.print(f"[bold]>[/] [dim]{hint}[/]")
        text = read_lines()
        if not cut_by_terminal(text):
            return text
        console.print(f"[yellow]{msg('answer.line_cut', lang, n=f'{TERMINAL_LINE_LIMIT:,}')}[/]")


# Every label `gokata answer` prints, in both languages: a Chinese session reads no English chrome.
_LABELS: dict[str, tuple[str, str]] = {
    "score": ("score", "得分"),
    "self-graded": ("self-graded", "自评"),
    "other-words": ("other words", "换了说法"),
    "full": ("full marks: every point earned", "满分：每个要点都拿到了"),
    "point": ("point", "要点"),
    "weight": ("weight", "权重"),
    "verdict": ("verdict", "结论"),
    "evidence": ("evidence", "依据"),
    "core": ("(core)", "（核心）"),
    "keywords": (
        "A list of keywords without sentences earns partial credit at most.",
        "只罗列关键词、不成句子的回答最多得部分分。",
    ),
    "misconception": ("Misconception:", "误解："),
    "waved": (
        "Waves away what the question is about (the score is capped):",
        "把题目关心的问题说成无关紧要（得分封顶）：",
    ),
    "elsewhere": (
        "Reads like an answer to another question (the score is capped):",
        "更像是在回答另一道题（得分封顶）：",
    ),
    "next": ("An interviewer would ask next:", "面试官接下来可能会问："),
    "model": ("model answer", "参考答案"),
}
_VERDICTS: dict[str, tuple[str, str, str]] = {
    "covered": ("green", "covered", "已覆盖"),
    "partial": ("yellow", "partly", "部分覆盖"),
    "missed": ("red", "missed", "遗漏"),
    "contradicted": ("magenta", "contradicted", "说反了"),
}


def _label(key: str, lang: Lang) -> str:
    en, zh = _LABELS[key]
    return zh if lang == "zh" else en


def _hanging(rows: Iterable[tuple[str, str]]) -> Table:
    """Marked lines whose text wraps under itself, not under the mark: "  • How do you ... /
    deadlocking?" keeps the bullet's column free at 80 columns and through a pipe."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for mark, text in rows:
        grid.add_row(mark, text)
    return grid


def render_open_grade(console: Console, q: OpenQuestion, grade: OpenGrade, *, lang: Lang) -> None:
    """The point-by-point table, misconceptions, follow-ups and the model answer.

    Text columns fold rather than end in an ellipsis: a Chinese sentence has no spaces to wrap
    at, so the default overflow would cut the evidence short."""
    title = f"{_label('score', lang)} {grade.score:.0%}"
    # The interviewer's scale tops out at 90 %: say so, or a complete answer looks short of something.
    if grade.score >= FULL:
        title += f" ({_label('full', lang)})"
    if grade.self_graded:
        title += f" ({_label('self-graded', lang)})"
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column(_label("point", lang), ratio=3, overflow="fold")
    table.add_column(_label("weight", lang), justify="right", no_wrap=True)
    table.add_column(_label("verdict", lang), overflow="fold")
    table.add_column(_label("evidence", lang), ratio=3, overflow="fold")
    for p in grade.points:
        style, en, zh = _VERDICTS[p.verdict.value]
        core = f" [bold]{_label('core', lang)}[/]" if p.core else ""
        table.add_row(
            escape(p.point.get(lang)) + core,
            f"{p.weight:g}",
            f"[{style}]{zh if lang == 'zh' else en}[/]"
            + (f"\n[dim]{_label('other-words', lang)}[/]" if p.other_words else ""),
            escape(p.evidence or ""),
        )
    console.print(table)
    if grade.keyword_only:
        console.print(f"[yellow]{_label('keywords', lang)}[/]")
    if grade.waved_away:
        console.print(f"[magenta]{_label('waved', lang)}[/]")
        console.print(_hanging(("  •", f"[dim]“{escape(s)}”[/]") for s in grade.waved_away))
    if grade.about_instead:
        console.print(f"[magenta]{_label('elsewhere', lang)}[/] {escape(grade.about_instead)}")
    if grade.misconceptions:
        # The belief, what is true instead, and the answer's own sentence that stated it.
        console.print(
            _hanging(
                (
                    f"[magenta]{_label('misconception', lang)}[/]",
                    f"{escape(m.belief.get(lang))} → {escape(m.correction.get(lang))}\n[dim]“{escape(m.evidence)}”[/]",
                )
                for m in grade.misconceptions
            )
        )
    if grade.follow_ups:
        console.print(f"[bold]{_label('next', lang)}[/]")
        console.print(_hanging(("  •", escape(f.get(lang))) for f in grade.follow_ups))
    from rich.markdown import Markdown

    console.print(Panel(Markdown(q.model_answer.get(lang)), title=_label("model", lang), border_style="green"))


def render_grade(q: OpenQuestion, grade: OpenGrade, *, lang: Lang) -> None:
    console = out()
    render_open_grade(console, q, grade, lang=lang)
    missed = [p for p in grade.points if p.core and p.verdict.value in ("missed", "contradicted")]
    zh = lang == "zh"
    if grade.passed:
        console.print(
            f"[bold green]{'通过' if zh else 'passed'}[/]: "
            + (f"得分 {grade.score:.2f}，没有遗漏核心要点" if zh else f"score {grade.score:.2f}, no core point missed")
        )
    elif missed:
        names = (
            "；".join(escape(p.point.get(lang)) for p in missed)
            if zh
            else ", ".join(escape(p.point.get(lang)) for p in missed)
        )
        console.print(
            f"[bold red]{'未通过' if zh else 'not passed'}[/]: "
            + (f"缺少核心要点：{names}" if zh else f"a core point is missing: {names}")
        )
    else:
        console.print(
            f"[bold red]{'未通过' if zh else 'not passed'}[/]: "
            + (
                f"得分 {grade.score:.2f} 低于 {_pass_score():.2f}"
                if zh
                else f"score {grade.score:.2f} is under {_pass_score():.2f}"
            )
        )


def _pass_score() -> float:
    from runner.answers.result import PASS_SCORE

    return PASS_SCORE


def render_calibration(report: CalibrationReport, *, show: int, blind: tuple[SplitReport, ...] = ()) -> None:
    console = out()
    table = Table(title="grader agreement with the banks' example scores (within = |error| <= 0.15)")
    table.add_column("question")
    table.add_column("examples", justify="right")
    table.add_column("MAE", justify="right")
    table.add_column("within", justify="right")
    table.add_column("model answer en/zh", justify="right")
    for q in report.with_examples:
        style = "green" if q.within >= 0.8 else "yellow" if q.within >= 0.5 else "red"
        model = "/".join("-" if x is None else f"{x:.2f}" for x in (q.model_en, q.model_zh))
        table.add_row(escape(q.question_id), str(q.n), f"{q.mae:.3f}", f"[{style}]{q.within:.0%}[/]", model)
    console.print(table)
    labels = Table(title="by label")
    for col in ("label", "examples", "MAE", "within"):
        labels.add_column(col, justify="left" if col == "label" else "right")
    for label, (n, mae, within) in report.by_label().items():
        labels.add_row(label, str(n), f"{mae:.3f}", f"{within:.0%}")
    console.print(labels)
    worst = sorted(
        ((q.question_id, e) for q in report.questions for e in q.examples if not e.within),
        key=lambda pair: -pair[1].error,
    )
    for qid, e in worst[:show]:
        console.print(
            f"[yellow]{escape(qid)}[/] example {e.index} ({e.label}): expected {e.expected:.2f}, "
            f"graded {e.got:.2f}\n  [dim]{escape(_clip(e.answer))}[/]"
        )
    for qid, lang, score in report.weak_model_answers():
        console.print(
            f"[yellow]model answer[/] {escape(qid)} ({lang}) grades only {score:.2f}: its framework's phrasings miss it"
        )
    without = report.open_questions - len(report.with_examples)
    console.print(
        f"[bold]overall[/]: {report.n} examples on {len(report.with_examples)} open questions "
        f"({without} without examples): MAE {report.mae:.3f}, within 0.15: {report.within:.1%}"
    )
    for split in blind:
        _render_split(console, split)


def _render_split(console: Console, split: SplitReport) -> None:
    """One blind split: agreement by class and language, then the targets."""
    table = Table(
        title=f"blind {split.split} split: {len(split.results)} answers, MAE {split.mae:.3f}, "
        f"within 0.2: {split.within:.0%}"
    )
    for col in ("group", "answers", "MAE", "within 0.2"):
        table.add_column(col, justify="left" if col == "group" else "right")
    for name, groups in (("class", split.groups(lambda r: r.answer_class)), ("lang", split.groups(lambda r: r.lang))):
        for key, (n, mae, within) in groups.items():
            table.add_row(f"{name} {key}", str(n), f"{mae:.3f}", f"{within:.0%}")
    console.print(table)
    for name, n, share, required in split.targets():
        mark = "[green]ok[/]" if share >= required - 1e-9 else "[red]below[/]"
        console.print(f"  {mark} {name}: {share:.0%} of {n} (target {required:.0%})")
    if split.unknown:
        console.print(f"  [yellow]not in the banks[/]: {', '.join(split.unknown)}")


def _clip(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
