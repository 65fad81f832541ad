"""`quiz --weak`: order a pool by the learner's weakness, using the progress store."""

from __future__ import annotations

from runner.content.catalog import Catalog
from runner.content.models import AnyQuestion
from runner.progress.recorder import Recorder


def order_by_weakness(catalog: Catalog, pool: list[AnyQuestion], recorder: Recorder) -> list[AnyQuestion]:
    """Weakest topics and tags first. Delegates to the progress layer, which knows recent accuracy."""
    from runner.progress.weak import weak_question_ids

    ranked = weak_question_ids(catalog, recorder)
    if not ranked:
        from runner.errors import BadInput

        raise BadInput("--weak needs some answers to go on: practise with `gokata quiz` first, then come back")
    allowed = {q.id for q in pool}
    by_id = catalog.by_id()
    return [by_id[i] for i in ranked if i in allowed]
