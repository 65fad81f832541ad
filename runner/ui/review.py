"""`gokata review` on the terminal: the due questions, asked one by one, then the summary."""

from __future__ import annotations

from runner.errors import ExitStatus
from runner.progress.flow import review_plan
from runner.progress.rating import suggested_rating
from runner.quiz.flow import session_status
from runner.ui.console import out
from runner.ui.messages import as_lang
from runner.ui.progress import render_nothing_due


def run_review(topics: tuple[str, ...], *, limit: int, new: int, cram: bool, lang: str, self_grade: bool) -> ExitStatus:
    language = as_lang(lang)
    with review_plan(topics, limit=limit, new=new, cram=cram) as plan:
        if not plan.questions:
            render_nothing_due(plan.next_due, lang=language)
            return ExitStatus.OK
        # The session screens (Markdown, prompts, the grader) load only when something is due:
        # "nothing due" is the common answer and should come back at once.
        from runner.ui.session import run_session
        from runner.ui.summary import render_summary

        summary = run_session(
            plan.questions,
            lang=language,
            exam=False,
            recorder=plan.store,
            mode="review",
            ask_rating=True,
            self_grade=self_grade,
            suggest_rating=suggested_rating,
        )
    outline = plan.outline
    render_summary(out(), summary, titles={t: outline.title(t, language) for t in outline.topics()}, lang=language)
    return session_status(summary)
