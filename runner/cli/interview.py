"""`gokata interview`: a mock interview that digs into what the answer missed, then a debrief."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.answer import LangOpt

if TYPE_CHECKING:
    from runner.content.catalog import Catalog


def interview(
    topic: list[str] | None = typer.Option(None, "--topic", help="Interview on this topic (repeatable)."),
    minutes: float | None = typer.Option(None, "--minutes", min=1, help="A soft time budget for the round."),
    count: int = typer.Option(4, "--count", min=3, max=5, help="Main questions: 3 to 5."),
    lang: LangOpt = typer.Option(LangOpt.en, "--lang", help="Conduct the interview in en or zh."),
    seed: int | None = typer.Option(None, "--seed", help="Choose the same questions again."),
    answers: Path | None = typer.Option(
        None,
        "--answers",
        exists=True,
        dir_okay=False,
        help="A YAML list of answers, one per turn (or a text file with answers separated by lines of ---).",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the transcript with every grade as JSON."),
    list_saved: bool = typer.Option(False, "--list", help="List the saved interview transcripts."),
    show: int | None = typer.Option(None, "--show", metavar="N", help="Print saved transcript number N."),
) -> None:
    """Run a mock interview: 3-5 open questions from your weak areas (or --topic), follow-ups on
    what each answer missed or got wrong, a debrief, and a saved Markdown transcript.

    Answers are recorded for review as they are given; `q` ends early, Ctrl-C keeps what was answered.
    Exit 0 when the round ended with a strong signal, 1 otherwise, 130 on Ctrl-C.
    """
    from runner.ui.console import out

    if list_saved or show is not None:
        from runner.interview.saved import list_saved as saved_list
        from runner.interview.saved import load

        if show is not None:
            text = load(show)
            if json_out:
                from runner.ui.interview import print_json

                print_json({"number": show, "markdown": text})
            else:
                from rich.markdown import Markdown

                out().print(Markdown(text))
            return
        from runner.ui.interview import render_list

        render_list(out(), saved_list(), lang.value, json_out=json_out)
        return
    if json_out and answers is None:
        from runner.errors import BadInput

        raise BadInput("--json goes with --answers (an interactive interview prints for a person)")

    from runner.content.catalog import load_catalog
    from runner.interview.debrief import Signal, debrief
    from runner.interview.engine import Interview, choose_questions
    from runner.interview.saved import save
    from runner.progress.recorder import open_recorder
    from runner.quiz.select import new_seed
    from runner.ui import interview as ui

    scripted = _read_answers(answers) if answers is not None else None
    catalog = load_catalog()
    recorder = open_recorder()
    used_seed = seed if seed is not None else new_seed()
    selection = choose_questions(catalog, recorder, topics=tuple(topic or ()), count=count, seed=used_seed)
    session = Interview(
        selection.questions,
        catalog.by_id(),
        recorder=recorder,
        budget_s=minutes * 60 if minutes else None,
        seed=used_seed,
    )
    console = out()
    if not json_out:
        ui.opening(console, session, selection.source, lang.value)
    reader = ui.script_reader(scripted) if scripted is not None else ui.terminal_reader(console, lang.value)
    ui.run(console, session, reader, lang=lang.value, interactive=scripted is None, quiet=json_out)
    from runner.interview.model import Ending

    result = debrief(session.turns, session.ending or Ending.DONE, _katas_by_question(catalog))
    data = ui.transcript_json(session, result, lang.value, used_seed)
    saved = save(ui.transcript_markdown(session, result, lang.value), data)
    if json_out:
        ui.print_json({**data, "number": saved.number, "path": str(saved.markdown)})
    else:
        ui.render_debrief(console, result, lang.value)
        ui.saved_note(console, saved, lang.value)
    if session.ending is Ending.INTERRUPTED:
        raise typer.Exit(130)
    raise typer.Exit(0 if result.signal is Signal.STRONG else 1)


def _read_answers(path: Path) -> list[str]:
    """A YAML list of strings; otherwise plain text, answers separated by lines holding only ---."""
    import yaml

    from runner.errors import BadInput

    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if isinstance(data, list):
        if not all(isinstance(a, str) for a in data):
            raise BadInput(f"{path}: every answer must be a string (quote answers YAML would read otherwise)")
        return list(data)
    chunks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == "---":
            chunks.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    chunks.append("\n".join(current).strip())
    return [c for c in chunks if c]


def _katas_by_question(catalog: Catalog) -> dict[str, list[str]]:
    """Question id -> slugs of the katas whose related_questions include it ({} when katas cannot be read)."""
    from runner.errors import GokataError
    from runner.kata.catalog import scan_katas

    try:
        katas, _ = scan_katas()
    except GokataError:
        return {}
    out: dict[str, list[str]] = {}
    for kata in katas:
        for qid in kata.spec.related_questions:
            out.setdefault(qid, []).append(kata.slug)
    return out


def register(app: typer.Typer) -> None:
    app.command("interview")(interview)
