"""Running a quiz on the terminal, new or resumed (`gokata quiz --resume`): one path for both."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.content.models import Lang
from runner.errors import BadInput, ExitStatus
from runner.quiz.flow import QuizPlan, finish, plan_resume


def run_quiz(plan: QuizPlan) -> ExitStatus:
    """Ask the planned questions (recording each answer as it is given), then draw the summary."""
    from runner.progress.rating import suggested_rating
    from runner.ui.console import out
    from runner.ui.messages import msg
    from runner.ui.session import run_session
    from runner.ui.summary import render_summary

    options, catalog = plan.options, plan.catalog
    if plan.resumed is None and not may_replace_paused(options.lang):
        return ExitStatus.OK
    if plan.dropped:
        out().print(f"[yellow]{msg('resume.dropped', options.lang, n=plan.dropped)}[/]")
    summary = run_session(
        plan.presented,
        lang=options.lang,
        exam=options.exam,
        recorder=plan.recorder,
        mode="exam" if options.exam else "practice",
        self_grade=options.self_grade,
        seed=plan.seed,
        ask_rating=options.rate and not options.exam,
        suggest_rating=suggested_rating,
        on_step=plan.saver,
    )
    outcome = finish(plan, summary)
    summary = outcome.value
    skipped_before = len(plan.resumed.skipped) if plan.resumed is not None else 0
    render_summary(
        out(),
        summary,
        titles={t: catalog.title(t, options.lang) for t in catalog.topics()},
        lang=options.lang,
        resumable=summary.answered + len(summary.skipped) - skipped_before < summary.total,
    )
    return outcome.status


def resume_quiz(catalog: Catalog) -> ExitStatus:
    """Continue the quiz paused with q (or cut off), where it stopped."""
    from runner.quiz import saved
    from runner.ui.messages import msg

    state = saved.load()
    if state is None or state.done:
        raise BadInput(msg("resume.none", "en"), hint="Start one with `gokata quiz`.")
    return run_quiz(plan_resume(catalog, state))


def may_replace_paused(lang: Lang) -> bool:
    """A new quiz replaces the paused one (there is one paused quiz): say so and ask first. It was
    replaced without a word as soon as the new quiz started."""
    from runner.quiz import saved
    from runner.ui.console import out
    from runner.ui.messages import msg
    from runner.ui.prompts import QuitSession, read_yes_no

    paused = saved.paused_elsewhere()
    if paused is None:
        return True
    left = len(paused.items) - paused.position
    console = out()
    try:
        if read_yes_no(console, msg("resume.replace", lang, n=left)):
            return True
    except (QuitSession, EOFError, KeyboardInterrupt):
        pass
    console.print(msg("resume.kept", lang))
    return False
