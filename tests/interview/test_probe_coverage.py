"""How far the bundled banks' follow-up items reach (issue 18: at least 40 open questions have
one), and that every `probe:` link on a framework point names an item that follows that question.

That each probe item's model answers grade strong is checked in test_bank_probes.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from runner.content.catalog import load_catalog
from runner.content.models import OpenQuestion
from runner.paths import questions_dir

CATALOG = load_catalog([questions_dir()])
OPEN = [q for q in CATALOG.questions if isinstance(q, OpenQuestion)]
MIN_PARENTS_WITH_PROBES = 40
README = Path(__file__).resolve().parents[2] / "README.md"


def test_at_least_40_open_questions_have_a_probe_item() -> None:
    parents = {q.follows for q in OPEN if q.follows is not None}
    linked = {q.id for q in OPEN if any(p.probe is not None for p in q.framework)}
    assert len(parents) >= MIN_PARENTS_WITH_PROBES, sorted(p for p in parents if p is not None)
    assert parents == linked


def test_every_probe_link_resolves_to_an_item_that_follows_its_question() -> None:
    by_id = {q.id: q for q in OPEN}
    bad = [
        (q.id, p.id, p.probe)
        for q in OPEN
        for p in q.framework
        if p.probe is not None and (p.probe not in by_id or by_id[p.probe].follows != q.id)
    ]
    assert not bad


def test_probe_items_are_not_parents_themselves() -> None:
    probes = {q.id for q in OPEN if q.follows is not None}
    assert not [q.id for q in OPEN if q.follows in probes]


def test_the_readme_states_the_current_count() -> None:
    parents = {q.follows for q in OPEN if q.follows is not None}
    found = re.search(r"follow-up items for (\d+) of their open questions", " ".join(README.read_text().split()))
    assert found is not None and int(found.group(1)) == len(parents)
