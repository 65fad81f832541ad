"""The quiz session as a state machine with no I/O: the UI asks it what to show and tells it
what was answered; at any point (including after Ctrl-C) it can summarise what was answered."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from runner.quiz.select import Presented
from runner.quiz.verdict import Verdict


@dataclass(frozen=True)
class TopicLine:
    topic: str
    answered: int
    right: int
    score: float  # sum of scores


@dataclass(frozen=True)
class SessionSummary:
    total: int
    answered: int
    score: float  # mean score over answered questions, 0..1
    by_topic: tuple[TopicLine, ...]
    missed: tuple[str, ...]  # ids not fully right
    verdicts: tuple[Verdict, ...]
    seed: int | None = None
    interrupted: bool = False
    skipped: tuple[str, ...] = ()
    earlier: int = 0  # answered before a pause, in an earlier sitting of the same quiz

    @property
    def all_right(self) -> bool:
        """Every question of the session answered, and answered right: what exit code 0 means."""
        return not self.interrupted and not self.skipped and not self.missed and self.answered == self.total

    def to_json(self) -> dict[str, object]:
        return {
            "score": round(self.score, 4),
            "answered": self.answered,
            "total": self.total,
            "seed": self.seed,
            "interrupted": self.interrupted,
            "skipped": list(self.skipped),
            "by_topic": [
                {
                    "topic": t.topic,
                    "answered": t.answered,
                    "right": t.right,
                    "score": round(t.score / t.answered, 4) if t.answered else 0.0,
                }
                for t in self.by_topic
            ],
            "missed": list(self.missed),
            "questions": [v.to_json() for v in self.verdicts],
        }


@dataclass
class QuizSession:
    presented: list[Presented]
    exam: bool = False
    seed: int | None = None
    verdicts: list[Verdict] = field(default_factory=list)
    durations: list[float] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    _position: int = 0
    _stopped: bool = False
    _interrupted: bool = False

    @property
    def current(self) -> Presented | None:
        if self._stopped or self._position >= len(self.presented):
            return None
        return self.presented[self._position]

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def position(self) -> int:
        return self._position

    def record(self, verdict: Verdict, duration_s: float) -> None:
        current = self.current
        if current is None or current.question.id != verdict.question_id:
            raise RuntimeError("verdict for a question that is not the current one")
        self.verdicts.append(verdict)
        self.durations.append(duration_s)
        self._position += 1

    def skip(self) -> None:
        if self.current is not None:
            self.skipped.append(self.current.question.id)
            self._position += 1

    def stop(self, *, interrupted: bool = False) -> None:
        """End early: `interrupted` for Ctrl-C, not for a learner who chose to quit."""
        self._stopped = True
        self._interrupted = interrupted

    def summary(self) -> SessionSummary:
        summary = summarise(self.verdicts, total=len(self.presented), seed=self.seed, interrupted=self._interrupted)
        return replace(summary, skipped=tuple(self.skipped))


def summarise(
    verdicts: list[Verdict], *, total: int, seed: int | None = None, interrupted: bool = False
) -> SessionSummary:
    per: dict[str, list[Verdict]] = defaultdict(list)
    for v in verdicts:
        per[v.topic].append(v)
    lines = tuple(
        TopicLine(topic, len(vs), sum(v.fully_right for v in vs), sum(v.score for v in vs))
        for topic, vs in sorted(per.items())
    )
    answered = len(verdicts)
    score = sum(v.score for v in verdicts) / answered if answered else 0.0
    missed = tuple(v.question_id for v in verdicts if not v.fully_right)
    return SessionSummary(total, answered, score, lines, missed, tuple(verdicts), seed, interrupted)
