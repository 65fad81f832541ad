"""`gokata kata next`: the kata to do next, from progress.

Only katas not passed yet are suggested. Order: katas whose topic is a weak area first (recent
quiz accuracy under runner.quiz.weak.WEAK_BELOW), then the easiest, then those whose related
questions were answered badly, then started-but-failing before untouched ones, then by slug.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from runner.content.catalog import Catalog
from runner.kata.catalog import Kata
from runner.progress.recorder import KataRecord
from runner.progress.store import QuestionTally
from runner.quiz.weak import WEAK_BELOW, WINDOW, group_accuracies

ReasonCode = Literal["weak_topic", "failing", "not_started", "easiest", "related_missed"]


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    fields: dict[str, str]

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, **self.fields}


@dataclass(frozen=True)
class Suggestion:
    slug: str
    title: str
    topic: str
    difficulty: int
    status: Literal["not started", "failing"]
    reasons: tuple[Reason, ...]

    @property
    def command(self) -> str:
        return f"gokata kata start {self.slug}"

    def to_json(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "title": self.title,
            "topic": self.topic,
            "difficulty": self.difficulty,
            "status": self.status,
            "reasons": [r.to_json() for r in self.reasons],
            "command": self.command,
        }


@dataclass(frozen=True)
class NextOutcome:
    """The pick and the runners-up; no pick when every kata is passed (`passed` of `total`)."""

    pick: Suggestion | None
    also: tuple[Suggestion, ...]
    passed: int
    total: int

    def to_json(self) -> dict[str, object]:
        return {
            "next": self.pick.to_json() if self.pick else None,
            "also": [s.to_json() for s in self.also],
            "passed": self.passed,
            "total": self.total,
        }


def suggest(
    katas: list[Kata],
    catalog: Catalog,
    kata_status: dict[str, KataRecord],
    tallies: dict[str, QuestionTally],
    *,
    lang: str = "en",
    also: int = 3,
) -> NextOutcome:
    """`tallies`: recent answers per question id (runner.quiz.weak.WINDOW)."""
    topic_accuracy = {
        g.group.removeprefix("topic:"): g for g in group_accuracies(catalog, tallies) if g.group.startswith("topic:")
    }
    weak = {t: g for t, g in topic_accuracy.items() if g.smoothed < WEAK_BELOW}
    open_katas = [k for k in katas if not (k.slug in kata_status and kata_status[k.slug].ever_passed)]
    easiest = min((k.spec.difficulty for k in open_katas), default=0)
    ranked: list[tuple[tuple[int, int, int, int, str], Suggestion]] = []
    for kata in open_katas:
        missed = [
            q
            for q in kata.spec.related_questions
            if q in tallies and tallies[q].right / max(tallies[q].answered, 1) < WEAK_BELOW
        ]
        failing = kata.slug in kata_status
        reasons: list[Reason] = []
        if kata.spec.topic in weak:
            group = weak[kata.spec.topic]
            reasons.append(
                Reason(
                    "weak_topic", {"topic": kata.spec.topic, "accuracy": f"{round(100 * group.right / group.answered)}"}
                )
            )
        if missed:
            reasons.append(Reason("related_missed", {"ids": ", ".join(missed)}))
        if kata.spec.difficulty == easiest:
            reasons.append(Reason("easiest", {"level": str(kata.spec.difficulty)}))
        reasons.append(Reason("failing", {}) if failing else Reason("not_started", {}))
        key = (0 if kata.spec.topic in weak else 1, kata.spec.difficulty, -len(missed), 0 if failing else 1, kata.slug)
        ranked.append(
            (
                key,
                Suggestion(
                    kata.slug,
                    kata.title(lang),
                    kata.spec.topic,
                    kata.spec.difficulty,
                    "failing" if failing else "not started",
                    tuple(reasons),
                ),
            )
        )
    ranked.sort(key=lambda pair: pair[0])
    picks = [s for _, s in ranked]
    return NextOutcome(
        picks[0] if picks else None, tuple(picks[1 : 1 + also]), len(katas) - len(open_katas), len(katas)
    )


def next_kata(*, lang: str = "en", now: datetime | None = None) -> NextOutcome:
    """The suggestion from the bundled (or --katas) katas, the banks and the learner's progress."""
    from runner.content.catalog import load_catalog
    from runner.kata.catalog import scan_katas
    from runner.progress.store import open_store

    katas, _problems = scan_katas()
    catalog = load_catalog()
    since = (now or datetime.now(UTC)) - WINDOW
    with open_store() as store:
        status = store.kata_statuses()
        tallies = store.question_tallies(since.timestamp())
    return suggest(katas, catalog, status, tallies, lang=lang)
