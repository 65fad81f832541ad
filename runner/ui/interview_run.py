"""`gokata interview` on the terminal: the opening, the turns, the debrief."""

from __future__ import annotations

from rich.markdown import Markdown

from runner.content.models import Lang
from runner.interview.flow import Finished, Round, Transcript, debrief, finish
from runner.outcome import Outcome
from runner.ui import interview as ui
from runner.ui.console import out


def conduct(round_: Round, lang: Lang, *, quiet: bool) -> Outcome[Finished]:
    """Run the round (each answer is recorded by the session as it is given), debrief it, save it.

    `quiet` (--json) draws nothing: the result is printed as one JSON object afterwards.
    """
    console = out()
    session = round_.session
    if not quiet:
        ui.opening(console, session, round_.selection.source, lang)
    scripted = round_.scripted
    reader = ui.script_reader(scripted) if scripted is not None else ui.terminal_reader(console, lang)
    ui.run(console, session, reader, lang=lang, interactive=scripted is None, quiet=quiet)
    result = debrief(round_)
    return finish(round_, markdown=ui.transcript_markdown(session, result, lang), debrief=result, lang=lang)


def render_finished(finished: Finished, lang: Lang) -> None:
    ui.render_debrief(out(), finished.debrief, lang)
    ui.saved_note(out(), finished.saved, lang)


def render_transcript(transcript: Transcript) -> None:
    out().print(Markdown(transcript.markdown))
