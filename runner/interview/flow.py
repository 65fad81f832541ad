"""`gokata interview`: the engine side of a round (choose, run, debrief, save) and the saved
transcripts. The conversation itself is drawn and read by runner.ui.interview_run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runner.errors import ContentError, ExitStatus, Problem
from runner.outcome import Outcome

if TYPE_CHECKING:
    from runner.content.catalog import Catalog
    from runner.interview.debrief import Debrief
    from runner.interview.engine import Interview, Selection
    from runner.interview.saved import SavedInterview


@dataclass(frozen=True)
class Transcript:
    number: int
    markdown: str

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "markdown": self.markdown}


@dataclass(frozen=True)
class Round:
    """A round ready to run: the questions chosen, the session that records each answer."""

    catalog: Catalog
    selection: Selection
    session: Interview
    seed: int
    scripted: list[str] | None  # the answers of --answers, one per turn


@dataclass(frozen=True)
class Finished:
    """A finished round: its debrief, the transcript as saved, and where it was saved."""

    debrief: Debrief
    data: dict[str, Any]
    saved: SavedInterview

    def to_json(self) -> dict[str, Any]:
        return {**self.data, "number": self.saved.number, "path": str(self.saved.markdown)}


def saved_interviews() -> Outcome[list[SavedInterview]]:
    from runner.interview.saved import list_saved

    return Outcome(list_saved())


def saved_transcript(number: int) -> Outcome[Transcript]:
    from runner.interview.saved import load

    return Outcome(Transcript(number, load(number)))


def prepare(
    topics: tuple[str, ...], *, count: int, seed: int | None, minutes: float | None, answers: Path | None
) -> Round:
    from runner.content.catalog import load_catalog
    from runner.interview.engine import Interview, choose_questions
    from runner.progress.recorder import open_recorder
    from runner.quiz.select import new_seed

    scripted = read_answers(answers) if answers is not None else None
    catalog = load_catalog()
    recorder = open_recorder()
    used_seed = seed if seed is not None else new_seed()
    selection = choose_questions(catalog, recorder, topics=topics, count=count, seed=used_seed)
    session = Interview(
        selection.questions,
        catalog.by_id(),
        recorder=recorder,
        budget_s=minutes * 60 if minutes else None,
        seed=used_seed,
    )
    return Round(catalog, selection, session, used_seed, scripted)


def finish(round_: Round, *, markdown: str, debrief: Debrief, lang: str) -> Outcome[Finished]:
    """Save the transcript (`markdown` as drawn, and its data as JSON); INTERRUPTED after Ctrl-C, OK
    for a strong signal, else NOT_ALL_PASSED."""
    from runner.interview.debrief import Signal
    from runner.interview.model import Ending
    from runner.interview.saved import save

    data = transcript(round_, debrief, lang)
    saved = save(markdown, data)
    if round_.session.ending is Ending.INTERRUPTED:
        status = ExitStatus.INTERRUPTED
    else:
        status = ExitStatus.passed(debrief.signal is Signal.STRONG)
    return Outcome(Finished(debrief, data, saved), status)


def transcript(round_: Round, debrief: Debrief, lang: str) -> dict[str, Any]:
    """The round as data: saved beside the Markdown transcript, and printed by `--json`."""
    from runner.interview.model import Ending

    interview = round_.session
    return {
        "started": interview.started.isoformat(),
        "lang": lang,
        "seed": round_.seed,
        "minutes": None if interview.budget_s is None else round(interview.budget_s / 60, 2),
        "questions": [q.id for q in interview.questions],
        "ending": (interview.ending or Ending.DONE).value,
        "turns": [t.to_json() for t in interview.turns],
        "debrief": debrief.to_json(),
    }


def debrief(round_: Round) -> Debrief:
    from runner.interview.debrief import debrief as build
    from runner.interview.model import Ending

    session = round_.session
    return build(session.turns, session.ending or Ending.DONE, katas_by_question(round_.catalog))


def read_answers(path: Path) -> list[str]:
    """A YAML list of strings; otherwise plain text, answers separated by lines holding only ---.

    Read like every other answers file (a regular file, bounded, UTF-8). A file that opens as a
    YAML list (`- ...` or `[`) is YAML, and malformed YAML is reported with its line instead of
    being graded as one answer holding the whole file."""
    from runner.content.yaml_source import Locator, parse_yaml, read_text

    text = read_text(path)
    first = next(
        (ln.strip() for ln in text.lstrip("\ufeff").splitlines() if ln.strip() and not ln.lstrip().startswith("#")), ""
    )
    if first == "-" or first.startswith(("- ", "[")):
        data = parse_yaml(path, text).data  # the text read once above
        if not isinstance(data, list):
            raise ContentError([Problem(str(path), 1, 1, "", "expected a YAML list of answers")])
        locator = Locator(text)
        for i, a in enumerate(data):
            if not isinstance(a, str):
                row, col = locator.find((i,))
                raise ContentError(
                    [
                        Problem(
                            str(path),
                            row,
                            col,
                            "",
                            "every answer must be a string (quote answers YAML would read otherwise)",
                        )
                    ]
                )
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


def katas_by_question(catalog: Catalog) -> dict[str, list[str]]:
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
