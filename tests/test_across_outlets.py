"""One layoff reported by two outlets: one event group with both sources; where the
figures differ, both are kept and the difference is flagged (issue 4, events
across articles). Texts written for this test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsledger.config import load_settings
from newsledger.ingest.identity import make_article
from newsledger.pipeline import ingest_items
from newsledger.query import Query
from newsledger.store import open_store

pytestmark = pytest.mark.model

WIRE = (
    "Brightwell Motors said on Tuesday it would cut 2,400 jobs at its plants in Ohio "
    "as demand for its pickup trucks slowed. The carmaker employs about 40,000 people."
)
DAILY = (
    "Carmaker Brightwell Motors is to shed 2,400 positions, the company announced, "
    "blaming weaker sales of its trucks. Unions said they would fight the plan."
)
DISAGREEING = (
    "Brightwell Motors will eliminate roughly 2,900 jobs in Ohio, people familiar with "
    "the matter said on Wednesday, more than the company has said publicly."
)
LATER = (
    "Brightwell Motors said it would cut another 800 jobs, a year after its last round "
    "of cuts, as it closes a parts plant in Michigan."
)


def _store(tmp_path: Path, texts: list[tuple[str, str, date]]) -> Query:
    db = str(tmp_path / "ledger.db")
    settings = load_settings({}, db=db, workers=1)
    articles = [make_article(t, source=s, published=d) for t, s, d in texts]
    with open_store(db) as store:
        summary = ingest_items(articles, store, settings, progress=False)
    assert summary.new == len(texts)
    return Query(open_store(db, readonly=True))


def test_same_layoff_from_two_outlets_is_one_event(tmp_path: Path, extractor: object) -> None:
    query = _store(
        tmp_path,
        [(WIRE, "Wire", date(2023, 3, 7)), (DAILY, "Daily", date(2023, 3, 8))],
    )
    timeline = query.timeline("Brightwell Motors")
    assert timeline is not None
    layoffs = [e for e in timeline.events if e.type == "layoff"]
    assert len({e.group_id for e in layoffs}) == 1
    assert timeline.jobs_cut_total == 2400
    assert {ev.source for e in layoffs for ev in e.evidence} == {"Wire", "Daily"}
    assert all(e.conflict is None for e in layoffs)


def test_differing_figures_are_kept_and_flagged(tmp_path: Path, extractor: object) -> None:
    query = _store(
        tmp_path,
        [(WIRE, "Wire", date(2023, 3, 7)), (DISAGREEING, "Gazette", date(2023, 3, 8))],
    )
    timeline = query.timeline("Brightwell Motors")
    assert timeline is not None
    layoffs = [e for e in timeline.events if e.type == "layoff"]
    assert sorted(e.fields["jobs"] for e in layoffs) == [2400, 2900]
    assert len({e.group_id for e in layoffs}) == 1
    assert any(e.conflict and "2,400" in e.conflict.replace("2400", "2,400") for e in layoffs)


def test_a_later_round_is_a_new_event(tmp_path: Path, extractor: object) -> None:
    query = _store(
        tmp_path,
        [(WIRE, "Wire", date(2023, 3, 7)), (LATER, "Wire", date(2024, 3, 12))],
    )
    timeline = query.timeline("Brightwell Motors")
    assert timeline is not None
    layoffs = [e for e in timeline.events if e.type == "layoff"]
    assert len({e.group_id for e in layoffs}) == 2
    assert timeline.jobs_cut_total == 3200
