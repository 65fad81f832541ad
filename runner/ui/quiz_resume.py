"""`gokata quiz --resume`: continue a paused quiz, and the quiz's exit codes."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.errors import EXIT_INTERRUPTED, EXIT_NOT_ALL_PASSED, EXIT_OK, BadInput
from runner.quiz.session import SessionSummary


def exit_code(summary: SessionSummary, *, earlier_all_right: bool = True) -> int:
    """0 when every question of the quiz was answered right, 130 after Ctrl-C, else 1."""
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if summary.all_right and earlier_all_right else EXIT_NOT_ALL_PASSED


def resume_quiz(catalog: Catalog) -> int:
    from dataclasses import replace

    from runner.progress.rating import suggested_rating
    from runner.progress.recorder import open_recorder
    from runner.quiz import saved
    from runner.ui.console import out
    from runner.ui.messages import msg
    from runner.ui.session import run_session
    from runner.ui.summary import render_summary

    state = saved.load()
    if state is None or state.done:
        raise BadInput(msg("resume.none", "en"), hint="Start one with `gokata quiz`.")
    lang = state.lang
    presented, dropped = state.presented(catalog.by_id())
    if dropped:
        out().print(f"[yellow]{msg('resume.dropped', lang, n=dropped)}[/]")
    base = state.model_copy(
        update={
            "items": state.items[: state.position]
            + tuple(saved.SavedItem(id=p.question.id, order=p.order) for p in presented)
        }
    )
    saver = saved.Saver(lang=lang, exam=state.exam, self_grade=state.self_grade, rate=state.rate, base=base)
    summary = run_session(
        presented,
        lang=lang,
        exam=state.exam,
        recorder=open_recorder(),
        mode="exam" if state.exam else "practice",
        self_grade=state.self_grade,
        seed=state.seed,
        ask_rating=state.rate and not state.exam,
        suggest_rating=suggested_rating,
        on_step=saver,
    )
    summary = replace(summary, earlier=len(state.answered), skipped=(*state.skipped, *summary.skipped))
    render_summary(
        out(),
        summary,
        titles={t: catalog.title(t, lang) for t in catalog.topics()},
        lang=lang,
        resumable=summary.answered + len(summary.skipped) - len(state.skipped) < summary.total,
    )
    return exit_code(summary, earlier_all_right=all(a.fully_right for a in state.answered))
