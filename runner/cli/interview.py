"""`gokata interview`: a mock interview that digs into what the answer missed, then a debrief."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from runner.cli.answer import LangOpt
from runner.cli.present import present
from runner.errors import BadInput, ExitStatus
from runner.lazy import lazy_module

if TYPE_CHECKING:
    from runner.interview import flow
    from runner.ui import console
    from runner.ui import interview as ui
    from runner.ui import interview_run as run_ui
else:
    flow = lazy_module("runner.interview.flow")
    console = lazy_module("runner.ui.console")
    ui = lazy_module("runner.ui.interview")
    run_ui = lazy_module("runner.ui.interview_run")


def interview(
    topic: list[str] | None = typer.Option(None, "--topic", help="Interview on this topic (repeatable)."),
    minutes: float | None = typer.Option(
        None, "--minutes", min=1, max=24 * 60, help="A soft time budget for the round (1 to 1440)."
    ),
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
) -> ExitStatus:
    """Run a mock interview: 3-5 open questions from your weak areas (or --topic), follow-ups on
    what each answer missed or got wrong, a debrief, and a saved Markdown transcript.

    Answers are recorded for review as they are given; `q` ends early, Ctrl-C keeps what was answered.
    Exit 0 when the round ended with a strong signal, 1 otherwise, 130 on Ctrl-C.
    """
    if show is not None:
        return present(
            "interview",
            flow.saved_transcript(show),
            json_out=json_out,
            data=flow.Transcript.to_json,
            draw=run_ui.render_transcript,
        )
    if list_saved:
        return present(
            "interview",
            flow.saved_interviews(),
            json_out=json_out,
            data=ui.saved_list_json,
            draw=lambda saved: ui.render_list(console.out(), saved, lang.value),
        )
    if json_out and answers is None:
        raise BadInput("--json goes with --answers (an interactive interview prints for a person)")
    round_ = flow.prepare(tuple(topic or ()), count=count, seed=seed, minutes=minutes, answers=answers)
    outcome = run_ui.conduct(round_, lang.value, quiet=json_out)
    return present(
        "interview",
        outcome,
        json_out=json_out,
        data=flow.Finished.to_json,
        draw=lambda done: run_ui.render_finished(done, lang.value),
    )


def register(app: typer.Typer) -> None:
    app.command("interview")(interview)
